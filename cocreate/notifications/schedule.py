"""Periodic jobs: digests, SLA and panel reminders, purging unconfirmed accounts and old
outbox rows.

Whoever ticks (the rq worker's relay job every half minute, or `cocreate worker` on
the embedded default) asks which periods have begun and puts one outbox message per
job and period: the period is in the message's unique key, so however many workers
tick, each job runs once per period, and a tick that was missed is made up by the next.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy.exc import IntegrityError

from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.notifications.outbox import enqueue, known_keys

# Digests and daily chores go out at this local hour, when people start their day.
MORNING = 7


def daily(local: datetime) -> str | None:
    return local.date().isoformat() if local.hour >= MORNING else None


def weekly(local: datetime) -> str | None:
    """From Monday morning, the ISO week (e.g. 2026-W48)."""
    year, week, weekday = local.isocalendar()
    if weekday == 1 and local.hour < MORNING:
        return None
    return f"{year}-W{week:02d}"


def hourly(local: datetime) -> str | None:
    return local.strftime("%Y-%m-%dT%H")


@dataclass(frozen=True)
class Periodic:
    job: str
    period: Callable[[datetime], str | None]
    payload: dict


PERIODIC = (
    Periodic("notifications.digest_run", daily, {"frequency": "daily"}),
    Periodic("notifications.digest_run", weekly, {"frequency": "weekly"}),
    Periodic("departments.sla_reminders", hourly, {}),
    Periodic("panel.due_reminders", daily, {}),
    Periodic("accounts.purge_unconfirmed", daily, {}),
    Periodic("notifications.purge_done", daily, {}),
)


def _key(periodic: Periodic, period: str) -> str:
    kind = periodic.payload.get("frequency", "")
    return f"periodic:{periodic.job}:{kind}:{period}"


def start_due_periods(now: datetime | None = None) -> list[str]:
    """Queue every periodic job whose current period has no message yet; commit.

    Returns the keys queued. Two workers racing for the same period: one commits, the
    other's insert hits the unique key and is rolled back, which is what we want.
    """
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    local = (now or utcnow()).astimezone(zone)
    wanted = {}
    for periodic in PERIODIC:
        if (period := periodic.period(local)) is not None:
            wanted[_key(periodic, period)] = (periodic, period)
    known = known_keys(wanted)
    queued = [key for key in wanted if key not in known]
    for key in queued:
        periodic, period = wanted[key]
        enqueue(periodic.job, {**periodic.payload, "period": period}, dedupe_key=key)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return []
    return queued
