"""Reading JSON bodies and query arguments.

Each input is declared once, as a Field; the same declaration checks a request's types
and writes the schema in the OpenAPI document, so the two cannot drift apart. The rules
the schema states besides types (a title's length, a list that must not be empty) are
the services' to enforce, from the same constants, so that site and API refuse alike and
one answer names every field that breaks one.
"""

import enum
import json
import re
from collections.abc import Mapping
from dataclasses import KW_ONLY, dataclass
from datetime import UTC, date, datetime
from typing import Any

from flask import request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from cocreate.api.errors import MalformedBody, UnsupportedMediaType
from cocreate.calls.dates import local_moment
from cocreate.core.errors import ValidationFailed
from cocreate.core.months import ISO_MONTH, read_month
from cocreate.core.types import ID_MAX
from cocreate.extensions import db
from cocreate.strategy.models import Department

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ISO_MOMENT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})?"
)
# Ids are 32-bit on PostgreSQL; larger numbers would overflow SQLite's driver.
_DIGITS = re.compile(r"[0-9]{1,10}")
_MISSING = object()


MOMENT_EXPECTED = _l(
    "Skal være dato og klokkeslæt som 2027-03-01T12:00, gerne med tidszone (+01:00)."
)


class Invalid(Exception):
    """One input value is wrong; the message names what is expected."""


def check_characters(value: str) -> None:
    """Refuse NUL and lone surrogates, which no database column can store."""
    if "\x00" in value:
        raise Invalid(_("Indeholder tegn, der ikke er tilladt."))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise Invalid(_("Indeholder tegn, der ikke er tilladt.")) from None


def _is_integer(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class Field:
    """One named input; subclasses check a type and describe it as JSON Schema."""

    name: str
    _keywords: KW_ONLY
    required: bool = True
    nullable: bool = False
    default: Any = None
    description: str = ""

    def check(self, value):
        raise NotImplementedError

    def value_schema(self) -> dict:
        raise NotImplementedError

    def schema(self) -> dict:
        schema = self.value_schema()
        if self.nullable:
            schema["type"] = [schema["type"], "null"]
            if "enum" in schema:
                schema["enum"] = [*schema["enum"], None]
        if self.description:
            schema["description"] = self.description
        if not self.required and self.default is not None:
            schema["default"] = self.default
        return schema


@dataclass(frozen=True)
class Text(Field):
    """Text; the service refuses it blank (unless `blank`) or longer than max_length."""

    max_length: int
    blank: bool = False

    def check(self, value):
        if not isinstance(value, str):
            raise Invalid(_("Skal være tekst."))
        check_characters(value)
        return value

    def value_schema(self) -> dict:
        schema = {"type": "string", "maxLength": self.max_length}
        if not self.blank:
            schema.update(minLength=1, pattern=r"\S")
        return schema


@dataclass(frozen=True)
class Integer(Field):
    minimum: int = 1
    maximum: int = ID_MAX

    def check(self, value):
        if not _is_integer(value) or not self.minimum <= value <= self.maximum:
            message = _(
                "Skal være et helt tal fra %(min)d til %(max)d.", min=self.minimum, max=self.maximum
            )
            raise Invalid(message)
        return value

    def value_schema(self) -> dict:
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}


@dataclass(frozen=True)
class WholeNumber(Integer):
    """A whole number; the schema states its range and the service refuses it outside."""

    def check(self, value):
        if not _is_integer(value):
            raise Invalid(_("Skal være et helt tal."))
        return value


@dataclass(frozen=True)
class Month(Field):
    """A month written YYYY-MM, read as its first day; the service checks its range."""

    def check(self, value):
        if not isinstance(value, str):
            raise Invalid(_("Skal være en måned skrevet ÅÅÅÅ-MM."))
        check_characters(value)
        month = read_month(value) if value == value.strip() else None
        if month is None:
            raise Invalid(_("Skal være en måned skrevet ÅÅÅÅ-MM."))
        return month

    def value_schema(self) -> dict:
        return {"type": "string", "pattern": f"^{ISO_MONTH.pattern}$", "examples": ["2027-03"]}


@dataclass(frozen=True)
class IsoDate(Field):
    """A calendar date written YYYY-MM-DD."""

    def check(self, value):
        if not isinstance(value, str):
            raise Invalid(_("Skal være en dato skrevet ÅÅÅÅ-MM-DD."))
        check_characters(value)
        try:
            if not _ISO_DATE.fullmatch(value):
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            raise Invalid(_("Skal være en dato skrevet ÅÅÅÅ-MM-DD.")) from None

    def value_schema(self) -> dict:
        return {"type": "string", "format": "date"}


@dataclass(frozen=True)
class Moment(Field):
    """A date and time in ISO 8601, e.g. 2027-03-01T12:00:00+01:00; without an offset, the
    municipality's local time (a time the clocks skip is refused)."""

    def check(self, value):
        if not isinstance(value, str):
            raise Invalid(MOMENT_EXPECTED)
        check_characters(value)
        try:
            if not _ISO_MOMENT.fullmatch(value):
                raise ValueError(value)
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            if moment.tzinfo is not None:
                # To the minute, as the forms take it, so that both compare alike.
                return moment.astimezone(UTC).replace(second=0, microsecond=0)
        except (ValueError, OverflowError):
            raise Invalid(MOMENT_EXPECTED) from None
        moment = local_moment(moment)
        if moment is None:
            raise Invalid(_("Klokkeslættet findes ikke den dag, eller året er for langt væk."))
        return moment

    def value_schema(self) -> dict:
        return {"type": "string", "format": "date-time", "examples": ["2027-03-01T12:00:00+01:00"]}


