"""`cocreate worker`: runs background jobs, relays what is due and starts periodic work.

With REDIS_URL it is an rq worker (with rq's scheduler) that also keeps a relay job
going; without it, it runs the embedded default's jobs itself, every half minute.
"""

import time
from datetime import timedelta

import click
from flask import current_app
from flask.cli import with_appcontext
from rq import Queue, SimpleWorker

from cocreate.core.relay import relay_due_messages
from cocreate.core.runner import QUEUE_NAME, AppContextJob, redis_connection, use_app
from cocreate.core.schedule import start_due_periods

# How often the worker starts periodic work and looks for messages whose hand-off
# failed or whose lease ran out.
RELAY_EVERY = timedelta(seconds=30)


def tick() -> None:
    """Start the periodic jobs whose period has begun, and hand over what is due."""
    start_due_periods()
    relay_due_messages()


def relay_job() -> None:
    """Tick, then come back later (a periodic job kept alive by itself, even when a tick
    fails: a database that blinked must not stop the digests and reminders for good)."""
    try:
        tick()
    finally:
        schedule_relay(current_app.config["REDIS_URL"])


def schedule_relay(url: str) -> None:
    queue = Queue(QUEUE_NAME, connection=redis_connection(url), job_class=AppContextJob)
    # One fixed id, so that several workers keep one relay going, not one each.
    queue.enqueue_in(RELAY_EVERY, relay_job, job_id="cocreate-outbox-relay", result_ttl=0)


def _run_embedded(burst: bool) -> None:
    """No Redis: run jobs in this process, ticking every RELAY_EVERY."""
    while True:
        try:
            tick()
        except Exception:
            if burst:
                raise
            current_app.logger.exception("the worker's tick failed; trying again shortly")
        if burst:
            return
        time.sleep(RELAY_EVERY.total_seconds())


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop when there is no more work (tests and cron).")
@with_appcontext
def worker_command(burst: bool) -> None:
    """Run background jobs: from Redis when REDIS_URL is set, else in this process."""
    url = current_app.config["REDIS_URL"]
    if not url:
        _run_embedded(burst)
        return
    use_app(current_app._get_current_object())
    tick()
    schedule_relay(url)
    # Jobs run in this process: a forked job would inherit the parent's pooled database
    # connections (unsafe across a fork) and pay its start-up again, about five times
    # the cost of a small job. Run more `cocreate worker` processes to run more at once.
    worker = SimpleWorker([QUEUE_NAME], connection=redis_connection(url), job_class=AppContextJob)
    worker.work(burst=burst, with_scheduler=True)
