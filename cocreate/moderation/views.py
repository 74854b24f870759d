"""The moderation queue and the decision page."""

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from cocreate.core.pagination import paginate, requested_page
from cocreate.core.views import perform, require
from cocreate.extensions import db
from cocreate.moderation import permissions, services
from cocreate.moderation.forms import DecisionForm
from cocreate.moderation.models import Decision
from cocreate.proposals.queries import visible_proposal
from cocreate.proposals.similar.find import similar_proposals
from cocreate.strategy.models import Department

bp = Blueprint("moderation", __name__, url_prefix="/moderation")

DONE_MESSAGES = {
    Decision.APPROVE: lambda p: _(
        "Forslaget er godkendt og sendt til %(name)s.", name=p.department.display_name
    ),
    Decision.REQUEST_CHANGES: lambda p: _("Forfatteren er bedt om ændringer."),
    Decision.REJECT: lambda p: _("Forslaget er afvist."),
}


@bp.get("")
@login_required
def queue():
    require(permissions.can_moderate(current_user))
    page = paginate(
        services.moderation_queue(),
        requested_page(),
        current_app.config["PER_PAGE"],
    )
    return render_template("moderation/queue.html", page=page)


@bp.route("/<int:proposal_id>", methods=["GET", "POST"])
@login_required
def decide(proposal_id: int):
    require(permissions.can_moderate(current_user))
    proposal = visible_proposal(proposal_id, current_user)
    form = DecisionForm(
        default_department=services.default_department(proposal), version=proposal.version
    )
    if form.validate_on_submit():
        department = db.session.get(Department, form.department_id.data or 0)
        done, _record = perform(
            lambda: services.decide_proposal(
                proposal,
                current_user,
                department=department,
                seen_version=form.version.data,
                **form.choices(),
            ),
            form,
        )
        if done:
            flash(DONE_MESSAGES[form.choices()["decision"]](proposal), "success")
            return redirect(url_for("moderation.queue"))
        if not form.errors:
            # Refused for its state: most often another moderator decided first.
            return redirect(url_for("proposals.detail", proposal_id=proposal_id))
    similar = similar_proposals(proposal.title, proposal.summary, excluding=proposal.id)
    return render_template("moderation/decide.html", proposal=proposal, form=form, similar=similar)


# The flag queue and hiding proposals register their routes on bp.
from cocreate.moderation import flag_views  # noqa: E402, F401
