"""Forms for handling a proposal and for the department's SLA."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, TextAreaField
from wtforms.validators import DataRequired, NumberRange

from cocreate.core.forms import (
    WholeNumberField,
    choice_messages,
    max_length,
    one_of,
    options,
    required,
)
from cocreate.proposals.models import RESPONSE_TEXT_MAX, ROUTING_REASON_MAX, Outcome
from cocreate.strategy.queries import all_departments


class PrefixedForm(FlaskForm):
    """Several forms share one page: the prefix keeps their field ids apart."""

    form_prefix = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", self.form_prefix)
        super().__init__(*args, **kwargs)


class TransferForm(PrefixedForm):
    form_prefix = "transfer"

    department_id = SelectField(_l("Ny forvaltning"), coerce=int, **choice_messages())
    reason = TextAreaField(
        _l("Begrundelse"),
        validators=required(_l("Skriv en begrundelse."), ROUTING_REASON_MAX),
        description=_l("Borgeren kan se begrundelsen."),
    )

    def __init__(self, *args, current_department=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.department_id.choices = options(
            (d.id, d.display_name) for d in all_departments() if d != current_department
        )


class ResponseForm(PrefixedForm):
    form_prefix = "response"

    outcome = one_of(
        _l("Udfald"),
        (Outcome.ACCEPTED, Outcome.PARTIALLY_ACCEPTED, Outcome.DECLINED),
        _l("Vælg et udfald."),
    )
    text = TextAreaField(
        _l("Svar til borgeren"),
        validators=required(_l("Skriv svaret."), RESPONSE_TEXT_MAX),
        description=_l("Svaret er offentligt. Du kan bruge Markdown."),
    )
    preliminary = BooleanField(
        _l("Foreløbigt svar"),
        description=_l("Borgerne kan kommentere et foreløbigt svar, før det endelige svar gives."),
    )


class AcknowledgeForm(PrefixedForm):
    form_prefix = "acknowledge"

    message = TextAreaField(
        _l("Besked til borgeren"),
        validators=[max_length(RESPONSE_TEXT_MAX)],
        description=_l(
            "Fx hvornår I forventer at svare. Beskeden er offentlig, og du kan bruge Markdown."
        ),
    )


class ImplementedForm(PrefixedForm):
    form_prefix = "implemented"

    text = TextAreaField(
        _l("Hvad er der gjort?"),
        validators=[max_length(RESPONSE_TEXT_MAX)],
        description=_l("Vises offentligt sammen med forslaget."),
    )


def _days_field(label, description="") -> WholeNumberField:
    return WholeNumberField(
        label,
        validators=[
            DataRequired(_l("Skriv et antal dage.")),
            NumberRange(min=1, max=365, message=_l("Skriv et tal fra 1 til 365.")),
        ],
        description=description,
    )


class SlaForm(FlaskForm):
    acknowledge_days = _days_field(_l("Dage til kvittering"))
    answer_days = _days_field(_l("Dage til svar"))
    after_window_days = _days_field(
        _l("Dage til endeligt svar efter et foreløbigt svar"),
        description=_l("Regnet fra den dag, borgernes kommentarperiode slutter."),
    )
