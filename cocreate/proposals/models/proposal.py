"""Proposals, the themes they are linked to, and their co-authors."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocreate.core.types import LabelledEnum, UTCDateTime, enum_column, labels, utcnow
from cocreate.extensions import db
from cocreate.proposals.lifecycle import OPEN_WITH_DEPARTMENT, ProposalStatus

TITLE_MAX = 160
SUMMARY_MAX = 500
BODY_MAX = 20_000


class ProposalTheme(db.Model):
    __tablename__ = "proposal_theme"

    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposal.id", ondelete="CASCADE"), primary_key=True
    )
    theme_id: Mapped[int] = mapped_column(ForeignKey("theme.id"), primary_key=True, index=True)
    # The first theme (position 0) decides the default department.
    position: Mapped[int] = mapped_column(default=0)

    theme: Mapped["Theme"] = relationship(lazy="joined")  # noqa: F821


class CoauthorStatus(LabelledEnum):
    INVITED = "invited"
    ACCEPTED = "accepted"
    DECLINED = "declined"


COAUTHOR_STATUS_LABELS = labels(
    CoauthorStatus,
    {
        CoauthorStatus.INVITED: _l("Inviteret"),
        CoauthorStatus.ACCEPTED: _l("Medforfatter"),
        CoauthorStatus.DECLINED: _l("Takket nej"),
    },
)


class ProposalCoauthor(db.Model):
    """An account invited to write a proposal with its author."""

    __tablename__ = "proposal_coauthor"
    __table_args__ = (UniqueConstraint("proposal_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposal.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    status: Mapped[CoauthorStatus] = mapped_column(
        enum_column(CoauthorStatus), default=CoauthorStatus.INVITED
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped["User"] = relationship(foreign_keys=[user_id], lazy="joined")  # noqa: F821


class Proposal(db.Model):
    __tablename__ = "proposal"
    __table_args__ = (
        Index("ix_proposal_status_published_at", "status", "published_at"),
        Index("ix_proposal_department_id_status", "department_id", "status"),
        Index("ix_proposal_status_submitted_at", "status", "submitted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    summary: Mapped[str] = mapped_column(String(SUMMARY_MAX))
    body: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    status: Mapped[ProposalStatus] = mapped_column(
        enum_column(ProposalStatus), default=ProposalStatus.DRAFT
    )
    author_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    # The association or business the author acts for, if any.
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    status_changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    implemented_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set when routed; the department's SLA turns them into deadlines.
    routed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    acknowledge_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answer_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    # Hidden by a moderator (a flag, not a state): out of lists, shown with a notice.
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hidden_reason: Mapped[str] = mapped_column(Text, default="", server_default="")

    # Kept on the row so that lists sort and show counts without joins.
    support_count: Mapped[int] = mapped_column(default=0)
    comment_count: Mapped[int] = mapped_column(default=0)

    version: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version}

    author: Mapped["User"] = relationship(lazy="joined")  # noqa: F821
    organisation: Mapped["Organisation | None"] = relationship(lazy="joined")  # noqa: F821
    department: Mapped["Department | None"] = relationship(lazy="joined")  # noqa: F821
    theme_links: Mapped[list[ProposalTheme]] = relationship(
        order_by=ProposalTheme.position, cascade="all, delete-orphan", lazy="selectin"
    )
    status_changes: Mapped[list["StatusChange"]] = relationship(  # noqa: F821
        back_populates="proposal", order_by="StatusChange.id", cascade="all, delete-orphan"
    )
    decisions: Mapped[list["ModerationDecision"]] = relationship(  # noqa: F821
        back_populates="proposal", order_by="ModerationDecision.id", cascade="all, delete-orphan"
    )
    routings: Mapped[list["Routing"]] = relationship(  # noqa: F821
        order_by="Routing.id", cascade="all, delete-orphan"
    )
    responses: Mapped[list["Response"]] = relationship(  # noqa: F821
        order_by="Response.id", cascade="all, delete-orphan"
    )
    coauthors: Mapped[list[ProposalCoauthor]] = relationship(
        order_by=ProposalCoauthor.id, cascade="all, delete-orphan"
    )

    @property
    def themes(self) -> list["Theme"]:  # noqa: F821
        return [link.theme for link in self.theme_links]

    @property
    def theme_ids(self) -> list[int]:
        return [link.theme_id for link in self.theme_links]

    def is_overdue(self, now: datetime) -> bool:
        """Tell whether the owning department has passed a deadline of its SLA."""
        if self.status not in OPEN_WITH_DEPARTMENT:
            return False
        late_ack = (
            self.status == ProposalStatus.PUBLISHED
            and self.acknowledge_due_at is not None
            and now > self.acknowledge_due_at
        )
        late_answer = self.answer_due_at is not None and now > self.answer_due_at
        return late_ack or late_answer

    def __repr__(self) -> str:
        return f"<Proposal {self.id} {self.status}>"
