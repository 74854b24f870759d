"""E-mail notifications through the outbox, relay and runner to an SMTP sink, in one run.

    .venv/bin/python bench/notifications.py [--events 10000] [--batch 50] [--rate 0]
        [--redis redis://127.0.0.1:6379/14] [--workers 4] [--cocreate-worker] [--wait 120]

Each event is one outbox message (job "bench.notify") whose job sends one mail with
cocreate's send_email to an SMTP sink on 127.0.0.1 (bench/smtp_sink.py, a process of
its own; send_email opens one SMTP connection per mail). The first half of the events
is committed one event per transaction, the second half in transactions of --batch
events. The producer commits as fast as it can (a saturated pipeline: the lag then
includes any backlog), or --rate events a second. Each payload carries the time taken
just before COMMIT is issued, the job copies it into an X-Cocreate-Committed header, and
the sink notes when it has read the message: the lag covers commit, relay, hand-off,
queue, job and SMTP. Times are time.time() in two processes on one machine.

Backends: the embedded default (no REDIS_URL: the relay runs each job inline, in the
committing process, inside db.session.commit()) always; and, when --redis is given (or
REDIS_URL is set), rq: the relay hands each message to Redis and --workers processes run
the jobs. By default those are bare rq SimpleWorkers with the app, the bench job and
runner.AppContextJob; --cocreate-worker runs the real `cocreate worker` command instead
(as deployed: rq's loop, with its own tick relaying every half minute beside it). Use a
Redis database of its own: its "cocreate" queue must be empty and have no other workers.
The producer does not wait for the workers between transactions; it waits (at most
--wait seconds) for the last mail of each half before going on.

Printed per backend and commit size: mails per second (mails / time from the first
commit to the last mail received), the lag from commit to receipt (median, p99, max, in
ms), and how long db.session.commit() took to return to the caller (median, ms: the
relay runs inside it). Then the CPU time per mail of the producer (which runs the relay,
and on the embedded default the jobs), of the workers (start-up included) and of the
sink; on a small or busy machine the rates follow from these. Last, what the outbox
table says (done, retried, failed) and how many mails the sink got twice.

Uses DATABASE_URL when set (e.g. PostgreSQL), else a fresh SQLite file in a temporary
folder. That database must have no waiting outbox messages of its own (the relay would
send them to the sink too); the bench's own rows are deleted before and after each
backend.
"""

import argparse
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

JOB = "bench.notify"
SINK = Path(__file__).resolve().parent / "smtp_sink.py"
# How often the sink's results are read while waiting for the last mails (seconds).
POLL = 0.05


def build_app(redis_url: str | None, mail_port: int):
    from cocreate import create_app

    return create_app(
        {
            "RATELIMIT_ENABLED": False,
            "RATELIMIT_STORAGE_URI": "memory://",
            "REDIS_URL": redis_url,
            "MAIL_SERVER": "127.0.0.1",
            "MAIL_PORT": mail_port,
            "MAIL_USE_TLS": False,
            "MAIL_USERNAME": None,
            "MAIL_PASSWORD": None,
        }
    )


def register_job() -> None:
    """Register the bench job (in the producer and in every worker process)."""
    from cocreate.core.mail import send_email
    from cocreate.core.outbox import JOBS, job

    if JOB in JOBS:
        return

    @job(JOB)
    def notify(payload: dict) -> None:
        event = payload["event"]
        send_email(
            f"citizen{event}@bench.invalid",
            f"Bench event {event}",
            "A benchmark notification.\n",
            key=f"bench:{payload['run']}:{event}",
            headers={
                "X-Bench-Event": str(event),
                "X-Cocreate-Committed": f"{payload['committed']:.6f}",
            },
        )


# --- The SMTP sink ------------------------------------------------------------------------


