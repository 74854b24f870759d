"""The follow-up of an accepted proposal: its milestones and the department's progress updates.

They are the department's record, beside the proposal's own; like the moderators' decisions
they live with the feature that writes them, and reach the proposal's page and history
through the parts and sources that feature registers.
"""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocreate.core.types import Id, Stamp, UTCDateTime, belongs_to
from cocreate.extensions import db
from cocreate.strategy.models import Department

MILESTONE_TITLE_MAX = 160
MILESTONE_DESCRIPTION_MAX = 2_000
PROGRESS_TEXT_MAX = 5_000


class Milestone(db.Model):
    """A planned step in carrying out an accepted proposal; done once done_on is set."""

    __tablename__ = "milestone"
    __table_args__ = (Index("ix_milestone_proposal_id_planned_on", "proposal_id", "planned_on"),)

    id: Mapped[Id]
    proposal_id: Mapped[int] = belongs_to("proposal")
    title: Mapped[str] = mapped_column(String(MILESTONE_TITLE_MAX))
    # Plain text, shown escaped.
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    planned_on: Mapped[date] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    # When staff recorded it done: where the proposal's history tells it.
    marked_done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[Stamp]
    updated_at: Mapped[Stamp]

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    def is_overdue(self, today: date) -> bool:
        """Its planned day has passed, and it is not done."""
        return self.done_on is None and self.planned_on < today


class ProgressUpdate(db.Model):
    """A dated public note from the owning department on how an accepted proposal is going."""

    __tablename__ = "progress_update"

    id: Mapped[Id]
    proposal_id: Mapped[int] = belongs_to("proposal", index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    text: Mapped[str] = mapped_column(Text)
    text_html: Mapped[str] = mapped_column(Text)
    created_at: Mapped[Stamp]

    department: Mapped[Department] = relationship(lazy="joined")
    author: Mapped["User | None"] = relationship(lazy="joined")  # noqa: F821
