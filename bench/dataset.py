"""The app over the bench data set, as the in-process benchmarks build it."""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def bench_arguments(doc: str) -> argparse.Namespace:
    """A bench's command line: how many proposals, how many runs of each measurement."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--proposals", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=30)
    return parser.parse_args()


def timed_bench_app(proposals: int):
    """bench_app, saying how long the data took to write."""
    started = time.perf_counter()
    app = bench_app(proposals)
    print(f"{proposals} bench proposals written in {time.perf_counter() - started:.0f} s")
    return app


def bench_app(proposals: int):
    """An app on DATABASE_URL (else a fresh SQLite file), migrated, with the demo
    municipality and `proposals` bench proposals added."""
    app = demo_app()
    add_bench_data(app, proposals)
    return app


def demo_app():
    """An app on DATABASE_URL (else a fresh SQLite file), migrated, with the demo
    municipality."""
    folder = tempfile.mkdtemp(prefix="cocreate-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/bench.db")
    from flask_migrate import upgrade

    from cocreate import create_app

    app = create_app({"RATELIMIT_ENABLED": False})
    with app.app_context():
        upgrade()
    _invoke(app, "seed-demo", "--if-empty")
    return app


def add_bench_data(app, proposals: int) -> None:
    """Add `proposals` bench proposals with their comments and supports."""
    _invoke(app, "bench-data", "--proposals", str(proposals))


def _invoke(app, *command: str) -> None:
    with app.app_context():
        result = app.test_cli_runner().invoke(args=list(command))
    assert result.exit_code == 0, result.output
