"""Search latency on the bench data set: common, rare and misspelled Danish words.

    .venv/bin/python bench/search.py [--proposals 100000] [--repeats 30]

Uses DATABASE_URL when set (PostgreSQL), else a fresh SQLite file. Each search is timed
in-process twice: the query alone (page 1 and its total, as the list asks them) and the
whole list page through the WSGI app. Prints median and p99 per word; the goal is a p99
under 100 ms. Also times `cocreate search reindex` over the whole set.
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dataset import bench_arguments, timed_bench_app

SEARCHES = {
    "common": ["cykelsti", "skolen", "legepladser", "bibliotek"],
    "rare": ["udekøkken", "regnvandsbassinerne", "cykelbro"],
    "two words": ["cykelstier skolevejen", "bænke parken"],
    "prefix": ["cykel", "skole"],
    "misspelled": ["cykelstie", "skolveje", "bibliotk"],
}

SORTS = ["newest", "most_supported", "most_commented"]


def percentiles(timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p99 * 1000


def timed(call, repeats: int) -> list[float]:
    call()  # warm
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        timings.append(time.perf_counter() - started)
    return timings


def main() -> None:
    args = bench_arguments(__doc__)
    app = timed_bench_app(args.proposals)
    from cocreate.core.pagination import paginate
    from cocreate.extensions import db
    from cocreate.proposals.queries import parse_filters, public_proposals, total_max
    from cocreate.proposals.search.index import reindex_all

    with app.app_context():
        started = time.perf_counter()
        indexed = reindex_all(db.session)
        db.session.commit()
        print(f"reindex of {indexed} proposals: {time.perf_counter() - started:.1f} s")
        print(f"database: {db.engine.dialect.name}, {args.repeats} runs per search")

    client = app.test_client()
    print(f"{'search':<34}{'found':>8}{'query p50':>11}{'p99':>8}{'page p50':>10}{'p99':>8}")
    cases = [(kind, q, "") for kind, words in SEARCHES.items() for q in words]
    cases += [("sort " + sort, SEARCHES["common"][0], sort) for sort in SORTS]
    for kind, q, sort in cases:
        with app.test_request_context():
            filters = parse_filters({"q": q, "sort": sort})

            def query(filters=filters):
                return paginate(public_proposals(filters), 1, 20, total_max(filters))

            total = query().total
            query_ms = percentiles(timed(query, args.repeats))
        page = f"/proposals?q={q}&sort={sort}"
        assert client.get(page).status_code == 200, page
        page_ms = percentiles(timed(lambda page=page: client.get(page).get_data(), args.repeats))
        label = f"{kind}: {q}"
        print(
            f"{label:<34}{total:>8}{query_ms[0]:>11.1f}{query_ms[1]:>8.1f}"
            f"{page_ms[0]:>10.1f}{page_ms[1]:>8.1f}"
        )


if __name__ == "__main__":
    main()
