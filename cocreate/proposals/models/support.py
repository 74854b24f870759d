"""Support for a proposal, and following a proposal or a theme."""

from sqlalchemy import CheckConstraint, ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cocreate.core.types import Id, Stamp, belongs_to
from cocreate.extensions import db


class Support(db.Model):
    """One account's support for one proposal; the unique key makes it idempotent."""

    __tablename__ = "support"
    __table_args__ = (UniqueConstraint("proposal_id", "user_id"),)

    id: Mapped[Id]
    proposal_id: Mapped[int] = belongs_to("proposal")
    user_id: Mapped[int] = belongs_to("user_account", index=True)
    created_at: Mapped[Stamp]


class Follow(db.Model):
    """An account following a proposal or a theme (exactly one of the two)."""

    __tablename__ = "follow"
    __table_args__ = (
        UniqueConstraint("user_id", "proposal_id"),
        UniqueConstraint("user_id", "theme_id"),
        CheckConstraint("(proposal_id IS NULL) <> (theme_id IS NULL)", name="proposal_or_theme"),
    )

    id: Mapped[Id]
    user_id: Mapped[int] = belongs_to("user_account")
    proposal_id: Mapped[int | None] = belongs_to("proposal", index=True)
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id"), index=True)
    created_at: Mapped[Stamp]
