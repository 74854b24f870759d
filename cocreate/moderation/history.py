"""The moderators' decisions on a proposal's page: in its history, notes for those who may
read them, and at the top of a proposal sent back or rejected, why."""

from sqlalchemy import select

from cocreate.extensions import db
from cocreate.moderation.models import Decision, ModerationDecision
from cocreate.moderation.permissions import can_read_moderation_notes
from cocreate.proposals.engagement import supports
from cocreate.proposals.history import HistoryEvent, history_source
from cocreate.proposals.page import page_part
from cocreate.proposals.permissions import can_support_proposal


@history_source
def moderation_decisions(proposal, viewer) -> list[HistoryEvent]:
    """One event per decision, in one query; an approval's note is for everyone."""
    sees_notes = can_read_moderation_notes(viewer, proposal)
    decisions = db.session.scalars(
        select(ModerationDecision)
        .where(ModerationDecision.proposal_id == proposal.id)
        .order_by(ModerationDecision.id)
    )
    return [
        HistoryEvent(
            "decision",
            decision.created_at,
            decision.moderator,
            decision,
            show_note=sees_notes or decision.decision == Decision.APPROVE,
            order=1,
        )
        for decision in decisions
    ]


@page_part
def verdict_context(proposal, viewer) -> dict:
    """Why a proposal was sent back (for those who may read the note) or rejected (for all
    who may see the proposal): the latest decision, shown at the top of its page."""
    status = proposal.status
    shown = status.is_rejected or (
        status.is_sent_back and can_read_moderation_notes(viewer, proposal)
    )
    if not shown:
        return {
            "moderation_verdict": None,
            "original": None,
            "original_supported": False,
            "original_supportable": False,
        }
    latest = db.session.scalars(
        select(ModerationDecision)
        .where(ModerationDecision.proposal_id == proposal.id)
        .order_by(ModerationDecision.id.desc())
        .limit(1)
    ).first()
    original = latest.original if latest is not None else None
    if original is not None and not original.is_public:
        original = None  # since hidden or withdrawn: no longer for everyone to see
    supported = original is not None and supports(viewer, original)
    return {
        "moderation_verdict": latest,
        "original": original,
        # A duplicate's author is offered to support the proposal it repeats.
        "original_supported": supported,
        "original_supportable": original is not None
        and not supported
        and can_support_proposal(viewer, original),
    }
