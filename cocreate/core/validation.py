"""Checks on text that services share, so the site and the API refuse alike."""

from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from cocreate.core.errors import ValidationFailed
from cocreate.extensions import db


def check_text(**fields: tuple[str, int]) -> None:
    """Refuse empty or overlong text; each keyword is a field name and (value, maximum)."""
    errors = {}
    for field, (value, maximum) in fields.items():
        if not value or not value.strip():
            errors[field] = _("Skal udfyldes.")
        elif len(value) > maximum:
            errors[field] = _("Må højst være %(max)d tegn.", max=maximum)
    if errors:
        raise ValidationFailed(_("Nogle felter er ikke udfyldt rigtigt."), errors)


def flush_unique(field: str, message: str) -> None:
    """Flush a new row that a unique key guards; refuse by field if another request won.

    Services look for a duplicate before they add a row; this covers the race between
    that look and the insert. The loser's transaction is void, so it is rolled back here.
    """
    try:
        db.session.flush()
    except IntegrityError as exc:
        db.session.rollback()
        raise ValidationFailed(message, {field: message}) from exc
