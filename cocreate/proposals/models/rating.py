"""How satisfied an author or supporter is with the answer to a proposal and its handling."""

from datetime import datetime, timedelta

from sqlalchemy import CheckConstraint, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cocreate.core.types import Id, Stamp, UTCDateTime, belongs_to, utcnow
from cocreate.extensions import db

SCORE_MIN, SCORE_MAX = 1, 5
RATING_COMMENT_MAX = 2_000
CHANGEABLE_FOR = timedelta(days=30)


class AnswerRating(db.Model):
    """One account's rating of one proposal's final answer; changeable for a while."""

    __tablename__ = "answer_rating"
    __table_args__ = (
        UniqueConstraint("proposal_id", "user_id"),
        CheckConstraint(
            f"answer_score BETWEEN {SCORE_MIN} AND {SCORE_MAX}", name="answer_score_range"
        ),
        CheckConstraint(
            f"process_score BETWEEN {SCORE_MIN} AND {SCORE_MAX}", name="process_score_range"
        ),
    )

    id: Mapped[Id]
    proposal_id: Mapped[int] = belongs_to("proposal")
    user_id: Mapped[int] = belongs_to("user_account", index=True)
    answer_score: Mapped[int]
    process_score: Mapped[int]
    # Seen by the owning department only, never on the public pages or in open data.
    comment: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[Stamp]
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def changeable_until(self) -> datetime:
        return self.created_at + CHANGEABLE_FOR
