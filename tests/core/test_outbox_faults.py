"""The outbox under faults: Redis down, workers killed, rollbacks, mail servers gone or mute.

Each test breaks a real part (a closed port, a server that never answers, a killed
process) and checks that every mail still arrives exactly once, or is kept as failed.
"""

import os
import signal
from collections import Counter
from contextlib import contextmanager
from datetime import timedelta
from functools import partial
from pathlib import Path

import pytest
from flask import current_app
from rq import SimpleWorker
from sqlalchemy import select

from cocreate.accounts import mail as account_mail
from cocreate.accounts import services
from cocreate.accounts.mail import SEND_LINK
from cocreate.accounts.services import find_user_by_email
from cocreate.core.errors import ValidationFailed
from cocreate.core.mail import send_email
from cocreate.core.outbox import (
    JOBS,
    LEASE,
    MAX_ATTEMPTS,
    OutboxMessage,
    backoff,
    enqueue,
    job,
    run_message,
)
from cocreate.core.relay import relay_due_messages
from cocreate.core.runner import AppContextJob
from cocreate.core.types import utcnow
from cocreate.extensions import db
from tests.concurrency import pause_after, race
from tests.core.conftest import REDIS_URL
from tests.factories import EVIL, PASSWORD

KAREN = "karen@example.dk"
OLE = "ole@example.dk"
UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1
KEYED_MAIL = "test.faults.keyed_mail"


class WorkerKilled(BaseException):
    """The process running the job died (SIGKILL, OOM): nothing after this line runs."""


@job(KEYED_MAIL)
def send_keyed_mail(payload):
    send_email(payload["to"], "Dit forslag er modtaget", "Tak for dit forslag.", key=payload["key"])


def _register(email: str):
    """Register a citizen through the service and commit, as the register view does."""
    user = services.register_account(name=f"Borger {EVIL}", email=email, password=PASSWORD)
    db.session.commit()
    return user


def _rows(name: str | None = None) -> list[OutboxMessage]:
    """The outbox (or its messages for the job `name`) as the database has it now."""
    db.session.expire_all()  # other sessions have written to it
    query = select(OutboxMessage).order_by(OutboxMessage.id)
    if name is not None:
        query = query.where(OutboxMessage.job == name)
    return list(db.session.scalars(query))


def _make_due(name: str | None = None) -> None:
    """Move time on: every message (for the job `name`) is due, and its lease has run out."""
    past = utcnow() - LEASE - timedelta(seconds=1)
    for row in _rows(name):
        row.due_at = past
        if row.handed_off_at is not None:
            row.handed_off_at = past
        if row.started_at is not None:
            row.started_at = past
    db.session.commit()


@contextmanager
def _job_killed(monkeypatch, name: str, *, after_delivery: bool):
    """Within the block, the job `name` dies just before (or just after) it delivers."""
    deliver = JOBS[name]

    def die(payload):
        if after_delivery:
            deliver(payload)
        raise WorkerKilled

    with monkeypatch.context() as patch:
        patch.setitem(JOBS, name, die)
        yield


def _was_killed(cause) -> bool:
    """Run cause in a process that a job may kill; return whether it did."""
    try:
        cause()
    except WorkerKilled:
        db.session.remove()  # the dead process's session went with it
        return True
    return False


def _use_mail_server(monkeypatch, port: int) -> None:
    """Send mail by SMTP to 127.0.0.1:port, giving up after a second."""
    for name, value in (("MAIL_SERVER", "127.0.0.1"), ("MAIL_PORT", port), ("MAIL_TIMEOUT", 1)):
        monkeypatch.setitem(current_app.config, name, value)


def _work(queue) -> None:
    """Run every job in the queue in this process, as a worker would."""
    SimpleWorker([queue], connection=queue.connection, job_class=AppContextJob).work(burst=True)


# Redis unreachable while citizens register


