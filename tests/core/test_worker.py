"""`cocreate worker` against a Redis that dies and comes back empty.

A real worker process and a real redis-server, killed with SIGKILL while the worker is in
the middle of a job and started again with nothing in it; meanwhile citizens send
proposals through the JSON API. Every receipt must arrive once Redis is back, and once.
"""

import time
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from cocreate.accounts.services import issue_api_token
from cocreate.core.outbox import OutboxMessage
from cocreate.extensions import db
from cocreate.notifications.events import FAN_OUT, SEND

# The issue promises delivery within a minute of Redis's return.
BACK_WITHIN = 60


def _settled() -> bool:
    """Whether there are outbox messages and every one has finished (done or failed)."""
    db.session.rollback()  # end the last read, to see what the worker has committed since
    m = OutboxMessage
    unfinished = func.count().filter(m.done_at.is_(None), m.failed_at.is_(None))
    total, unfinished = db.session.execute(select(func.count(), unfinished)).one()
    return total > 0 and unfinished == 0


def _attempts(job: str) -> list[int]:
    db.session.rollback()
    rows = select(OutboxMessage.attempts).where(OutboxMessage.job == job)
    return list(db.session.scalars(rows.order_by(OutboxMessage.id)))


def _wait_for(condition, seconds: float, what: str, log: Path) -> float:
    """Poll condition until it holds; return the seconds it took, or fail with the log."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > seconds:
            raise AssertionError(f"{what}: not within {seconds} s\n{log.read_text()[-4000:]}")
        time.sleep(0.2)
    return time.monotonic() - start


def _propose(client, secret: str, theme, title: str) -> str:
    body = {
        "title": title,
        "summary": "Et sted at sidde.",
        "body": "Ved åen.",
        "theme_ids": [theme.id],
    }
    response = client.post(
        "/api/v1/proposals", json=body, headers={"Authorization": f"Bearer {secret}"}
    )
    assert response.status_code == 201, response.get_data(as_text=True)
    return title


def _receipt(title: str) -> str:
    return f"Vi har modtaget dit forslag «{title}»"


def test_proposals_sent_while_redis_was_away_are_receipted_once_when_it_is_back_empty(
    app, client, redis_server, smtp_sink, start_worker, make_user, make_theme, monkeypatch, tmp_path
):
    author, theme = make_user(), make_theme()
    secret = issue_api_token(author)
    db.session.commit()
    # This process is the web tier: its relays hand over to the same Redis as the worker.
    monkeypatch.setitem(app.config, "REDIS_URL", redis_server.url)
    log = tmp_path / "worker.log"
    start_worker(redis_url=redis_server.url, smtp_port=smtp_sink.port, MAIL_TIMEOUT="2")
    # Its first tick queues the periodic work, and its rq loop runs it.
    _wait_for(_settled, 30, "the worker's start", log)

    smtp_sink.hold_next = True
    titles = [_propose(client, secret, theme, "Bænke ved åen nr. 0")]
    assert smtp_sink.holding.wait(timeout=30), log.read_text()
    redis_server.kill()  # while the worker waits for the mail server's answer
    titles += [_propose(client, secret, theme, f"Bænke ved åen nr. {n}") for n in range(1, 6)]
    # The held mail times out and its job records a retry; rq then finds Redis gone.
    _wait_for(lambda: _attempts(SEND) == [1], 30, "the held mail's retry", log)
    time.sleep(1)  # rq reports the job's end to Redis as soon as the job has committed
    redis_server.start()

    def receipts() -> Counter:
        return Counter(mail["Subject"] for mail in smtp_sink.to(author.email))

    def all_receipted() -> bool:
        return len(receipts()) == len(titles) and _settled()

    took = _wait_for(all_receipted, BACK_WITHIN, "every receipt", log)
    print(f"every receipt had gone {took:.1f} s after Redis came back")
    assert receipts() == {_receipt(title): 1 for title in titles}
    assert _attempts(SEND) == [1] + [0] * 5  # the held mail timed out once: the job's own failure
    assert _attempts(FAN_OUT) == [0] * 6  # waiting for Redis is no failure of theirs
