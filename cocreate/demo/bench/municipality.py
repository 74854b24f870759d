"""The municipality a benchmark set is written into: its departments and themes."""

import click
from sqlalchemy import select

from cocreate.demo.seed import _create_departments, _create_strategies, read_demo_content
from cocreate.extensions import db
from cocreate.strategy.models import Department, Theme


def municipality() -> tuple[list[Department], list[Theme]]:
    """The departments and themes there are; a database without any gets the demo
    municipality's departments, strategies and themes, without its stories."""
    if db.session.scalar(select(Theme.id).limit(1)) is None:
        if db.session.scalar(select(Department.id).limit(1)) is not None:
            raise click.ClickException(
                "Der er forvaltninger, men ingen temaer at knytte forslagene til. "
                "Opret temaer, eller brug en tom database."
            )
        content = read_demo_content()
        _create_strategies(content.strategies, _create_departments(content.departments))
    departments = db.session.scalars(select(Department).order_by(Department.id)).all()
    themes = db.session.scalars(select(Theme).order_by(Theme.id)).all()
    return list(departments), list(themes)
