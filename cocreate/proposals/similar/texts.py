"""The words the proposal form's script needs to show similar proposals in the page's language."""

from flask_babel import gettext as _

from cocreate.proposals.lifecycle import PUBLIC_STATUSES
from cocreate.proposals.models.response import Outcome


def similar_texts() -> dict:
    """Labels of states and outcomes, and the sentences around them, for js/similar.js."""
    return {
        "statuses": {status.value: str(status.label) for status in PUBLIC_STATUSES},
        "tones": {status.value: status.tone or "" for status in PUBLIC_STATUSES},
        "outcomes": {outcome.value: str(outcome.label) for outcome in Outcome},
        "preliminary": _("Foreløbigt svar"),
        "answer": _("Svar: %(outcome)s"),
        "supports": [_("%(num)s støtte"), _("%(num)s støtter")],
        "new_window": _("(åbner i et nyt vindue)"),
        "found": _("Der er lignende forslag under titlen."),
        "none": _("Ingen lignende forslag fundet."),
    }
