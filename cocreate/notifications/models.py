"""The outbox (background work written in the same transaction as its cause) and the
notifications it delivers."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocreate.core.types import UTCDateTime, enum_column, utcnow
from cocreate.extensions import db
from cocreate.notifications.kinds import Delivery, NotificationKind


class OutboxMessage(db.Model):
    """One job to run after commit; done only when the job has finished."""

    __tablename__ = "outbox_message"
    __table_args__ = (Index("ix_outbox_message_pending", "done_at", "failed_at", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The registered name of the job (see notifications/jobs.py) and its arguments: ids only.
    job: Mapped[str] = mapped_column(String(100))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # One event for one recipient: a second row with the same key is never written.
    dedupe_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(default=0)
    # Set when handed to a worker; if the job has not finished by the lease's end, it is
    # handed over again (the worker may have died).
    handed_off_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set, and committed, when a runner starts the job: a second copy of the job then
    # does nothing, and a start without an end after the lease means the runner died.
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")


class Notification(db.Model):
    """One event for one account: shown under the bell, and mailed as the account chose."""

    __tablename__ = "notification"
    __table_args__ = (
        # The idempotency key: one event reaches one account once, however often it runs.
        UniqueConstraint("user_id", "event_key"),
        Index("ix_notification_unread", "user_id", "read_at"),
        Index("ix_notification_digest", "delivery", "emailed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    kind: Mapped[NotificationKind] = mapped_column(enum_column(NotificationKind))
    event_key: Mapped[str] = mapped_column(String(160))
    proposal_id: Mapped[int | None] = mapped_column(
        ForeignKey("proposal.id", ondelete="CASCADE"), index=True
    )
    # What the text needs besides the proposal: names and notes as they were, codes for
    # reasons and outcomes (translated when shown, in the reader's language).
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    delivery: Mapped[Delivery] = mapped_column(enum_column(Delivery))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    emailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    proposal: Mapped["Proposal | None"] = relationship(lazy="joined")  # noqa: F821


class NotificationSetting(db.Model):
    """An account's choice for one kind; without a row the kind's default holds."""

    __tablename__ = "notification_setting"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[NotificationKind] = mapped_column(enum_column(NotificationKind), primary_key=True)
    delivery: Mapped[Delivery] = mapped_column(enum_column(Delivery))
