"""Small helpers for WTForms fields shared by the packages' forms."""

from collections.abc import Iterable

from wtforms.fields.choices import SelectChoice


def options(pairs: Iterable[tuple[object, str]]) -> list[SelectChoice]:
    """Turn (value, label) pairs into the choices WTForms takes."""
    return [SelectChoice(value, label) for value, label in pairs]
