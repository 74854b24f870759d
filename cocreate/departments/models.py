"""Departments, their staff, routing moves and public answers."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocreate.core.types import LabelledEnum, UTCDateTime, enum_column, labels, utcnow
from cocreate.extensions import db

RESPONSE_TEXT_MAX = 10_000
ROUTING_REASON_MAX = 2_000


class Department(db.Model):
    __tablename__ = "department"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    sla_acknowledge_days: Mapped[int] = mapped_column(default=10)
    sla_answer_days: Mapped[int] = mapped_column(default=60)

    memberships: Mapped[list["DepartmentMembership"]] = relationship(
        back_populates="department", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Department {self.slug}>"


class DepartmentMembership(db.Model):
    __tablename__ = "department_membership"
    __table_args__ = (UniqueConstraint("user_id", "department_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    department_id: Mapped[int] = mapped_column(
        ForeignKey("department.id", ondelete="CASCADE"), index=True
    )
    is_head: Mapped[bool] = mapped_column(default=False)

    user: Mapped["User"] = relationship(back_populates="memberships")  # noqa: F821
    department: Mapped[Department] = relationship(back_populates="memberships")


class Routing(db.Model):
    """One move of a proposal to a department: the first routing or a transfer."""

    __tablename__ = "routing"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposal.id", ondelete="CASCADE"), index=True
    )
    from_department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    to_department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    from_department: Mapped[Department | None] = relationship(
        foreign_keys=[from_department_id], lazy="joined"
    )
    to_department: Mapped[Department] = relationship(foreign_keys=[to_department_id], lazy="joined")
    actor: Mapped["User | None"] = relationship(lazy="joined")  # noqa: F821


class Outcome(LabelledEnum):
    UNDER_REVIEW = "under_review"
    ACCEPTED = "accepted"
    PARTIALLY_ACCEPTED = "partially_accepted"
    DECLINED = "declined"
    IMPLEMENTED = "implemented"


OUTCOME_LABELS = labels(
    Outcome,
    {
        Outcome.UNDER_REVIEW: _l("Under behandling"),
        Outcome.ACCEPTED: _l("Imødekommet"),
        Outcome.PARTIALLY_ACCEPTED: _l("Delvist imødekommet"),
        Outcome.DECLINED: _l("Afslået"),
        Outcome.IMPLEMENTED: _l("Gennemført"),
    },
)


class Response(db.Model):
    """A department's public answer; a preliminary one opens a comment window."""

    __tablename__ = "response"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposal.id", ondelete="CASCADE"), index=True
    )
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    outcome: Mapped[Outcome] = mapped_column(enum_column(Outcome))
    text: Mapped[str] = mapped_column(Text)
    text_html: Mapped[str] = mapped_column(Text)
    preliminary: Mapped[bool] = mapped_column(default=False)
    comment_window_ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    department: Mapped[Department] = relationship(lazy="joined")
    author: Mapped["User | None"] = relationship(lazy="joined")  # noqa: F821

    def comment_window_open(self, now: datetime) -> bool:
        return bool(
            self.preliminary and self.comment_window_ends_at and now < self.comment_window_ends_at
        )
