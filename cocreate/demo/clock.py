"""Demo history: move what a service call wrote back to the day the story says."""

from datetime import datetime, timedelta

from sqlalchemy import inspect, select

from cocreate.accounts.models import User
from cocreate.core.audit import AuditEntry
from cocreate.core.types import UTCDateTime
from cocreate.extensions import db
from cocreate.proposals.models import Proposal

# A deadline keeps its distance to the moment it counts from. The answer deadline
# counts from the first routing (at approval), which a transfer does not move.
DEADLINES = {
    "routed_at": ("acknowledge_due_at",),
    "published_at": ("answer_due_at",),
    "created_at": ("comment_window_ends_at",),
}
_DEADLINE_NAMES = frozenset(name for names in DEADLINES.values() for name in names)


def moment(now: datetime, days_ago: int, salt: int) -> datetime:
    """A time in office hours `days_ago` days before now; salt varies the hour."""
    day = now.replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=days_ago)
    return day + timedelta(hours=7 + salt % 8, minutes=salt * 17 % 60)


def _rows_about(subject) -> list:
    if isinstance(subject, Proposal):
        return [
            subject,
            *subject.status_changes,
            *subject.decisions,
            *subject.routings,
            *subject.responses,
        ]
    if isinstance(subject, User):
        return [subject, *subject.role_grants]
    return [subject]


def backdate(subject, since: datetime, when: datetime) -> None:
    """Move every time written about subject since `since` to `when`, deadlines alike."""
    db.session.flush()
    audit = db.session.scalars(
        select(AuditEntry).where(
            AuditEntry.subject_type == subject.__tablename__,
            AuditEntry.subject_id == subject.id,
            AuditEntry.created_at >= since,
        )
    )
    for row in (*_rows_about(subject), *audit):
        for attribute in inspect(row).mapper.column_attrs:
            name = attribute.key
            if name in _DEADLINE_NAMES or not isinstance(attribute.columns[0].type, UTCDateTime):
                continue
            written = getattr(row, name)
            if written is None or written < since:
                continue
            setattr(row, name, when)
            for deadline in DEADLINES.get(name, ()):
                due = getattr(row, deadline, None)
                if due is not None:
                    setattr(row, deadline, due - (written - when))
    db.session.flush()
