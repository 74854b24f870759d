"""The relay: after a commit, claim the due outbox rows and hand each to its runner.

With REDIS_URL set, a hand-off puts the message on rq's queue; without it, the inline
runner runs it in this process. A hand-off that fails (the queue unreachable) is tried
again on a schedule of its own for as long as the queue stays away; only the job's own
failures count toward giving it up.
"""

import threading
from collections.abc import Sequence
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import Row, and_, event, or_, select, update
from sqlalchemy.orm import Session

from cocreate.core.outbox import (
    LEASE,
    MAX_ATTEMPTS,
    PENDING_FLAG,
    OutboxMessage,
    backoff,
    describe_error,
)
from cocreate.core.runner import hand_off
from cocreate.core.types import utcnow
from cocreate.extensions import db

RELAY_BATCH = 200
# A refused hand-off is tried again after 10 s, 20 s, then every half minute for as long
# as the queue is away: with the worker ticking every 30 s, a message goes out within a
# minute of the queue's return.
HAND_OFF_BACKOFF_CAP = timedelta(seconds=30)
_relaying = threading.local()


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


def _claim(now: datetime) -> tuple[int, list[Row]]:
    """Mark a batch of due messages handed off, in one statement; return the batch's size
    and the messages this relay claimed, as (id, hand_off_failures) in id order (a relay
    running at the same time claims the others)."""
    _count_lost_runs(now)
    ids = list(db.session.scalars(_due(now).with_only_columns(OutboxMessage.id)))
    if not ids:
        db.session.commit()
        return 0, []
    claimed = db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(ids), _needs_hand_off(now))
        .values(handed_off_at=now)
        .returning(OutboxMessage.id, OutboxMessage.hand_off_failures)
    ).all()
    db.session.commit()
    return len(ids), sorted(claimed)


def _relay_batch() -> tuple[int, int]:
    """Hand over one batch of due messages; return its size (0 if the queue refused one,
    to end the relay) and how many went."""
    with current_app.app_context():
        now = utcnow()
        size, claimed = _claim(now)
        handed = _hand_over(claimed, now)
        db.session.commit()
    return (size if handed == len(claimed) else 0), handed


def _hand_over(claimed: Sequence[Row], now: datetime) -> int:
    """Hand the claimed messages over in order; return how many went.

    When a hand-off fails (Redis down or slow), the queue is taken to be away for the
    rest of the batch too, rather than tried once per message: the request that committed
    must not wait a timeout per message.
    """
    handed = 0
    for message_id, _ in claimed:
        try:
            hand_off(message_id)
        except Exception as error:
            _wait_for_queue(claimed[handed:], describe_error(error), now)
            break
        handed += 1
    # The queue took these after refusing them before: their count starts again.
    _update_each(
        [
            {"id": row.id, "hand_off_failures": 0}
            for row in claimed[:handed]
            if row.hand_off_failures
        ]
    )
    return handed


def _wait_for_queue(refused: Sequence[Row], error: str, now: datetime) -> None:
    """Release the messages to be tried again on the hand-off schedule, each by its own
    count of refusals, however long the queue stays away; their jobs have not run, so
    their attempts stay as they are."""
    _update_each(
        [
            {
                "id": row.id,
                "handed_off_at": None,
                "hand_off_failures": row.hand_off_failures + 1,
                "due_at": now + backoff(row.hand_off_failures + 1, HAND_OFF_BACKOFF_CAP),
                "last_error": error,
            }
            for row in refused
        ]
    )


def _update_each(changes: list[dict]) -> None:
    """Apply each change ({"id": …, column: value, …}) to its message, in one statement."""
    if changes:
        db.session.execute(update(OutboxMessage), changes)


@event.listens_for(Session, "after_commit")
def _relay_after_commit(session: Session) -> None:
    """Once the cause is committed, hand its messages over (never before: no ghost mail)."""
    if session.info.pop(PENDING_FLAG, False):
        relay_due_messages()


@event.listens_for(Session, "after_soft_rollback")
def _forget_after_rollback(session: Session, previous_transaction) -> None:
    """A rolled-back transaction sends nothing; a rolled-back savepoint keeps what the
    transaction around it queued before (at worst the relay then finds nothing new)."""
    if not previous_transaction.nested:
        session.info.pop(PENDING_FLAG, None)
