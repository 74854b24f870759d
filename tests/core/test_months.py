"""Months as plans name them: read from YYYY-MM (or as written by hand), told in words."""

from datetime import date

import pytest
from flask_babel import force_locale

from cocreate.core.months import first_day, format_month, month_text, read_month

MARCH = date(2027, 3, 1)


@pytest.mark.parametrize("text", ["2027-03", " 2027-03 "])
def test_the_iso_month_is_read_as_its_first_day(text):
    assert read_month(text) == MARCH


@pytest.mark.parametrize("text", ["03-2027", "3-2027", "3/2027", "03.2027", "3 / 2027"])
def test_a_month_written_by_hand_is_read_only_when_asked(text):
    assert read_month(text, written=True) == MARCH
    assert read_month(text) is None


@pytest.mark.parametrize(
    "text",
    ["", "2027", "2027-3", "2027-13", "2027-00", "0000-01", "13-2027", "marts 2027", "2027-03-01"],
)
def test_anything_else_is_no_month(text):
    assert read_month(text, written=True) is None


def test_a_month_is_written_and_told_in_the_readers_language(app):
    assert month_text(MARCH) == "2027-03" and month_text(None) is None
    assert first_day(date(2027, 3, 31)) == MARCH and first_day(None) is None
    with app.test_request_context():
        with force_locale("da"):
            assert format_month(MARCH) == "marts 2027"
        with force_locale("en"):
            assert format_month(MARCH) == "March 2027"
