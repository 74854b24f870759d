"""Reading strategies, themes and departments for menus and filters."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from cocreate.extensions import db
from cocreate.strategy.models import Department, Strategy, Theme


def all_strategies() -> list[Strategy]:
    """Every strategy with its themes, in order."""
    statement = (
        select(Strategy)
        .options(selectinload(Strategy.themes).selectinload(Theme.department))
        .order_by(Strategy.id)
    )
    return list(db.session.scalars(statement))


def all_themes() -> list[Theme]:
    return list(
        db.session.scalars(select(Theme).order_by(Theme.strategy_id, Theme.position, Theme.id))
    )


def all_departments() -> list[Department]:
    return list(db.session.scalars(select(Department).order_by(Department.display_name)))
