"""Proposals, the themes they are linked to, and their co-authors."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    ColumnElement,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    and_,
    case,
    null,
)
from sqlalchemy.ext.hybrid import hybrid_method, hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocreate.calls.models import Call
from cocreate.core.types import Id, LabelledEnum, Stamp, UTCDateTime, belongs_to, enum_column
from cocreate.extensions import db
from cocreate.proposals.lifecycle import PUBLIC_STATUSES, Action, ProposalStatus

TITLE_MAX = 160
SUMMARY_MAX = 500
BODY_MAX = 20_000


class ProposalTheme(db.Model):
    __tablename__ = "proposal_theme"

    proposal_id: Mapped[int] = belongs_to("proposal", primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("theme.id"), primary_key=True, index=True)
    # The first theme (position 0) decides the default department.
    position: Mapped[int] = mapped_column(default=0)

    theme: Mapped["Theme"] = relationship(lazy="joined")  # noqa: F821


class CoauthorStatus(LabelledEnum):
    INVITED = "invited", _l("Inviteret")
    ACCEPTED = "accepted", _l("Medforfatter")
    DECLINED = "declined", _l("Takket nej")


class ProposalCoauthor(db.Model):
    """An account invited to write a proposal with its author."""

    __tablename__ = "proposal_coauthor"
    __table_args__ = (UniqueConstraint("proposal_id", "user_id"),)

    id: Mapped[Id]
    proposal_id: Mapped[int] = belongs_to("proposal", index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    status: Mapped[CoauthorStatus] = mapped_column(
        enum_column(CoauthorStatus), default=CoauthorStatus.INVITED
    )
    created_at: Mapped[Stamp]
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped["User"] = relationship(foreign_keys=[user_id], lazy="joined")  # noqa: F821


class Proposal(db.Model):
    __tablename__ = "proposal"
    __table_args__ = (
        Index("ix_proposal_status_published_at", "status", "published_at"),
        Index("ix_proposal_department_id_status", "department_id", "status"),
        Index("ix_proposal_status_submitted_at", "status", "submitted_at"),
    )

    id: Mapped[Id]
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
    # The call for proposals it was sent to, if any.
    call_id: Mapped[int | None] = mapped_column(ForeignKey("call.id"), index=True)

    created_at: Mapped[Stamp]
    # The last change the author sees in "Mine forslag": an edit, a step, an answer.
    updated_at: Mapped[Stamp]
    status_changed_at: Mapped[Stamp]
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
    call: Mapped[Call | None] = relationship()
    theme_links: Mapped[list[ProposalTheme]] = relationship(
        order_by=ProposalTheme.position, cascade="all, delete-orphan", lazy="selectin"
    )
    status_changes: Mapped[list["StatusChange"]] = relationship(  # noqa: F821
        back_populates="proposal", order_by="StatusChange.id", cascade="all, delete-orphan"
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

    @property
    def answers(self) -> list["Response"]:  # noqa: F821
        """The department's answers, preliminary ones included (not its acknowledgements)."""
        return [response for response in self.responses if response.is_answer]

    def latest_answer(self, *, preliminary: bool) -> "Response | None":  # noqa: F821
        """The latest preliminary answer, or the latest final one, if there is one."""
        found = [answer for answer in self.answers if answer.preliminary == preliminary]
        return max(found, key=lambda r: (r.created_at, r.id)) if found else None

    @property
    def final_answer(self) -> "Response | None":  # noqa: F821
        """The latest answer that is not preliminary, if there is one."""
        return self.latest_answer(preliminary=False)

    @property
    def final_acceptance(self) -> "Response | None":  # noqa: F821
        """The final answer that accepted the proposal, wholly or partly, if there is one; it
        stays the plan after a later note that the proposal was carried out."""
        found = [answer for answer in self.answers if not answer.preliminary and answer.accepts]
        return max(found, key=lambda r: (r.created_at, r.id)) if found else None

    def open_comment_window(self, now: datetime) -> "Response | None":  # noqa: F821
        """The preliminary answer whose comment window is open at now, if there is one."""
        return next((r for r in self.responses if r.comment_window_open(now)), None)

    @property
    def changes_requested_note(self) -> str:
        """What the moderator asked the author to change, while the proposal waits for it."""
        if not self.status.is_sent_back:
            return ""
        asked = [c for c in self.status_changes if c.action == Action.REQUEST_CHANGES]
        return asked[-1].reason if asked else ""

    @hybrid_property
    def is_public(self) -> bool:
        """Everyone may read it: in a public state, and not hidden by a moderator."""
        return self.status.is_public and self.hidden_at is None

    @is_public.inplace.expression
    @classmethod
    def _is_public(cls) -> ColumnElement[bool]:
        return and_(cls.status.in_(PUBLIC_STATUSES), cls.hidden_at.is_(None))

    # The one deadline rule, for pages, the inbox, reminders and statistics alike: while a
    # department has the proposal, it owes an acknowledgement (published) or an answer
    # (under review), and an answer that comes due first applies even before the
    # acknowledgement (a transfer gives a new department time to acknowledge, but keeps the
    # date of the answer the citizen was promised). A preliminary answer moves the answer's
    # date to after its comment window (departments/services.py).
    @hybrid_property
    def current_deadline(self) -> datetime | None:
        """When the owning department's next step is due; None unless it has the proposal."""
        if self.status == ProposalStatus.UNDER_REVIEW:
            return self.answer_due_at
        if self.status != ProposalStatus.PUBLISHED:
            return None
        answer, acknowledge = self.answer_due_at, self.acknowledge_due_at
        if answer is not None and acknowledge is not None and answer < acknowledge:
            return answer
        return acknowledge

    @current_deadline.inplace.expression
    @classmethod
    def _current_deadline(cls) -> ColumnElement[datetime | None]:
        published = cls.status == ProposalStatus.PUBLISHED
        return case(
            (cls.status == ProposalStatus.UNDER_REVIEW, cls.answer_due_at),
            (and_(published, cls.answer_due_at < cls.acknowledge_due_at), cls.answer_due_at),
            (published, cls.acknowledge_due_at),
            else_=null(),
        )

    @hybrid_method
    def is_overdue(self, now: datetime) -> bool:
        """Whether the owning department has let its current deadline pass."""
        deadline = self.current_deadline
        return deadline is not None and deadline < now

    @is_overdue.inplace.expression
    @classmethod
    def _is_overdue(cls, now: datetime) -> ColumnElement[bool]:
        return and_(cls.current_deadline.is_not(None), cls.current_deadline < now)

    @property
    def current_milestone(self) -> str | None:
        """Which step the current deadline is for: "acknowledge", "answer", or None."""
        deadline = self.current_deadline
        if deadline is None:
            return None
        acknowledging = self.status == ProposalStatus.PUBLISHED
        return "acknowledge" if acknowledging and deadline == self.acknowledge_due_at else "answer"

    def __repr__(self) -> str:
        return f"<Proposal {self.id} {self.status}>"
