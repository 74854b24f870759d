"""Forms on the admin pages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SearchField, SelectField, SubmitField
from wtforms.validators import DataRequired, Optional

from cocreate.core.forms import options

# How the audit log's action codes read on the page; unknown codes are shown as they are.
ACTION_LABELS = {
    "user.role_granted": _l("Rolle tildelt"),
    "user.deactivated": _l("Konto deaktiveret"),
    "user.reactivated": _l("Konto aktiveret igen"),
    "user.role_revoked": _l("Rolle fjernet"),
    "user.department_added": _l("Tilføjet til forvaltning"),
    "user.department_removed": _l("Fjernet fra forvaltning"),
    "proposal.moderated": _l("Forslag modereret"),
    "proposal.routed": _l("Forslag fordelt"),
    "proposal.acknowledged": _l("Modtagelse af forslag bekræftet"),
    "proposal.answered": _l("Forslag besvaret"),
    "proposal.implemented": _l("Forslag gennemført"),
    "proposal.milestone_added": _l("Milepæl planlagt"),
    "proposal.milestone_changed": _l("Milepæl ændret"),
    "proposal.progress_updated": _l("Statusopdatering offentliggjort"),
    "department.sla_changed": _l("Svarfrister ændret"),
    "department.created": _l("Forvaltning oprettet"),
    "department.changed": _l("Forvaltning ændret"),
    "strategy.created": _l("Strategi oprettet"),
    "strategy.changed": _l("Strategi ændret"),
    "theme.created": _l("Tema oprettet"),
    "theme.changed": _l("Tema ændret"),
    "user.department_head_changed": _l("Leder af forvaltning ændret"),
    "panel.member_added": _l("Medlem af aktørpanelet tilføjet"),
    "panel.seat_changed": _l("Plads i aktørpanelet ændret"),
    "panel.member_deactivated": _l("Medlem af aktørpanelet meldt ud"),
    "proposal.panel_review_requested": _l("Aktørpanelet bedt om en vurdering"),
    "outbox.message_retried": _l("Fejlet baggrundsjob prøvet igen"),
    "proposal.hidden": _l("Forslag skjult"),
    "proposal.restored": _l("Forslag vist igen"),
    "comment.hidden": _l("Kommentar skjult efter anmeldelser"),
    "comment.restored": _l("Kommentar vist igen"),
    "comment.removed": _l("Kommentar fjernet"),
    "organisation.registered": _l("Organisation oprettet"),
    "organisation.verified": _l("Organisation verificeret"),
    "organisation.member_invited": _l("Medlem inviteret til organisation"),
    "organisation.invitation_accepted": _l("Invitation til organisation accepteret"),
    "organisation.invitation_declined": _l("Invitation til organisation afslået"),
    "organisation.member_left": _l("Medlem har forladt organisation"),
    "call.created": _l("Indkaldelse oprettet"),
    "call.changed": _l("Indkaldelse ændret"),
    "call.extended": _l("Indkaldelse forlænget"),
    "call.published": _l("Indkaldelse offentliggjort"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


class UserSearchForm(FlaskForm):
    class Meta:
        csrf = False

    q = SearchField(_l("Søg efter navn eller e-mailadresse"))


# What an audit entry can be about, as the filter offers it.
SUBJECT_LABELS = {
    "proposal": _l("Forslag"),
    "comment": _l("Kommentarer"),
    "user_account": _l("Konti"),
    "organisation": _l("Organisationer"),
    "panel_member": _l("Aktørpanelets medlemmer"),
    "department": _l("Forvaltninger"),
    "strategy": _l("Strategier"),
    "theme": _l("Temaer"),
    "call": _l("Indkaldelser"),
    "outbox_message": _l("Baggrundsjob"),
}


class AuditFilterForm(FlaskForm):
    class Meta:
        csrf = False

    action = SelectField(_l("Handling"), validate_choice=False)
    subject_type = SelectField(_l("Hvad"), validate_choice=False)
    actor_id = SelectField(_l("Udført af"), validate_choice=False)
    since = DateField(_l("Fra og med"), validators=[Optional()])
    until = DateField(_l("Til og med"), validators=[Optional()])

    def __init__(self, *args, actions: list[str], actors: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.action.choices = options(
            [("", _l("Alle handlinger")), *((action, action_label(action)) for action in actions)]
        )
        self.subject_type.choices = options([("", _l("Alt")), *SUBJECT_LABELS.items()])
        self.actor_id.choices = options([("", _l("Alle")), *((str(i), n) for i, n in actors)])

    def filters(self) -> dict:
        """The chosen filters as audit_entries takes them; what is not valid is not used."""
        actor = self.actor_id.data or ""
        return {
            "action": self.action.data or "",
            "subject_type": self.subject_type.data
            if self.subject_type.data in SUBJECT_LABELS
            else "",
            "actor_id": int(actor) if actor.isdigit() else None,
            "since": None if self.since.errors else self.since.data,
            "until": None if self.until.errors else self.until.data,
        }


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
            [
                (0, _l("Vælg")),
                *((department.id, department.display_name) for department in departments),
            ]
        )
