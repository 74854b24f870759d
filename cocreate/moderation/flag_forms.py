"""Forms for settling reported comments and for hiding a proposal."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SubmitField, TextAreaField
from wtforms.validators import DataRequired

from cocreate.core.forms import max_length
from cocreate.moderation.flags import MODERATION_NOTE_MAX
from cocreate.moderation.hiding import HIDDEN_REASON_MAX


class FlagDecisionForm(FlaskForm):
    note = TextAreaField(
        _l("Begrundelse til forfatteren"),
        validators=[max_length(MODERATION_NOTE_MAX)],
        description=_l("Forfatteren ser begrundelsen. Skal udfyldes, når du fjerner kommentaren."),
    )
    restore = SubmitField(_l("Vis kommentaren igen"))
    remove = SubmitField(_l("Fjern kommentaren"))


class HideProposalForm(FlaskForm):
    reason = TextAreaField(
        _l("Begrundelse"),
        validators=[
            DataRequired(_l("Skriv, hvorfor forslaget skjules.")),
            max_length(HIDDEN_REASON_MAX),
        ],
        description=_l("Forfatteren og kommunens medarbejdere ser begrundelsen."),
    )
