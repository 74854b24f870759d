"""Routing and transferring proposals, acknowledging them, and a department's SLA settings.

The answers themselves are in answers.py.
"""

from datetime import timedelta

from flask_babel import gettext as _

from cocreate.core.audit import record_audit
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.core.sanitize import render_markdown
from cocreate.core.types import utcnow
from cocreate.core.validation import check_text
from cocreate.departments import notices, permissions
from cocreate.extensions import db
from cocreate.proposals.lifecycle import Action, flush_proposal, transition
from cocreate.proposals.models import (
    RESPONSE_TEXT_MAX,
    ROUTING_REASON_MAX,
    Outcome,
    Response,
    Routing,
)
from cocreate.proposals.permissions import is_staff_of_owner
from cocreate.strategy.models import Department

SLA_DAYS_MAX = 365


def route_proposal(proposal, department: Department, actor, reason: str = "") -> Routing:
    """Give the proposal to a department, start its SLA clock and keep the move.

    A transfer gives the new department its own time to acknowledge, but keeps the
    answer deadline the citizen was promised: a move between departments must not
    make the citizen wait longer, nor hide that the answer is late.
    """
    now = utcnow()
    routing = Routing(
        proposal_id=proposal.id,
        from_department_id=proposal.department_id,
        to_department=department,
        actor=actor,
        reason=reason,
        created_at=now,
    )
    before = {"department_id": proposal.department_id}
    proposal.department = department
    proposal.routed_at = now
    proposal.acknowledge_due_at = now + timedelta(days=department.sla_acknowledge_days)
    if proposal.answer_due_at is None:
        proposal.answer_due_at = now + timedelta(days=department.sla_answer_days)
    proposal.routings.append(routing)
    flush_proposal()
    notices.announce_routing(proposal, routing, actor)
    record_audit(
        actor,
        "proposal.routed",
        proposal,
        before,
        {"department_id": department.id, "reason": reason},
    )
    return routing


def require_owner_staff(proposal, actor) -> None:
    """Refuse anyone but staff of the department that has the proposal."""
    if not is_staff_of_owner(actor, proposal):
        raise PermissionDenied(_("Kun den ansvarlige forvaltning kan behandle forslaget."))


def transfer_proposal(proposal, department: Department | None, actor, reason: str) -> Routing:
    """Move the proposal to another department, with a reason the citizen sees."""
    require_owner_staff(proposal, actor)
    if not permissions.can_handle_proposal(actor, proposal):
        raise TransitionNotAllowed(
            _(
                "Forslaget har status «%(status)s» og kan ikke overdrages.",
                status=proposal.status.label,
            )
        )
    errors = {}
    if department is None:
        errors["department_id"] = _("Vælg den forvaltning, der skal have forslaget.")
    elif department.id == proposal.department_id:
        errors["department_id"] = _(
            "Forslaget ligger allerede hos %(name)s.", name=department.display_name
        )
    try:
        check_text(reason=(reason, ROUTING_REASON_MAX))
    except ValidationFailed as error:
        errors.update(error.fields)
    if errors:
        raise ValidationFailed(_("Forslaget blev ikke overdraget."), errors)
    return route_proposal(proposal, department, actor, reason.strip())


def check_message(text: str, *, required: bool) -> None:
    """Refuse a missing (if required) or overlong text to the citizen, by the field `text`."""
    if required or (text or "").strip():
        check_text(text=(text, RESPONSE_TEXT_MAX))


def new_response(proposal, actor, outcome: Outcome, text: str, when=None) -> Response:
    """A response from the owning department, its Markdown made safe HTML once, now."""
    response = Response(
        proposal_id=proposal.id,
        department_id=proposal.department_id,
        author=actor,
        outcome=outcome,
        text=text.strip(),
        text_html=render_markdown(text.strip()),
        created_at=when or utcnow(),
    )
    proposal.responses.append(response)
    return response


# A step a department takes on its own, with an optional public message saying more: the
# action, the outcome the message is kept as, the kind of notice, and the audit's name.
ACKNOWLEDGING = (Action.ACKNOWLEDGE, Outcome.UNDER_REVIEW, "acknowledged")
IMPLEMENTING = (Action.IMPLEMENT, Outcome.IMPLEMENTED, "implemented")


def take_step(proposal, actor, step: tuple, message: str = ""):
    """Take the step and keep its message, if any, as a response the history shows and the
    mail quotes; tell the authors and followers."""
    action, outcome, done = step
    require_owner_staff(proposal, actor)
    check_message(message, required=False)
    change = transition(proposal, action, actor)
    response = None
    if message.strip():
        response = new_response(proposal, actor, outcome, message, change.created_at)
        flush_proposal()
    notices.announce_step(proposal, change, actor, response)
    record_audit(
        actor,
        f"proposal.{done}",
        proposal,
        {"status": change.from_status.value},
        {"status": change.to_status.value, "message": response is not None},
    )
    return change, response


def acknowledge_proposal(proposal, actor, message: str = ""):
    """Tell the citizen the department has started, optionally with a message to them
    ("we expect to answer by 1 March")."""
    change, _response = take_step(proposal, actor, ACKNOWLEDGING, message)
    return change


def update_sla(
    department: Department,
    actor,
    *,
    acknowledge_days: int,
    answer_days: int,
    after_window_days: int | None = None,
) -> None:
    """Change how many days the department has to acknowledge, to answer, and to give the
    final answer after a preliminary answer's comment window has closed."""
    if not permissions.can_manage_sla(actor, department):
        raise PermissionDenied(_("Du kan ikke ændre denne forvaltnings svarfrister."))
    if after_window_days is None:
        after_window_days = department.sla_after_window_days
    errors = {}
    if not 1 <= acknowledge_days <= answer_days <= SLA_DAYS_MAX:
        errors["answer_days"] = _(
            "Fristerne skal være mellem 1 og 365 dage, og svarfristen mindst kvitteringsfristen."
        )
    if not 1 <= after_window_days <= SLA_DAYS_MAX:
        errors["after_window_days"] = _("Skriv et tal fra 1 til 365.")
    if errors:
        raise ValidationFailed(next(iter(errors.values())), errors)
    before = _sla_of(department)
    department.sla_acknowledge_days = acknowledge_days
    department.sla_answer_days = answer_days
    department.sla_after_window_days = after_window_days
    db.session.flush()
    record_audit(actor, "department.sla_changed", department, before, _sla_of(department))


def _sla_of(department: Department) -> dict:
    return {
        "acknowledge_days": department.sla_acknowledge_days,
        "answer_days": department.sla_answer_days,
        "after_window_days": department.sla_after_window_days,
    }
