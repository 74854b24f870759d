"""The owning department's public answers to a proposal; a preliminary one invites comments."""

from datetime import date, datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocreate.core.types import Id, LabelledEnum, Stamp, UTCDateTime, belongs_to, enum_column
from cocreate.extensions import db
from cocreate.strategy.models import Department

RESPONSE_TEXT_MAX = 10_000
# What an accepting answer may say happens next: a cost in whole kroner up to a sane bound,
# and a planned period of months from 2000 to this many years ahead.
COST_ESTIMATE_MAX = 10_000_000_000
PLANNED_FIRST_YEAR = 2000
PLANNED_YEARS_AHEAD = 20


class Outcome(LabelledEnum):
    UNDER_REVIEW = "under_review", _l("Under behandling")
    ACCEPTED = "accepted", _l("Imødekommet")
    PARTIALLY_ACCEPTED = "partially_accepted", _l("Delvist imødekommet")
    DECLINED = "declined", _l("Afslået")
    IMPLEMENTED = "implemented", _l("Gennemført")


ACCEPTING = frozenset({Outcome.ACCEPTED, Outcome.PARTIALLY_ACCEPTED})
_ACCEPTING_VALUES = ", ".join(f"'{outcome.value}'" for outcome in sorted(ACCEPTING))


class Response(db.Model):
    """A department's public answer; a preliminary one opens a comment window.

    An acknowledgement may carry a message to the citizen too ("we expect to answer by
    1 March"): a response with the outcome under_review.
    """

    __tablename__ = "response"
    __table_args__ = (
        CheckConstraint(
            f"cost_estimate BETWEEN 0 AND {COST_ESTIMATE_MAX}", name="cost_estimate_range"
        ),
        # Both months or neither, the last not before the first.
        CheckConstraint(
            "(planned_from IS NULL) = (planned_to IS NULL) AND planned_from <= planned_to",
            name="planned_period",
        ),
        CheckConstraint(
            f"outcome IN ({_ACCEPTING_VALUES}) OR "
            "(cost_estimate IS NULL AND planned_from IS NULL AND planned_to IS NULL)",
            name="plan_only_when_accepting",
        ),
    )

    id: Mapped[Id]
    proposal_id: Mapped[int] = belongs_to("proposal", index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    outcome: Mapped[Outcome] = mapped_column(enum_column(Outcome))
    text: Mapped[str] = mapped_column(Text)
    text_html: Mapped[str] = mapped_column(Text)
    preliminary: Mapped[bool] = mapped_column(default=False)
    comment_window_ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # What an accepting answer says happens next; each month is kept as its first day.
    cost_estimate: Mapped[int | None] = mapped_column(BigInteger)
    planned_from: Mapped[date | None] = mapped_column(Date)
    planned_to: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[Stamp]

    department: Mapped[Department] = relationship(lazy="joined")
    author: Mapped["User | None"] = relationship(lazy="joined")  # noqa: F821

    @property
    def is_answer(self) -> bool:
        """An answer (preliminary or final, or what was done), not an acknowledgement's message."""
        return self.outcome != Outcome.UNDER_REVIEW

    @property
    def accepts(self) -> bool:
        """Whether the answer accepts the proposal, wholly or partly."""
        return self.outcome in ACCEPTING

    @property
    def history_text(self) -> str:
        """The response as the proposal's history tells it."""
        department = self.department.display_name
        if not self.is_answer:
            return _("Besked fra %(department)s", department=department)
        if self.preliminary:
            return _("Foreløbigt svar fra %(department)s", department=department)
        return _(
            "Svar fra %(department)s: %(outcome)s",
            department=department,
            outcome=self.outcome.label,
        )

    def comment_window_open(self, now: datetime) -> bool:
        return bool(
            self.preliminary and self.comment_window_ends_at and now < self.comment_window_ends_at
        )
