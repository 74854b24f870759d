"""Departments, and what their staff do with a proposal (transfer, respond)."""

from flask import jsonify
from flask_babel import gettext as _

from cocreate.api import bp
from cocreate.api.auth import require_account
from cocreate.api.inputs import Body, Choice, Flag, Integer, Text, json_body, refuse_if
from cocreate.api.proposals import PROPOSAL_PATH, proposal_response
from cocreate.api.serializers import department_data
from cocreate.departments.answers import respond_to_proposal
from cocreate.departments.services import transfer_proposal
from cocreate.extensions import db
from cocreate.proposals.models import RESPONSE_TEXT_MAX, ROUTING_REASON_MAX, Outcome
from cocreate.proposals.queries import visible_proposal
from cocreate.strategy.models import Department
from cocreate.strategy.queries import all_departments

TRANSFER = Body(
    Integer("department_id", description="The department that takes the proposal over."),
    Text("reason", max_length=ROUTING_REASON_MAX, description="Shown to the citizen."),
)
RESPONSE = Body(
    Choice("outcome", choices=Outcome),
    Text(
        "text",
        required=False,
        default="",
        blank=True,
        max_length=RESPONSE_TEXT_MAX,
        description="Markdown. Required for accepted, partially_accepted and declined; "
        "optional for under_review (a message to the citizen with the acknowledgement) "
        "and for implemented (what was done).",
    ),
    Flag(
        "preliminary",
        required=False,
        default=False,
        description="A preliminary answer (accepted, partially_accepted or declined) opens "
        "a window for citizens' comments.",
    ),
)


def find_department(values: dict, errors: dict, field: str = "department_id"):
    """Return the department named by values[field]; an unknown id is a field error."""
    department_id = values.get(field)
    if department_id is None:
        return None
    department = db.session.get(Department, department_id)
    if department is None:
        errors[field] = _("Ukendt forvaltning: %(id)s.", id=department_id)
    return department


@bp.get("/departments")
def list_departments():
    """List every department (listDepartments)."""
    return jsonify({"items": [department_data(department) for department in all_departments()]})


@bp.post(f"{PROPOSAL_PATH}/transfer")
def transfer_proposal_view(proposal_id: int):
    """Move a proposal to another department, with a reason (transferProposal)."""
    actor = require_account()
    proposal = visible_proposal(proposal_id, actor)
    values, errors = TRANSFER.read(json_body())
    department = find_department(values, errors)
    refuse_if(errors)
    transfer_proposal(proposal, department, actor, values["reason"])
    db.session.commit()
    return proposal_response(proposal_id, actor)


@bp.post(f"{PROPOSAL_PATH}/responses")
def respond_to_proposal_view(proposal_id: int):
    """Publish the owning department's answer (respondToProposal)."""
    actor = require_account()
    proposal = visible_proposal(proposal_id, actor)
    values, errors = RESPONSE.read(json_body())
    refuse_if(errors)
    respond_to_proposal(
        proposal,
        actor,
        outcome=values["outcome"],
        text=values["text"],
        preliminary=values["preliminary"],
    )
    db.session.commit()
    return proposal_response(proposal_id, actor)
