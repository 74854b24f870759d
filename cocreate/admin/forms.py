"""Forms on the admin pages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SearchField, SelectField, SubmitField
from wtforms.validators import DataRequired

from cocreate.core.forms import options

# How the audit log's action codes read on the page; unknown codes are shown as they are.
ACTION_LABELS = {
    "user.role_granted": _l("Rolle tildelt"),
    "user.role_revoked": _l("Rolle fjernet"),
    "user.department_added": _l("Tilføjet til forvaltning"),
    "user.department_removed": _l("Fjernet fra forvaltning"),
    "proposal.moderated": _l("Forslag modereret"),
    "proposal.routed": _l("Forslag fordelt"),
    "proposal.acknowledged": _l("Modtagelse af forslag bekræftet"),
    "proposal.answered": _l("Forslag besvaret"),
    "proposal.implemented": _l("Forslag gennemført"),
    "department.sla_changed": _l("Svarfrister ændret"),
    "panel.member_added": _l("Medlem af aktørpanelet tilføjet"),
    "panel.seat_changed": _l("Plads i aktørpanelet ændret"),
    "panel.member_deactivated": _l("Medlem af aktørpanelet meldt ud"),
    "proposal.panel_review_requested": _l("Aktørpanelet bedt om en vurdering"),
    "outbox.message_retried": _l("Fejlet baggrundsjob prøvet igen"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


class UserSearchForm(FlaskForm):
    class Meta:
        csrf = False

    q = SearchField(_l("Søg efter navn eller e-mailadresse"))


class AuditFilterForm(FlaskForm):
    class Meta:
        csrf = False

    action = SelectField(_l("Handling"), validate_choice=False)

    def __init__(self, *args, actions: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.action.choices = options(
            [("", _l("Alle handlinger")), *((action, action_label(action)) for action in actions)]
        )


class DepartmentMembershipForm(FlaskForm):
    department_id = SelectField(
        _l("Forvaltning"),
        coerce=int,
        validators=[DataRequired(_l("Vælg en forvaltning."))],
        invalid_value_message=_l("Vælg en forvaltning."),
        invalid_choice_message=_l("Vælg en forvaltning."),
    )
    is_head = BooleanField(_l("Leder af forvaltningen"))
    submit = SubmitField(_l("Tilføj til forvaltningen"))

    def __init__(self, *args, departments, **kwargs):
        super().__init__(*args, **kwargs)
        self.department_id.choices = options(
            [(0, _l("Vælg")), *((department.id, department.name) for department in departments)]
        )
