"""The outbox: written with its cause, run after commit, retried, never run twice."""

from datetime import timedelta

import pytest
from rq import Queue, SimpleWorker
from sqlalchemy import func, select

from cocreate.core import outbox, relay
from cocreate.core.outbox import OutboxMessage
from cocreate.core.runner import QUEUE_NAME, redis_connection
from cocreate.core.types import utcnow
from cocreate.extensions import db
from tests.core.conftest import REDIS_URL

DELIVERED: list[int] = []
FAILURES: list[Exception] = []


@outbox.job("test.deliver")
def deliver(payload):
    if FAILURES:
        raise FAILURES.pop(0)
    DELIVERED.append(payload["n"])


@pytest.fixture(autouse=True)
def clean():
    DELIVERED.clear()
    FAILURES.clear()
    yield
    DELIVERED.clear()
    FAILURES.clear()


def _rows() -> list[OutboxMessage]:
    db.session.expire_all()  # a worker has written to them
    return list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def _message(n=1, key=None) -> OutboxMessage:
    message = outbox.enqueue("test.deliver", {"n": n}, dedupe_key=key)
    db.session.commit()
    return db.session.get(OutboxMessage, message.id)


def test_inline_runs_after_commit_and_marks_done():
    message = _message(7)
    db.session.refresh(message)
    assert DELIVERED == [7]
    assert message.done_at is not None and message.attempts == 0


def test_a_rolled_back_transaction_sends_nothing():
    outbox.enqueue("test.deliver", {"n": 1})
    db.session.rollback()
    db.session.commit()
    assert DELIVERED == []
    assert db.session.scalar(select(func.count(OutboxMessage.id))) == 0


def test_a_job_run_twice_delivers_once():
    message = _message(3)
    outbox.run_message(message.id)
    assert DELIVERED == [3]


def test_unknown_jobs_are_refused_at_enqueue():
    with pytest.raises(KeyError):
        outbox.enqueue("no.such.job", {})


def test_a_failing_job_is_retried_with_backoff_then_kept_as_failed():
    FAILURES.extend(ConnectionRefusedError("smtp down") for _ in range(outbox.MAX_ATTEMPTS))
    message = _message(1)
    db.session.refresh(message)
    assert message.attempts == 1 and message.done_at is None
    assert "smtp down" in message.last_error
    assert message.due_at > utcnow() + outbox.backoff(1) - timedelta(seconds=5)
    for _ in range(outbox.MAX_ATTEMPTS - 1):
        message.due_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
        relay.relay_due_messages()
        db.session.refresh(message)
    assert message.failed_at is not None and message.attempts == outbox.MAX_ATTEMPTS
    assert DELIVERED == []


def test_backoff_doubles_and_is_capped():
    assert [outbox.backoff(n).total_seconds() for n in (1, 2, 3)] == [10, 20, 40]
    assert outbox.backoff(50) == timedelta(hours=1)
    hand_offs = [
        outbox.backoff(n, relay.HAND_OFF_BACKOFF_CAP).total_seconds() for n in (1, 2, 3, 50)
    ]
    assert hand_offs == [10, 20, 30, 30]


def test_a_lost_hand_off_is_handed_over_again_after_the_lease(app, monkeypatch):
    # A worker that died mid-job leaves the message handed off but not done.
    monkeypatch.setattr("cocreate.core.relay.hand_off", lambda message_id: None)
    message = _message(5)
    db.session.refresh(message)
    assert message.handed_off_at is not None and DELIVERED == []
    monkeypatch.undo()
    assert relay.relay_due_messages() == 0  # still within the lease
    message.handed_off_at = utcnow() - outbox.LEASE - timedelta(seconds=1)
    db.session.commit()
    assert relay.relay_due_messages() == 1
    db.session.refresh(message)
    assert DELIVERED == [5] and message.done_at is not None


def test_redis_unreachable_keeps_the_message_until_it_is_back(app, with_redis):
    app.config["REDIS_URL"] = "redis://127.0.0.1:1/0"  # nothing listens there
    message = _message(9)  # the commit succeeds even so
    db.session.refresh(message)
    assert message.hand_off_failures == 1 and message.handed_off_at is None
    assert message.attempts == 0 and DELIVERED == []
    app.config["REDIS_URL"] = REDIS_URL
    message.due_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert relay.relay_due_messages() == 1
    db.session.refresh(message)
    assert message.hand_off_failures == 0
    SimpleWorker([with_redis], connection=with_redis.connection).work(burst=True)
    db.session.refresh(message)
    assert DELIVERED == [9] and message.done_at is not None and message.attempts == 0


