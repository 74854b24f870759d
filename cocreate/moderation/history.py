"""The moderators' decisions in a proposal's history, notes for those who may read them."""

from sqlalchemy import select

from cocreate.extensions import db
from cocreate.moderation.models import Decision, ModerationDecision
from cocreate.moderation.permissions import can_read_moderation_notes
from cocreate.proposals.history import HistoryEvent, history_source


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
