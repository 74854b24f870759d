"""Small helpers for WTForms fields shared by the packages' forms."""

from collections.abc import Iterable

from flask_babel import lazy_gettext as _l
from wtforms import DateField, IntegerField, RadioField, SelectMultipleField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length
from wtforms.widgets import CheckboxInput, ListWidget


def options(pairs: Iterable[tuple[object, str]]) -> list[SelectChoice]:
    """Turn (value, label) pairs into the choices WTForms takes."""
    return [SelectChoice(value, label) for value, label in pairs]


CHOOSE_FROM_LIST = _l("Vælg en af mulighederne.")


def max_length(maximum: int) -> Length:
    """A Length validator with a Danish message (WTForms ships no Danish catalogue)."""
    return Length(max=maximum, message=_l("Må højst være %(max)d tegn.", max=maximum))


def choice_messages() -> dict:
    """Danish messages for a choice that is not among the options."""
    return {"invalid_choice_message": CHOOSE_FROM_LIST, "invalid_value_message": CHOOSE_FROM_LIST}


def optional_id(value) -> int | None:
    """A chosen row's id as a number; the empty choice as None (a select's `coerce`).

    Anything else raises ValueError, which WTForms shows as the field's invalid choice.
    """
    if value in ("", None):
        return None
    return int(value)


def date_field(label, **field_options) -> DateField:
    """A calendar date as a date input sends it (2030-12-24), or as a Dane types it."""
    return DateField(
        label,
        format=["%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y"],
        invalid_value_message=_l("Skriv en dato, fx 24-12-2030."),
        **field_options,
    )


def required(message, maximum: int) -> list:
    """The validators of a text that must be written, within `maximum` characters."""
    return [DataRequired(message), max_length(maximum)]


def one_of(label, members: Iterable, required_message, **field_options) -> RadioField:
    """Radio buttons for one of the enum members, each shown by its label; one must be chosen."""
    return RadioField(
        label,
        choices=options((member.value, member.label) for member in members),
        validators=[DataRequired(required_message)],
        **choice_messages(),
        **field_options,
    )


def score_field(label, lowest: int, highest: int, required_message) -> RadioField:
    """A whole-number score from lowest to highest as radio buttons; one must be chosen."""
    return RadioField(
        label,
        coerce=int,
        choices=options((n, str(n)) for n in range(lowest, highest + 1)),
        validators=[DataRequired(required_message)],
        **choice_messages(),
    )


class WholeNumberField(IntegerField):
    """An IntegerField that says in Danish when the input is not a whole number."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(str(_l("Skriv et helt tal."))) from None


class CheckboxListField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()
