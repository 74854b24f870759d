"""Routing, acknowledging, transferring and answering proposals; SLA settings."""

from datetime import timedelta

from flask import current_app
from flask_babel import format_date
from flask_babel import gettext as _

from cocreate.core.audit import record_audit
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.core.sanitize import render_markdown
from cocreate.core.types import utcnow
from cocreate.core.validation import check_text
from cocreate.departments import permissions
from cocreate.extensions import db
from cocreate.notifications.events import announce
from cocreate.notifications.kinds import NotificationKind as Kind
from cocreate.proposals.lifecycle import Action, ProposalStatus, flush_proposal, transition
from cocreate.proposals.models import (
    RESPONSE_TEXT_MAX,
    ROUTING_REASON_MAX,
    Outcome,
    Response,
    Routing,
)
from cocreate.strategy.models import Department

ANSWER_ACTIONS = {
    Outcome.ACCEPTED: Action.ACCEPT,
    Outcome.PARTIALLY_ACCEPTED: Action.PARTIALLY_ACCEPT,
    Outcome.DECLINED: Action.DECLINE,
}


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
    _announce_routing(proposal, routing, actor)
    record_audit(
        actor,
        "proposal.routed",
        proposal,
        before,
        {"department_id": department.id, "reason": reason},
    )
    return routing


def _announce_routing(proposal, routing: Routing, actor) -> None:
    """The new department's staff hear of it; on a transfer, so do the authors."""
    source = f"routing:{routing.id}"
    department = routing.to_department
    announce(
        Kind.PROPOSAL_ROUTED,
        source,
        actor=actor,
        proposal=proposal,
        department_id=department.id,
        department=department.name,
        date=proposal.acknowledge_due_at.isoformat(),
    )
    if routing.from_department_id is not None:
        announce(
            Kind.PROPOSAL_TRANSFERRED,
            source,
            actor=actor,
            proposal=proposal,
            department=department.name,
            note=routing.reason,
        )


def _announce_status(kind: Kind, proposal, change, actor) -> None:
    announce(
        kind,
        f"status_change:{change.id}",
        actor=actor,
        proposal=proposal,
        department=proposal.department.name,
    )


def _require_handler(proposal, actor) -> None:
    if permissions.can_handle_proposal(actor, proposal):
        return
    if permissions.is_staff_of_owner(actor, proposal):
        raise TransitionNotAllowed(
            _(
                "Forslaget har status «%(status)s» og kan ikke behandles.",
                status=proposal.status.label,
            )
        )
    raise PermissionDenied(_("Kun den ansvarlige forvaltning kan behandle forslaget."))


def transfer_proposal(proposal, department: Department, actor, reason: str) -> Routing:
    """Move the proposal to another department, with a reason the citizen sees."""
    _require_handler(proposal, actor)
    if department.id == proposal.department_id:
        message = _("Forslaget ligger allerede hos %(name)s.", name=department.name)
        raise ValidationFailed(message, {"department_id": message})
    check_text(reason=(reason, ROUTING_REASON_MAX))
    return route_proposal(proposal, department, actor, reason.strip())


def acknowledge_proposal(proposal, actor):
    """Tell the citizen that the department has started on the proposal."""
    _require_handler(proposal, actor)
    change = transition(proposal, Action.ACKNOWLEDGE, actor)
    _announce_status(Kind.PROPOSAL_ACKNOWLEDGED, proposal, change, actor)
    record_audit(
        actor,
        "proposal.acknowledged",
        proposal,
        {"status": "published"},
        {"status": "under_review"},
    )
    return change


def _new_response(proposal, actor, outcome: Outcome, text: str, preliminary=False) -> Response:
    return Response(
        proposal_id=proposal.id,
        department_id=proposal.department_id,
        author=actor,
        outcome=outcome,
        text=text,
        text_html=render_markdown(text),
        preliminary=preliminary,
        created_at=utcnow(),
    )


def open_comment_window(proposal):
    """The preliminary answer whose comment window is open now, if there is one."""
    now = utcnow()
    for response in proposal.responses:
        if response.comment_window_open(now):
            return response
    return None


