"""Reading accounts and the audit log for the admin pages."""

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


def audit_entries(action: str = "") -> Select:
    """The audit log, newest first, optionally only one kind of action."""
    statement = select(AuditEntry)
    if action:
        statement = statement.where(AuditEntry.action == action)
    return statement.order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())


def audit_actions() -> list[str]:
    """Every action that occurs in the audit log."""
    return list(
        db.session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action))
    )


def count_rows(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model)) or 0
