"""Helpers for the organisation tests: counting rows, reading the audit log, inviting."""

from sqlalchemy import func, select

from cocreate.core.audit import AuditEntry
from cocreate.extensions import db
from cocreate.organisations.services import invite_member


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def audit_actions(organisation) -> list[str]:
    """The organisation's audit log, oldest first, as action codes."""
    return list(
        db.session.scalars(
            select(AuditEntry.action)
            .where(
                AuditEntry.subject_type == "organisation", AuditEntry.subject_id == organisation.id
            )
            .order_by(AuditEntry.id)
        )
    )


def invite(organisation, user):
    """Have the organisation's founder invite the account, which has not answered yet."""
    invitation = invite_member(organisation, organisation.members[0].user, user.email)
    db.session.commit()
    return invitation
