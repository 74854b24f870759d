"""Reading a department's inbox."""

from datetime import datetime

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import selectinload

from cocreate.extensions import db
from cocreate.proposals.lifecycle import OPEN_WITH_DEPARTMENT
from cocreate.proposals.models import Proposal


def _open_at(department):
    return Proposal.department_id == department.id, Proposal.status.in_(OPEN_WITH_DEPARTMENT)


def inbox(department, now: datetime) -> Select:
    """Proposals the department has open: overdue first, then newest."""
    overdue_first = case((Proposal.is_overdue(now), 0), else_=1)
    return (
        select(Proposal)
        .options(selectinload(Proposal.theme_links))
        .where(*_open_at(department))
        .order_by(overdue_first, Proposal.routed_at.desc(), Proposal.id.desc())
    )


def overdue_count(department, now: datetime) -> int:
    """How many of the department's open proposals are overdue."""
    statement = select(func.count(Proposal.id)).where(
        *_open_at(department), Proposal.is_overdue(now)
    )
    return db.session.scalar(statement) or 0
