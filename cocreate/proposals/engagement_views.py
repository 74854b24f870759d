"""Supporting and following a proposal, and the page of what an account follows."""

from flask import abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from cocreate.accounts.views import safe_next
from cocreate.core.pagination import paginate, requested_page
from cocreate.core.views import get_or_404, perform, tell_change
from cocreate.proposals import engagement, follows
from cocreate.proposals.models import Proposal
from cocreate.proposals.queries import visible_proposal
from cocreate.proposals.views import bp


def _back_to(proposal_id: int):
    """Back where the form was (a path on this site), else to the proposal's engagement box."""
    target = safe_next(request.form.get("next"))
    return redirect(
        target or url_for("proposals.detail", proposal_id=proposal_id, _anchor="engagement")
    )


@bp.post("/proposals/<int:proposal_id>/support")
@login_required
def support(proposal_id: int):
    proposal = visible_proposal(proposal_id, current_user)
    done, added = perform(lambda: engagement.support_proposal(proposal, current_user))
    tell_change(
        done, added, _("Tak for din støtte til forslaget."), _("Du støtter allerede forslaget.")
    )
    return _back_to(proposal_id)


@bp.post("/proposals/<int:proposal_id>/support/withdraw")
@login_required
def withdraw_support(proposal_id: int):
    # A supporter may take the support back from a proposal a moderator has since hidden.
    proposal = engagement.proposal_to_withdraw_from(proposal_id, current_user)
    if proposal is None:
        abort(404)
    done, removed = perform(lambda: engagement.withdraw_support(proposal, current_user))
    tell_change(
        done, removed, _("Din støtte er trukket tilbage."), _("Du støttede ikke forslaget.")
    )
    return _back_to(proposal_id)


@bp.post("/proposals/<int:proposal_id>/follow")
@login_required
def follow(proposal_id: int):
    proposal = visible_proposal(proposal_id, current_user)
    done, added = perform(lambda: follows.follow_proposal(proposal, current_user))
    tell_change(done, added, _("Du følger nu forslaget."), _("Du følger allerede forslaget."))
    return _back_to(proposal_id)


@bp.post("/proposals/<int:proposal_id>/unfollow")
@login_required
def unfollow(proposal_id: int):
    # No visibility check: an account may stop following a proposal that has left public view.
    proposal = get_or_404(Proposal, proposal_id)
    done, removed = perform(lambda: follows.unfollow_proposal(proposal, current_user))
    tell_change(
        done, removed, _("Du følger ikke længere forslaget."), _("Du fulgte ikke forslaget.")
    )
    return _back_to(proposal_id)


@bp.get("/my/following")
@login_required
def following():
    page = paginate(
        follows.followed_proposals(current_user), requested_page(), current_app.config["PER_PAGE"]
    )
    return render_template(
        "proposals/following.html", page=page, themes=follows.followed_themes(current_user)
    )
