"""Read a content file: each TOML table becomes one of the demo's dataclasses, by field name.

A value is converted by its field's type: an enum from its stored value, a tuple from an
array, a step from a table whose `step` names it; a time of day is TOML's own (12:00:00).
Whatever does not fit raises `ContentError`, which says in which file, which table and
which field.
"""

import tomllib
from dataclasses import MISSING, fields, is_dataclass
from datetime import time
from enum import Enum
from pathlib import Path
from types import NoneType, UnionType
from typing import Any, get_args, get_origin, get_type_hints

from cocreate.demo import (  # noqa: F401  (their steps join STEPS when imported)
    cocreation,
    followup,
)
from cocreate.demo.story import STEPS, Step

KINDS = {
    bool: "true or false",
    int: "a whole number",
    str: "a text",
    time: "a time of day such as 12:00:00",
}


class ContentError(ValueError):
    """A content file that the demo cannot play, and where in it the trouble is."""


def read_tables(path: Path, where: str, tables: dict[str, type]) -> dict[str, tuple]:
    """Read the file's arrays of tables, each as a tuple of the dataclass named for it."""
    try:
        content = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{where}: {error}") from error
    unknown = sorted(set(content) - set(tables))
    if unknown:
        raise ContentError(
            f"{where}: unknown table {_names(unknown)}; the file may hold {_names(tables)}"
        )
    return {
        key: _convert(content.get(key, []), tuple[cls, ...], f"{where}, {key}")
        for key, cls in tables.items()
    }


def build(cls: type, table: Any, where: str) -> Any:
    """Make a `cls` from a table, every field from the value of the same name."""
    if not isinstance(table, dict):
        raise ContentError(f"{where}: expected a table, not {table!r}")
    if cls is Step:
        cls, table, where = _step(table, where)
    hints = get_type_hints(cls)
    accepted = {f.name: f for f in fields(cls) if f.init}
    unknown = sorted(set(table) - set(accepted))
    if unknown:
        raise ContentError(
            f"{where}: unknown field {_names(unknown)}; the fields are {_names(accepted)}"
        )
    missing = [
        name
        for name, f in accepted.items()
        if name not in table and f.default is MISSING and f.default_factory is MISSING
    ]
    if missing:
        raise ContentError(f"{where}: missing field {_names(missing)}")
    return cls(
        **{name: _convert(value, hints[name], f"{where}, {name}") for name, value in table.items()}
    )


def _step(table: dict, where: str) -> tuple[type[Step], dict, str]:
    """The kind of step the table's `step` names, the rest of its table, and where it is."""
    name = table.get("step")
    if name not in STEPS:
        said = "no step name" if name is None else f"unknown step {name!r}"
        raise ContentError(f"{where}: {said}; the steps are {_names(sorted(STEPS))}")
    rest = {key: value for key, value in table.items() if key != "step"}
    return STEPS[name], rest, f"{where} ({name})"


def _convert(value: Any, hint: Any, where: str) -> Any:
    origin, args = get_origin(hint), get_args(hint)
    if origin is UnionType:  # `X | None`: a file leaves out what is None
        (hint,) = (arg for arg in args if arg is not NoneType)
        return _convert(value, hint, where)
    if origin is tuple:
        if not isinstance(value, list):
            raise ContentError(f"{where}: expected a list, not {value!r}")
        if args[-1] is Ellipsis:
            args = (args[0],) * len(value)
        elif len(value) != len(args):
            raise ContentError(f"{where}: expected {len(args)} values, not {len(value)}")
        return tuple(
            _convert(item, arg, _item(where, number, item))
            for number, (item, arg) in enumerate(zip(value, args, strict=True), 1)
        )
    if is_dataclass(hint):
        return build(hint, value, where)
    if issubclass(hint, Enum):
        try:
            return hint(value)
        except ValueError:
            choices = _names(member.value for member in hint)
            raise ContentError(f"{where}: {value!r} is none of {choices}") from None
    if not isinstance(value, hint) or (isinstance(value, bool) and hint is not bool):
        raise ContentError(f"{where}: expected {KINDS[hint]}, not {value!r}")
    return value


def _item(where: str, number: int, item: Any) -> str:
    """Where the list's item is: its number, and the title or name it goes by, if any."""
    names = ("title", "slug", "email", "key", "account")
    name = next((item[key] for key in names if isinstance(item, dict) and key in item), None)
    return f"{where} {number}" + (f" «{name}»" if isinstance(name, str) else "")


def _names(names) -> str:
    return ", ".join(f"'{name}'" for name in names)
