"""Rating the answer to a proposal on the site (/proposals/<id>/rating)."""

from flask import render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from cocreate.core.views import carried_out
from cocreate.proposals import ratings
from cocreate.proposals.queries import visible_proposal
from cocreate.proposals.rating_forms import RatingForm
from cocreate.proposals.views import bp


@bp.route("/proposals/<int:proposal_id>/rating", methods=["GET", "POST"])
@login_required
def rate(proposal_id: int):
    proposal = visible_proposal(proposal_id, current_user)
    state = ratings.rating_state(current_user, proposal)
    form = RatingForm(obj=state.rating)
    if form.validate_on_submit():
        done = carried_out(
            lambda: ratings.rate_answer(proposal, current_user, **form.rating()),
            _("Tak for din bedømmelse af svaret."),
            url_for("proposals.detail", proposal_id=proposal.id, _anchor="rating"),
            form,
        )
        if done:
            return done
    return render_template(
        "proposals/rating.html",
        proposal=proposal,
        form=form,
        state=state,
    ), 400 if request.method == "POST" else 200
