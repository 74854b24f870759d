"""The barometer's figures as readers get them: kept, and computed again behind them.

The figures take seconds at 100,000 proposals and are the same for every reader of one
language. A reader gets the figures kept in the cache; once they are older than
BAROMETER_CACHE_SECONDS the reader still gets them at once, and a background job
computes them again (one job for each kept copy, however many readers ask). A reader
waits only for figures that were never computed, or were kept longer than KEPT_AT_MOST,
and on the embedded default, whose jobs run inline in the request that asks for them.
"""

from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

from flask import current_app
from flask_babel import force_locale, get_locale
from sqlalchemy.exc import IntegrityError

from cocreate.core.outbox import enqueue, job, known_keys
from cocreate.core.types import utcnow
from cocreate.extensions import cache, db
from cocreate.stats.barometer import Barometer, Period, barometer
from cocreate.strategy.models import Department, Theme

REFRESH = "stats.refresh_barometer"
KEPT_AT_MOST = timedelta(days=1)


@dataclass(frozen=True)
class Wanted:
    """Which figures: a language, a period, and perhaps one theme or department (ids only,
    so that a job can carry it)."""

    locale: str
    start: str
    end: str
    theme_id: int | None = None
    department_id: int | None = None

    @property
    def key(self) -> str:
        parts = (self.locale, self.start, self.end, self.theme_id, self.department_id)
        return "barometer:" + ":".join("" if part is None else str(part) for part in parts)

    def compute(self) -> Barometer:
        theme = db.session.get(Theme, self.theme_id) if self.theme_id else None
        department = db.session.get(Department, self.department_id) if self.department_id else None
        period = Period(date.fromisoformat(self.start), date.fromisoformat(self.end))
        with force_locale(self.locale):
            figures = barometer(period, theme, department)
        cache.set(self.key, (utcnow(), figures), timeout=int(KEPT_AT_MOST.total_seconds()))
        return figures


def cached_barometer(
    period: Period, theme: Theme | None = None, department: Department | None = None
) -> Barometer:
    """The figures as barometer() gives them, as kept for the reader's language."""
    seconds = current_app.config["BAROMETER_CACHE_SECONDS"]
    if not seconds:
        return barometer(period, theme, department)
    wanted = Wanted(
        str(get_locale()),
        period.start.isoformat(),
        period.end.isoformat(),
        theme.id if theme else None,
        department.id if department else None,
    )
    kept = cache.get(wanted.key)
    if kept is None:
        return wanted.compute()
    computed_at, figures = kept
    if utcnow() - computed_at >= timedelta(seconds=seconds):
        _refresh_later(wanted, computed_at)
    return figures


def _refresh_later(wanted: Wanted, computed_at: datetime) -> None:
    """Have a job compute the figures again, once for this kept copy."""
    dedupe_key = f"{wanted.key}:{computed_at.isoformat()}"
    if known_keys([dedupe_key]):
        return
    enqueue(REFRESH, asdict(wanted), dedupe_key=dedupe_key)
    try:
        db.session.commit()
    except IntegrityError:  # another reader asked first
        db.session.rollback()


@job(REFRESH)
def refresh(payload: dict) -> None:
    """Compute the figures again and keep them (the job behind cached_barometer)."""
    Wanted(**payload).compute()
