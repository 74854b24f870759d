"""The moderation queue and moderators' decisions (getModerationQueue, decideProposal)."""

from flask import jsonify, request
from flask_babel import gettext as _

from cocreate.api import bp
from cocreate.api.auth import require_account
from cocreate.api.inputs import Body, Choice, DepartmentId, Integer, Text, read_body, refuse_if
from cocreate.api.proposals import (
    PROPOSAL_PATH,
    acting_on,
    changed_proposal,
    read_paging,
)
from cocreate.api.serializers import page_data, proposal_summary
from cocreate.core.errors import PermissionDenied
from cocreate.core.pagination import paginate
from cocreate.moderation.models import Decision, RejectionReason
from cocreate.moderation.permissions import can_moderate
from cocreate.moderation.services import NOTE_MAX, decide_proposal, moderation_queue

DECISION = Body(
    Choice("decision", choices=Decision),
    Choice(
        "reason",
        choices=RejectionReason,
        required=False,
        nullable=True,
        description="Required when rejecting; ignored otherwise.",
    ),
    Text(
        "note",
        required=False,
        default="",
        blank=True,
        max_length=NOTE_MAX,
        description="To the author; required when requesting changes.",
    ),
    DepartmentId(
        "department_id",
        required=False,
        nullable=True,
        description="Where an approved proposal goes; default the owner of its first theme.",
    ),
    Integer(
        "original_id",
        required=False,
        nullable=True,
        description="Required when rejecting as a duplicate: the public proposal it repeats,"
        " which its author is then shown; ignored otherwise.",
    ),
)


@bp.get("/moderation/queue")
def get_moderation_queue():
    """List the proposals waiting for a decision, oldest first (getModerationQueue)."""
    moderator = require_account()
    if not can_moderate(moderator):
        raise PermissionDenied(_("Kun moderatorer kan se køen."))
    errors = {}
    page, per_page = read_paging(request.args, errors)
    refuse_if(errors)
    return jsonify(page_data(paginate(moderation_queue(), page, per_page), proposal_summary))


@bp.post(f"{PROPOSAL_PATH}/moderation")
def decide_proposal_view(proposal_id: int):
    """Approve, ask for changes or reject a submitted proposal (decideProposal)."""
    moderator, proposal = acting_on(proposal_id)
    values = read_body(DECISION)
    decide_proposal(
        proposal,
        moderator,
        decision=values["decision"],
        reason=values["reason"],
        note=values["note"],
        department=values["department_id"],
        original_id=values["original_id"],
    )
    return changed_proposal(proposal_id, moderator)
