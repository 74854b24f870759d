"""The form for rating the answer to a proposal."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField
from wtforms.validators import DataRequired, Optional

from cocreate.core.forms import choice_messages, max_length, options
from cocreate.proposals.models import RATING_COMMENT_MAX
from cocreate.proposals.models.rating import SCORE_MAX, SCORE_MIN


def _score(label) -> RadioField:
    return RadioField(
        label,
        coerce=int,
        choices=options((n, str(n)) for n in range(SCORE_MIN, SCORE_MAX + 1)),
        validators=[DataRequired(_l("Vælg et tal fra 1 til 5."))],
        **choice_messages(),
    )


class RatingForm(FlaskForm):
    answer_score = _score(_l("Hvor tilfreds er du med svaret?"))
    process_score = _score(_l("Hvor tilfreds er du med, hvordan dit forslag blev behandlet?"))
    comment = TextAreaField(
        _l("Kommentar til forvaltningen"),
        validators=[Optional(), max_length(RATING_COMMENT_MAX)],
        description=_l("Kun forvaltningen ser din kommentar. Den vises ikke offentligt."),
    )

    def rating(self) -> dict:
        """The rating as rate_answer takes it."""
        return {
            "answer_score": self.answer_score.data,
            "process_score": self.process_score.data,
            "comment": self.comment.data or "",
        }
