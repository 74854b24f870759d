"""Reading the barometer's period, theme and department, alike for the page and the API."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.stats.barometer import Period
from cocreate.strategy.models import Department, Theme


@dataclass
class Filters:
    period: Period
    theme: Theme | None
    department: Department | None


def _date(args: Mapping, name: str, errors: dict) -> date | None:
    raw = (args.get(name) or "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        errors[name] = _("Datoen kan ikke læses; skriv den som ÅÅÅÅ-MM-DD.")
        return None


def _lookup(model, args: Mapping, name: str, errors: dict, unknown: str):
    """The theme or department named by id or slug, as listProposals reads them."""
    value = (args.get(name) or "").strip()
    if not value:
        return None
    column = model.id if value.isdigit() and len(value) <= 9 else model.slug
    found = db.session.scalar(select(model).where(column == value))
    if found is None:
        errors[name] = unknown
    return found


def read_filters(args: Mapping) -> tuple[Filters, dict]:
    """The chosen filters, and a message per field that is wrong (that field's default used)."""
    errors: dict = {}
    default = Period.default(utcnow().date())
    start = _date(args, "from", errors) or default.start
    end = _date(args, "to", errors) or default.end
    if end < start:
        errors["to"] = _("Slutdatoen ligger før startdatoen.")
        start, end = default.start, default.end
    theme = _lookup(Theme, args, "theme", errors, _("Ukendt tema."))
    department = _lookup(Department, args, "department", errors, _("Ukendt forvaltning."))
    return Filters(Period(start, end), theme, department), errors
