"""Similar proposals: how well they are told apart, and how fast they are found.

    .venv/bin/python bench/similar.py [--proposals 100000] [--repeats 30]

Uses DATABASE_URL when set (PostgreSQL), else a fresh SQLite file. First the labelled
pairs of tests/proposals/similar/ (the development pairs the weights were chosen on, and
the held-out test pairs) go into the database beside the demo municipality, and their
precision and recall at the threshold in use are printed; then the bench data is added
and the latency of finding similar proposals, in-process and through findSimilarProposals,
is printed for titles of common, rare and misspelled words.
"""

import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dataset import add_bench_data, bench_arguments, demo_app
from search import percentiles, timed

TITLES = {
    "common": ["Flere bænke i parken", "Cykelsti til skolen"],
    "rare": ["Sauna ved havnebadet", "Bistader på rådhusets tag"],
    "misspelled": ["Fartbumb på skolevejen", "Lengere åbningstid på biblioteket"],
}


def quality(app) -> None:
    from cocreate.accounts.models import User
    from cocreate.extensions import db
    from cocreate.proposals.similar.find import THRESHOLD, similar_proposals
    from tests.proposals.similar.labelled import measure, pairs, public_adder

    def find(text, own):
        return [s.proposal.id for s in similar_proposals(text.title, text.summary, excluding=own)]

    with app.app_context():
        add = public_adder(db.session.scalars(db.select(User).limit(1)).one())
        print(f"database: {db.engine.dialect.name}, threshold {THRESHOLD}")
        for name in ("dev_pairs", "test_pairs"):
            labelled = pairs(name)
            print(f"{name:<12}{len(labelled):>4} pairs: {measure(labelled, add, find)}")


def latency(app, repeats: int) -> None:
    from cocreate.proposals.similar.find import similar_proposals

    client = app.test_client()
    print(f"{'title':<46}{'shown':>6}{'query p50':>11}{'p99':>8}{'API p50':>9}{'p99':>8}")
    for kind, titles in TITLES.items():
        for title in titles:
            with app.app_context():
                shown = len(similar_proposals(title))
                query_ms = percentiles(timed(lambda title=title: similar_proposals(title), repeats))
            address = "/api/v1/proposals/similar?" + urlencode({"title": title})
            assert client.get(address).status_code == 200, address
            api_ms = percentiles(timed(lambda a=address: client.get(a).get_data(), repeats))
            label = f"{kind}: {title}"
            print(
                f"{label:<46}{shown:>6}{query_ms[0]:>11.1f}{query_ms[1]:>8.1f}"
                f"{api_ms[0]:>9.1f}{api_ms[1]:>8.1f}"
            )


def main() -> None:
    args = bench_arguments(__doc__)

    app = demo_app()
    quality(app)
    started = time.perf_counter()
    add_bench_data(app, args.proposals)
    print(f"{args.proposals} bench proposals written in {time.perf_counter() - started:.0f} s")
    latency(app, args.repeats)


if __name__ == "__main__":
    main()
