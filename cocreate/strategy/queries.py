"""Reading strategies, themes and departments for menus and filters."""

from collections.abc import Sequence

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from cocreate.core.errors import ValidationFailed
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


def chosen_themes(theme_ids: Sequence[int] | None) -> list[Theme]:
    """The themes in the order given, refusing unknown ids and an empty list (theme_ids)."""
    unique_ids = list(dict.fromkeys(theme_ids or ()))
    if not unique_ids:
        raise ValidationFailed(_("Vælg mindst ét tema."), {"theme_ids": _("Vælg mindst ét tema.")})
    found = {t.id: t for t in db.session.scalars(select(Theme).where(Theme.id.in_(unique_ids)))}
    missing = [str(i) for i in unique_ids if i not in found]
    if missing:
        message = _("Ukendt tema: %(ids)s.", ids=", ".join(missing))
        raise ValidationFailed(message, {"theme_ids": message})
    return [found[i] for i in unique_ids]
