"""The form for rating the answer to a proposal."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField
from wtforms.validators import Optional

from cocreate.core.forms import max_length, score_field
from cocreate.proposals.models import RATING_COMMENT_MAX
from cocreate.proposals.models.rating import SCORE_MAX, SCORE_MIN


def _score(label) -> RadioField:
    return score_field(label, SCORE_MIN, SCORE_MAX, _l("Vælg et tal fra 1 til 5."))


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
