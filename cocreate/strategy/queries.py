"""Reading strategies, themes and departments for menus and filters."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from cocreate.core.types import as_row_id
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


def named(model: type[Theme] | type[Department], value: str) -> Theme | Department | None:
    """The theme or department a filter names by its id or its slug; None when there is
    none, or when the text cannot name one (a NUL, say, which PostgreSQL refuses)."""
    if "\x00" in value:
        return None
    row_id = as_row_id(value)
    condition = model.id == row_id if row_id is not None else model.slug == value
    return db.session.scalar(select(model).where(condition))
