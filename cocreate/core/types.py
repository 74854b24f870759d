"""Column types shared by the models."""

import enum
from datetime import UTC, date, datetime
from typing import Annotated, Any

from flask_babel import to_user_timezone
from sqlalchemy import DateTime, Enum, ForeignKey
from sqlalchemy.orm import MappedColumn, mapped_column
from sqlalchemy.types import TypeDecorator

# The largest id an integer primary key holds on every database we run on.
ID_MAX = 2**31 - 1


def as_row_id(value: str) -> int | None:
    """The text as a row id, if it is one (plain ASCII digits within an id's range)."""
    if value.isascii() and value.isdigit() and len(value) <= 10 and int(value) <= ID_MAX:
        return int(value)
    return None


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


def local_today() -> date:
    """Today's date where the municipality is (due dates are calendar days there)."""
    return to_user_timezone(utcnow()).date()


# The row's own key, and the moment it is written: `id: Mapped[Id]`, `created_at: Mapped[Stamp]`.
Id = Annotated[int, mapped_column(primary_key=True)]
Stamp = Annotated[datetime, mapped_column(UTCDateTime, default=utcnow)]


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
    """A StrEnum whose members each carry their translated label: `MEMBER = "value", _l("…")`.

    A member written without a label fails at import, not on the page that shows it.
    """

    def __new__(cls, value: str, label: Any):
        member = str.__new__(cls, value)
        member._value_ = value
        member._label = label
        return member

    @property
    def label(self) -> str:
        return str(self._label)
