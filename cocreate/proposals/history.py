"""A proposal's history: every step, routing move, answer and decision, with who and when.

The lifecycle's steps, the routing moves and the answers are the proposal's own records;
features above proposals add theirs (moderation its decisions) by registering a source,
the way jobs are registered.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from cocreate.proposals.lifecycle import Action

# These steps are told by their richer records (a moderator's decision, an answer) instead.
TOLD_ELSEWHERE = frozenset(
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
    # How the record is shown: "status", "routing", "response", or a kind a source above
    # adds ("decision"; "progress_update" and "milestone" of the follow-up).
    kind: str
    at: datetime
    actor: object | None
    record: object = field(compare=False)
    show_note: bool = True
    # Of events at the same moment, the lower comes first (a step before its routing).
    order: int = 0


HistorySource = Callable[[object, object], list[HistoryEvent]]
SOURCES: list[HistorySource] = []


def history_source(source: HistorySource) -> HistorySource:
    """Register a function (proposal, viewer) -> events that belong in the history."""
    SOURCES.append(source)
    return source


@history_source
def _steps(proposal, viewer) -> list[HistoryEvent]:
    return [
        HistoryEvent("status", change.created_at, change.actor, change)
        for change in proposal.status_changes
        if change.action not in TOLD_ELSEWHERE
    ]


@history_source
def _routings(proposal, viewer) -> list[HistoryEvent]:
    return [
        HistoryEvent("routing", routing.created_at, routing.actor, routing, order=2)
        for routing in proposal.routings
    ]


@history_source
def _responses(proposal, viewer) -> list[HistoryEvent]:
    return [
        HistoryEvent("response", response.created_at, response.author, response, order=3)
        for response in proposal.responses
    ]


def proposal_history(proposal, viewer) -> list[HistoryEvent]:
    """Every source's events for the proposal, in the order they happened."""
    events = [event for source in SOURCES for event in source(proposal, viewer)]
    return sorted(events, key=lambda event: (event.at, event.order))
