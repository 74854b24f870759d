"""Periodic jobs: each feature registers its own (`periodic`), next to the job.

Whoever ticks (`cocreate worker`, every half minute) asks which periods have begun and
puts one outbox message per job and period: the period is in the message's unique key,
so however many workers tick, each job runs once per period, and a tick that was missed
is made up by the next. The outbox's own housekeeping, purging finished rows, is here too.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from cocreate.core.outbox import OutboxMessage, enqueue, job, known_keys
from cocreate.core.types import utcnow
from cocreate.extensions import db

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


PERIODIC: list[Periodic] = []


def periodic(job_name: str, period: Callable[[datetime], str | None], **payload) -> None:
    """Run the outbox job called job_name once in every period (daily, weekly, hourly)."""
    PERIODIC.append(Periodic(job_name, period, payload))


# Finished messages are kept this long (for the admin page and as keys against repeats).
DONE_KEPT = timedelta(days=30)
PURGE_DONE = "outbox.purge_done"


@job(PURGE_DONE)
def purge_done(payload: dict[str, Any]) -> None:
    """Delete messages finished longer ago than DONE_KEPT (a periodic job). An event
    announced again after that still tells no one twice: notifications keep their own
    key per event and recipient."""
    db.session.execute(delete(OutboxMessage).where(OutboxMessage.done_at < utcnow() - DONE_KEPT))


periodic(PURGE_DONE, daily)


def _key(periodic: Periodic, period: str) -> str:
    kind = ":".join(str(value) for value in periodic.payload.values())
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
