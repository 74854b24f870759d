"""Real parts for the outbox's fault tests: mail servers that work, hang or are gone; Redis
(CI's, or a server of the test's own); `cocreate worker` processes."""

import asyncio
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from redis import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from rq import Queue
from rq.job import Job

from cocreate.core.runner import QUEUE_NAME, AppContextJob, redis_connection, use_app

REDIS_URL = os.environ.get("REDIS_URL")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SmtpSink:
    """Keep every message the server accepted; optionally hold the next one unanswered."""

    def __init__(self):
        self.accepted = []
        self.hold_next = False
        self.holding = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        if self.hold_next:
            # Never answer: the sender waits for the 250 until it is killed, and aiosmtpd
            # cancels this handler when the connection drops, so nothing is accepted.
            self.hold_next = False
            self.holding.set()
            await asyncio.Event().wait()
        parsed = BytesParser(policy=policy.default).parsebytes(envelope.original_content)
        self.accepted.append(parsed)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list:
        """The accepted messages addressed to address."""
        return [message for message in self.accepted if message["To"] == address]


@pytest.fixture
def smtp_sink():
    """An SMTP server on 127.0.0.1 that accepts everything; `.port` is where it listens."""
    sink = SmtpSink()
    controller = Controller(sink, hostname="127.0.0.1", port=_free_port())
    controller.start()
    sink.port = controller.port
    yield sink
    controller.stop()


@pytest.fixture
def silent_server():
    """The port of a server that takes the connection and never says a word."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)  # the kernel completes the handshake; nobody ever accepts
        yield listener.getsockname()[1]


@pytest.fixture
def closed_port():
    """A port that refuses connections (bound, so no one else takes it, but not listening)."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        yield holder.getsockname()[1]


def _empty(queue: Queue) -> None:
    """Delete every job of the queue: waiting, scheduled, running (killed), finished, failed."""
    for registry in (
        queue.scheduled_job_registry,
        queue.started_job_registry,
        queue.failed_job_registry,
        queue.finished_job_registry,
        queue.deferred_job_registry,
    ):
        # Not job.delete(): it trips over the half-written records of a killed worker.
        jobs = [Job.key_for(job_id) for job_id in registry.get_job_ids(cleanup=False)]
        queue.connection.delete(registry.key, *jobs)
    queue.empty()


@pytest.fixture
def with_redis(app, monkeypatch):
    """Hand messages to the Redis of CI's second run, with an empty queue and registries."""
    if not REDIS_URL:
        pytest.skip("needs REDIS_URL (CI's second run sets it)")
    queue = Queue(QUEUE_NAME, connection=redis_connection(REDIS_URL), job_class=AppContextJob)
    _empty(queue)
    monkeypatch.setitem(app.config, "REDIS_URL", REDIS_URL)
    use_app(app)
    yield queue
    _empty(queue)


class RedisServer:
    """A redis-server of the test's own that keeps nothing on disk: killed and started
    again, it comes back empty, as a Redis without persistence does (or after a failover)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> None:
        options = ["--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder)]
        options += ["--save", "", "--appendonly", "no", "--daemonize", "no"]
        with (self.folder / "redis.log").open("ab") as log:
            self.process = subprocess.Popen(["redis-server", *options], stdout=log, stderr=log)
        client = Redis.from_url(self.url, socket_connect_timeout=1)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except RedisConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise
                time.sleep(0.05)
        client.close()

    def kill(self) -> None:
        """SIGKILL: no shutdown, nothing saved."""
        self.process.kill()
        self.process.wait(timeout=10)


@pytest.fixture
def redis_server(tmp_path):
    """A running RedisServer; killed when the test ends, however it ends."""
    if shutil.which("redis-server") is None:
        pytest.skip("needs redis-server on PATH")
    server = RedisServer(tmp_path)
    server.start()
    yield server
    if server.process.poll() is None:
        server.kill()


@pytest.fixture
def start_worker(app, db, tmp_path):
    """Start `cocreate worker` on the test database (output in tmp_path/worker.log), killed
    when the test ends however it ends, before the tables are emptied."""
    started = []

    def _start(*options: str, redis_url: str, smtp_port: int, **settings: str):
        environment = {
            "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
            "REDIS_URL": redis_url,
            "MAIL_SERVER": "127.0.0.1",
            "MAIL_PORT": str(smtp_port),
            "SECRET_KEY": app.config["SECRET_KEY"],
            "PUBLIC_URL": app.config["PUBLIC_URL"],
            "RATELIMIT_ENABLED": "0",
            **settings,
        }
        command = [str(Path(sys.executable).with_name("cocreate")), "worker", *options]
        with (tmp_path / "worker.log").open("ab") as log:
            # A session of its own: one signal to the group ends the worker and anything
            # it started.
            process = subprocess.Popen(
                command,
                env={**os.environ, **environment},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        started.append(process)
        return process

    yield _start
    for process in started:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
