"""Checks on text that services share, so the site and the API refuse alike."""

from flask_babel import gettext as _

from cocreate.core.errors import ValidationFailed


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
