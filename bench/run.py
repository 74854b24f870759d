"""Throughput of the main pages against a bare Flask template page, in one run.

    .venv/bin/python bench/run.py [--proposals 10000] [--seconds 2]

Uses DATABASE_URL when set (e.g. PostgreSQL), else a fresh SQLite file in a temporary
folder. Requests go through the WSGI app in-process, so the figures measure the
application, not a network. Ratios within one run are what count on a noisy machine.
"""

import argparse
import statistics
import time

from dataset import bench_app
from flask import Flask, render_template_string


def measure(client, path: str, seconds: float) -> tuple[float, float]:
    """Return requests per second and the median latency in ms for GET path."""
    assert client.get(path).status_code == 200, path
    timings = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline and len(timings) < 100_000:
        started = time.perf_counter()
        response = client.get(path)
        response.get_data()
        timings.append(time.perf_counter() - started)
    return len(timings) / sum(timings), statistics.median(timings) * 1000


BARE_TEMPLATE = (
    "<!doctype html><title>{{ title }}</title>"
    "<ul>{% for item in items %}<li>{{ item }}</li>{% endfor %}</ul>"
)


def bare_app() -> Flask:
    """The yardstick: Flask rendering a small template, no database."""
    app = Flask("bare")

    @app.get("/")
    def page():
        return render_template_string(BARE_TEMPLATE, title="bare", items=range(20))

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proposals", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=2.0)
    args = parser.parse_args()

    app = bench_app(args.proposals)
    from cocreate.extensions import db
    from cocreate.proposals.lifecycle import PUBLIC_STATUSES
    from cocreate.proposals.models import Proposal

    with app.app_context():
        total = db.session.query(Proposal).count()
        # The detail pages are measured on a proposal anyone may see.
        public = db.session.query(Proposal.id).filter(Proposal.status.in_(PUBLIC_STATUSES))
        middle = public.order_by(Proposal.id).offset(public.count() // 2).limit(1).scalar()
        database = db.engine.dialect.name

    client = app.test_client()
    bare_rate, bare_ms = measure(bare_app().test_client(), "/", args.seconds)
    print(f"database: {database}, proposals: {total}, {args.seconds:.0f} s per page")
    print(f"{'page':<36}{'req/s':>9}{'median ms':>11}{'vs bare':>9}")
    print(f"{'bare Flask template':<36}{bare_rate:>9.0f}{bare_ms:>11.2f}{1:>9.2f}")
    for label, path in (
        ("list, page 1", "/proposals"),
        ("list, page 200", "/proposals?page=200"),
        ("list, filtered by status", "/proposals?status=accepted&sort=most_supported"),
        ("detail", f"/proposals/{middle}"),
        ("API list", "/api/v1/proposals"),
        ("API detail", f"/api/v1/proposals/{middle}"),
    ):
        rate, median = measure(client, path, args.seconds)
        print(f"{label:<36}{rate:>9.0f}{median:>11.2f}{rate / bare_rate:>9.2f}")


if __name__ == "__main__":
    main()
