"""Comments on proposals: one level of replies, official replies, and reports (flags)."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, Index, Text, UniqueConstraint, and_
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocreate.core.types import Id, LabelledEnum, Stamp, UTCDateTime, belongs_to, enum_column
from cocreate.extensions import db

COMMENT_MAX = 5_000


class Comment(db.Model):
    __tablename__ = "comment"
    __table_args__ = (Index("ix_comment_proposal_id_created_at", "proposal_id", "created_at"),)

    id: Mapped[Id]
    proposal_id: Mapped[int] = belongs_to("proposal")
    # A reply points at a top-level comment; replies to replies are refused.
    parent_id: Mapped[int | None] = belongs_to("comment", index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    body: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    # Written by staff of the owning department: shown as the department's official reply.
    official_department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    # Written while a preliminary answer's comment window was open: shown with that answer.
    response_id: Mapped[int | None] = mapped_column(ForeignKey("response.id"))
    created_at: Mapped[Stamp]
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

    @hybrid_property
    def is_visible(self) -> bool:
        """Shown with its text (otherwise the thread shows a placeholder)."""
        return self.deleted_at is None and self.hidden_at is None and self.removed_at is None

    @is_visible.inplace.expression
    @classmethod
    def _is_visible_expression(cls):
        return and_(cls.deleted_at.is_(None), cls.hidden_at.is_(None), cls.removed_at.is_(None))


class FlagReason(LabelledEnum):
    SPAM = "spam", _l("Spam")
    OFFENSIVE = "offensive", _l("Krænkende")
    PERSONAL_DATA = "personal_data", _l("Indeholder personoplysninger")
    OFF_TOPIC = "off_topic", _l("Handler ikke om forslaget")


class CommentFlag(db.Model):
    """One account's report of a comment; enough of them hide it until a moderator decides."""

    __tablename__ = "comment_flag"
    __table_args__ = (UniqueConstraint("comment_id", "user_id"),)

    id: Mapped[Id]
    comment_id: Mapped[int] = belongs_to("comment", index=True)
    user_id: Mapped[int] = belongs_to("user_account")
    reason: Mapped[FlagReason] = mapped_column(enum_column(FlagReason))
    created_at: Mapped[Stamp]
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
