"""Who hears of an event: each kind names its audience, resolved when the event is sent."""

from collections.abc import Callable
from typing import Any

from sqlalchemy import CompoundSelect, Select, select, union

from cocreate.accounts.models import OrganisationMembership
from cocreate.notifications.kinds import NotificationKind as Kind
from cocreate.panel.models import PanelConflict, PanelMember, PanelReview
from cocreate.proposals.models import CoauthorStatus, Follow, Proposal, ProposalCoauthor
from cocreate.strategy.models import DepartmentMembership

Audience = Callable[[dict[str, Any]], Select | CompoundSelect]


def _author_parts(proposal_id: int) -> tuple[Select, Select]:
    return (
        select(Proposal.author_id).where(Proposal.id == proposal_id),
        select(ProposalCoauthor.user_id).where(
            ProposalCoauthor.proposal_id == proposal_id,
            ProposalCoauthor.status == CoauthorStatus.ACCEPTED,
        ),
    )


def authors(payload: dict[str, Any]) -> CompoundSelect:
    """The proposal's author and the co-authors who accepted."""
    return union(*_author_parts(payload["proposal_id"]))


def followers(payload: dict[str, Any]) -> Select:
    return select(Follow.user_id).where(Follow.proposal_id == payload["proposal_id"])


def authors_and_followers(payload: dict[str, Any]) -> CompoundSelect:
    # One flat UNION: SQLite does not take a UNION nested in parentheses.
    return union(*_author_parts(payload["proposal_id"]), followers(payload))


def theme_followers(payload: dict[str, Any]) -> Select:
    return select(Follow.user_id).where(Follow.theme_id.in_(payload["theme_ids"]))


def department_staff(payload: dict[str, Any]) -> Select:
    return select(DepartmentMembership.user_id).where(
        DepartmentMembership.department_id == payload["department_id"]
    )


def department_heads(payload: dict[str, Any]) -> Select:
    return department_staff(payload).where(DepartmentMembership.is_head.is_(True))


def invitee(payload: dict[str, Any]) -> Select:
    return select(ProposalCoauthor.user_id).where(
        ProposalCoauthor.id == payload["invitation_id"],
        ProposalCoauthor.status == CoauthorStatus.INVITED,
    )


def organisation_members(payload: dict[str, Any]) -> Select:
    return select(OrganisationMembership.user_id).where(
        OrganisationMembership.organisation_id == payload["organisation_id"],
        OrganisationMembership.accepted_at.is_not(None),
    )


def panel_members(payload: dict[str, Any]) -> Select:
    """Active members who have neither a conflict on the proposal nor a review of it yet."""
    proposal_id = payload["proposal_id"]
    return select(PanelMember.user_id).where(
        PanelMember.active.is_(True),
        PanelMember.id.not_in(
            select(PanelConflict.member_id).where(PanelConflict.proposal_id == proposal_id)
        ),
        PanelMember.id.not_in(
            select(PanelReview.member_id).where(PanelReview.proposal_id == proposal_id)
        ),
    )


AUDIENCES: dict[Kind, Audience] = {
    Kind.PROPOSAL_RECEIVED: authors,
    Kind.PROPOSAL_APPROVED: authors,
    Kind.CHANGES_REQUESTED: authors,
    Kind.PROPOSAL_REJECTED: authors,
    Kind.PROPOSAL_TRANSFERRED: authors,
    Kind.PROPOSAL_ACKNOWLEDGED: authors_and_followers,
    Kind.PRELIMINARY_ANSWER: authors_and_followers,
    Kind.FINAL_ANSWER: authors_and_followers,
    Kind.PROPOSAL_IMPLEMENTED: authors_and_followers,
    Kind.NEW_COMMENT: followers,
    Kind.THEME_PROPOSAL: theme_followers,
    Kind.COAUTHOR_INVITATION: invitee,
    Kind.ORGANISATION_VERIFIED: organisation_members,
    Kind.PROPOSAL_ROUTED: department_staff,
    Kind.SLA_DUE_SOON: department_staff,
    Kind.SLA_OVERDUE: department_staff,
    Kind.SLA_ESCALATED: department_heads,
    Kind.PANEL_REQUEST: panel_members,
    Kind.PANEL_REMINDER: panel_members,
}
