"""Starting, changing and publishing calls for proposals.

Dates come as moments (aware datetimes); the forms and the API turn the municipality's
local time into them (dates.py). Once a call has opened, its close may only move later,
so that no one who planned to send a proposal finds the door shut early; every change
of a call is in the audit log.
"""

from datetime import date, datetime, timedelta

from flask_babel import gettext as _

from cocreate.calls.dates import local_date
from cocreate.calls.models import CALL_INTRO_MAX, CALL_TITLE_MAX, Call, CallTheme
from cocreate.calls.permissions import can_create_call, can_manage_call
from cocreate.core.audit import record_audit
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.core.sanitize import render_markdown
from cocreate.core.types import utcnow
from cocreate.core.validation import check_text
from cocreate.extensions import db
from cocreate.strategy.models import Department
from cocreate.strategy.queries import chosen_themes

# A call is planned at most this far ahead, and open at most this long.
PLANNED_AHEAD_MAX = timedelta(days=3 * 366)
OPEN_MAX = timedelta(days=366)


def _audited(call: Call) -> dict:
    """What the audit log keeps of a call, before and after a change."""
    return {
        "title": call.title,
        "department_id": call.department_id,
        "theme_ids": call.theme_ids,
        "opens_at": call.opens_at.isoformat() if call.opens_at else None,
        "closes_at": call.closes_at.isoformat() if call.closes_at else None,
        "answers_by": call.answers_by.isoformat() if call.answers_by else None,
        "published": call.is_published,
    }


def _date_errors(
    opens_at: datetime, closes_at: datetime, answers_by: date | None, now: datetime
) -> dict[str, str]:
    errors = {}
    if closes_at <= opens_at:
        errors["closes_at"] = _("Indkaldelsen skal lukke efter, at den åbner.")
    elif closes_at - opens_at > OPEN_MAX:
        errors["closes_at"] = _("En indkaldelse kan højst være åben i et år.")
    if opens_at - now > PLANNED_AHEAD_MAX:
        errors["opens_at"] = _("En indkaldelse kan højst planlægges tre år frem.")
    closing_day = local_date(closes_at)
    if answers_by is not None and answers_by < closing_day:
        errors["answers_by"] = _("Svarene kan ikke loves, før indkaldelsen lukker.")
    elif answers_by is not None and answers_by - closing_day > OPEN_MAX:
        errors["answers_by"] = _("Svarene skal loves inden for et år efter lukningen.")
    return errors


def _minute(moment: datetime) -> datetime:
    """A call's moments are kept to the minute, as the forms write them."""
    return moment.replace(second=0, microsecond=0)


def _apply(call: Call, actor, fields: dict, now: datetime, opened: bool) -> None:
    """Check every field at once and write them; refuse naming each wrong one."""
    fields = {**fields, "opens_at": _minute(fields["opens_at"])}
    fields["closes_at"] = _minute(fields["closes_at"])
    errors = {}
    try:
        check_text(title=(fields["title"], CALL_TITLE_MAX), intro=(fields["intro"], CALL_INTRO_MAX))
    except ValidationFailed as error:
        errors.update(error.fields)
    try:
        themes = chosen_themes(fields["theme_ids"])
    except ValidationFailed as error:
        errors.update(error.fields)
    department_id = fields["department_id"]
    department = db.session.get(Department, department_id) if department_id else None
    if department is None:
        errors["department_id"] = _("Vælg en forvaltning.")
    elif not can_create_call(actor, department):
        raise PermissionDenied(_("Du kan kun indkalde forslag for din egen forvaltning."))
    opens_at, closes_at = fields["opens_at"], fields["closes_at"]
    if opened:
        errors.update(_extension_errors(call, fields))
    elif closes_at <= now and not errors.get("closes_at"):
        errors["closes_at"] = _("Lukketidspunktet er allerede passeret.")
    errors.update(_date_errors(opens_at, closes_at, fields.get("answers_by"), now))
    if errors:
        raise ValidationFailed(_("Nogle felter er ikke udfyldt rigtigt."), errors)
    call.title = fields["title"].strip()
    call.intro = fields["intro"]
    call.intro_html = render_markdown(fields["intro"])
    call.department = department
    call.opens_at, call.closes_at = opens_at, closes_at
    call.answers_by = fields.get("answers_by")
    call.theme_links = [
        CallTheme(theme_id=theme.id, theme=theme, position=position)
        for position, theme in enumerate(themes)
    ]
    call.updated_at = now


def _extension_errors(call: Call, fields: dict) -> dict[str, str]:
    """After the opening the call may only be extended: same opening, same department,
    a close no earlier."""
    errors = {}
    opens_at, closes_at = _minute(call.opens_at), _minute(call.closes_at)
    if fields["opens_at"] != opens_at:
        errors["opens_at"] = _("Åbningen kan ikke flyttes, når indkaldelsen er åbnet.")
    if fields["closes_at"] < closes_at:
        errors["closes_at"] = _("En åbnet indkaldelse kan kun forlænges, ikke forkortes.")
    elif fields["closes_at"] != closes_at and closes_at <= utcnow():
        errors["closes_at"] = _("En lukket indkaldelse kan ikke åbnes igen.")
    if fields["department_id"] != call.department_id:
        errors["department_id"] = _("Forvaltningen kan ikke skiftes, når indkaldelsen er åbnet.")
    if fields.get("answers_by") and call.answers_by and fields["answers_by"] < call.answers_by:
        errors["answers_by"] = _("Datoen for svarene kan kun flyttes senere.")
    return errors


def create_call(actor, *, publish: bool = False, **fields) -> Call:
    """Start a call (title, intro, theme_ids, department_id, opens_at, closes_at and
    perhaps answers_by), as a draft or published at once."""
    if not can_create_call(actor):
        raise PermissionDenied(
            _("Kun administratorer og forvaltningernes medarbejdere indkalder forslag.")
        )
    now = utcnow()
    call = Call(created_by_id=actor.id)
    _apply(call, actor, fields, now, opened=False)
    if publish:
        call.published_at = now
    db.session.add(call)
    db.session.flush()
    record_audit(actor, "call.created", call, after=_audited(call))
    return call


def update_call(call: Call, actor, *, publish: bool = False, **fields) -> Call:
    """Change a call, and publish a draft if asked; once open, its dates may only be
    extended."""
    if not can_manage_call(actor, call):
        raise PermissionDenied(_("Kun forvaltningen bag indkaldelsen kan ændre den."))
    now = utcnow()
    before = _audited(call)
    opened = call.is_published and now >= call.opens_at
    _apply(call, actor, fields, now, opened=opened)
    db.session.flush()
    action = (
        "call.extended"
        if opened and before["closes_at"] != _audited(call)["closes_at"]
        else "call.changed"
    )
    record_audit(actor, action, call, before=before, after=_audited(call))
    if publish and not call.is_published:
        publish_call(call, actor)
    return call


def publish_call(call: Call, actor) -> Call:
    """Make a draft call public; it opens for proposals at its opening time."""
    if not can_manage_call(actor, call):
        raise PermissionDenied(_("Kun forvaltningen bag indkaldelsen kan offentliggøre den."))
    if call.is_published:
        raise TransitionNotAllowed(_("Indkaldelsen er allerede offentliggjort."))
    if call.closes_at <= utcnow():
        raise TransitionNotAllowed(
            _("Indkaldelsen er lukket; ret datoerne, før den offentliggøres.")
        )
    before = _audited(call)
    call.published_at = utcnow()
    db.session.flush()
    record_audit(actor, "call.published", call, before=before, after=_audited(call))
    return call
