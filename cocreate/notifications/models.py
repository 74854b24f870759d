"""The transactional outbox: background work written in the same transaction as its cause."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from cocreate.core.types import UTCDateTime, utcnow
from cocreate.extensions import db


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
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
