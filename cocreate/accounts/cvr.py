"""CVR numbers: the eight-digit identity of a Danish business, with a modulus-11 check."""

CVR_LENGTH = 8
# The eight digits are weighted 2, 7, 6, 5, 4, 3, 2, 1; a valid number's sum is a multiple of 11.
WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def normalise_cvr(value: str) -> str:
    """The number as typed, without the spaces people put between groups of digits."""
    return "".join(value.split())


def is_valid_cvr(value: str) -> bool:
    """Tell whether the value is eight digits, not starting with 0, that pass modulus 11."""
    if len(value) != CVR_LENGTH or not value.isascii() or not value.isdigit():
        return False
    if value[0] == "0":
        # CVR numbers are issued from 10000000; 00000000 would pass the sum but is no number.
        return False
    return sum(weight * int(digit) for weight, digit in zip(WEIGHTS, value, strict=True)) % 11 == 0
