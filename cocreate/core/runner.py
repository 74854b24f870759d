"""Where outbox messages run: rq workers when REDIS_URL is set, else inline after commit."""

import functools

from flask import Flask, current_app
from redis import Redis
from rq import Queue
from rq.job import Job

from cocreate.core.outbox import run_message
from cocreate.extensions import db

QUEUE_NAME = "cocreate"
# A web request must not hang on an unreachable Redis: fail fast, the outbox retries.
REDIS_TIMEOUTS = {"socket_connect_timeout": 1, "socket_timeout": 2}
_app: Flask | None = None


@functools.cache
def redis_connection(url: str) -> Redis:
    """One client (with its connection pool) per URL and process, not one per hand-off."""
    return Redis.from_url(url, **REDIS_TIMEOUTS)


def hand_off(message_id: int) -> None:
    """Give one message to its runner; raises when the queue cannot take it."""
    url = current_app.config["REDIS_URL"]
    if not url:
        run_message(message_id)
        return
    queue = Queue(QUEUE_NAME, connection=redis_connection(url), job_class=AppContextJob)
    queue.enqueue(run_outbox_job, message_id, job_timeout=300, result_ttl=3600)


def run_outbox_job(message_id: int) -> None:
    """The rq job: run an outbox message by id (the job class gives it an app context)."""
    run_message(message_id)


class AppContextJob(Job):
    """Run every job inside the worker's app context, with a fresh session after it."""

    def perform(self):
        app = _app or current_app._get_current_object()
        with app.app_context():
            try:
                return super().perform()
            finally:
                db.session.remove()


def use_app(app: Flask) -> None:
    """Tell jobs which app to run in (called once by the worker process)."""
    global _app
    _app = app
