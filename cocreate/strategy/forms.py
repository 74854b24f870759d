"""The admin's forms for strategies, themes and departments: each name in Danish, and in
English if the admin writes it."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import BooleanField, EmailField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Optional

from cocreate.core.forms import WholeNumberField, choice_messages, max_length, options, required
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
from cocreate.strategy.queries import all_departments, all_strategies

ENGLISH_HINT = _l("Vises på siderne på engelsk. Står feltet tomt, vises den danske tekst.")
SLUG_HINT = _l(
    "Bruges i sidernes adresser og kan ikke ændres senere. Laves af navnet, hvis feltet står tomt."
)


def _english(label, maximum: int, field=StringField):
    return field(label, validators=[Optional(), max_length(maximum)], description=ENGLISH_HINT)


def _description(label, english_label):
    return (
        TextAreaField(label, validators=[Optional(), max_length(DESCRIPTION_MAX)]),
        _english(english_label, DESCRIPTION_MAX, TextAreaField),
    )


def _address_name():
    """The slug, last on the form; shown only on a new one, as a slug is chosen once."""
    return StringField(
        _l("Adressenavn"), validators=[Optional(), max_length(SLUG_MAX)], description=SLUG_HINT
    )


class _Written(FlaskForm):
    """What every such form hands its service: the fields by name, without the buttons."""

    submit = SubmitField(_l("Gem"))

    def __init__(self, *args, new: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not new:
            del self.slug

    def values(self) -> dict:
        return {
            name: field.data
            for name, field in self._fields.items()
            if name not in ("submit", "csrf_token")
        }


class StrategyForm(_Written):
    title = StringField(
        _l("Navn på dansk"), validators=required(_l("Skriv strategiens navn."), TITLE_MAX)
    )
    title_en = _english(_l("Navn på engelsk"), TITLE_MAX)
    period = StringField(
        _l("Periode"),
        validators=[Optional(), max_length(PERIOD_MAX)],
        description=_l("Fx 2024–2027."),
    )
    description, description_en = _description(
        _l("Beskrivelse på dansk"), _l("Beskrivelse på engelsk")
    )
    slug = _address_name()


class DepartmentForm(_Written):
    name = StringField(
        _l("Navn på dansk"), validators=required(_l("Skriv forvaltningens navn."), NAME_MAX)
    )
    name_en = _english(_l("Navn på engelsk"), NAME_MAX)
    description, description_en = _description(
        _l("Beskrivelse på dansk"), _l("Beskrivelse på engelsk")
    )
    slug = _address_name()


class ThemeForm(_Written):
    strategy_id = SelectField(
        _l("Strategi"),
        coerce=int,
        validators=[DataRequired(_l("Vælg en strategi."))],
        **choice_messages(),
    )
    title = StringField(
        _l("Navn på dansk"), validators=required(_l("Skriv temaets navn."), TITLE_MAX)
    )
    title_en = _english(_l("Navn på engelsk"), TITLE_MAX)
    description, description_en = _description(
        _l("Beskrivelse på dansk"), _l("Beskrivelse på engelsk")
    )
    department_id = SelectField(
        _l("Ansvarlig forvaltning"),
        coerce=int,
        validators=[DataRequired(_l("Vælg en forvaltning."))],
        description=_l(
            "Forvaltningen får som udgangspunkt de forslag, der har temaet som hovedtema. "
            "Forslag, der allerede er fordelt, bliver, hvor de er."
        ),
        **choice_messages(),
    )
    position = WholeNumberField(
        _l("Plads i rækkefølgen"),
        validators=[Optional()],
        description=_l("Temaerne vises efter dette tal inden for strategien, mindste først."),
    )
    slug = _address_name()

    def __init__(self, *args, new: bool, **kwargs):
        super().__init__(*args, new=new, **kwargs)
        choose = [(0, _l("Vælg"))]
        self.strategy_id.choices = options(
            [*choose, *((s.id, s.display_title) for s in all_strategies())]
        )
        self.department_id.choices = options(
            [*choose, *((d.id, d.display_name) for d in all_departments())]
        )
        if new:
            # A new theme is placed last in its strategy.
            del self.position


class StaffForm(FlaskForm):
    email = EmailField(
        _l("E-mailadresse"), validators=[DataRequired(_l("Skriv personens e-mailadresse."))]
    )
    is_head = BooleanField(_l("Leder af forvaltningen"))
    submit = SubmitField(_l("Tilføj til forvaltningen"))


def theme_groups() -> list[tuple[str, list[tuple[int, str]]]]:
    """Every theme as (id, "title (its department)"), grouped under its strategy as
    "title, period", in the strategies' order."""
    rows = db.session.execute(
        select(
            Theme.id,
            Theme.display_title,
            Department.display_name,
            Strategy.display_title,
            Strategy.period,
        )
        .join(Strategy, Theme.strategy_id == Strategy.id)
        .join(Department, Theme.department_id == Department.id)
        .order_by(Strategy.id, Theme.position, Theme.id)
    )
    groups: dict[str, list[tuple[int, str]]] = {}
    for theme_id, theme, department, strategy, period in rows:
        # A strategy named by its year needs no period after it ("Ledetråd 2015").
        dated = period and period not in strategy
        heading = (
            str(_l("%(title)s, %(period)s", title=strategy, period=period)) if dated else strategy
        )
        label = str(_l("%(theme)s (%(department)s)", theme=theme, department=department))
        groups.setdefault(heading, []).append((theme_id, label))
    return list(groups.items())
