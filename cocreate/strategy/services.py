"""Writing the municipality's strategies, themes and departments, each change audited.

Admins keep them (the admin pages check that); a name is written in Danish and may be
written in English too. A slug is chosen once, at creation, because addresses and
integrations use it.
"""

import re
import unicodedata

from flask_babel import gettext as _
from sqlalchemy import func, select

from cocreate.core.audit import record_audit
from cocreate.core.errors import ValidationFailed
from cocreate.core.validation import flush_unique
from cocreate.extensions import db
from cocreate.strategy.models import (
    DESCRIPTION_MAX,
    NAME_MAX,
    PERIOD_MAX,
    SLUG_MAX,
    TITLE_MAX,
    Department,
    Strategy,
    Theme,
)

# What an admin may write on each, with the longest each may be; the first is required.
WRITABLE = {
    Strategy: {
        "title": TITLE_MAX,
        "title_en": TITLE_MAX,
        "period": PERIOD_MAX,
        "description": DESCRIPTION_MAX,
        "description_en": DESCRIPTION_MAX,
    },
    Theme: {
        "title": TITLE_MAX,
        "title_en": TITLE_MAX,
        "description": DESCRIPTION_MAX,
        "description_en": DESCRIPTION_MAX,
    },
    Department: {
        "name": NAME_MAX,
        "name_en": NAME_MAX,
        "description": DESCRIPTION_MAX,
        "description_en": DESCRIPTION_MAX,
    },
}
# How a theme is placed: in a strategy, owned by a department, at a position.
THEME_PLACE = ("strategy_id", "department_id", "position")
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


def create_strategy(actor, *, slug: str = "", **values) -> Strategy:
    """Add a strategy; its themes are added one by one."""
    return _create(Strategy(), actor, "strategy.created", slug, values)


def update_strategy(strategy: Strategy, actor, **values) -> None:
    _update(strategy, actor, "strategy.changed", values)


def create_department(actor, *, slug: str = "", **values) -> Department:
    """Add a department; staff are added to it from its page or the account's."""
    return _create(Department(), actor, "department.created", slug, values)


def update_department(department: Department, actor, **values) -> None:
    _update(department, actor, "department.changed", values)


def create_theme(
    actor, *, strategy: Strategy, department: Department, slug: str = "", **values
) -> Theme:
    """Add a theme last in its strategy, owned by the department."""
    last = db.session.scalar(
        select(func.max(Theme.position)).where(Theme.strategy_id == strategy.id)
    )
    theme = Theme(
        strategy_id=strategy.id,
        department_id=department.id,
        position=0 if last is None else last + 1,
    )
    return _create(theme, actor, "theme.created", slug, values)


def update_theme(
    theme: Theme, actor, *, strategy: Strategy, department: Department, position: int, **values
) -> None:
    """Change a theme; a new department owns the proposals routed from now on."""
    if position < 0:
        raise ValidationFailed(
            _("Nogle felter er ikke udfyldt rigtigt."),
            {"position": _("Skriv et tal fra 0 og op.")},
        )
    placed = {"strategy_id": strategy.id, "department_id": department.id, "position": position}
    _update(theme, actor, "theme.changed", {**values, **placed})


def _create(subject, actor, action: str, slug: str, values: dict):
    text = _checked(type(subject), values)
    named = text[next(iter(WRITABLE[type(subject)]))]
    subject.slug = _free_slug(type(subject), (slug or "").strip(), named)
    for field, value in text.items():
        setattr(subject, field, value)
    db.session.add(subject)
    flush_unique("slug", _("Adressenavnet er allerede brugt. Vælg et andet."))
    fields = [*text, *(field for field in THEME_PLACE if isinstance(subject, Theme))]
    record_audit(actor, action, subject, None, _values_of(subject, ["slug", *fields]))
    return subject


def _update(subject, actor, action: str, values: dict) -> None:
    text = _checked(type(subject), {k: v for k, v in values.items() if k not in THEME_PLACE})
    changed = {**text, **{k: v for k, v in values.items() if k in THEME_PLACE}}
    changed = {field: value for field, value in changed.items() if getattr(subject, field) != value}
    if not changed:
        return
    before = _values_of(subject, changed)
    for field, value in changed.items():
        setattr(subject, field, value)
    db.session.flush()
    record_audit(actor, action, subject, before, _values_of(subject, changed))


def _checked(model, values: dict) -> dict:
    """The text fields as they will be kept (trimmed), or every refusal at once."""
    limits = WRITABLE[model]
    text = {field: (values.get(field) or "").strip() for field in limits}
    errors = {}
    required = next(iter(limits))
    if not text[required]:
        errors[required] = _("Skal udfyldes.")
    for field, maximum in limits.items():
        if len(text[field]) > maximum:
            errors[field] = _("Må højst være %(max)d tegn.", max=maximum)
    if errors:
        raise ValidationFailed(_("Nogle felter er ikke udfyldt rigtigt."), errors)
    return text


def slug_of(name: str) -> str:
    """An address name made from a Danish name: "Børn og Kultur" becomes "boern-og-kultur"."""
    folded = unicodedata.normalize("NFKD", name.lower().translate(DANISH_LETTERS))
    ascii_only = folded.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")


def _free_slug(model, chosen: str, name: str) -> str:
    """The chosen slug, refused if malformed or taken; else one made from the name,
    numbered until it is free."""
    if chosen:
        if not SLUG_PATTERN.fullmatch(chosen) or len(chosen) > SLUG_MAX:
            message = _(
                "Brug kun små bogstaver a-z, tal og bindestreger, højst %(max)d tegn.",
                max=SLUG_MAX,
            )
            raise ValidationFailed(message, {"slug": message})
        if db.session.scalar(select(model.id).where(model.slug == chosen)) is not None:
            message = _("Adressenavnet er allerede brugt. Vælg et andet.")
            raise ValidationFailed(message, {"slug": message})
        return chosen
    # Room for a number after it; a name of only signs gets the kind's name.
    base = slug_of(name)[: SLUG_MAX - 4].strip("-") or model.__tablename__
    taken = set(db.session.scalars(select(model.slug).where(model.slug.startswith(base))))
    number = 1
    while (candidate := base if number == 1 else f"{base}-{number}") in taken:
        number += 1
    return candidate


def _values_of(subject, fields) -> dict:
    return {field: getattr(subject, field) for field in fields}