def test_registrations_succeed_while_redis_is_down_and_are_mailed_once_it_is_back(
    app, client, with_redis, outbox, monkeypatch
):
    monkeypatch.setitem(app.config, "REDIS_URL", UNREACHABLE_REDIS)
    emails = [f"borger{n}@example.dk" for n in range(3)]
    for email in emails:
        form = {"name": f"Borger {EVIL}", "email": email, "accept_terms": "y"}
        response = client.post(
            "/register", data={**form, "password": PASSWORD, "password_confirm": PASSWORD}
        )
        assert response.status_code == 302
        assert response.headers["Location"] == "/check-mail/registered"
    users = [find_user_by_email(email) for email in emails]
    rows = _rows()
    assert sorted(row.payload["user_id"] for row in rows) == sorted(user.id for user in users)
    for row in rows:
        assert row.hand_off_failures >= 1 and row.last_error.startswith("ConnectionError")
        assert row.handed_off_at is None and row.done_at is None and row.failed_at is None
        assert row.attempts == 0
    assert outbox() == []

    monkeypatch.setitem(app.config, "REDIS_URL", REDIS_URL)
    _make_due()
    assert relay_due_messages() == len(emails)
    _work(with_redis)
    _make_due()
    assert relay_due_messages() == 0
    assert Counter(message["To"] for message in outbox()) == dict.fromkeys(emails, 1)
    assert all(row.done_at is not None for row in _rows())


# A worker killed in the middle of a job


def test_a_worker_killed_mid_delivery_leaves_the_mail_to_the_next_one(
    with_redis, smtp_sink, start_worker, tmp_path, monkeypatch
):
    _register(KAREN)  # handed to rq
    smtp_sink.hold_next = True
    worker = start_worker("--burst", redis_url=REDIS_URL, smtp_port=smtp_sink.port)
    assert smtp_sink.holding.wait(timeout=30), (tmp_path / "worker.log").read_text()
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)
    [row] = _rows(SEND_LINK)  # the worker also queued periodic work of its own at start
    assert row.handed_off_at is not None and row.done_at is None and row.attempts == 0
    assert smtp_sink.accepted == []

    _make_due(SEND_LINK)
    assert relay_due_messages() == 1
    _use_mail_server(monkeypatch, smtp_sink.port)
    _work(with_redis)
    assert len(smtp_sink.to(KAREN)) == 1
    assert _rows(SEND_LINK)[0].done_at is not None


def test_a_job_killed_mid_delivery_runs_again_after_the_lease(monkeypatch, outbox):
    with _job_killed(monkeypatch, SEND_LINK, after_delivery=False):
        assert _was_killed(partial(_register, KAREN))
    [row] = _rows()
    assert row.handed_off_at is not None and row.done_at is None and row.attempts == 0
    assert relay_due_messages() == 0  # within its lease the worker may still be busy
    assert outbox() == []

    _make_due()
    assert relay_due_messages() == 1
    assert [message["To"] for message in outbox()] == [KAREN]
    assert _rows()[0].done_at is not None


def test_a_keyed_mail_killed_after_delivery_is_written_once(app, monkeypatch, outbox):
    def cause():
        enqueue(KEYED_MAIL, {"to": KAREN, "key": "proposal-received:1:karen"})
        db.session.commit()

    with _job_killed(monkeypatch, KEYED_MAIL, after_delivery=True):
        assert _was_killed(cause)
    folder = Path(app.config["MAIL_OUTBOX_DIR"])
    written = sorted(folder.glob("*.eml"))
    assert len(written) == 1 and _rows()[0].done_at is None

    _make_due()
    assert relay_due_messages() == 1  # it is sent again, into the same file
    assert sorted(folder.glob("*.eml")) == written
    [message] = outbox()
    assert message["Message-ID"] == f"<{written[0].stem}@cocreate.local>"
    assert _rows()[0].done_at is not None


def test_a_confirmation_killed_after_delivery_is_mailed_once(monkeypatch, outbox):
    with _job_killed(monkeypatch, SEND_LINK, after_delivery=True):
        assert _was_killed(partial(_register, KAREN))
    _make_due()
    assert relay_due_messages() == 1
    assert len(outbox()) == 1


