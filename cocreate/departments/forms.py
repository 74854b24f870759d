"""Forms for handling a proposal and for the department's SLA."""

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, NumberRange

from cocreate.core.forms import (
    WholeNumberField,
    choice_messages,
    max_length,
    one_of,
    options,
    required,
)
from cocreate.core.months import month_text, read_month
from cocreate.proposals.models import RESPONSE_TEXT_MAX, ROUTING_REASON_MAX, Outcome
from cocreate.strategy.queries import all_departments

# Whole kroner as people write them: 250000, 250.000 or 250 000 (a minus reaches the service,
# which says what the amount may be).
_AMOUNT = re.compile(r"-?(?:[0-9]{1,3}(?:[. ][0-9]{3})+|[0-9]+)")


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


class AmountField(StringField):
    """Whole kroner, with or without thousands separators and "kr."; empty is no amount."""

    def process_formdata(self, valuelist):
        text = (valuelist[0] if valuelist else "").replace("\xa0", " ").strip().lower()
        text = text.removesuffix("kr.").removesuffix("kr").strip()
        self.data = None
        if not text:
            return
        if not _AMOUNT.fullmatch(text):
            raise ValueError(str(_l("Skriv et helt antal kroner, fx 250000.")))
        self.data = int(text.replace(".", "").replace(" ", ""))

    def _value(self) -> str:
        if self.raw_data:
            return self.raw_data[0]
        return "" if self.data is None else str(self.data)


class MonthField(StringField):
    """A month as <input type="month"> sends it (2027-03), or as written by hand where a
    browser has no month picker (03-2027); empty is no month."""

    def process_formdata(self, valuelist):
        text = (valuelist[0] if valuelist else "").strip()
        self.data = read_month(text, written=True) if text else None
        if text and self.data is None:
            raise ValueError(str(_l("Skriv måned og år, fx 2027-03.")))

    def _value(self) -> str:
        if self.raw_data:
            return self.raw_data[0]
        return month_text(self.data) or ""


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
    cost_estimate = AmountField(
        _l("Anslået pris"),
        description=_l("I hele kroner, fx 250000."),
        render_kw={"inputmode": "numeric"},
    )
    planned_from = MonthField(_l("Planlagt fra"), description=_l("Måned og år, fx 2027-03."))
    planned_to = MonthField(_l("Planlagt til"), description=_l("Måned og år, fx 2027-06."))
    preliminary = BooleanField(
        _l("Foreløbigt svar"),
        description=_l("Borgerne kan kommentere et foreløbigt svar, før det endelige svar gives."),
    )

    def plan(self) -> dict:
        """The answer's cost estimate and planned period, as the service takes them."""
        return {
            "cost_estimate": self.cost_estimate.data,
            "planned_from": self.planned_from.data,
            "planned_to": self.planned_to.data,
        }


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
