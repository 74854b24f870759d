"""Background jobs for the admin page: how the outbox is doing, and retrying what failed."""

from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import Row, Select, and_, func, or_, select, update

from cocreate.core.audit import record_audit
from cocreate.core.errors import TransitionNotAllowed
from cocreate.core.outbox import OutboxMessage, relay_after_commit
from cocreate.core.types import utcnow
from cocreate.extensions import db

# How far back the page counts finished jobs.
RECENTLY = timedelta(hours=24)


def job_counts() -> Row:
    """How many messages wait (retrying, for the queue, handed off), were done lately or
    failed: one query."""
    since = utcnow() - RECENTLY
    m = OutboxMessage
    waiting = and_(m.done_at.is_(None), m.failed_at.is_(None))
    return db.session.execute(
        select(
            func.count().filter(waiting).label("waiting"),
            func.count().filter(waiting, m.attempts > 0).label("retrying"),
            func.count().filter(waiting, m.hand_off_failures > 0).label("waiting_for_queue"),
            func.count().filter(waiting, m.handed_off_at.is_not(None)).label("handed_off"),
            func.count().filter(m.done_at >= since).label("done_recently"),
            func.count().filter(m.failed_at.is_not(None)).label("failed"),
        )
        # Every counted row is unfinished or finished lately: the many done long ago are
        # left to the index rather than read.
        .where(or_(m.done_at.is_(None), m.done_at >= since))
    ).one()


def failed_messages() -> Select:
    """The messages that ran out of attempts, the latest failure first."""
    return (
        select(OutboxMessage)
        .where(OutboxMessage.failed_at.is_not(None))
        .order_by(OutboxMessage.failed_at.desc(), OutboxMessage.id.desc())
    )


def _requeue(actor, *conditions) -> list[OutboxMessage]:
    """Make the failed messages that meet conditions due now, with their attempts restored.

    One conditional UPDATE, so a message retried twice at once (two tabs, two admins)
    is retried and recorded only once. The last error stays until a new attempt replaces
    it, to show what went wrong before.
    """
    requeued = db.session.scalars(
        update(OutboxMessage)
        .where(OutboxMessage.failed_at.is_not(None), *conditions)
        .values(failed_at=None, attempts=0, due_at=utcnow(), handed_off_at=None, started_at=None)
        .returning(OutboxMessage)
    ).all()
    for message in requeued:
        record_audit(
            actor,
            "outbox.message_retried",
            message,
            {"job": message.job, "status": "failed"},
            {"status": "waiting", "attempts": 0},
        )
    if requeued:
        relay_after_commit()
    return requeued


def retry_failed_message(actor, message: OutboxMessage) -> OutboxMessage:
    """Give a failed message a fresh set of attempts; the relay hands it over after commit."""
    if not _requeue(actor, OutboxMessage.id == message.id):
        raise TransitionNotAllowed(
            _(
                "Jobbet er ikke fejlet, så det blev ikke prøvet igen. "
                "Måske har en anden allerede sat det i gang."
            )
        )
    return message


def retry_all_failed(actor) -> int:
    """Give every failed message a fresh set of attempts; return how many there were."""
    return len(_requeue(actor))
