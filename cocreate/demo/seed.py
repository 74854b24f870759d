"""The demo municipality (filled in by the seed-demo work)."""

import click
from flask.cli import with_appcontext


@click.command("seed-demo")
@with_appcontext
def seed_demo_command():
    """Load the demo municipality and print the demo accounts."""
    raise click.ClickException("not built yet")
