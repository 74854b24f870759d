"""Forms for writing, editing and reporting comments."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, TextAreaField
from wtforms.validators import DataRequired, Optional

from cocreate.core.forms import choice_messages, optional_id, options, required
from cocreate.proposals.models import COMMENT_MAX, FlagReason


def _body_field(label) -> TextAreaField:
    return TextAreaField(
        label,
        validators=required(_l("Skriv din kommentar."), COMMENT_MAX),
        description=_l("Du kan bruge Markdown: **fed**, *kursiv*, lister og links."),
    )


class CommentForm(FlaskForm):
    """A comment or a reply, written for oneself or for one's organisation."""

    body = _body_field(_l("Kommentar"))
    organisation_id = SelectField(
        _l("Skriv som"),
        coerce=optional_id,
        validators=[Optional()],
        **choice_messages(),
    )

    def __init__(self, *args, author=None, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = list(organisations)
        yourself = _l("Dig selv") if author is None else author.name
        self.organisation_id.choices = options(
            [("", yourself), *((o.id, o.name) for o in self.organisations)]
        )

    def content(self) -> dict:
        """The validated fields as create_comment takes them."""
        return {"body": self.body.data, "organisation_id": self.organisation_id.data}


class EditCommentForm(FlaskForm):
    body = _body_field(_l("Kommentar"))


class FlagForm(FlaskForm):
    reason = SelectField(
        _l("Hvorfor anmelder du kommentaren?"),
        choices=options([("", _l("Vælg en grund")), *((r.value, r.label) for r in FlagReason)]),
        validators=[DataRequired(_l("Vælg en grund til anmeldelsen."))],
        **choice_messages(),
    )
