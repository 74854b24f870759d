"""The outbox: background work written as a row in the same transaction as its cause.

A service calls `enqueue` beside the change it makes; once the transaction commits, the
relay (relay.py) hands the row to a runner (runner.py), which calls `run_message`. A row is
marked done only when its job has finished, and a key per event and recipient keeps a
second row from ever being written.
"""

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import JSON, Index, String, Text, or_, select, update
from sqlalchemy.orm import Mapped, mapped_column

from cocreate.core.types import Id, Stamp, UTCDateTime, utcnow
from cocreate.extensions import db

JobFunction = Callable[[dict[str, Any]], None]
JOBS: dict[str, JobFunction] = {}
# A job that fails this many times is kept as failed, for an admin to look at.
MAX_ATTEMPTS = 8
# A job handed to a worker that has not finished by then is handed over again.
LEASE = timedelta(minutes=10)
PENDING_FLAG = "cocreate.outbox_pending"


class OutboxMessage(db.Model):
    """One job to run after commit; done only when the job has finished."""

    __tablename__ = "outbox_message"
    __table_args__ = (Index("ix_outbox_message_pending", "done_at", "failed_at", "due_at"),)

    id: Mapped[Id]
    # The registered name of the job (see notifications/jobs.py) and its arguments: ids only.
    job: Mapped[str] = mapped_column(String(100))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # One event for one recipient: a second row with the same key is never written.
    dedupe_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    created_at: Mapped[Stamp]
    due_at: Mapped[Stamp]
    # Runs of the job that failed; after MAX_ATTEMPTS the message is kept as failed.
    attempts: Mapped[int] = mapped_column(default=0)
    # Hand-offs the queue refused in a row (Redis away): retried on a capped schedule for
    # as long as it takes, and never counted as attempts of the job.
    hand_off_failures: Mapped[int] = mapped_column(default=0, server_default="0")
    # Set when handed to a worker; if the job has not finished by the lease's end, it is
    # handed over again (the worker may have died).
    handed_off_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set, and committed, when a runner starts the job: a second copy of the job then
    # does nothing, and a start without an end after the lease means the runner died.
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")


def job(name: str) -> Callable[[JobFunction], JobFunction]:
    """Register a function as the outbox job called `name`; it gets the payload (ids)."""

    def register(function: JobFunction) -> JobFunction:
        JOBS[name] = function
        return function

    return register


def enqueue(name: str, payload: dict[str, Any], dedupe_key: str | None = None) -> OutboxMessage:
    """Add a message to the outbox in the current transaction; it runs after commit."""
    if name not in JOBS:
        raise KeyError(f"no outbox job called {name!r}")
    message = OutboxMessage(job=name, payload=payload, dedupe_key=dedupe_key, due_at=utcnow())
    db.session.add(message)
    relay_after_commit()
    return message


def relay_after_commit() -> None:
    """Have the relay run once the current transaction commits (e.g. after a retry)."""
    db.session.info[PENDING_FLAG] = True


def known_keys(keys: Iterable[str]) -> set[str]:
    """Those of the keys that a message already has (one query)."""
    keys = list(keys)
    if not keys:
        return set()
    taken = select(OutboxMessage.dedupe_key).where(OutboxMessage.dedupe_key.in_(keys))
    return set(db.session.scalars(taken))


def backoff(failures: int, cap: timedelta = timedelta(hours=1)) -> timedelta:
    """How long to wait after failures in a row before the next try: 10 s doubling, at most
    cap (by default an hour, for a job's attempts)."""
    doublings = min(max(failures - 1, 0), 12)  # 10 s * 2**12 is past an hour already
    return min(timedelta(seconds=10 * 2**doublings), cap)


def describe_error(error: BaseException) -> str:
    """The error as last_error keeps it: its type and message, cut to fit."""
    return f"{type(error).__name__}: {error}"[:2000]


def run_message(message_id: int) -> None:
    """Run one message's job if no one else is running or has run it; record success, or
    schedule a retry.

    The runner first marks the message started and commits that at once: a second copy
    of the job (a queue can hold two after a lost hand-off) then finds it taken and does
    nothing, and no lock is held while the job talks to a mail server. The job's changes
    and the mark that it is done commit together.
    """
    with current_app.app_context():
        now = utcnow()
        taken = db.session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.id == message_id,
                OutboxMessage.done_at.is_(None),
                OutboxMessage.failed_at.is_(None),
                or_(OutboxMessage.started_at.is_(None), OutboxMessage.started_at < now - LEASE),
            )
            .values(started_at=now)
        )
        db.session.commit()
        if taken.rowcount != 1:
            return
        message = db.session.get(OutboxMessage, message_id)
        name, payload = message.job, dict(message.payload)
        try:
            JOBS[name](payload)
            message.done_at = utcnow()
            db.session.commit()
        except Exception as error:
            db.session.rollback()
            current_app.logger.warning("outbox job %s #%s failed: %s", name, message_id, error)
            schedule_retry(db.session.get(OutboxMessage, message_id), error, utcnow())
            db.session.commit()


def schedule_retry(message: OutboxMessage, error: BaseException, now: datetime) -> None:
    """Count a failed run of the job: retry it after a backoff, or keep it as failed."""
    message.attempts += 1
    message.last_error = describe_error(error)
    message.handed_off_at = message.started_at = None
    if message.attempts >= MAX_ATTEMPTS:
        message.failed_at = now
    else:
        message.due_at = now + backoff(message.attempts)
