"""The words of a notification, written when it is read, in the reader's language."""

from dataclasses import dataclass
from datetime import date, datetime

from flask_babel import format_date, format_time

from cocreate.notifications.models import Notification

# Params holding an ISO date or moment, shown as a long date in the reader's language.
DATE_PARAMS = ("date", "window_ends")
# Params holding an ISO moment whose time of day matters too (a deadline to the minute).
MOMENT_PARAMS = ("deadline",)


class _Blank(dict):
    """Format values where a missing one is shown as nothing rather than failing."""

    def __missing__(self, key):
        return ""


@dataclass(frozen=True)
class Message:
    headline: str
    detail: str
    # A note written by a person (moderator, department), quoted as they wrote it.
    note: str
    link: str | None


def _long_date(value: str) -> str:
    parsed = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    return format_date(parsed, "long")


def _values(notification: Notification) -> _Blank:
    params = notification.params or {}
    values = _Blank({key: value for key, value in params.items() if isinstance(value, str)})
    values.update(notification.kind.words(params))
    for key in DATE_PARAMS:
        if params.get(key):
            values[key] = _long_date(params[key])
    for key in MOMENT_PARAMS:
        if params.get(key):
            moment = datetime.fromisoformat(params[key])
            values[key] = f"{format_date(moment, 'long')} {format_time(moment, 'short')}"
    return values


def describe(notification: Notification, external: bool = False) -> Message:
    """The headline, detail, quoted note and link of a notification, in the current locale."""
    kind, values = notification.kind, _values(notification)
    return Message(
        headline=str(kind.headline) % values,
        detail=str(kind.detail) % values if kind.detail else "",
        note=(notification.params or {}).get("note", ""),
        link=kind.link(notification, external),
    )
