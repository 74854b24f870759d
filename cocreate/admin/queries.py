"""Reading accounts and the audit log for the admin pages."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import selectinload

from cocreate.accounts.models import User
from cocreate.core.audit import AuditEntry
from cocreate.extensions import db
from cocreate.strategy.models import DepartmentMembership


def search_users(text: str = "") -> Select:
    """Accounts whose name or e-mail contains text, by name, with roles and departments."""
    statement = select(User).options(
        selectinload(User.role_grants),
        selectinload(User.memberships).selectinload(DepartmentMembership.department),
    )
    text = text.strip()
    if text:
        statement = statement.where(
            or_(
                User.name.icontains(text, autoescape=True),
                User.email.icontains(text, autoescape=True),
            )
        )
    return statement.order_by(func.lower(User.name), User.id)


def audit_entries(
    action: str = "",
    subject_type: str = "",
    actor_id: int | None = None,
    since: date | None = None,
    until: date | None = None,
) -> Select:
    """The audit log, newest first; each filter given narrows it (days where the
    municipality is, both ends included)."""
    statement = select(AuditEntry)
    if action:
        statement = statement.where(AuditEntry.action == action)
    if subject_type:
        statement = statement.where(AuditEntry.subject_type == subject_type)
    if actor_id is not None:
        statement = statement.where(AuditEntry.actor_id == actor_id)
    if since is not None:
        statement = statement.where(AuditEntry.created_at >= start_of_day(since))
    if until is not None:
        statement = statement.where(AuditEntry.created_at < start_of_day(until + timedelta(days=1)))
    return statement.order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())


def start_of_day(day: date) -> datetime:
    """Midnight at the start of the day where the municipality is, in UTC."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return datetime.combine(day, time(), tzinfo=zone).astimezone(UTC)


def audit_actors() -> list[tuple[int, str]]:
    """The accounts that appear in the audit log as having done something, by name."""
    actors = select(AuditEntry.actor_id).where(AuditEntry.actor_id.is_not(None)).distinct()
    rows = select(User.id, User.name).where(User.id.in_(actors)).order_by(func.lower(User.name))
    return [tuple(row) for row in db.session.execute(rows)]


def audit_actions() -> list[str]:
    """Every action that occurs in the audit log."""
    return list(
        db.session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action))
    )


def count_rows(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model)) or 0
