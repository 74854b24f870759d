"""`cocreate worker`: runs background jobs and, every half minute, starts the periodic work
whose time has come and hands over what is due.

The tick belongs to the process (a thread beside rq's loop, or the loop itself without
Redis), never to a job kept in Redis: a Redis that comes back empty, or is away when such
a job would have scheduled the next one, cannot stop it.
"""

import signal
import threading
import time
from datetime import timedelta

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from redis import Redis
from redis.exceptions import RedisError
from rq import SimpleWorker

from cocreate.core.relay import relay_due_messages
from cocreate.core.runner import QUEUE_NAME, REDIS_TIMEOUTS, AppContextJob, use_app
from cocreate.core.schedule import start_due_periods

# How often the worker starts periodic work and looks for messages whose hand-off
# failed or whose lease ran out.
RELAY_EVERY = timedelta(seconds=30)
# How long, at most, the worker waits before it tries an unreachable Redis again.
REDIS_AGAIN_AFTER = timedelta(seconds=5)


def tick() -> None:
    """Start the periodic jobs whose period has begun, and hand over what is due."""
    start_due_periods()
    relay_due_messages()


def keep_ticking(app: Flask, stop: threading.Event) -> None:
    """Tick now and every RELAY_EVERY until stop is set, each time in a fresh app context.

    A tick that fails is logged and the next comes all the same: a database that blinked
    must not stop the digests and reminders for good.
    """
    while True:
        with app.app_context():
            try:
                tick()
            except Exception:
                app.logger.exception("the worker's tick failed; trying again in %s", RELAY_EVERY)
        if stop.wait(RELAY_EVERY.total_seconds()):
            return


class _Worker(SimpleWorker):
    """rq's worker, running jobs in this process, that tries a Redis that went away again
    every few seconds (rq's own wait grows to a minute) and remembers a request to stop."""

    max_connection_wait_time = REDIS_AGAIN_AFTER.total_seconds()
    asked_to_stop = False

    def handle_warm_shutdown_request(self) -> None:
        self.asked_to_stop = True
        super().handle_warm_shutdown_request()


def _worker(url: str) -> _Worker:
    # Jobs run in this process: a forked job would inherit the parent's pooled database
    # connections (unsafe across a fork) and pay its start-up again, about five times
    # the cost of a small job. Run more `cocreate worker` processes to run more at once.
    # The client is its own: rq lengthens the read timeout of the client it is given (to
    # outlast its blocking wait for jobs), and this process's hand-offs must fail fast.
    connection = Redis.from_url(url, **REDIS_TIMEOUTS)
    return _Worker([QUEUE_NAME], connection=connection, job_class=AppContextJob)


def _work_until_stopped(url: str) -> None:
    """Run rq's loop until asked to stop, and again whenever Redis breaks it off.

    rq rides out a Redis that goes away while it waits for a job, but ends its loop when
    Redis fails in the middle of one (a job's end that cannot be recorded) or times out.
    """
    while True:
        worker = None
        try:
            worker = _worker(url)
            worker.work()
        except RedisError as error:
            current_app.logger.warning("the worker lost Redis: %s", error)
        if worker is not None:
            if worker.asked_to_stop:
                return
            # rq's teardown stops the thread that listens for its commands only once Redis
            # has answered; without this, every loss of Redis would leave one behind.
            if worker.pubsub_thread is not None:
                worker.pubsub_thread.stop()
        current_app.logger.warning("starting rq's loop again in %s", REDIS_AGAIN_AFTER)
        # No job runs while we wait, so a signal may end the process at once (the handlers
        # that the ended loop left behind would raise its stop request into this wait).
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        time.sleep(REDIS_AGAIN_AFTER.total_seconds())


def _tick_beside_rq(app: Flask, url: str) -> None:
    stop = threading.Event()
    ticking = threading.Thread(target=keep_ticking, args=(app, stop), name="tick", daemon=True)
    ticking.start()
    _work_until_stopped(url)
    stop.set()
    ticking.join()  # let a tick in progress finish, rather than leave rows half claimed


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop when there is no more work (tests and cron).")
@with_appcontext
def worker_command(burst: bool) -> None:
    """Run background jobs: from Redis when REDIS_URL is set, else in this process."""
    app = current_app._get_current_object()
    url = app.config["REDIS_URL"]
    if url:
        use_app(app)
    if burst:
        tick()
        if url:
            _worker(url).work(burst=True)
    elif url:
        _tick_beside_rq(app, url)
    else:
        keep_ticking(app, threading.Event())  # its hand-offs run the jobs, inline
