"""The form for registering an association or a business."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField, TextAreaField

from cocreate.accounts.models import OrganisationKind
from cocreate.core.forms import max_length, one_of, required
from cocreate.organisations.services import DESCRIPTION_MAX
from cocreate.organisations.services import NAME_MAX as ORG_NAME_MAX

# A CVR number as people type it, with spaces between groups of digits.
CVR_INPUT_MAX = 20


class OrganisationForm(FlaskForm):
    kind = one_of(_l("Type"), OrganisationKind, _l("Vælg forening eller virksomhed."))
    name = StringField(
        _l("Navn"),
        validators=required(_l("Skriv organisationens navn."), ORG_NAME_MAX),
    )
    cvr = StringField(
        _l("CVR-nummer"),
        validators=[max_length(CVR_INPUT_MAX)],
        description=_l("Kun for virksomheder: de 8 cifre, fx 12345674."),
    )
    description = TextAreaField(
        _l("Kort beskrivelse"),
        validators=[max_length(DESCRIPTION_MAX)],
        description=_l("Hvad laver organisationen? Vises på organisationens side."),
    )
    submit = SubmitField(_l("Registrér organisationen"))

    def details(self) -> dict:
        """The validated fields as register_organisation takes them."""
        return {
            "kind": OrganisationKind(self.kind.data),
            "name": self.name.data,
            "cvr": self.cvr.data or "",
            "description": self.description.data or "",
        }
