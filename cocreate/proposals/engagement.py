"""Supporting a proposal, and the support and follow state shown on the proposal page."""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import delete, exists, select

from cocreate.core.errors import PermissionDenied, TransitionNotAllowed
from cocreate.core.once import insert_once
from cocreate.core.permissions import is_account
from cocreate.extensions import db
from cocreate.proposals import permissions
from cocreate.proposals.counters import move_count
from cocreate.proposals.models import Follow, Proposal, Support
from cocreate.proposals.page import page_part
from cocreate.proposals.queries import load_proposal


def support_proposal(proposal: Proposal, user) -> bool:
    """Add the account's support, once; tell whether this call added it.

    Afterwards proposal.support_count holds the count as the database has it.
    """
    if not permissions.can_support_proposal(user, proposal):
        _require_account(user)
        if proposal.status not in permissions.SUPPORTABLE_STATUSES:
            raise TransitionNotAllowed(
                _(
                    "Forslaget kan kun støttes, mens det er offentliggjort eller under "
                    "behandling. Det har status «%(status)s».",
                    status=proposal.status.label,
                )
            )
        raise TransitionNotAllowed(_("Forslaget er skjult af moderatorerne og kan ikke støttes."))
    added = insert_once(Support.__table__, proposal_id=proposal.id, user_id=user.id)
    move_count(proposal.id, "support_count", 1 if added else 0)
    return added


def withdraw_support(proposal: Proposal, user) -> bool:
    """Take the account's support back; tell whether there was one to take back."""
    if not permissions.can_withdraw_support(user, proposal):
        _require_account(user)
        raise TransitionNotAllowed(
            _(
                "Støtten kan ikke trækkes tilbage, når forslaget har status «%(status)s».",
                status=proposal.status.label,
            )
        )
    table = Support.__table__
    result = db.session.execute(
        delete(table).where(table.c.proposal_id == proposal.id, table.c.user_id == user.id)
    )
    removed = result.rowcount == 1
    move_count(proposal.id, "support_count", -1 if removed else 0)
    return removed


def _support_by(user, proposal: Proposal):
    return exists().where(Support.proposal_id == proposal.id, Support.user_id == user.id)


def supports(user, proposal: Proposal) -> bool:
    """Whether the account supports the proposal."""
    return is_account(user) and bool(db.session.scalar(select(_support_by(user, proposal))))


def proposal_to_withdraw_from(proposal_id: int, user) -> Proposal | None:
    """The proposal whose support the account takes back: one it may see, or one it supports.

    A moderator may hide a proposal after accounts supported it; they may still take their
    support back. Anyone else learns nothing of a proposal hidden from them: None.
    """
    proposal = load_proposal(proposal_id)
    if proposal is None:
        return None
    if permissions.can_view_proposal(user, proposal) or supports(user, proposal):
        return proposal
    return None


def _require_account(user) -> None:
    if not is_account(user):
        raise PermissionDenied(_("Log ind for at støtte forslaget."))


@dataclass(frozen=True)
class Engagement:
    """What the viewer has done with the proposal and what they may do now."""

    supported: bool
    following: bool
    accepts_support: bool  # open for support at all, whoever looks
    can_support: bool
    can_withdraw: bool
    can_follow: bool


@page_part
def engagement_context(proposal: Proposal, viewer) -> dict:
    """Template context for the proposal page, in a fixed number of queries."""
    supported = following = False
    if is_account(viewer):
        supported, following = db.session.execute(
            select(
                _support_by(viewer, proposal),
                exists().where(Follow.proposal_id == proposal.id, Follow.user_id == viewer.id),
            )
        ).one()
    return {
        "engagement": Engagement(
            supported=supported,
            following=following,
            accepts_support=permissions.accepts_support(proposal),
            can_support=not supported and permissions.can_support_proposal(viewer, proposal),
            can_withdraw=supported and permissions.can_withdraw_support(viewer, proposal),
            can_follow=permissions.can_follow_proposal(viewer, proposal),
        )
    }
