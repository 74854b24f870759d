"""The barometer's latency for the default period on the bench data set.

    .venv/bin/python bench/barometer.py [--proposals 100000] [--repeats 30]

Uses DATABASE_URL when set (PostgreSQL), else a fresh SQLite file. Times the figures as
computed (and participation, their costliest part), and the whole /barometer page and
getStats through the WSGI app: the first request, which computes them, and the next ones,
served from the cache for BAROMETER_CACHE_SECONDS, and the ones after those figures' time,
served at once while a job computes them again (with REDIS_URL set, so that the job goes to
rq; on the embedded default it runs inline, in the request). The goal is a p99 under 300 ms.
"""

import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dataset import bench_arguments, timed_bench_app
from search import percentiles, timed


def main() -> None:
    args = bench_arguments(__doc__)
    app = timed_bench_app(args.proposals)
    from cocreate.core.types import utcnow
    from cocreate.extensions import cache, db
    from cocreate.stats.barometer import Period, barometer
    from cocreate.stats.effects import participation
    from cocreate.stats.kept import Wanted

    with app.app_context():
        period = Period.default(utcnow().date())
        received = barometer(period).total.received
        figures_ms = percentiles(timed(lambda: barometer(period), args.repeats))
        print(f"database: {db.engine.dialect.name}, {received} proposals in the default period")
        participation_ms = percentiles(
            timed(lambda: participation(period.lower, period.upper), args.repeats)
        )
    client = app.test_client()
    print(f"figures computed: p50 {figures_ms[0]:.1f} ms, p99 {figures_ms[1]:.1f} ms")
    p50, p99 = participation_ms
    print(f"  of which participation: p50 {p50:.1f} ms, p99 {p99:.1f} ms")
    for address in ("/barometer", "/api/v1/stats"):
        cache.clear()
        started = time.perf_counter()
        assert client.get(address).status_code == 200, address
        cold = (time.perf_counter() - started) * 1000
        p50, p99 = percentiles(timed(lambda a=address: client.get(a).get_data(), args.repeats))
        print(
            f"{address}: first (computed) {cold:.0f} ms; then kept: p50 {p50:.1f}, p99 {p99:.1f} ms"
        )
    with app.app_context():
        key = Wanted("da", period.start.isoformat(), period.end.isoformat()).key
        computed_at, figures = cache.get(key)
        cache.set(key, (computed_at - timedelta(hours=1), figures))
    p50, p99 = percentiles(timed(lambda: client.get("/barometer").get_data(), args.repeats))
    print(f"/barometer past its time, computed again behind: p50 {p50:.1f}, p99 {p99:.1f} ms")


if __name__ == "__main__":
    main()