def test_a_queue_away_far_longer_than_a_job_is_retried_gives_no_message_up(
    app, redis_server, monkeypatch
):
    queue = Queue(QUEUE_NAME, connection=redis_connection(redis_server.url))
    monkeypatch.setitem(app.config, "REDIS_URL", redis_server.url)
    redis_server.kill()
    for n in range(3):
        _message(n)  # each commit's relay finds the queue away
    # Counted as attempts, the refusals would have given every message up after this long.
    every_attempt = sum((outbox.backoff(n) for n in range(1, outbox.MAX_ATTEMPTS)), timedelta())
    clock = [utcnow()]
    monkeypatch.setattr(relay, "utcnow", lambda: clock[0])
    end = clock[0] + 10 * every_attempt
    while clock[0] < end:
        clock[0] += timedelta(minutes=1)
        relay.relay_due_messages()
    for row in _rows():
        assert row.attempts == 0 and row.failed_at is None and row.done_at is None
        assert row.hand_off_failures > outbox.MAX_ATTEMPTS and "ConnectionError" in row.last_error
        assert row.due_at <= clock[0] + relay.HAND_OFF_BACKOFF_CAP
    assert DELIVERED == []

    redis_server.start()  # empty
    clock[0] += relay.HAND_OFF_BACKOFF_CAP
    assert relay.relay_due_messages() == 3
    SimpleWorker([queue], connection=queue.connection).work(burst=True)
    assert relay.relay_due_messages() == 0
    SimpleWorker([queue], connection=queue.connection).work(burst=True)
    assert sorted(DELIVERED) == [0, 1, 2]
    for row in _rows():
        assert row.done_at is not None and row.attempts == 0 and row.hand_off_failures == 0


def test_a_worker_runs_a_handed_off_message_once(app, with_redis):
    message = _message(4)
    assert DELIVERED == []  # handed to rq, not run inline
    with_redis.enqueue(
        "cocreate.core.runner.run_outbox_job", message.id
    )  # a duplicate delivery of the same job
    SimpleWorker([with_redis], connection=with_redis.connection).work(burst=True)
    db.session.refresh(message)
    assert DELIVERED == [4] and message.done_at is not None


def test_a_message_waiting_for_a_worker_is_not_counted_as_failing(app, monkeypatch):
    # Workers are down (a deploy): the queue takes every hand-off, nobody starts the job.
    monkeypatch.setattr("cocreate.core.relay.hand_off", lambda message_id: None)
    message = _message(6)
    for _ in range(outbox.MAX_ATTEMPTS + 2):
        message.handed_off_at = utcnow() - outbox.LEASE - timedelta(seconds=1)
        db.session.commit()
        assert relay.relay_due_messages() == 1  # handed over again, in case the queue lost it
        db.session.refresh(message)
    assert message.attempts == 0 and message.failed_at is None
    outbox.run_message(message.id)  # a worker is back and takes one of the copies
    outbox.run_message(message.id)  # the next copy finds it done
    assert DELIVERED == [6]


def test_a_job_started_and_never_finished_counts_as_an_attempt(app, monkeypatch):
    monkeypatch.setattr("cocreate.core.relay.hand_off", lambda message_id: None)
    message = _message(8)
    message.started_at = message.handed_off_at = utcnow() - outbox.LEASE - timedelta(seconds=1)
    db.session.commit()
    monkeypatch.undo()
    assert relay.relay_due_messages() == 1
    db.session.refresh(message)
    assert message.attempts == 1 and "stoppede undervejs" in message.last_error
    assert DELIVERED == [8] and message.done_at is not None


def test_a_copy_of_a_running_job_does_nothing(app):
    message = _message(2)
    message.done_at = None
    message.started_at = utcnow()  # another runner has it right now
    db.session.commit()
    outbox.run_message(message.id)
    assert DELIVERED == [2]  # only the first, inline run


def test_a_failing_queue_is_tried_once_per_relay_not_once_per_message(app, monkeypatch):
    calls = []

    def unreachable(message_id):
        calls.append(message_id)
        raise ConnectionError("Timeout connecting to server")

    monkeypatch.setattr("cocreate.core.relay.hand_off", unreachable)
    for n in range(3):
        outbox.enqueue("test.deliver", {"n": n})
    db.session.commit()  # the citizen's request waits for one timeout, not three
    assert len(calls) == 1
    rows = db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()
    assert [row.hand_off_failures for row in rows] == [1, 1, 1]  # the queue is away for all
    assert all(row.handed_off_at is None and row.done_at is None for row in rows)
    assert all(row.attempts == 0 for row in rows)
    monkeypatch.undo()
    for row in rows:
        row.due_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert relay.relay_due_messages() == 3
    assert sorted(DELIVERED) == [0, 1, 2]
