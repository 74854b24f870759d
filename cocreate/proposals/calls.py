"""Calls for proposals with what was sent to them: their phase, their figures, their lists.

The clock gives a call's first three phases (calls/models.py); the fourth, answered,
needs its proposals: a closed call is answered once it has proposals and none of them
still waits for a final answer (sent, published or under review). It is one SQL
expression, so lists, filters and the single page agree.
"""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import ColumnElement, and_, case, exists, func, select

from cocreate.calls.dates import local_date
from cocreate.calls.models import Call, CallPhase, CallTheme
from cocreate.calls.permissions import can_view_call
from cocreate.calls.queries import calls_visible_to
from cocreate.core.errors import NotFound
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.proposals.lifecycle import (
    ACCEPTED_STATUSES,
    ANSWERED_STATUSES,
    OPEN_WITH_DEPARTMENT,
    ProposalStatus,
)
from cocreate.proposals.models import Proposal

# Sent to the call and still waiting for the department's final answer.
# A proposal sent back for changes may still be sent again after the close.
AWAITING_ANSWER = OPEN_WITH_DEPARTMENT | {
    ProposalStatus.SUBMITTED,
    ProposalStatus.CHANGES_REQUESTED,
}
# The order of the list: open calls first, as they are what a visitor can act on.
PHASE_ORDER = (CallPhase.OPEN, CallPhase.UPCOMING, CallPhase.CLOSED, CallPhase.ANSWERED)


def phase_of(now: datetime) -> ColumnElement[str]:
    """A call's phase at now, as SQL."""
    sent = Proposal.call_id == Call.id
    awaiting = exists().where(sent, Proposal.status.in_(AWAITING_ANSWER))
    answered = exists().where(sent, Proposal.status.in_(ANSWERED_STATUSES))
    clock = Call.clock_phase(now)
    return case(
        (and_(clock == CallPhase.CLOSED.value, answered, ~awaiting), CallPhase.ANSWERED.value),
        else_=clock,
    )


@dataclass(frozen=True)
class CallFigures:
    """The call's own figures: what came in, and what became of it."""

    received: int = 0
    published: int = 0
    answered: int = 0
    accepted: int = 0

    def data(self) -> dict:
        return {
            "received": self.received,
            "published": self.published,
            "answered": self.answered,
            "accepted": self.accepted,
        }


@dataclass(frozen=True)
class PhasedCall:
    """A call with its phase and figures at the moment it was read."""

    call: Call
    phase: CallPhase
    figures: CallFigures
    now: datetime

    @property
    def accepts_proposals(self) -> bool:
        """Open, and published: a draft's dates may say open, but no one can send to it."""
        return self.phase == CallPhase.OPEN and self.call.is_published

    @property
    def days_left(self) -> int | None:
        """Calendar days in the municipality until the day it closes while open (0 on that
        day), else None."""
        if self.phase != CallPhase.OPEN:
            return None
        return (local_date(self.call.closes_at) - local_date(self.now)).days


def _figures_by_call(call_ids: list[int]) -> dict[int, CallFigures]:
    """The figures of each call, in one query."""
    if not call_ids:
        return {}
    public = Proposal.is_public

    def counted(condition):
        return func.count(case((condition, 1)))

    rows = db.session.execute(
        select(
            Proposal.call_id,
            counted(Proposal.submitted_at.is_not(None)),
            counted(public),
            counted(and_(public, Proposal.status.in_(ANSWERED_STATUSES))),
            counted(and_(public, Proposal.status.in_(ACCEPTED_STATUSES))),
        )
        .where(Proposal.call_id.in_(call_ids))
        .group_by(Proposal.call_id)
    )
    return {call_id: CallFigures(*numbers) for call_id, *numbers in rows}


def phased_calls(
    user, *, phase: CallPhase | None = None, theme=None, now: datetime | None = None
) -> list[PhasedCall]:
    """The calls the user may see (published, and drafts they manage), open first, in two
    queries."""
    now = now or utcnow()
    phase_column = phase_of(now).label("phase")
    statement = select(Call, phase_column).where(calls_visible_to(user))
    if phase is not None:
        statement = statement.where(phase_column == phase.value)
    if theme is not None:
        on_theme = select(CallTheme.call_id).where(CallTheme.theme_id == theme.id)
        statement = statement.where(Call.id.in_(on_theme))
    rows = [
        (call, CallPhase(found))
        for call, found in db.session.execute(statement.order_by(Call.closes_at, Call.id))
    ]
    figures = _figures_by_call([call.id for call, _ in rows])
    phased = [
        PhasedCall(call, found, figures.get(call.id, CallFigures()), now) for call, found in rows
    ]
    # Within a phase: the soonest to close or open first; what is over, the latest first.
    return sorted(phased, key=_list_position)


def _list_position(phased: PhasedCall):
    ended = phased.phase in (CallPhase.CLOSED, CallPhase.ANSWERED)
    moment = phased.call.opens_at if phased.phase == CallPhase.UPCOMING else phased.call.closes_at
    return (PHASE_ORDER.index(phased.phase), -moment.timestamp() if ended else moment.timestamp())


def visible_call(call_id: int, user, now: datetime | None = None) -> PhasedCall:
    """The call with its phase and figures, if the user may see it; else NotFound."""
    now = now or utcnow()
    row = db.session.execute(select(Call, phase_of(now)).where(Call.id == call_id)).one_or_none()
    if row is None or not can_view_call(user, row[0]):
        raise NotFound(_("Indkaldelsen findes ikke."))
    call, found = row
    return PhasedCall(
        call, CallPhase(found), _figures_by_call([call.id]).get(call.id, CallFigures()), now
    )


def open_calls(theme=None, now: datetime | None = None) -> list[Call]:
    """The calls open now (on the theme, if given), the soonest to close first."""
    now = now or utcnow()
    statement = select(Call).where(Call.is_open_at(now)).order_by(Call.closes_at, Call.id)
    if theme is not None:
        statement = statement.where(
            Call.id.in_(select(CallTheme.call_id).where(CallTheme.theme_id == theme.id))
        )
    return list(db.session.scalars(statement))
