"""The owning department's answers: preliminary, final, and that an accepted one was done."""

from datetime import timedelta

from flask import current_app
from flask_babel import format_date
from flask_babel import gettext as _

from cocreate.core.audit import record_audit
from cocreate.core.errors import TransitionNotAllowed, ValidationFailed
from cocreate.core.types import utcnow
from cocreate.departments import notices
from cocreate.departments.services import (
    IMPLEMENTING,
    acknowledge_proposal,
    check_message,
    new_response,
    require_owner_staff,
    take_step,
)
from cocreate.proposals.lifecycle import (
    Action,
    flush_proposal,
    is_allowed,
    require_allowed,
    transition,
)
from cocreate.proposals.models import Outcome, Response

ANSWER_ACTIONS = {
    Outcome.ACCEPTED: Action.ACCEPT,
    Outcome.PARTIALLY_ACCEPTED: Action.PARTIALLY_ACCEPT,
    Outcome.DECLINED: Action.DECLINE,
}


def _answer_errors(outcome: Outcome, text: str, preliminary: bool) -> dict[str, str]:
    """Every field that is wrong with an answer, at once."""
    errors = {}
    if preliminary and outcome not in ANSWER_ACTIONS:
        errors["preliminary"] = _(
            "Kun et svar med et udfald kan være foreløbigt: imødekommet, delvist "
            "imødekommet eller afslået."
        )
    try:
        check_message(text, required=outcome in ANSWER_ACTIONS)
    except ValidationFailed as error:
        errors.update(error.fields)
    return errors


def respond_to_proposal(
    proposal, actor, *, outcome: Outcome, text: str = "", preliminary: bool = False
) -> Response | None:
    """Publish the owning department's response to the citizen.

    under_review acknowledges (the text, if any, is a message to the citizen); accepted,
    partially_accepted and declined answer, finally or as a preliminary answer that opens
    a window for comments; implemented records that an accepted proposal was carried out.
    """
    require_owner_staff(proposal, actor)
    if errors := _answer_errors(outcome, text, preliminary):
        raise ValidationFailed(_("Svaret kunne ikke gemmes."), errors)
    if outcome == Outcome.UNDER_REVIEW:
        acknowledge_proposal(proposal, actor, text)
        return None
    if outcome == Outcome.IMPLEMENTED:
        return mark_implemented(proposal, actor, text)
    if preliminary:
        return _answer_preliminarily(proposal, actor, outcome, text)
    return _answer_finally(proposal, actor, outcome, text)


def _answer_preliminarily(proposal, actor, outcome: Outcome, text: str) -> Response:
    """A preliminary answer: citizens comment for a window, and the final answer is due a
    number of days (the department's setting) after it closes, not on the original date."""
    before = _state_of(proposal)
    # A preliminary answer stands where a final one could be given; it acknowledges too.
    require_allowed(Action.ACCEPT, proposal.status)
    if is_allowed(Action.ACKNOWLEDGE, proposal.status):
        transition(proposal, Action.ACKNOWLEDGE, actor)
    response = new_response(proposal, actor, outcome, text)
    response.preliminary = True
    window = timedelta(days=current_app.config["COMMENT_WINDOW_DAYS"])
    response.comment_window_ends_at = response.created_at + window
    days_after = timedelta(days=proposal.department.sla_after_window_days)
    proposal.answer_due_at = response.comment_window_ends_at + days_after
    _published(proposal, response, actor, before)
    return response


def _answer_finally(proposal, actor, outcome: Outcome, text: str) -> Response:
    """The final answer, once any preliminary answer's comment window has closed."""
    before = _state_of(proposal)
    if (window := proposal.open_comment_window(utcnow())) is not None:
        raise TransitionNotAllowed(
            _(
                "Borgerne kan kommentere det foreløbige svar indtil %(date)s. "
                "Det endelige svar kan gives derefter.",
                date=format_date(window.comment_window_ends_at, "long"),
            )
        )
    transition(proposal, ANSWER_ACTIONS[outcome], actor)
    response = new_response(proposal, actor, outcome, text)
    _published(proposal, response, actor, before)
    return response


def _state_of(proposal) -> dict:
    due = proposal.answer_due_at
    return {"status": proposal.status.value, "answer_due_at": due.isoformat() if due else None}


def _published(proposal, response: Response, actor, before: dict) -> None:
    # Touching the proposal bumps its version, so a withdrawal racing this answer loses.
    proposal.updated_at = utcnow()
    flush_proposal()
    notices.announce_response(proposal, response, actor)
    record_audit(
        actor,
        "proposal.answered",
        proposal,
        before,
        _state_of(proposal)
        | {"outcome": response.outcome.value, "preliminary": response.preliminary},
    )


def mark_implemented(proposal, actor, text: str = "") -> Response | None:
    """Record that an accepted proposal has been carried out, optionally saying what was done."""
    _change, response = take_step(proposal, actor, IMPLEMENTING, text)
    return response
