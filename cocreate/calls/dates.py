"""The municipality's local time, as people write it, and the moments the calls keep.

A call opens and closes at a local time in the municipality (Europe/Copenhagen, the
BABEL_DEFAULT_TIMEZONE setting). A local time that the clocks skip when summer time
starts does not exist and is refused; one that comes twice when it ends is the first.
"""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from flask import current_app


def zone() -> ZoneInfo:
    return ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])


def local_moment(local: datetime) -> datetime | None:
    """The moment a local wall-clock time (naive) stands for, to the minute; None if the
    clocks skip it, or it lies beyond what a date can hold (the years 1 and 9999)."""
    local = local.replace(second=0, microsecond=0)
    try:
        moment = local.replace(tzinfo=zone()).astimezone(UTC)
        if moment.astimezone(zone()).replace(tzinfo=None) != local:
            return None
    except OverflowError:
        return None
    return moment


def local_time(moment: datetime) -> datetime:
    """The moment as a naive local wall-clock time, as a form shows it."""
    return moment.astimezone(zone()).replace(tzinfo=None)


def local_date(moment: datetime) -> date:
    """The day the moment falls on in the municipality."""
    return local_time(moment).date()
