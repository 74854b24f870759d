"""Following up an accepted proposal: addMilestone, updateMilestone, createProgressUpdate.

The follow-up itself (milestones, progress, updates in the history) is part of getProposal.
"""

from dataclasses import replace

from flask import jsonify

from cocreate.api import bp
from cocreate.api.inputs import ID_MAX, Body, IsoDate, Text, read_body, read_changes
from cocreate.api.proposals import PROPOSAL_PATH, acting_on
from cocreate.api.serializers import milestone_data, progress_update_data
from cocreate.core.types import local_today
from cocreate.departments.followup import add_milestone, create_progress_update, update_milestone
from cocreate.departments.followup_queries import milestone_of
from cocreate.departments.models import (
    MILESTONE_DESCRIPTION_MAX,
    MILESTONE_TITLE_MAX,
    PROGRESS_TEXT_MAX,
)
from cocreate.extensions import db

MILESTONE_PATH = f"{PROPOSAL_PATH}/milestones/<int(max={ID_MAX}):milestone_id>"

NEW_MILESTONE = Body(
    Text("title", max_length=MILESTONE_TITLE_MAX),
    Text(
        "description",
        required=False,
        default="",
        blank=True,
        max_length=MILESTONE_DESCRIPTION_MAX,
        description="Plain text, shown escaped.",
    ),
    IsoDate("planned_on", description="The day it is planned for, within ten years of today."),
)
# The same fields, each one left out to leave it as it is, and the day it was reached.
MILESTONE_CHANGES = Body(
    *(replace(field, required=False, default=None) for field in NEW_MILESTONE.fields),
    IsoDate(
        "done_on",
        required=False,
        nullable=True,
        description="The day it was reached: today at the latest, within ten years; "
        "null undoes it.",
    ),
)
NEW_PROGRESS_UPDATE = Body(
    Text(
        "text",
        max_length=PROGRESS_TEXT_MAX,
        description="Markdown; HTML in it is shown as text. Public, and told to the "
        "proposal's authors and followers.",
    ),
)


@bp.post(f"{PROPOSAL_PATH}/milestones")
def add_milestone_view(proposal_id: int):
    """Plan a step in carrying out an accepted proposal (addMilestone)."""
    actor, proposal = acting_on(proposal_id)
    milestone = add_milestone(proposal, actor, **read_body(NEW_MILESTONE))
    db.session.commit()
    return jsonify(milestone_data(milestone, local_today())), 201


@bp.patch(MILESTONE_PATH)
def update_milestone_view(proposal_id: int, milestone_id: int):
    """Change a milestone, or record it reached or not (updateMilestone)."""
    actor, proposal = acting_on(proposal_id)
    milestone = milestone_of(proposal, milestone_id)
    update_milestone(proposal, milestone, actor, **read_changes(MILESTONE_CHANGES))
    db.session.commit()
    return jsonify(milestone_data(milestone, local_today()))


@bp.post(f"{PROPOSAL_PATH}/updates")
def create_progress_update_view(proposal_id: int):
    """Tell the public how an accepted proposal is going (createProgressUpdate)."""
    actor, proposal = acting_on(proposal_id)
    update = create_progress_update(proposal, actor, **read_body(NEW_PROGRESS_UPDATE))
    db.session.commit()
    return jsonify(progress_update_data(update)), 201
