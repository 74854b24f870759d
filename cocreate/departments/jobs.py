"""SLA reminders: to the department before and when a deadline passes, then to its heads."""

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from cocreate.core.outbox import job, known_keys
from cocreate.core.schedule import hourly, periodic
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.notifications.events import announce, outbox_key
from cocreate.notifications.kinds import NotificationKind as Kind
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import Proposal

SLA_REMINDERS = "departments.sla_reminders"
# Staff hear of a deadline this long before it passes ...
DUE_SOON = timedelta(days=1)
# ... and the department's heads hear when it has stayed overdue this long.
ESCALATE_AFTER = timedelta(days=3)
MILESTONES = (
    ("acknowledge", Proposal.acknowledge_due_at, (ProposalStatus.PUBLISHED,)),
    ("answer", Proposal.answer_due_at, (ProposalStatus.PUBLISHED, ProposalStatus.UNDER_REVIEW)),
)


def _stages(due, now) -> list[Kind]:
    if due > now:
        return [Kind.SLA_DUE_SOON]
    if due <= now - ESCALATE_AFTER:
        return [Kind.SLA_OVERDUE, Kind.SLA_ESCALATED]
    return [Kind.SLA_OVERDUE]


@job(SLA_REMINDERS)
def sla_reminders(payload: dict[str, Any]) -> None:
    """Announce each deadline that is near or past, once per stage and deadline."""
    now = utcnow()
    events = {}
    for milestone, due_column, statuses in MILESTONES:
        proposals = db.session.scalars(
            select(Proposal).where(
                Proposal.status.in_(statuses),
                Proposal.department_id.is_not(None),
                due_column <= now + DUE_SOON,
            )
        )
        for proposal in proposals:
            due = getattr(proposal, due_column.key)
            for kind in _stages(due, now):
                # The deadline is in the key: a transfer sets a new one, with new reminders.
                source = f"{milestone}:{proposal.id}:{int(due.timestamp())}"
                events[outbox_key(kind, source)] = (kind, source, proposal, milestone, due)
    known = known_keys(events)
    for key in sorted(set(events) - known):
        kind, source, proposal, milestone, due = events[key]
        announce(
            kind,
            source,
            proposal=proposal,
            department_id=proposal.department_id,
            department=proposal.department.name,
            milestone=milestone,
            date=due.isoformat(),
        )


periodic(SLA_REMINDERS, hourly)
