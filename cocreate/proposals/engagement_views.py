"""Supporting and following a proposal, and the page of what an account follows."""

from collections.abc import Callable
from dataclasses import dataclass

from flask import abort, current_app, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from cocreate.accounts.views import safe_next
from cocreate.core.pagination import paginate, requested_page
from cocreate.core.views import add_views, get_or_404, perform, tell_change
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


def _withdrawable(proposal_id: int, user):
    # A supporter may take the support back from a proposal a moderator has since hidden.
    proposal = engagement.proposal_to_withdraw_from(proposal_id, user)
    if proposal is None:
        abort(404)
    return proposal


def _any(proposal_id: int, user):
    # No visibility check: an account may stop following a proposal that has left public view.
    return get_or_404(Proposal, proposal_id)


@dataclass(frozen=True)
class Engagement:
    """Supporting or following, and taking it back: idempotent steps that say what changed."""

    load: Callable[[int, object], Proposal]
    step: Callable[[Proposal, object], bool]
    changed: str
    unchanged: str


PATH = "/proposals/<int:proposal_id>/"
ENGAGEMENTS = {
    "support": (
        PATH + "support",
        Engagement(
            visible_proposal,
            engagement.support_proposal,
            _l("Tak for din støtte til forslaget."),
            _l("Du støtter allerede forslaget."),
        ),
    ),
    "withdraw_support": (
        PATH + "support/withdraw",
        Engagement(
            _withdrawable,
            engagement.withdraw_support,
            _l("Din støtte er trukket tilbage."),
            _l("Du støttede ikke forslaget."),
        ),
    ),
    "follow": (
        PATH + "follow",
        Engagement(
            visible_proposal,
            follows.follow_proposal,
            _l("Du følger nu forslaget."),
            _l("Du følger allerede forslaget."),
        ),
    ),
    "unfollow": (
        PATH + "unfollow",
        Engagement(
            _any,
            follows.unfollow_proposal,
            _l("Du følger ikke længere forslaget."),
            _l("Du fulgte ikke forslaget."),
        ),
    ),
}


@login_required
def engage(engaging: Engagement, proposal_id: int):
    proposal = engaging.load(proposal_id, current_user)
    done, changed = perform(lambda: engaging.step(proposal, current_user))
    tell_change(done, changed, str(engaging.changed), str(engaging.unchanged))
    return _back_to(proposal_id)


add_views(bp, engage, ENGAGEMENTS, methods=["POST"])


@bp.get("/my/following")
@login_required
def following():
    page = paginate(
        follows.followed_proposals(current_user), requested_page(), current_app.config["PER_PAGE"]
    )
    return render_template(
        "proposals/following.html", page=page, themes=follows.followed_themes(current_user)
    )
