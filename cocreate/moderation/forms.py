"""The moderator's decision form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Optional, Regexp

from cocreate.core.forms import choice_messages, max_length, options
from cocreate.moderation.models import Decision, RejectionReason
from cocreate.moderation.services import NOTE_MAX
from cocreate.strategy.queries import all_departments


def _int_or_none(value):
    return int(value) if isinstance(value, str) and value.isdigit() else value


def _proposal_number(value):
    """A proposal's number as a moderator may write it: "123", "#123" or "Nr. 123"."""
    if not isinstance(value, str):
        return value
    value = value.strip().lstrip("#").strip()
    return value[3:].strip() if value.lower().startswith("nr.") else value


def _optional_reason(value):
    return RejectionReason(value) if value else None


class DecisionForm(FlaskForm):
    decision = RadioField(
        _l("Afgørelse"),
        choices=options(
            [
                (Decision.APPROVE.value, _l("Godkend og send til forvaltningen")),
                (Decision.REQUEST_CHANGES.value, _l("Bed forfatteren om ændringer")),
                (Decision.REJECT.value, _l("Afvis")),
            ]
        ),
        validators=[DataRequired(_l("Vælg en afgørelse."))],
        **choice_messages(),
    )
    department_id = SelectField(
        _l("Forvaltning"),
        coerce=int,
        validators=[Optional()],
        **choice_messages(),
        description=_l("Ved godkendelse. Foreslået: ejeren af forslagets første tema."),
    )
    reason = SelectField(
        _l("Begrundelse for afvisning"),
        choices=options(
            [("", _l("Vælg begrundelse"))] + [(r.value, r.label) for r in RejectionReason]
        ),
        coerce=_optional_reason,
        validators=[Optional()],
        **choice_messages(),
    )
    original_id = StringField(
        _l("Nummeret på det forslag, der allerede findes"),
        filters=[_proposal_number],
        validators=[Regexp(r"^\d{0,10}$", message=_l("Skriv forslagets nummer, fx 123."))],
        description=_l(
            "Ved afvisning som gentagelse: forfatteren får vist det og tilbudt at støtte det."
            " Se lignende forslag ovenfor."
        ),
    )
    approval_note = TextAreaField(
        _l("Bemærkning"),
        validators=[max_length(NOTE_MAX)],
        description=_l("Står i forslagets historik for alle."),
    )
    changes_note = TextAreaField(
        _l("Hvad skal forfatteren ændre?"),
        validators=[max_length(NOTE_MAX)],
        description=_l("Forfatteren ser beskeden og kan rette forslaget og sende det igen."),
    )
    rejection_note = TextAreaField(
        _l("Besked til forfatteren"),
        validators=[max_length(NOTE_MAX)],
        description=_l("Forfatteren og alle, der kan se forslaget, ser beskeden."),
    )

    # The version the moderator read: a decision on text changed since then is refused.
    version = HiddenField(filters=[_int_or_none])

    def __init__(self, *args, default_department=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.department_id.choices = options((d.id, d.display_name) for d in all_departments())
        if default_department is not None and not self.is_submitted():
            self.department_id.data = default_department.id

    def fields_for(self, decision: str) -> list[tuple[object, bool]]:
        """The fields that go with a decision, each with whether it must be filled in."""
        return [(self[name], required) for name, required in DECISION_FIELDS[Decision(decision)]]

    @property
    def note(self):
        """The note field of the chosen decision: where the service's word on the note goes."""
        chosen = Decision(self.decision.data) if self.decision.data in set(Decision) else None
        return self[NOTE_FIELDS.get(chosen, "changes_note")]

    def choices(self) -> dict:
        """The decision, reason and note as decide_proposal takes them."""
        decision = Decision(self.decision.data)
        rejection = decision == Decision.REJECT
        original = self.original_id.data or ""
        return {
            "decision": decision,
            "reason": self.reason.data if rejection else None,
            "note": self.note.data or "",
            "original_id": int(original) if rejection and original.isdigit() else None,
        }


# What the moderator fills in for each decision, and whether it is required.
DECISION_FIELDS = {
    Decision.APPROVE: (("department_id", False), ("approval_note", False)),
    Decision.REQUEST_CHANGES: (("changes_note", True),),
    Decision.REJECT: (("reason", True), ("original_id", False), ("rejection_note", False)),
}
# Each decision's note field, the one of its fields named *_note: what the service calls note.
NOTE_FIELDS = {
    decision: name
    for decision, fields in DECISION_FIELDS.items()
    for name, _required in fields
    if name.endswith("_note")
}
