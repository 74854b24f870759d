"""Reading the barometer's period, theme and department, alike for the page and the API."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from flask_babel import gettext as _

from cocreate.core.types import utcnow
from cocreate.stats.barometer import Period
from cocreate.strategy.models import Department, Theme
from cocreate.strategy.queries import named

# The barometer looks back to the platform's first years and a little ahead, and at most
# ten years at a time (a trend of 120 months).
EARLIEST = date(2000, 1, 1)
AHEAD_MAX = timedelta(days=366)
PERIOD_MAX_DAYS = 3653


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
    found = named(model, value)
    if found is None:
        errors[name] = unknown
    return found


def _check_period(start: date, end: date, today: date, errors: dict) -> None:
    """A message per field for a period that is backwards, out of range or too long."""
    if end < start:
        errors["to"] = _("Slutdatoen ligger før startdatoen.")
    for name, day in (("from", start), ("to", end)):
        if not EARLIEST <= day <= today + AHEAD_MAX:
            errors[name] = _(
                "Vælg en dato fra %(earliest)s til %(latest)s.",
                earliest=EARLIEST.isoformat(),
                latest=(today + AHEAD_MAX).isoformat(),
            )
    if (end - start).days > PERIOD_MAX_DAYS and "to" not in errors:
        errors["to"] = _("Perioden må højst være %(years)d år.", years=PERIOD_MAX_DAYS // 365)


def read_filters(args: Mapping) -> tuple[Filters, dict]:
    """The chosen filters, and a message per field that is wrong (that field's default used)."""
    errors: dict = {}
    today = utcnow().date()
    default = Period.default(today)
    start = _date(args, "from", errors) or default.start
    end = _date(args, "to", errors) or default.end
    _check_period(start, end, today, errors)
    if {"from", "to"} & errors.keys():
        start, end = default.start, default.end
    theme = _lookup(Theme, args, "theme", errors, _("Ukendt tema."))
    department = _lookup(Department, args, "department", errors, _("Ukendt forvaltning."))
    return Filters(Period(start, end), theme, department), errors
