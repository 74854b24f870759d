"""Forms for the panel: seats, requests for review, reviews and declared conflicts."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import RadioField, SelectField, StringField, TextAreaField

from cocreate.accounts.forms import EMAIL_MAX
from cocreate.accounts.models import Organisation
from cocreate.core.forms import (
    choice_messages,
    date_field,
    one_of,
    options,
    required,
    score_field,
)
from cocreate.extensions import db
from cocreate.panel.models import (
    CONFLICT_REASON_MAX,
    CRITERION_LABELS,
    REVIEW_COMMENT_MAX,
    SCORE_CRITERIA,
    SCORE_MAX,
    SCORE_MIN,
    Recommendation,
    SeatType,
)

NO_ORGANISATION = 0


class SeatFields(FlaskForm):
    """The seat type and, for associations and businesses, the organisation represented."""

    seat_type = one_of(_l("Type plads"), SeatType, _l("Vælg en type plads."))
    organisation_id = SelectField(
        _l("Organisation"),
        coerce=int,
        **choice_messages(),
        description=_l(
            "Den forening eller virksomhed, som en plads for foreninger eller "
            "erhvervsliv repræsenterer."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        rows = db.session.execute(
            select(Organisation.id, Organisation.name).order_by(Organisation.name)
        )
        self.organisation_id.choices = options(
            [(NO_ORGANISATION, _l("Ingen")), *((row.id, row.name) for row in rows)]
        )

    def seat(self) -> dict:
        """The seat as the services take it."""
        chosen = self.organisation_id.data
        return {
            "seat_type": self.seat_type.data,
            "organisation_id": chosen if chosen and chosen != NO_ORGANISATION else None,
        }


class MemberForm(SeatFields):
    email = StringField(
        _l("E-mailadresse"),
        validators=required(_l("Skriv en e-mailadresse."), EMAIL_MAX),
        description=_l("Personen skal have en konto i forvejen."),
    )


class SeatForm(SeatFields):
    """Change an existing member's seat; the prefix keeps ids apart from other forms."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "seat")
        super().__init__(*args, **kwargs)


class PanelRequestForm(FlaskForm):
    due_date = date_field(
        _l("Frist for aktørpanelets vurdering"), description=_l("Tidligst i dag.")
    )

    def __init__(self, *args, **kwargs):
        # The form shares the proposal page with others: the prefix keeps ids apart.
        kwargs.setdefault("prefix", "panel")
        super().__init__(*args, **kwargs)


def _score_field(name: str) -> RadioField:
    return score_field(
        CRITERION_LABELS[name], SCORE_MIN, SCORE_MAX, _l("Giv et point fra 1 til 5.")
    )


class ReviewForm(FlaskForm):
    value = _score_field("value")
    feasibility = _score_field("feasibility")
    cocreation = _score_field("cocreation")
    strategy_fit = _score_field("strategy_fit")
    recommendation = one_of(_l("Anbefaling"), Recommendation, _l("Vælg en anbefaling."))
    comment = TextAreaField(
        _l("Kommentar"),
        validators=required(_l("Skriv en kommentar."), REVIEW_COMMENT_MAX),
        description=_l("Begrund din vurdering. Kommentaren vises som almindelig tekst."),
    )

    def review(self) -> dict:
        """The review as create_panel_review takes it."""
        return {
            "scores": {name: getattr(self, name).data for name in SCORE_CRITERIA},
            "recommendation": self.recommendation.data,
            "comment": self.comment.data or "",
        }


class ConflictForm(FlaskForm):
    reason = TextAreaField(
        _l("Hvorfor er du inhabil?"),
        validators=required(_l("Skriv en begrundelse."), CONFLICT_REASON_MAX),
        description=_l("Fx at du kender forslagsstilleren godt eller har økonomiske interesser."),
    )
