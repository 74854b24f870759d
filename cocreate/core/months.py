"""Months, as a plan names them: kept as the month's first day, written YYYY-MM."""

import re
from datetime import date

from flask_babel import format_date

ISO_MONTH = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])")
# How people write a month by hand where a browser has no month picker: 03-2027, 3/2027.
_WRITTEN_MONTH = re.compile(r"(0?[1-9]|1[0-2]) ?[-./] ?([0-9]{4})")


def read_month(text: str, *, written: bool = False) -> date | None:
    """The month written YYYY-MM (or, if written, also MM-YYYY, MM/YYYY, MM.YYYY) as its
    first day; None when the text is no such month."""
    text = text.strip()
    if found := ISO_MONTH.fullmatch(text):
        year, month = found.groups()
    elif written and (found := _WRITTEN_MONTH.fullmatch(text)):
        month, year = found.groups()
    else:
        return None
    if int(year) < 1:
        return None
    return date(int(year), int(month), 1)


def first_day(day: date | None) -> date | None:
    """The first day of the day's month."""
    return day.replace(day=1) if day is not None else None


def month_text(day: date | None) -> str | None:
    """The month as YYYY-MM, the way the API and open data write it."""
    return f"{day.year:04d}-{day.month:02d}" if day is not None else None


def format_month(day: date) -> str:
    """The month in the reader's language: "marts 2027", "March 2027"."""
    return format_date(day, "MMMM y")
