"""Reading a department's inbox."""

from datetime import datetime

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import selectinload

from cocreate.extensions import db
from cocreate.proposals.lifecycle import OPEN_WITH_DEPARTMENT, ProposalStatus
from cocreate.proposals.models import Proposal


def overdue_condition(now: datetime):
    """SQL for "the owning department has passed a deadline" (mirrors Proposal.is_overdue)."""
    return and_(
        Proposal.status.in_(OPEN_WITH_DEPARTMENT),
        or_(
            and_(Proposal.status == ProposalStatus.PUBLISHED, Proposal.acknowledge_due_at < now),
            Proposal.answer_due_at < now,
        ),
    )


def inbox(department, now: datetime) -> Select:
    """Proposals the department has open: overdue first, then newest."""
    overdue_first = case((overdue_condition(now), 0), else_=1)
    return (
        select(Proposal)
        .options(selectinload(Proposal.theme_links))
        .where(Proposal.department_id == department.id, Proposal.status.in_(OPEN_WITH_DEPARTMENT))
        .order_by(overdue_first, Proposal.routed_at.desc(), Proposal.id.desc())
    )


def overdue_count(department, now: datetime) -> int:
    """How many of the department's open proposals are overdue."""
    statement = select(func.count(Proposal.id)).where(
        Proposal.department_id == department.id, overdue_condition(now)
    )
    return db.session.scalar(statement) or 0
