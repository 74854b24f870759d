"""The background jobs page: counts by status, the failed jobs, and retrying them."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from cocreate.accounts.roles import Role
from cocreate.admin import background
from cocreate.core import outbox
from cocreate.core.audit import AuditEntry
from cocreate.core.outbox import OutboxMessage
from cocreate.core.types import utcnow
from cocreate.extensions import db
from tests.accounts.markup import check_page
from tests.factories import EVIL

RAN: list[int] = []
FAILURES: list[Exception] = []
OTHERS = [None, (), (Role.MODERATOR,), (Role.DEPARTMENT_STAFF,), (Role.PANEL_MEMBER,)]


@outbox.job("test.admin_job")
def admin_job(payload):
    if FAILURES:
        raise FAILURES.pop(0)
    RAN.append(payload["n"])


@pytest.fixture(autouse=True)
def clean():
    RAN.clear()
    FAILURES.clear()
    yield
    RAN.clear()
    FAILURES.clear()


def _message(n=1, **columns) -> OutboxMessage:
    """An outbox row as it stands after some history; written directly, so nothing runs."""
    message = OutboxMessage(job="test.admin_job", payload={"n": n}, **columns)
    db.session.add(message)
    db.session.commit()
    return message


def _failed(n=1, error="ConnectionRefusedError: smtp down", ago=timedelta(minutes=5)):
    return _message(
        n,
        attempts=outbox.MAX_ATTEMPTS,
        failed_at=utcnow() - ago,
        last_error=error,
    )


def _counts(page: str) -> dict[str, int]:
    return {
        label: int(number)
        for label, number in re.findall(
            r'<th [^>]*scope="row">([^<]+)</th><td[^>]*>(\d+)</td>', page
        )
    }


def _retries() -> list[tuple[str, int, int]]:
    return [
        (entry.action, entry.actor_id, entry.subject_id)
        for entry in db.session.scalars(
            select(AuditEntry).where(AuditEntry.subject_type == "outbox_message")
        )
    ]


@pytest.mark.parametrize(
    "roles", OTHERS, ids=["anonymous", "citizen", "moderator", "staff", "panel"]
)
def test_everyone_but_admins_is_refused(client, login, make_user, roles):
    failed = _failed()
    if roles is not None:
        login(make_user(*roles))
    for method, path in (
        ("get", "/admin/jobs"),
        ("post", f"/admin/jobs/{failed.id}/retry"),
        ("post", "/admin/jobs/retry-all"),
    ):
        assert getattr(client, method)(path).status_code == 403, (method, path)
    db.session.refresh(failed)
    assert failed.failed_at is not None and failed.attempts == outbox.MAX_ATTEMPTS
    assert RAN == [] and _retries() == []


def test_dashboard_links_to_the_jobs_page_with_the_failed_count(client, login, make_user):
    login(make_user(Role.ADMIN))
    _failed(1)
    _failed(2)
    page = client.get("/admin").text
    check_page(page)
    assert 'href="/admin/jobs"' in page and "2 fejlede" in page


def test_counts_by_status(client, login, make_user, count_queries):
    login(make_user(Role.ADMIN))
    now = utcnow()
    _message(1)  # new
    _message(2, attempts=3, due_at=now + timedelta(minutes=1))  # retrying after a failure
    _message(3, attempts=1, handed_off_at=now)  # retrying, with a worker
    _message(4, handed_off_at=now)  # with a worker
    _message(9, hand_off_failures=5, due_at=now + timedelta(seconds=30))  # Redis away
    _message(5, done_at=now - timedelta(hours=1))
    _message(6, done_at=now - timedelta(days=2))  # done, but not lately
    _failed(7)
    _failed(8, ago=timedelta(days=30))

    with count_queries() as counter:
        counts = background.job_counts()
    assert counter.count == 1
    expected = {
        "Venter": 5,
        "Heraf prøves igen efter en fejl": 2,
        "Heraf venter på, at køen kan nås": 1,
        "Heraf givet videre til en baggrundsproces": 2,
        "Færdige det seneste døgn": 1,
        "Fejlet": 2,
    }
    assert list(counts) == list(expected.values())

    page = client.get("/admin/jobs").text
    check_page(page)
    assert _counts(page) == expected
    assert "2 fejlede job" in page


def test_failed_jobs_are_listed_latest_failure_first_with_their_error(client, login, make_user):
    login(make_user(Role.ADMIN))
    _failed(1, error="SMTPServerDisconnected: older", ago=timedelta(hours=3))
    _failed(2, error=f"ValueError: {EVIL}", ago=timedelta(minutes=1))
    _message(3, attempts=2, last_error="TimeoutError: still retrying")

    page = client.get("/admin/jobs").text
    check_page(page)  # the error's markup is shown as text, never run
    assert "<script>" not in page and "ValueError: &lt;script&gt;" in page
    assert page.index("ValueError") < page.index("SMTPServerDisconnected: older")
    assert "still retrying" not in page
    assert page.count("test.admin_job") == 2
    assert page.count(">Prøv igen<") == 2 and "Prøv alle igen" in page


def test_failed_list_is_paginated(app, client, login, make_user):
    login(make_user(Role.ADMIN))
    per_page = app.config["PER_PAGE"]
    for n in range(per_page + 1):
        _failed(n, error=f"Error: number {n:02d}.", ago=timedelta(minutes=n))
    first = client.get("/admin/jobs").text
    assert 'class="pagination' in first
    assert "number 00." in first and f"number {per_page:02d}." not in first
    second = client.get("/admin/jobs", query_string={"page": 2}).text
    check_page(second)
    assert f"number {per_page:02d}." in second and "number 00." not in second


def test_page_query_count_does_not_grow(client, login, make_user, count_queries):
    login(make_user(Role.ADMIN))

    def measure() -> int:
        db.session.remove()
        with count_queries() as counter:
            assert client.get("/admin/jobs").status_code == 200
        return counter.count

    _failed(0)
    few = measure()
    for n in range(1, 12):
        _failed(n)
        _message(n)
    assert measure() == few


def test_retry_runs_the_job_and_it_ends_done(client, login, make_user):
    admin = login(make_user(Role.ADMIN))
    failed = _failed(42)

    response = client.post(f"/admin/jobs/{failed.id}/retry")
    assert response.headers["Location"] == "/admin/jobs"
    assert RAN == [42]
    db.session.refresh(failed)
    assert failed.done_at is not None and failed.failed_at is None
    assert failed.attempts == 0 and failed.handed_off_at is not None
    # Kept to show what went wrong before; a new failure replaces it.
    assert failed.last_error == "ConnectionRefusedError: smtp down"
    assert _retries() == [("outbox.message_retried", admin.id, failed.id)]

    page = client.get("/admin/jobs").text
    assert f"Jobbet test.admin_job nr. {failed.id} er sat i gang igen." in page
    assert _counts(page)["Fejlet"] == 0 and _counts(page)["Færdige det seneste døgn"] == 1
    log = client.get("/admin/audit").text
    assert "Fejlet baggrundsjob prøvet igen" in log


def test_a_retry_that_fails_again_waits_for_its_next_attempt(client, login, make_user):
    login(make_user(Role.ADMIN))
    failed = _failed(1)
    FAILURES.append(TimeoutError("smtp still down"))
    client.post(f"/admin/jobs/{failed.id}/retry")
    db.session.refresh(failed)
    assert failed.failed_at is None and failed.attempts == 1 and RAN == []
    assert failed.last_error == "TimeoutError: smtp still down"
    assert _counts(client.get("/admin/jobs").text)["Heraf prøves igen efter en fejl"] == 1


@pytest.mark.parametrize("state", ["done", "waiting"])
def test_retrying_a_job_that_has_not_failed_changes_nothing(client, login, make_user, state):
    login(make_user(Role.ADMIN))
    later = utcnow() + timedelta(minutes=5)
    columns = {"done_at": utcnow()} if state == "done" else {"attempts": 2, "due_at": later}
    message = _message(7, **columns)
    before = (message.done_at, message.attempts, message.due_at)

    page = client.post(f"/admin/jobs/{message.id}/retry", follow_redirects=True).text
    assert "Jobbet er ikke fejlet, så det blev ikke prøvet igen." in page
    db.session.refresh(message)
    assert (message.done_at, message.attempts, message.due_at) == before
    assert RAN == [] and _retries() == []


def test_retrying_twice_from_two_tabs_runs_and_records_once(client, login, make_user):
    login(make_user(Role.ADMIN))
    failed = _failed(5)
    client.post(f"/admin/jobs/{failed.id}/retry")
    again = client.post(f"/admin/jobs/{failed.id}/retry", follow_redirects=True)
    assert again.status_code == 200
    assert "Måske har en anden allerede sat det i gang." in again.text
    assert RAN == [5] and len(_retries()) == 1


def test_unknown_job_is_404(client, login, make_user):
    login(make_user(Role.ADMIN))
    assert client.post("/admin/jobs/999999/retry").status_code == 404
    assert client.post("/admin/jobs/99999999999999999999/retry").status_code == 404
    assert client.get("/admin/jobs/999999/retry").status_code == 405


def test_retry_all_runs_every_failed_job_and_nothing_else(client, login, make_user):
    admin = login(make_user(Role.ADMIN))
    failed = [_failed(1), _failed(2)]
    waiting = _message(3, attempts=1, due_at=utcnow() + timedelta(minutes=5))

    page = client.post("/admin/jobs/retry-all", follow_redirects=True).text
    assert "2 fejlede job er sat i gang igen." in page
    assert sorted(RAN) == [1, 2]
    for message in failed:
        db.session.refresh(message)
        assert message.done_at is not None and message.failed_at is None
    db.session.refresh(waiting)
    assert waiting.attempts == 1 and waiting.done_at is None
    assert sorted(_retries()) == [("outbox.message_retried", admin.id, m.id) for m in failed]

    page = client.post("/admin/jobs/retry-all", follow_redirects=True).text
    assert "Der er ingen fejlede job at prøve igen." in page
    assert len(_retries()) == 2


def test_retry_without_csrf_token_is_refused(app, client, login, make_user, monkeypatch):
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    login(make_user(Role.ADMIN))
    failed = _failed(9)
    for path in (f"/admin/jobs/{failed.id}/retry", "/admin/jobs/retry-all"):
        response = client.post(path)
        assert response.status_code == 400, path
        assert "mangler sin sikkerhedsnøgle" in response.text
    db.session.refresh(failed)
    assert failed.failed_at is not None and RAN == []

    page = client.get("/admin/jobs").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post(f"/admin/jobs/{failed.id}/retry", data={"csrf_token": token})
    assert response.status_code == 302 and RAN == [9]
