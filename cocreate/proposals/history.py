"""A proposal's history: every decision, routing move and answer, with who and when."""

from dataclasses import dataclass, field
from datetime import datetime

from cocreate.moderation.models import Decision
from cocreate.moderation.permissions import can_read_moderation_notes
from cocreate.proposals.lifecycle import Action

# These steps are told by their richer records (decision, routing, response) instead.
_TOLD_ELSEWHERE = frozenset(
    {
        Action.APPROVE,
        Action.REQUEST_CHANGES,
        Action.REJECT,
        Action.ACCEPT,
        Action.PARTIALLY_ACCEPT,
        Action.DECLINE,
    }
)


@dataclass(frozen=True)
class HistoryEvent:
    kind: str  # "status", "decision", "routing" or "response"
    at: datetime
    actor: object | None
    record: object = field(compare=False)
    show_note: bool = True


def proposal_history(proposal, viewer) -> list[HistoryEvent]:
    """Merge the proposal's records into one list in the order they happened."""
    sees_notes = can_read_moderation_notes(viewer, proposal)
    events = [
        HistoryEvent("status", change.created_at, change.actor, change)
        for change in proposal.status_changes
        if change.action not in _TOLD_ELSEWHERE
    ]
    events += [
        HistoryEvent(
            "decision",
            decision.created_at,
            decision.moderator,
            decision,
            show_note=sees_notes or decision.decision == Decision.APPROVE,
        )
        for decision in proposal.decisions
    ]
    events += [
        HistoryEvent("routing", routing.created_at, routing.actor, routing)
        for routing in proposal.routings
    ]
    events += [
        HistoryEvent("response", response.created_at, response.author, response)
        for response in proposal.responses
    ]
    order = {"status": 0, "decision": 1, "routing": 2, "response": 3}
    return sorted(events, key=lambda event: (event.at, order[event.kind]))