def respond_to_proposal(
    proposal, actor, *, outcome: Outcome, text: str, preliminary: bool
) -> Response:
    """Publish the department's answer; a preliminary one opens a window for comments."""
    if outcome == Outcome.UNDER_REVIEW:
        acknowledge_proposal(proposal, actor)
        return None
    if outcome == Outcome.IMPLEMENTED:
        return mark_implemented(proposal, actor, text)
    _require_handler(proposal, actor)
    check_text(text=(text, RESPONSE_TEXT_MAX))
    now = utcnow()
    response = _new_response(proposal, actor, outcome, text, preliminary=preliminary)
    before = {"status": proposal.status.value}
    if preliminary:
        days = current_app.config["COMMENT_WINDOW_DAYS"]
        response.comment_window_ends_at = response.created_at + timedelta(days=days)
        if proposal.status == ProposalStatus.PUBLISHED:
            transition(proposal, Action.ACKNOWLEDGE, actor)
    else:
        window = open_comment_window(proposal)
        if window is not None:
            raise TransitionNotAllowed(
                _(
                    "Borgerne kan kommentere det foreløbige svar indtil %(date)s. "
                    "Det endelige svar kan gives derefter.",
                    date=format_date(window.comment_window_ends_at, "long"),
                )
            )
        transition(proposal, ANSWER_ACTIONS[outcome], actor)
    proposal.responses.append(response)
    # Touching the proposal bumps its version, so a withdrawal racing this answer loses.
    proposal.updated_at = now
    flush_proposal()
    _announce_response(proposal, response, actor)
    record_audit(
        actor,
        "proposal.answered",
        proposal,
        before,
        {"status": proposal.status.value, "outcome": outcome.value, "preliminary": preliminary},
    )
    return response


def _announce_response(proposal, response: Response, actor) -> None:
    window_ends = response.comment_window_ends_at
    announce(
        Kind.PRELIMINARY_ANSWER if response.preliminary else Kind.FINAL_ANSWER,
        f"response:{response.id}",
        actor=actor,
        proposal=proposal,
        department=proposal.department.name,
        outcome=response.outcome.value,
        window_ends=window_ends.isoformat() if window_ends else "",
    )


def mark_implemented(proposal, actor, text: str = "") -> Response | None:
    """Record that an accepted proposal has been carried out."""
    if not permissions.can_mark_implemented(actor, proposal):
        if permissions.is_staff_of_owner(actor, proposal):
            raise TransitionNotAllowed(_("Kun imødekomne forslag kan markeres som gennemført."))
        raise PermissionDenied(_("Kun den ansvarlige forvaltning kan behandle forslaget."))
    if text.strip():
        check_text(text=(text, RESPONSE_TEXT_MAX))
    before = {"status": proposal.status.value}
    change = transition(proposal, Action.IMPLEMENT, actor)
    _announce_status(Kind.PROPOSAL_IMPLEMENTED, proposal, change, actor)
    response = None
    if text.strip():
        response = _new_response(proposal, actor, Outcome.IMPLEMENTED, text)
        proposal.responses.append(response)
    db.session.flush()
    record_audit(actor, "proposal.implemented", proposal, before, {"status": "implemented"})
    return response


def update_sla(department: Department, actor, *, acknowledge_days: int, answer_days: int) -> None:
    """Change how many days the department has to acknowledge and to answer."""
    if not permissions.can_manage_sla(actor, department):
        raise PermissionDenied(_("Du kan ikke ændre denne forvaltnings svarfrister."))
    if not 1 <= acknowledge_days <= answer_days <= 365:
        message = _(
            "Fristerne skal være mellem 1 og 365 dage, og svarfristen mindst kvitteringsfristen."
        )
        raise ValidationFailed(message, {"answer_days": message})
    before = {
        "acknowledge_days": department.sla_acknowledge_days,
        "answer_days": department.sla_answer_days,
    }
    department.sla_acknowledge_days = acknowledge_days
    department.sla_answer_days = answer_days
    db.session.flush()
    record_audit(
        actor,
        "department.sla_changed",
        department,
        before,
        {"acknowledge_days": acknowledge_days, "answer_days": answer_days},
    )
