"""Forms for settling reported comments and for hiding a proposal."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SubmitField, TextAreaField

from cocreate.core.forms import max_length, required
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
        validators=required(_l("Skriv, hvorfor forslaget skjules."), HIDDEN_REASON_MAX),
        description=_l("Forfatteren og kommunens medarbejdere ser begrundelsen."),
    )
