"""Enqueue background work in the caller's transaction; after commit, hand it to a runner.

With REDIS_URL set the relay hands each due message to rq; without it, an inline
runner runs it in this process. Either way a message is marked done only when its job
has finished, and a hand-off that fails is retried with backoff until it succeeds.
"""

import threading
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import and_, delete, event, or_, select, update
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
_relaying = threading.local()


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
    db.session.info[_PENDING_FLAG] = True


def known_keys(keys: Iterable[str]) -> set[str]:
    """Those of the keys that a message already has (one query)."""
    keys = list(keys)
    if not keys:
        return set()
    taken = select(OutboxMessage.dedupe_key).where(OutboxMessage.dedupe_key.in_(keys))
    return set(db.session.scalars(taken))


# Finished messages are kept this long (for the admin page and as keys against repeats).
DONE_KEPT = timedelta(days=30)
PURGE_DONE = "notifications.purge_done"


def backoff(attempts: int) -> timedelta:
    """How long to wait before attempt number attempts + 1: 10 s doubling, at most an hour."""
    doublings = min(max(attempts - 1, 0), 12)  # 10 s * 2**12 is past the cap already
    return min(timedelta(seconds=10 * 2**doublings), timedelta(hours=1))


def _needs_hand_off(now: datetime):
    """Not handed off, or handed off a lease ago and never started (the queue lost it)."""
    return or_(
        OutboxMessage.handed_off_at.is_(None),
        and_(OutboxMessage.handed_off_at < now - LEASE, OutboxMessage.started_at.is_(None)),
    )


def _due(now: datetime):
    return (
        select(OutboxMessage)
        .where(
            OutboxMessage.done_at.is_(None),
            OutboxMessage.failed_at.is_(None),
            OutboxMessage.due_at <= now,
            _needs_hand_off(now),
        )
        .order_by(OutboxMessage.due_at, OutboxMessage.id)
        .limit(RELAY_BATCH)
    )


def relay_due_messages() -> int:
    """Hand every due message to its runner; return how many were handed over.

    Runs in an app context of its own, so its session never mixes with the caller's
    (which, right after a commit, must not be used). Inline jobs commit too, and their
    own messages (a fan-out's e-mails) would start a relay inside this one, and so on:
    instead a relay already running in this thread is told to go round once more.
    """
    if getattr(_relaying, "active", False):
        _relaying.again = True
        return 0
    _relaying.active = True
    try:
        handed = 0
        while True:
            _relaying.again = False
            batch, count = _relay_batch()
            handed += count
            if not _relaying.again and batch < RELAY_BATCH:
                return handed
    finally:
        _relaying.active = False


def _count_lost_runs(now: datetime) -> None:
    """A job started a lease ago and not finished counts as a failed attempt: its runner
    died. One that kills every runner is given up after MAX_ATTEMPTS, not run for ever.
    A job still waiting in the queue (no runner yet, e.g. while workers restart) is not
    counted: it just waits."""
    open_ = (OutboxMessage.done_at.is_(None), OutboxMessage.failed_at.is_(None))
    db.session.execute(
        update(OutboxMessage)
        .where(*open_, OutboxMessage.started_at < now - LEASE)
        .values(
            attempts=OutboxMessage.attempts + 1,
            started_at=None,
            handed_off_at=None,
            last_error="Jobbet blev ikke færdigt: processen, der kørte det, stoppede undervejs.",
        )
    )
    db.session.execute(
        update(OutboxMessage)
        .where(*open_, OutboxMessage.attempts >= MAX_ATTEMPTS)
        .values(failed_at=now)
    )


def _claim(now: datetime) -> tuple[int, list[int]]:
    """Mark a batch of due messages handed off, in one statement; return the batch's size
    and the ids this relay claimed (a relay running at the same time claims the others)."""
    _count_lost_runs(now)
    ids = list(db.session.scalars(_due(now).with_only_columns(OutboxMessage.id)))
    if not ids:
        db.session.commit()
        return 0, []
    claimed = db.session.scalars(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(ids), _needs_hand_off(now))
        .values(handed_off_at=now)
        .returning(OutboxMessage.id)
    ).all()
    db.session.commit()
    return len(ids), sorted(claimed)


def _relay_batch() -> tuple[int, int]:
    """Hand over one batch of due messages; return its size and how many went.

    When a hand-off fails (Redis down or slow), the rest of the batch is released at
    once rather than tried one by one: the request that committed must not wait a
    timeout per message. They are due again for the next relay.
    """
    from cocreate.notifications.runner import hand_off

    handed = 0
    with current_app.app_context():
        now = utcnow()
        size, claimed = _claim(now)
        for position, message_id in enumerate(claimed):
            try:
                hand_off(message_id)
            except Exception as error:
                _schedule_retry(db.session.get(OutboxMessage, message_id), error, now)
                _release(claimed[position + 1 :])
                db.session.commit()
                return 0, handed
            handed += 1
    return size, handed


def _release(message_ids: list[int]) -> None:
    if message_ids:
        db.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(message_ids))
            .values(handed_off_at=None)
        )


def _schedule_retry(message: OutboxMessage, error: BaseException, now: datetime) -> None:
    message.attempts += 1
    message.last_error = f"{type(error).__name__}: {error}"[:2000]
    message.handed_off_at = message.started_at = None
    if message.attempts >= MAX_ATTEMPTS:
        message.failed_at = now
    else:
        message.due_at = now + backoff(message.attempts)


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
            _schedule_retry(db.session.get(OutboxMessage, message_id), error, utcnow())
            db.session.commit()


@job(PURGE_DONE)
def purge_done(payload: dict[str, Any]) -> None:
    """Delete messages finished longer ago than DONE_KEPT (a periodic job). An event
    announced again after that still tells no one twice: notifications keep their own
    key per event and recipient."""
    db.session.execute(delete(OutboxMessage).where(OutboxMessage.done_at < utcnow() - DONE_KEPT))


@event.listens_for(Session, "after_commit")
def _relay_after_commit(session: Session) -> None:
    """Once the cause is committed, hand its messages over (never before: no ghost mail)."""
    if session.info.pop(_PENDING_FLAG, False):
        relay_due_messages()


@event.listens_for(Session, "after_soft_rollback")
def _forget_after_rollback(session: Session, previous_transaction) -> None:
    """A rolled-back transaction sends nothing; a rolled-back savepoint keeps what the
    transaction around it queued before (at worst the relay then finds nothing new)."""
    if not previous_transaction.nested:
        session.info.pop(_PENDING_FLAG, None)
