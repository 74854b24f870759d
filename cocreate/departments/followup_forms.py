"""Forms of the follow-up on the proposal's page: a milestone, a change to one, an update."""

from flask_babel import lazy_gettext as _l
from wtforms import StringField, TextAreaField
from wtforms.validators import Optional

from cocreate.core.forms import date_field, max_length, required
from cocreate.departments.forms import PrefixedForm
from cocreate.departments.models import (
    MILESTONE_DESCRIPTION_MAX,
    MILESTONE_TITLE_MAX,
    PROGRESS_TEXT_MAX,
)


class MilestoneForm(PrefixedForm):
    form_prefix = "milestone"

    title = StringField(
        _l("Milepæl"),
        validators=required(_l("Skriv, hvad milepælen er."), MILESTONE_TITLE_MAX),
        description=_l("Fx «Cykelstien er anlagt»."),
    )
    description = TextAreaField(
        _l("Beskrivelse"),
        validators=[max_length(MILESTONE_DESCRIPTION_MAX)],
        description=_l("Vises offentligt som almindelig tekst."),
    )
    planned_on = date_field(_l("Planlagt dato"))

    def milestone(self) -> dict:
        """The milestone as the services take it."""
        return {
            "title": self.title.data,
            "description": self.description.data or "",
            "planned_on": self.planned_on.data,
        }


class MilestoneEditForm(MilestoneForm):
    """A milestone as it stands, to change; each has its own prefix on the page."""

    done_on = date_field(
        _l("Nået den"),
        validators=[Optional()],
        description=_l("Tom, hvis milepælen ikke er nået endnu."),
    )

    def __init__(self, *args, milestone, **kwargs):
        kwargs.setdefault("prefix", f"milestone-{milestone.id}")
        super().__init__(*args, obj=milestone, **kwargs)

    def milestone(self) -> dict:
        return super().milestone() | {"done_on": self.done_on.data}


class ProgressUpdateForm(PrefixedForm):
    form_prefix = "update"

    text = TextAreaField(
        _l("Statusopdatering"),
        validators=required(_l("Skriv, hvordan det går."), PROGRESS_TEXT_MAX),
        description=_l("Opdateringen er offentlig, og du kan bruge Markdown."),
    )