def test_a_mail_that_kills_every_worker_is_given_up_after_max_attempts(monkeypatch, outbox):
    with _job_killed(monkeypatch, SEND_LINK, after_delivery=False):
        assert _was_killed(partial(_register, KAREN))
        for _ in range(MAX_ATTEMPTS):
            _make_due()
            _was_killed(relay_due_messages)
    [row] = _rows()
    assert row.failed_at is not None and row.attempts == MAX_ATTEMPTS
    assert outbox() == []


def test_two_runners_handed_the_same_message_at_once_mail_it_once(app, monkeypatch, outbox):
    # rq can hold two copies: the relay hands a message over again once its lease has run
    # out, while the first copy still waits in a queue no worker took from in time.
    with monkeypatch.context() as patch:
        patch.setattr("cocreate.core.relay.hand_off", lambda message_id: None)
        _register(KAREN)
    [row] = _rows()
    pause_after(monkeypatch, account_mail, "public_url", parties=2, patience=1)
    run = partial(run_message, row.id)
    outcome = race(app, {"first copy": lambda: run, "second copy": lambda: run})
    assert outcome == {"first copy": None, "second copy": None}
    assert len(outbox()) == 1


# A transaction that rolls back


def test_a_rolled_back_registration_mails_nothing_when_the_next_one_commits(outbox):
    services.register_account(name=f"Borger {EVIL}", email=KAREN, password=PASSWORD)
    db.session.rollback()
    ole = _register(OLE)
    assert [message["To"] for message in outbox()] == [OLE]
    assert [row.payload["user_id"] for row in _rows()] == [ole.id]
    assert find_user_by_email(KAREN) is None


def test_a_savepoint_rolled_back_keeps_the_mail_queued_before_it(outbox):
    services.register_account(name=f"Borger {EVIL}", email=KAREN, password=PASSWORD)
    with pytest.raises(ValidationFailed), db.session.begin_nested():
        services.register_account(name="Karen igen", email=KAREN, password=PASSWORD)
    db.session.commit()
    assert [message["To"] for message in outbox()] == [KAREN]


# The mail server refuses, or never answers


def _register_and_fail(times: int) -> OutboxMessage:
    """Register Karen, let her mail fail `times` times, and check when each retry is due."""
    for attempt in range(1, times + 1):
        before = utcnow()
        if attempt == 1:
            _register(KAREN)
        else:
            _make_due()
            relay_due_messages()
        [row] = _rows()
        assert row.attempts == attempt and row.done_at is None and row.handed_off_at is None
        if attempt < MAX_ATTEMPTS:
            assert before + backoff(attempt) <= row.due_at <= utcnow() + backoff(attempt)
    return row


def test_a_refusing_mail_server_is_retried_with_backoff_then_kept_as_failed(
    monkeypatch, closed_port, smtp_sink
):
    _use_mail_server(monkeypatch, closed_port)
    row = _register_and_fail(MAX_ATTEMPTS)
    assert row.failed_at is not None
    assert row.last_error.startswith("ConnectionRefusedError")
    assert "Connection refused" in row.last_error
    # The server is back, but a message kept as failed waits for a person, not the relay.
    _use_mail_server(monkeypatch, smtp_sink.port)
    _make_due()
    assert relay_due_messages() == 0
    assert smtp_sink.accepted == []


@pytest.mark.parametrize(
    ("fault", "failures", "error"),
    [("closed_port", MAX_ATTEMPTS - 1, "Connection refused"), ("silent_server", 1, "timed out")],
)
def test_a_mail_server_back_before_the_last_attempt_delivers_once(
    request, monkeypatch, smtp_sink, fault, failures, error
):
    _use_mail_server(monkeypatch, request.getfixturevalue(fault))
    row = _register_and_fail(failures)
    assert error in row.last_error and row.failed_at is None

    _use_mail_server(monkeypatch, smtp_sink.port)
    _make_due()
    assert relay_due_messages() == 1
    _make_due()
    assert relay_due_messages() == 0
    [row] = _rows()
    assert row.done_at is not None and row.attempts == failures
    assert len(smtp_sink.to(KAREN)) == 1