class Sink:
    """bench/smtp_sink.py in a subprocess, and what it has received so far."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.process = subprocess.Popen(
            [sys.executable, str(SINK), str(path)], stdout=subprocess.PIPE, text=True
        )
        line = self.process.stdout.readline()  # the port, or "" if the sink died
        if not line.strip().isdigit():
            self.process.kill()
            raise SystemExit(f"the SMTP sink did not start: {line!r}")
        self.port = int(line)
        self.received: dict[int, tuple[float, float]] = {}  # event: (committed, received)
        self.lines = 0  # mails with an X-Bench-Event header, duplicates included
        self.others = 0  # mails without one (not the bench's)
        self._offset = 0

    def poll(self) -> int:
        """Read what arrived since the last call; return how many distinct events so far."""
        with self.path.open("rb") as results:
            results.seek(self._offset)
            chunk = results.read()
        complete = chunk.rfind(b"\n") + 1
        self._offset += complete
        for line in chunk[:complete].decode().splitlines():
            event, committed, received = line.split()
            if not event.isdigit():
                self.others += 1
                continue
            self.lines += 1
            self.received.setdefault(int(event), (float(committed), float(received)))
        return len(self.received)

    def rows(self, first: int, count: int) -> list[tuple[float, float]]:
        return [self.received[e] for e in range(first, first + count) if e in self.received]

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# --- rq workers ---------------------------------------------------------------------------


def worker_main(redis_url: str, mail_port: int, cocreate_worker: bool) -> None:
    """The body of one worker process: the app, the bench job, then rq until SIGTERM."""
    from rq import SimpleWorker

    from cocreate.core.runner import QUEUE_NAME, AppContextJob, redis_connection, use_app
    from cocreate.core.worker import worker_command

    app = build_app(redis_url, mail_port)
    register_job()
    with app.app_context():
        if cocreate_worker:
            # Exactly `cocreate worker`, in a process that has the bench job registered.
            worker_command.main(args=[], prog_name="cocreate worker", standalone_mode=False)
        else:
            use_app(app)
            connection = redis_connection(redis_url)
            worker = SimpleWorker([QUEUE_NAME], connection=connection, job_class=AppContextJob)
            worker.work(logging_level="WARNING")


class Workers:
    """Worker processes: this file again, in its hidden --worker-process mode."""

    def __init__(self, count: int, redis_url: str, mail_port: int, real: bool, folder: Path):
        self.logs = [folder / f"worker-{n}.log" for n in range(count)]
        command = [sys.executable, __file__, "--worker-process", "--redis", redis_url]
        command += ["--mail-port", str(mail_port)] + (["--cocreate-worker"] if real else [])
        self.processes = []
        for log in self.logs:
            with log.open("wb") as output:
                self.processes.append(
                    subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
                )

    def check(self) -> None:
        for process, log in zip(self.processes, self.logs, strict=True):
            if process.poll() is not None:
                tail = log.read_text(errors="replace")[-3000:]
                raise SystemExit(f"a worker exited with {process.returncode}:\n{tail}")

    def wait_until_listening(self, queue, timeout: float = 30) -> None:
        from rq import Worker

        deadline = time.monotonic() + timeout
        while len(Worker.all(queue=queue)) < len(self.processes):
            self.check()
            if time.monotonic() > deadline:
                raise SystemExit("the workers did not start listening in time")
            time.sleep(0.1)

    def stop(self) -> None:
        """SIGTERM (rq's warm shutdown: finish the job in hand), then wait; kill if stuck."""
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def error_lines(self) -> list[str]:
        found = []
        for log in self.logs:
            for line in log.read_text(errors="replace").splitlines():
                if any(word in line for word in ("Traceback", "Error", "failed")):
                    found.append(f"{log.name}: {line.strip()}"[:200])
        return found


def clear_queue(queue) -> None:
    """Empty the queue of what an earlier run left."""
    queue.empty()


# --- The run ------------------------------------------------------------------------------


@dataclass
class Segment:
    label: str
    first: int
    count: int
    per_commit: int
    commit_seconds: list[float] = field(default_factory=list)
    producing: float = 0.0  # wall time of the producer's loop
    draining: float = 0.0  # from the producer's last commit to the last mail received


def produce(app, segment: Segment, run: str, rate: float) -> None:
    """Enqueue the segment's events and commit them, per_commit events a transaction."""
    from cocreate.core.outbox import enqueue
    from cocreate.extensions import db

    end = segment.first + segment.count
    began = time.perf_counter()
    with app.app_context():
        for start in range(segment.first, end, segment.per_commit):
            if rate:  # this transaction's events are due at (events so far) / rate
                time.sleep(max(0.0, began + (start - segment.first) / rate - time.perf_counter()))
            events = range(start, min(start + segment.per_commit, end))
            messages = [enqueue(JOB, {"run": run, "event": e, "committed": 0.0}) for e in events]
            committed = time.time()
            for message in messages:  # still unflushed: the stamp goes into the INSERT
                message.payload = {**message.payload, "committed": committed}
            started = time.perf_counter()
            db.session.commit()
            segment.commit_seconds.append(time.perf_counter() - started)
    segment.producing = time.perf_counter() - began


def wait_for(sink: Sink, expected: int, seconds: float, workers: Workers | None) -> bool:
    """Wait until the sink has `expected` distinct events, for at most `seconds`."""
    deadline = time.monotonic() + seconds
    while sink.poll() < expected:
        if workers is not None:
            workers.check()
        if time.monotonic() > deadline:
            return False
        time.sleep(POLL)
    return True


def percentile(ordered: list[float], fraction: float) -> float:
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def window(rows: list[tuple[float, float]]) -> float:
    """Seconds from the first commit to the last mail received."""
    return max(r for _, r in rows) - min(c for c, _ in rows) if rows else 0.0


HEADER = f"{'':<24}{'mails':>7}{'mails/s':>9}{'lag p50':>9}{'p99':>9}{'max':>9}{'commit()':>10}"


def report_row(label: str, rows: list[tuple[float, float]], seconds: float, commits) -> None:
    if not rows:
        print(f"{label:<24}{0:>7}")
        return
    lags = sorted((received - committed) * 1000 for committed, received in rows)
    print(
        f"{label:<24}{len(rows):>7}{len(rows) / seconds:>9.0f}{statistics.median(lags):>9.1f}"
        f"{percentile(lags, 0.99):>9.1f}{lags[-1]:>9.1f}{statistics.median(commits) * 1000:>10.2f}"
    )


def clear_bench_rows(app) -> None:
    from sqlalchemy import delete

    from cocreate.core.outbox import OutboxMessage
    from cocreate.extensions import db

    with app.app_context():
        db.session.execute(delete(OutboxMessage).where(OutboxMessage.job == JOB))
        db.session.commit()


def outbox_summary(app) -> str:
    from sqlalchemy import func, select

    from cocreate.core.outbox import OutboxMessage as M
    from cocreate.extensions import db

    def count(*where) -> int:
        return db.session.scalar(select(func.count(M.id)).where(M.job == JOB, *where))

    with app.app_context():
        return (
            f"outbox: {count()} rows, {count(M.done_at.is_not(None))} done, "
            f"{count(M.attempts > 0)} retried, {count(M.failed_at.is_not(None))} failed, "
            f"{count(M.done_at.is_(None), M.failed_at.is_(None))} not done"
        )


def children_cpu() -> float:
    """CPU seconds of the child processes that have ended (and theirs, e.g. rq horses)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_backend(args, label: str, redis_url: str | None, folder: Path) -> None:
    from cocreate.core.runner import QUEUE_NAME, AppContextJob, redis_connection
    from cocreate.extensions import db

    cpu = {"children": children_cpu()}
    half = args.events // 2
    segments = [
        Segment("1 event per commit", 0, half, 1),
        Segment(f"{args.batch} events per commit", half, args.events - half, args.batch),
    ]
    run = uuid.uuid4().hex[:8]
    complete = True
    sink = Sink(folder / f"sink-{label.replace(' ', '-')}.txt")
    app = build_app(redis_url, sink.port)
    clear_bench_rows(app)
    workers = queue = None
    try:
        if redis_url:
            from rq import Queue, Worker

            queue = Queue(QUEUE_NAME, connection=redis_connection(redis_url))
            if len(queue) or Worker.all(queue=queue):
                raise SystemExit(
                    f"the {QUEUE_NAME!r} queue at {redis_url} has jobs or workers already: "
                    "give the bench a Redis database of its own"
                )
            queue = Queue(QUEUE_NAME, connection=queue.connection, job_class=AppContextJob)
            workers = Workers(args.workers, redis_url, sink.port, args.cocreate_worker, folder)
            workers.wait_until_listening(queue)
        cpu["producer"] = time.process_time()
        for segment in segments:
            produce(app, segment, run, args.rate)
            produced = time.perf_counter()
            complete &= wait_for(sink, segment.first + segment.count, args.wait, workers)
            segment.draining = time.perf_counter() - produced
        time.sleep(0.5)  # a late duplicate would still show up in the sink's count
        cpu["producer"] = time.process_time() - cpu["producer"]
    finally:
        if workers is not None:
            workers.stop()
        cpu["workers"] = children_cpu() - cpu["children"]
        sink.stop()
        cpu["sink"] = children_cpu() - cpu["children"] - cpu["workers"]
    sink.poll()

    if redis_url:
        kind = "`cocreate worker`" if args.cocreate_worker else "rq SimpleWorker"
        where = f"rq at {redis_url}, {args.workers} {kind} processes"
    else:
        where = "inline, in the committing process, inside commit()"
    print(f"\n{label}: jobs run {where}")
    print(HEADER)
    everything, seconds = [], 0.0
    for segment in segments:
        rows = sink.rows(segment.first, segment.count)
        everything += rows
        seconds += window(rows)
        report_row(segment.label, rows, window(rows), segment.commit_seconds)
        print(
            f"{'':<4}producer: {len(segment.commit_seconds)} commits in {segment.producing:.1f} s"
            f"; last mail {segment.draining:.1f} s after the last commit"
        )
    report_row("all", everything, seconds, [s for x in segments for s in x.commit_seconds])
    duplicates = sink.lines - len(sink.received)
    print(
        f"{outbox_summary(app)}; sink: {sink.lines} mails, {duplicates} duplicates"
        + (f", {sink.others} other mails" if sink.others else "")
        + ("" if complete else f"; NOT ALL DELIVERED within --wait {args.wait:g} s")
    )
    mails = max(1, len(sink.received))
    print(
        f"CPU ms per mail: producer {cpu['producer'] * 1000 / mails:.1f}"
        + (f", workers {cpu['workers'] * 1000 / mails:.1f}" if workers is not None else "")
        + f", SMTP sink {cpu['sink'] * 1000 / mails:.1f} (database and Redis servers not counted)"
    )
    if workers is not None and (errors := workers.error_lines()):
        print(f"worker log lines with errors: {len(errors)}, first: {errors[0]}")
    if queue is not None:
        clear_queue(queue)
    clear_bench_rows(app)
    with app.app_context():
        db.engine.dispose()


def prepare_database(folder: Path) -> str:
    """Migrate the database; refuse one with waiting outbox messages of its own."""
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/bench.db")
    from flask_migrate import upgrade
    from sqlalchemy import func, select

    from cocreate.core.outbox import OutboxMessage as M
    from cocreate.extensions import db

    app = build_app(None, 25)
    with app.app_context():
        upgrade()
        waiting = db.session.scalar(
            select(func.count(M.id)).where(M.job != JOB, M.done_at.is_(None), M.failed_at.is_(None))
        )
        if waiting:
            raise SystemExit(
                f"the database has {waiting} waiting outbox messages; the relay would send "
                "them to the sink. Use a scratch database (or none: a temporary SQLite file)."
            )
        name = db.engine.dialect.name
        db.engine.dispose()
    return name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=50, help="events per commit, 2nd half")
    parser.add_argument("--rate", type=float, default=0, help="events/s; 0: unpaced")
    parser.add_argument("--redis", default=os.environ.get("REDIS_URL") or None)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--cocreate-worker", action="store_true", help="run `cocreate worker`")
    parser.add_argument("--wait", type=float, default=120, help="seconds to wait for mails")
    parser.add_argument("--worker-process", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--mail-port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker_process:
        worker_main(args.redis, args.mail_port, args.cocreate_worker)
        return
    if args.events < 2 or args.batch < 1 or args.workers < 1 or args.rate < 0:
        parser.error("need --events >= 2, --batch >= 1, --workers >= 1, --rate >= 0")

    folder = Path(tempfile.mkdtemp(prefix="cocreate-bench-notify-"))
    database = prepare_database(folder)
    register_job()
    pace = f"{args.rate:g} events/s" if args.rate else "unpaced"
    print(
        f"database: {database}; {args.events} events, {pace}: {args.events // 2} one per "
        f"commit, then {args.events - args.events // 2} in commits of {args.batch}; SMTP sink "
        f"on 127.0.0.1, one connection per mail. Median commit() and lags in ms. Logs: {folder}"
    )
    run_backend(args, "embedded default", None, folder)
    if args.redis:
        run_backend(args, "Redis", args.redis, folder)


if __name__ == "__main__":
    main()
