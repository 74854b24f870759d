"""Enqueue background work in the caller's transaction; after commit, hand it to a runner.

With REDIS_URL set the relay hands each due message to rq; without it, an inline
runner runs it in this process. Either way a message is marked done only when its job
has finished, and a hand-off that fails is retried with backoff until it succeeds.
"""

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import event, or_, select
from sqlalchemy.orm import Session

from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.notifications.models import OutboxMessage

JobFunction = Callable[[dict[str, Any]], None]
JOBS: dict[str, JobFunction] = {}
MAX_ATTEMPTS = 8
# A job handed to a worker that has not finished by then is handed over again.
LEASE = timedelta(minutes=10)
RELAY_BATCH = 200
_PENDING_FLAG = "cocreate.outbox_pending"


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
    db.session.info[_PENDING_FLAG] = True
    return message


def backoff(attempts: int) -> timedelta:
    """How long to wait before attempt number attempts + 1: 10 s doubling, at most an hour."""
    doublings = min(max(attempts - 1, 0), 12)  # 10 s * 2**12 is past the cap already
    return min(timedelta(seconds=10 * 2**doublings), timedelta(hours=1))


def _due(now: datetime):
    return (
        select(OutboxMessage)
        .where(
            OutboxMessage.done_at.is_(None),
            OutboxMessage.failed_at.is_(None),
            OutboxMessage.due_at <= now,
            or_(OutboxMessage.handed_off_at.is_(None), OutboxMessage.handed_off_at < now - LEASE),
        )
        .order_by(OutboxMessage.due_at, OutboxMessage.id)
        .limit(RELAY_BATCH)
    )


def relay_due_messages() -> int:
    """Hand every due message to its runner; return how many were handed over.

    Runs in an app context of its own, so its session never mixes with the caller's
    (which, right after a commit, must not be used).
    """
    from cocreate.notifications.runner import hand_off

    handed = 0
    with current_app.app_context():
        now = utcnow()
        for message in db.session.scalars(_due(now)).all():
            message.handed_off_at = now
            db.session.commit()
            try:
                hand_off(message.id)
            except Exception as error:
                db.session.refresh(message)
                _schedule_retry(message, error, now)
                db.session.commit()
            else:
                handed += 1
    return handed


def _schedule_retry(message: OutboxMessage, error: BaseException, now: datetime) -> None:
    message.attempts += 1
    message.last_error = f"{type(error).__name__}: {error}"[:2000]
    message.handed_off_at = None
    if message.attempts >= MAX_ATTEMPTS:
        message.failed_at = now
    else:
        message.due_at = now + backoff(message.attempts)


def run_message(message_id: int) -> None:
    """Run one message's job if it is not done yet; record success, or schedule a retry."""
    with current_app.app_context():
        message = db.session.get(OutboxMessage, message_id)
        if message is None or message.done_at is not None or message.failed_at is not None:
            return
        name, payload = message.job, dict(message.payload)
        try:
            JOBS[name](payload)
            db.session.commit()
        except Exception as error:
            db.session.rollback()
            current_app.logger.warning("outbox job %s #%s failed: %s", name, message_id, error)
            message = db.session.get(OutboxMessage, message_id)
            _schedule_retry(message, error, utcnow())
        else:
            message = db.session.get(OutboxMessage, message_id)
            message.done_at = utcnow()
        db.session.commit()


@event.listens_for(Session, "after_commit")
def _relay_after_commit(session: Session) -> None:
    """Once the cause is committed, hand its messages over (never before: no ghost mail)."""
    if session.info.pop(_PENDING_FLAG, False):
        relay_due_messages()


@event.listens_for(Session, "after_rollback")
def _forget_after_rollback(session: Session) -> None:
    session.info.pop(_PENDING_FLAG, None)
