"""The form that starts or changes a call for proposals."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateTimeLocalField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Optional, ValidationError

from cocreate.calls.dates import local_moment, local_time
from cocreate.calls.models import CALL_INTRO_MAX, CALL_TITLE_MAX, Call
from cocreate.calls.permissions import can_create_call
from cocreate.core.forms import (
    CheckboxListField,
    choice_messages,
    date_field,
    optional_id,
    options,
    required,
)
from cocreate.strategy.forms import theme_groups
from cocreate.strategy.queries import all_departments

MOMENT_FORMAT = "%Y-%m-%dT%H:%M"


class LocalMomentField(DateTimeLocalField):
    """A date and time in the municipality's local time, kept as the moment it stands for."""

    def __init__(self, label, **kwargs):
        super().__init__(
            label,
            format=MOMENT_FORMAT,
            validators=[InputRequired(_l("Vælg dato og klokkeslæt."))],
            **kwargs,
        )

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None
            raise ValueError(_l("Skriv dato og klokkeslæt som 01-03-2027 12:00.")) from None

    def pre_validate(self, form):
        if self.data is not None and local_moment(self.data) is None:
            raise ValidationError(
                _l("Klokkeslættet findes ikke den dag, eller året er for langt væk.")
            )

    @property
    def moment(self):
        return local_moment(self.data) if self.data is not None else None


class CallForm(FlaskForm):
    title = StringField(
        _l("Titel"),
        validators=required(_l("Skriv en titel."), CALL_TITLE_MAX),
        description=_l("Spørgsmålet, I stiller borgerne, fx “Hvordan gør vi skolevejen tryg?”"),
    )
    intro = TextAreaField(
        _l("Introduktion"),
        validators=required(_l("Skriv en introduktion."), CALL_INTRO_MAX),
        description=_l(
            "Hvad I vil vide, hvorfor, og hvad der sker med forslagene. Du kan bruge Markdown."
        ),
    )
    theme_ids = CheckboxListField(
        _l("Temaer"), coerce=int, **choice_messages(), description=_l("Vælg mindst ét tema.")
    )
    department_id = SelectField(
        _l("Ansvarlig forvaltning"),
        coerce=optional_id,
        **choice_messages(),
        description=_l("Forvaltningen får forslagene og svarer på dem."),
    )
    opens_at = LocalMomentField(_l("Åbner"), description=_l("Dansk tid."))
    closes_at = LocalMomentField(
        _l("Lukker"), description=_l("Dansk tid. Forslag skal være sendt inden da.")
    )
    answers_by = date_field(
        _l("Svar senest"),
        validators=[Optional()],
        description=_l("Valgfrit: den dag, I lover borgerne et svar."),
    )
    save_draft = SubmitField(_l("Gem som kladde"))
    publish = SubmitField(_l("Offentliggør"))

    def __init__(self, *args, actor=None, call: Call | None = None, **kwargs):
        if call is not None and not kwargs.get("formdata"):
            kwargs.setdefault(
                "data",
                {
                    "title": call.title,
                    "intro": call.intro,
                    "theme_ids": call.theme_ids,
                    "department_id": call.department_id,
                    "opens_at": local_time(call.opens_at),
                    "closes_at": local_time(call.closes_at),
                    "answers_by": call.answers_by,
                },
            )
        super().__init__(*args, **kwargs)
        self.theme_groups = theme_groups()
        self.theme_ids.choices = options(
            choice for _, group in self.theme_groups for choice in group
        )
        departments = [d for d in all_departments() if can_create_call(actor, d)]
        self.department_id.choices = options(
            [("", _l("Vælg forvaltning")), *((d.id, d.display_name) for d in departments)]
        )

    def content(self) -> dict:
        """The validated fields as the services take them."""
        return {
            "title": self.title.data,
            "intro": self.intro.data,
            "theme_ids": list(self.theme_ids.data or []),
            "department_id": self.department_id.data,
            "opens_at": self.opens_at.moment,
            "closes_at": self.closes_at.moment,
            "answers_by": self.answers_by.data,
        }
