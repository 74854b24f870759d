"""CVR numbers: eight digits whose weighted sum (2, 7, 6, 5, 4, 3, 2, 1) is a multiple of 11."""

import pytest

from cocreate.accounts.cvr import is_valid_cvr, normalise_cvr

# Real CVR numbers of well-known Danish companies, from the public CVR register.
REAL = {
    "24256790": "Novo Nordisk A/S",
    "22756214": "A.P. Møller - Mærsk A/S",
    "61056416": "Carlsberg A/S",
    "54562519": "LEGO A/S",
    "61126228": "Danske Bank A/S",
}


@pytest.mark.parametrize("cvr", REAL)
def test_real_numbers_are_valid(cvr):
    assert is_valid_cvr(cvr)


@pytest.mark.parametrize("cvr", REAL)
def test_every_other_check_digit_is_refused(cvr):
    for digit in "0123456789":
        if digit != cvr[-1]:
            assert not is_valid_cvr(cvr[:-1] + digit), cvr[:-1] + digit


def test_the_rule_by_hand():
    # 2·2 + 4·7 + 2·6 + 5·5 + 6·4 + 7·3 + 9·2 + 0·1 = 132 = 12 · 11
    assert is_valid_cvr("24256790")
    # Swapping the first two digits changes the sum: 4·2 + 2·7 + … = 122, not a multiple of 11.
    assert not is_valid_cvr("42256790")


@pytest.mark.parametrize(
    "value",
    [
        "",
        "2425679",  # seven digits
        "242567900",  # nine digits
        "2425679O",  # a letter O for a zero
        "2425 6790",  # spaces are removed before the check, not by it
        "２４２５６７９０",  # full-width digits
        "00000000",  # sum 0, but CVR numbers start at 10000000
        "-2425679",
    ],
)
def test_malformed_values_are_refused(value):
    assert not is_valid_cvr(value)


def test_normalise_removes_spaces_only():
    assert normalise_cvr(" 24 25 67 90 ") == "24256790"
    assert normalise_cvr("2425\t6790") == "24256790"
    assert normalise_cvr("DK24256790") == "DK24256790"
