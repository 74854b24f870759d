"""`cocreate worker`: an rq worker that runs outbox jobs and relays what is due."""

from datetime import timedelta

import click
from flask import current_app
from flask.cli import with_appcontext
from rq import Queue, Worker

from cocreate.notifications.runner import QUEUE_NAME, AppContextJob, redis_connection, use_app

# How often the worker looks for messages whose hand-off failed or whose lease ran out.
RELAY_EVERY = timedelta(seconds=30)


def relay_job() -> None:
    """Relay due messages, then come back later (a periodic job kept alive by itself)."""
    from cocreate.notifications.outbox import relay_due_messages

    relay_due_messages()
    schedule_relay(current_app.config["REDIS_URL"])


def schedule_relay(url: str) -> None:
    queue = Queue(QUEUE_NAME, connection=redis_connection(url), job_class=AppContextJob)
    # One fixed id, so that several workers keep one relay going, not one each.
    queue.enqueue_in(RELAY_EVERY, relay_job, job_id="cocreate-outbox-relay", result_ttl=0)


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty (for tests and cron).")
@with_appcontext
def worker_command(burst: bool) -> None:
    """Run background jobs from Redis (needs REDIS_URL)."""
    url = current_app.config["REDIS_URL"]
    if not url:
        raise click.ClickException("REDIS_URL er ikke sat: uden Redis kører jobs direkte i appen.")
    app = current_app._get_current_object()
    use_app(app)
    connection = redis_connection(url)
    from cocreate.notifications.outbox import relay_due_messages

    relay_due_messages()
    schedule_relay(url)
    worker = Worker([QUEUE_NAME], connection=connection, job_class=AppContextJob)
    worker.work(burst=burst, with_scheduler=True)
