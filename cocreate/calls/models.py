"""A call for proposals, the themes it asks about, and its phase by the clock."""

from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    CheckConstraint,
    ColumnElement,
    Date,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
    case,
)
from sqlalchemy.ext.hybrid import hybrid_method
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocreate.core.types import Id, LabelledEnum, Stamp, UTCDateTime, belongs_to
from cocreate.extensions import db
from cocreate.strategy.models import Department, Theme

CALL_TITLE_MAX = 160
CALL_INTRO_MAX = 20_000


class CallPhase(LabelledEnum):
    """Where a call stands; it follows from the dates (and, once closed, from its answers)."""

    UPCOMING = "upcoming", _l("Kommende")
    OPEN = "open", _l("Åben")
    CLOSED = "closed", _l("Lukket")
    ANSWERED = "answered", _l("Besvaret")


class CallTheme(db.Model):
    __tablename__ = "call_theme"

    call_id: Mapped[int] = belongs_to("call", primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("theme.id"), primary_key=True, index=True)
    # The first theme comes first on the page and on a proposal to the call.
    position: Mapped[int] = mapped_column(default=0)

    theme: Mapped[Theme] = relationship(lazy="joined")


class Call(db.Model):
    """A call for proposals: open from opens_at until closes_at (that moment excluded).

    A call without published_at is a draft, seen by its department's staff and admins only.
    """

    __tablename__ = "call"
    __table_args__ = (CheckConstraint("opens_at < closes_at", name="opens_before_closing"),)

    id: Mapped[Id]
    title: Mapped[str] = mapped_column(String(CALL_TITLE_MAX))
    intro: Mapped[str] = mapped_column(Text)
    intro_html: Mapped[str] = mapped_column(Text)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"), index=True)
    opens_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    closes_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    # The day by which the department promises its answers, if it does.
    answers_by: Mapped[date | None] = mapped_column(Date)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[Stamp]
    updated_at: Mapped[Stamp]

    department: Mapped[Department] = relationship(lazy="joined")
    theme_links: Mapped[list[CallTheme]] = relationship(
        order_by=CallTheme.position, cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def themes(self) -> list[Theme]:
        return [link.theme for link in self.theme_links]

    @property
    def theme_ids(self) -> list[int]:
        return [link.theme_id for link in self.theme_links]

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @hybrid_method
    def is_open_at(self, now: datetime) -> bool:
        """Open for proposals: published, and now from the opening up to the close."""
        return self.is_published and self.opens_at <= now < self.closes_at

    @is_open_at.expression
    def is_open_at(cls, now: datetime) -> ColumnElement[bool]:
        return cls.published_at.is_not(None) & (cls.opens_at <= now) & (cls.closes_at > now)

    @hybrid_method
    def clock_phase(self, now: datetime) -> CallPhase:
        """The phase the dates give: upcoming, open or closed (answered needs its proposals)."""
        if now < self.opens_at:
            return CallPhase.UPCOMING
        return CallPhase.OPEN if now < self.closes_at else CallPhase.CLOSED

    @clock_phase.expression
    def clock_phase(cls, now: datetime) -> ColumnElement[str]:
        return case(
            (cls.opens_at > now, CallPhase.UPCOMING.value),
            (cls.closes_at > now, CallPhase.OPEN.value),
            else_=CallPhase.CLOSED.value,
        )


class CallFollow(db.Model):
    """An account following a call: told when it opens, before and when it closes, and when
    its answers are out."""

    __tablename__ = "call_follow"
    __table_args__ = (UniqueConstraint("user_id", "call_id"),)

    id: Mapped[Id]
    user_id: Mapped[int] = belongs_to("user_account", index=True)
    call_id: Mapped[int] = belongs_to("call", index=True)
    created_at: Mapped[Stamp]
