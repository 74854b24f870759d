"""Notifications: one event for one account, and each account's choice per kind."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cocreate.core.types import Id, Stamp, UTCDateTime, belongs_to, enum_column
from cocreate.extensions import db
from cocreate.notifications.kinds import Delivery, KindColumn, NoticeKind


class Notification(db.Model):
    """One event for one account: shown under the bell, and mailed as the account chose."""

    __tablename__ = "notification"
    __table_args__ = (
        # The idempotency key: one event reaches one account once, however often it runs.
        UniqueConstraint("user_id", "event_key"),
        Index("ix_notification_unread", "user_id", "read_at"),
        Index("ix_notification_digest", "delivery", "emailed_at"),
    )

    id: Mapped[Id]
    user_id: Mapped[int] = belongs_to("user_account")
    kind: Mapped[NoticeKind] = mapped_column(KindColumn)
    event_key: Mapped[str] = mapped_column(String(160))
    # The proposal the event is about, if any: its notifications go when it goes.
    proposal_id: Mapped[int | None] = belongs_to("proposal", index=True)
    # What the text needs: titles, names and notes as they were at the event, codes for
    # reasons and outcomes (put into words when shown, in the reader's language).
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    delivery: Mapped[Delivery] = mapped_column(enum_column(Delivery))
    created_at: Mapped[Stamp]
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    emailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class NotificationSetting(db.Model):
    """An account's choice for one kind; without a row the kind's default holds."""

    __tablename__ = "notification_setting"

    user_id: Mapped[int] = belongs_to("user_account", primary_key=True)
    kind: Mapped[NoticeKind] = mapped_column(KindColumn, primary_key=True)
    delivery: Mapped[Delivery] = mapped_column(enum_column(Delivery))
