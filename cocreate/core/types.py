"""Column types shared by the models."""

import enum
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import DateTime, Enum, ForeignKey
from sqlalchemy.orm import MappedColumn, mapped_column
from sqlalchemy.types import TypeDecorator

# The largest id an integer primary key holds on every database we run on.
ID_MAX = 2**31 - 1


class UTCDateTime(TypeDecorator):
    """Store naive UTC, hand back aware UTC, on SQLite and PostgreSQL alike."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    """Return the current time in UTC."""
    return datetime.now(UTC)


def belongs_to(table: str, **options) -> MappedColumn:
    """A key to the row this one belongs to, and goes with (index=True, unique=True ...)."""
    return mapped_column(ForeignKey(f"{table}.id", ondelete="CASCADE"), **options)


def enum_column(enum_class: type[enum.Enum]) -> Enum:
    """Store an enum by its value as a short string (portable, readable in SQL)."""
    return Enum(
        enum_class,
        native_enum=False,
        length=32,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


def render_migration_item(type_, obj, autogen_context):
    """Write our column types into migrations as the plain types they store."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


class LabelledEnum(enum.StrEnum):
    """A StrEnum whose members each have a translated label, given once with `labels()`."""

    @property
    def label(self) -> str:
        return str(_LABELS[type(self)][self])


_LABELS: dict[type, dict] = {}
E = TypeVar("E", bound=LabelledEnum)


def labels(enum_class: type[E], mapping: dict[E, Any]) -> dict[E, Any]:
    """Give every member of enum_class its label (lazy_gettext); return the mapping.

    A member left without a label fails here, at import, not on the page that shows it.
    """
    if missing := set(enum_class) - set(mapping):
        raise ValueError(f"{enum_class.__name__} has no label for {sorted(missing)}")
    _LABELS[enum_class] = mapping
    return mapping
