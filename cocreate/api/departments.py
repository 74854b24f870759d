"""Departments, and what their staff do with a proposal (transfer, respond)."""

from flask import jsonify

from cocreate.api import bp
from cocreate.api.inputs import (
    Body,
    Choice,
    DepartmentId,
    Flag,
    Month,
    Text,
    WholeNumber,
    read_body,
)
from cocreate.api.proposals import PROPOSAL_PATH, acting_on, changed_proposal
from cocreate.api.serializers import department_data
from cocreate.departments.answers import respond_to_proposal
from cocreate.departments.services import transfer_proposal
from cocreate.proposals.models import (
    COST_ESTIMATE_MAX,
    PLANNED_FIRST_YEAR,
    PLANNED_YEARS_AHEAD,
    RESPONSE_TEXT_MAX,
    ROUTING_REASON_MAX,
    Outcome,
)
from cocreate.strategy.queries import all_departments

TRANSFER = Body(
    DepartmentId("department_id", description="The department that takes the proposal over."),
    Text("reason", max_length=ROUTING_REASON_MAX, description="Shown to the citizen."),
)
PERIOD_RULES = (
    "Give both or neither, the last not before the first, from January "
    f"{PLANNED_FIRST_YEAR} to December of the year {PLANNED_YEARS_AHEAD} years from now; only "
    "with accepted or partially_accepted (preliminary or final)."
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
    WholeNumber(
        "cost_estimate",
        required=False,
        nullable=True,
        minimum=0,
        maximum=COST_ESTIMATE_MAX,
        description="The estimated cost in whole DKK. Only with accepted or "
        "partially_accepted (preliminary or final).",
    ),
    Month(
        "planned_from",
        required=False,
        nullable=True,
        description=f"The first month of the planned period. {PERIOD_RULES}",
    ),
    Month(
        "planned_to",
        required=False,
        nullable=True,
        description=f"The last month of the planned period. {PERIOD_RULES}",
    ),
)


@bp.get("/departments")
def list_departments():
    """List every department (listDepartments)."""
    return jsonify({"items": [department_data(department) for department in all_departments()]})


@bp.post(f"{PROPOSAL_PATH}/transfer")
def transfer_proposal_view(proposal_id: int):
    """Move a proposal to another department, with a reason (transferProposal)."""
    actor, proposal = acting_on(proposal_id)
    values = read_body(TRANSFER)
    transfer_proposal(proposal, values["department_id"], actor, values["reason"])
    return changed_proposal(proposal_id, actor)


@bp.post(f"{PROPOSAL_PATH}/responses")
def respond_to_proposal_view(proposal_id: int):
    """Publish the owning department's answer (respondToProposal)."""
    actor, proposal = acting_on(proposal_id)
    respond_to_proposal(proposal, actor, **read_body(RESPONSE))
    return changed_proposal(proposal_id, actor)
