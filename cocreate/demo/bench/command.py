"""The command: check the arguments, write the set in one transaction, say what it took."""

import time
from collections import Counter
from datetime import timedelta

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from cocreate.core.types import utcnow
from cocreate.demo.bench.bench import Bench, QuickRandom
from cocreate.demo.bench.cast import make_cast
from cocreate.demo.bench.municipality import municipality
from cocreate.demo.bench.plan import PUBLIC_SHARE, draw_fate
from cocreate.demo.bench.proposals import write_proposal
from cocreate.demo.bench.rows import Rows
from cocreate.demo.bench.writer import Writer
from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.search.index import index_unindexed

PROPOSALS_MAX = 1_000_000
COMMENTS_MAX = 100
SUPPORTS_MAX = 500
SEED_MAX = 2**31 - 1
# Proposals whose rows are inserted together.
BATCH = 1_000
# Enough citizens that every proposal can have its supports from distinct accounts.
CITIZENS_MIN = 1_000


def _number_option(*names: str, low: int = 0, high: int, default: int, help: str):
    """An option that takes a whole number from `low` to `high` and shows its default."""
    return click.option(
        *names, type=click.IntRange(low, high), default=default, show_default=True, help=help
    )


@click.command("bench-data")
@_number_option(
    "--proposals",
    low=1,
    high=PROPOSALS_MAX,
    default=10_000,
    help=f"How many proposals to add, from 1 to {PROPOSALS_MAX}.",
)
@_number_option(
    "--comments-per-proposal",
    "comments",
    high=COMMENTS_MAX,
    default=10,
    help=f"Comments per proposal on average, from 0 to {COMMENTS_MAX} (public ones get them).",
)
@_number_option(
    "--supports-per-proposal",
    "supports",
    high=SUPPORTS_MAX,
    default=10,
    help=f"Supports per proposal on average, from 0 to {SUPPORTS_MAX} (while supportable).",
)
@_number_option(
    "--seed",
    high=SEED_MAX,
    default=1,
    help="Random seed: the same seed writes the same set.",
)
@with_appcontext
def bench_data_command(proposals: int, comments: int, supports: int, seed: int) -> None:
    """Add benchmark data: proposals in every state, each with the history the lifecycle
    would have recorded, and their answers, comments, supports, follows and panel reviews.

    It adds to what the database holds. A database without themes first gets the demo
    municipality's departments, strategies and themes (not its stories). The accounts,
    on the domain bench.invalid, cannot log in; a later run uses them again. Everything
    is written in one transaction: if anything fails, nothing is left behind.
    """
    started = time.perf_counter()
    try:
        written, fates = _write(proposals, comments, supports, seed)
    except SQLAlchemyError as error:
        db.session.rollback()
        # The first line names the error; the rest repeats the statement and its rows.
        reason = str(error).splitlines()[0]
        raise click.ClickException(
            f"Intet er skrevet; databasen er, som den var. Fejlen var: {reason}"
        ) from error
    seconds = time.perf_counter() - started
    click.echo(f"Tilføjede {proposals} forslag på {seconds:.1f} s (seed {seed}):")
    click.echo("  " + ", ".join(f"{status.label.lower()} {fates[status]}" for status in fates))
    for table, count in sorted(written.items()):
        click.echo(f"  {table:<26}{count:>10}")


def _refresh_statistics() -> None:
    """Let PostgreSQL's planner see the rows just written, as autovacuum would soon: until
    it does, it plans for the tables as they were (SQLite plans without such statistics)."""
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("ANALYZE"))


def _write(proposals: int, comments: int, supports: int, seed: int):
    """Write the set in the session's transaction and commit it; return rows and states."""
    now = utcnow()
    departments, themes = municipality()
    rows = Rows()
    citizens = max(CITIZENS_MIN, proposals // 2, 4 * supports)
    bench = Bench(
        rng=QuickRandom(seed),
        rows=rows,
        cast=make_cast(rows, departments, themes, citizens, now),
        departments=departments,
        themes=themes,
        now=now,
        comment_window=timedelta(days=current_app.config["COMMENT_WINDOW_DAYS"]),
        comments=comments / PUBLIC_SHARE,
        supports=supports / PUBLIC_SHARE,
    )
    fates: Counter[ProposalStatus] = Counter()
    with Writer(db.session.connection()) as writer:
        for number in range(1, proposals + 1):
            fates[write_proposal(bench, draw_fate(bench)).status] += 1
            if number % BATCH == 0:
                writer.put(rows.take())
        writer.put(rows.take())
    rows.move_sequences()
    # The rows went past the session, and with them past the search index's hooks.
    index_unindexed(db.session)
    db.session.commit()
    _refresh_statistics()
    return rows.written, {status: fates[status] for status in ProposalStatus if fates[status]}