@dataclass(frozen=True)
class DepartmentId(Integer):
    """A department's id, read as the department itself; an unknown one is the field's error."""

    def check(self, value):
        department = db.session.get(Department, super().check(value))
        if department is None:
            raise Invalid(_("Ukendt forvaltning: %(id)s.", id=value))
        return department


@dataclass(frozen=True)
class IdList(Field):
    """Ids; the service refuses an empty list. max_items keeps any request's IN list small."""

    max_items: int

    def check(self, value):
        if not isinstance(value, list) or not all(
            _is_integer(item) and 1 <= item <= ID_MAX for item in value
        ):
            raise Invalid(_("Skal være en liste af id'er (hele tal)."))
        if len(value) > self.max_items:
            raise Invalid(_("Højst %(max)d.", max=self.max_items))
        return value

    def value_schema(self) -> dict:
        item = {"type": "integer", "minimum": 1, "maximum": ID_MAX}
        return {"type": "array", "items": item, "minItems": 1, "maxItems": self.max_items}


@dataclass(frozen=True)
class Choice(Field):
    choices: type[enum.Enum]

    def check(self, value):
        try:
            return self.choices(value)
        except (ValueError, TypeError):
            values = ", ".join(member.value for member in self.choices)
            raise Invalid(_("Skal være en af: %(values)s.", values=values)) from None

    def value_schema(self) -> dict:
        return {"type": "string", "enum": [member.value for member in self.choices]}


@dataclass(frozen=True)
class Flag(Field):
    def check(self, value):
        if not isinstance(value, bool):
            raise Invalid(_("Skal være true eller false."))
        return value

    def value_schema(self) -> dict:
        return {"type": "boolean"}


class Body:
    """The fields of one JSON request body."""

    def __init__(self, *fields: Field):
        self.fields = fields

    def read(self, data: Mapping) -> tuple[dict, dict]:
        """Return the checked values and a message for every field that is wrong."""
        values, errors = {}, {}
        for field in self.fields:
            raw = data.get(field.name, _MISSING)
            if raw is _MISSING or (raw is None and field.nullable):
                if raw is _MISSING and field.required:
                    errors[field.name] = _("Feltet mangler.")
                values[field.name] = field.default
                continue
            try:
                values[field.name] = field.check(raw)
            except Invalid as error:
                errors[field.name] = str(error)
                values[field.name] = field.default
        return values, errors

    def schema(self) -> dict:
        return {
            "type": "object",
            "required": [field.name for field in self.fields if field.required],
            "properties": {field.name: field.schema() for field in self.fields},
        }


def read_body(body: Body) -> dict:
    """The request's JSON body, checked against body; refuse it naming every wrong field."""
    values, errors = body.read(json_body())
    refuse_if(errors)
    return values


def read_changes(body: Body) -> dict:
    """The fields a partial update (PATCH) names, checked; those it leaves out are not there,
    and a null is kept as None where the field takes one."""
    data = json_body()
    values, errors = body.read(data)
    refuse_if(errors)
    return {name: value for name, value in values.items() if name in data}


def refuse_if(errors: dict) -> None:
    """Raise ValidationFailed when any field is wrong."""
    if errors:
        raise ValidationFailed(_("Nogle felter er ikke udfyldt rigtigt."), errors)


def json_body() -> dict:
    """Return the request's JSON object; refuse other media types and broken JSON."""
    if not request.is_json:
        raise UnsupportedMediaType(_("Send indholdet som JSON (Content-Type: application/json)."))
    try:
        data = json.loads(request.get_data())
    except (ValueError, RecursionError):
        raise MalformedBody(_("Indholdet er ikke gyldig JSON.")) from None
    if not isinstance(data, dict):
        raise MalformedBody(_("Indholdet skal være et JSON-objekt."))
    return data


def query_integer(args: Mapping, field: Integer, errors: dict) -> int:
    """Read a whole number from the query string; an empty value means the default."""
    raw = (args.get(field.name) or "").strip()
    if not raw:
        return field.default
    try:
        if not _DIGITS.fullmatch(raw):
            raise Invalid(_("Skal være et helt tal."))
        return field.check(int(raw))
    except Invalid as error:
        errors[field.name] = str(error)
        return field.default


def query_text(args: Mapping, field: Text, errors: dict) -> str:
    """Read text from the query string, trimmed; refuse it missing (when required) or too long."""
    value = (args.get(field.name) or "").strip()
    try:
        check_characters(value)
        if field.required and not value:
            raise Invalid(_("Skal udfyldes."))
        if len(value) > field.max_length:
            raise Invalid(_("Må højst være %(max)d tegn.", max=field.max_length))
    except Invalid as error:
        errors[field.name] = str(error)
        return ""
    return value


def query_parameter(field: Field) -> dict:
    """Describe a query argument for the OpenAPI document."""
    return {"name": field.name, "in": "query", "required": False, "schema": field.schema()}
