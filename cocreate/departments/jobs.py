"""SLA reminders: to the department before and when a deadline passes, then to its heads."""

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from cocreate.core.outbox import job, known_keys
from cocreate.core.schedule import hourly, periodic
from cocreate.core.types import utcnow
from cocreate.departments.notices import SLA_DUE_SOON, SLA_ESCALATED, SLA_OVERDUE
from cocreate.extensions import db
from cocreate.notifications.events import outbox_key
from cocreate.proposals.models import Proposal
from cocreate.proposals.notices import announce_about

SLA_REMINDERS = "departments.sla_reminders"
# Staff hear of a deadline this long before it passes ...
DUE_SOON = timedelta(days=1)
# ... and the department's heads hear when it has stayed overdue this long.
ESCALATE_AFTER = timedelta(days=3)


def _stages(due, now) -> list:
    if due > now:
        return [SLA_DUE_SOON]
    if due <= now - ESCALATE_AFTER:
        return [SLA_OVERDUE, SLA_ESCALATED]
    return [SLA_OVERDUE]


@job(SLA_REMINDERS)
def sla_reminders(payload: dict[str, Any]) -> None:
    """Announce each current deadline that is near or past, once per stage and deadline."""
    now = utcnow()
    events = {}
    proposals = db.session.scalars(
        select(Proposal).where(
            Proposal.department_id.is_not(None), Proposal.current_deadline <= now + DUE_SOON
        )
    )
    for proposal in proposals:
        due, milestone = proposal.current_deadline, proposal.current_milestone
        for kind in _stages(due, now):
            # The deadline is in the key: a transfer or a preliminary answer sets a new one,
            # with new reminders.
            source = f"{milestone}:{proposal.id}:{int(due.timestamp())}"
            events[outbox_key(kind, source)] = (kind, source, proposal, milestone, due)
    known = known_keys(events)
    for key in sorted(set(events) - known):
        kind, source, proposal, milestone, due = events[key]
        announce_about(
            kind,
            source,
            proposal,
            department_id=proposal.department_id,
            department=proposal.department.name,
            milestone=milestone,
            date=due.isoformat(),
        )


periodic(SLA_REMINDERS, hourly)
