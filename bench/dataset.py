"""The app over the bench data set, as the in-process benchmarks build it."""

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def bench_app(proposals: int):
    """An app on DATABASE_URL (else a fresh SQLite file), migrated, with the demo
    municipality and `proposals` bench proposals added."""
    folder = tempfile.mkdtemp(prefix="cocreate-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/bench.db")
    from flask_migrate import upgrade

    from cocreate import create_app

    app = create_app({"RATELIMIT_ENABLED": False})
    runner = app.test_cli_runner()
    with app.app_context():
        upgrade()
        for command in (
            ["seed-demo", "--if-empty"],
            ["bench-data", "--proposals", str(proposals)],
        ):
            result = runner.invoke(args=command)
            assert result.exit_code == 0, result.output
    return app
