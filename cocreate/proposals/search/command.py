"""`cocreate search reindex`: rebuild the search index from the proposals and comments."""

import time

import click
from flask.cli import with_appcontext

from cocreate.extensions import db
from cocreate.proposals.search.index import reindex_all


@click.group("search", help="The search index of proposals and their comments.")
def search_command() -> None:
    pass


@search_command.command("reindex")
@with_appcontext
def reindex_command() -> None:
    """Rebuild the index of every proposal, in one transaction."""
    started = time.perf_counter()
    count = reindex_all(db.session)
    db.session.commit()
    click.echo(f"indexed {count} proposals in {time.perf_counter() - started:.1f} s")
