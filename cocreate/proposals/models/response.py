"""The owning department's public answers to a proposal; a preliminary one invites comments."""

from datetime import datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocreate.core.types import Id, LabelledEnum, Stamp, UTCDateTime, belongs_to, enum_column
from cocreate.extensions import db
from cocreate.strategy.models import Department

RESPONSE_TEXT_MAX = 10_000


class Outcome(LabelledEnum):
    UNDER_REVIEW = "under_review", _l("Under behandling")
    ACCEPTED = "accepted", _l("Imødekommet")
    PARTIALLY_ACCEPTED = "partially_accepted", _l("Delvist imødekommet")
    DECLINED = "declined", _l("Afslået")
    IMPLEMENTED = "implemented", _l("Gennemført")


class Response(db.Model):
    """A department's public answer; a preliminary one opens a comment window.

    An acknowledgement may carry a message to the citizen too ("we expect to answer by
    1 March"): a response with the outcome under_review.
    """

    __tablename__ = "response"

    id: Mapped[Id]
    proposal_id: Mapped[int] = belongs_to("proposal", index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    outcome: Mapped[Outcome] = mapped_column(enum_column(Outcome))
    text: Mapped[str] = mapped_column(Text)
    text_html: Mapped[str] = mapped_column(Text)
    preliminary: Mapped[bool] = mapped_column(default=False)
    comment_window_ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[Stamp]

    department: Mapped[Department] = relationship(lazy="joined")
    author: Mapped["User | None"] = relationship(lazy="joined")  # noqa: F821

    @property
    def is_answer(self) -> bool:
        """An answer (preliminary or final, or what was done), not an acknowledgement's message."""
        return self.outcome != Outcome.UNDER_REVIEW

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
