"""The moderation queue and moderators' decisions (getModerationQueue, decideProposal)."""

from flask import jsonify, request
from flask_babel import gettext as _

from cocreate.api import bp
from cocreate.api.auth import require_account
from cocreate.api.departments import find_department
from cocreate.api.inputs import Body, Choice, Integer, Text, json_body, refuse_if
from cocreate.api.proposals import (
    PROPOSAL_PATH,
    proposal_response,
    read_paging,
)
from cocreate.api.serializers import page_data, proposal_summary
from cocreate.core.errors import PermissionDenied
from cocreate.core.pagination import paginate
from cocreate.extensions import db
from cocreate.moderation.models import Decision, RejectionReason
from cocreate.moderation.permissions import can_moderate
from cocreate.moderation.services import NOTE_MAX, decide_proposal, moderation_queue
from cocreate.proposals.queries import visible_proposal

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
    Integer(
        "department_id",
        required=False,
        nullable=True,
        description="Where an approved proposal goes; default the owner of its first theme.",
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
    moderator = require_account()
    proposal = visible_proposal(proposal_id, moderator)
    values, errors = DECISION.read(json_body())
    department = find_department(values, errors)
    refuse_if(errors)
    decide_proposal(
        proposal,
        moderator,
        decision=values["decision"],
        reason=values["reason"],
        note=values["note"],
        department=department,
    )
    db.session.commit()
    return proposal_response(proposal_id, moderator)
