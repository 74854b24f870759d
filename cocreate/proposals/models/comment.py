"""Comments on proposals: one level of replies, official replies, flags' effects."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocreate.core.types import UTCDateTime, utcnow
from cocreate.extensions import db

COMMENT_MAX = 5_000


class Comment(db.Model):
    __tablename__ = "comment"
    __table_args__ = (Index("ix_comment_proposal_id_created_at", "proposal_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"))
    # A reply points at a top-level comment; replies to replies are refused.
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("comment.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    body: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    # Written by staff of the owning department: shown as the department's official reply.
    official_department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    # Written while a preliminary answer's comment window was open: shown with that answer.
    response_id: Mapped[int | None] = mapped_column(ForeignKey("response.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Deleted by its author: the thread keeps a placeholder.
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Hidden after flags or by a moderator; removed when a moderator upholds the flags.
    flag_count: Mapped[int] = mapped_column(default=0)
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    moderation_note: Mapped[str] = mapped_column(Text, default="")

    author: Mapped["User"] = relationship(lazy="joined")  # noqa: F821
    organisation: Mapped["Organisation | None"] = relationship(lazy="joined")  # noqa: F821
    official_department: Mapped["Department | None"] = relationship(lazy="joined")  # noqa: F821
    replies: Mapped[list["Comment"]] = relationship(order_by="Comment.id")

    @property
    def is_visible(self) -> bool:
        """Shown with its text (otherwise the thread shows a placeholder)."""
        return self.deleted_at is None and self.hidden_at is None and self.removed_at is None
