"""The owning department's answers: preliminary, final, and that an accepted one was done."""

from dataclasses import dataclass, fields
from datetime import date, timedelta

from flask import current_app
from flask_babel import format_date, format_decimal
from flask_babel import gettext as _

from cocreate.core.audit import record_audit
from cocreate.core.errors import TransitionNotAllowed, ValidationFailed
from cocreate.core.months import first_day, format_month, month_text
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
from cocreate.proposals.models import (
    ACCEPTING,
    COST_ESTIMATE_MAX,
    PLANNED_FIRST_YEAR,
    PLANNED_YEARS_AHEAD,
    Outcome,
    Response,
)

ANSWER_ACTIONS = {
    Outcome.ACCEPTED: Action.ACCEPT,
    Outcome.PARTIALLY_ACCEPTED: Action.PARTIALLY_ACCEPT,
    Outcome.DECLINED: Action.DECLINE,
}


@dataclass(frozen=True)
class Plan:
    """What an accepting answer says happens next: a cost in whole kroner, and the months
    from and to which the work is planned (each kept as the month's first day)."""

    cost_estimate: int | None = None
    planned_from: date | None = None
    planned_to: date | None = None

    def given(self) -> dict:
        """The parts that are stated, by field name."""
        parts = {field.name: getattr(self, field.name) for field in fields(self)}
        return {name: value for name, value in parts.items() if value is not None}


def _plan_errors(outcome: Outcome, plan: Plan) -> dict[str, str]:
    """Every part of the plan that is wrong, by field name."""
    if outcome not in ACCEPTING:
        message = _(
            "Kun et svar, der imødekommer forslaget helt eller delvist, kan have en anslået "
            "pris og en planlagt periode."
        )
        return dict.fromkeys(plan.given(), message)
    errors = {}
    if plan.cost_estimate is not None and not 0 <= plan.cost_estimate <= COST_ESTIMATE_MAX:
        errors["cost_estimate"] = _(
            "Skriv et beløb fra 0 til %(max)s kr.", max=format_decimal(COST_ESTIMATE_MAX)
        )
    first = date(PLANNED_FIRST_YEAR, 1, 1)
    last = date(utcnow().year + PLANNED_YEARS_AHEAD, 12, 1)
    for name in ("planned_from", "planned_to"):
        month = getattr(plan, name)
        if month is not None and not first <= month <= last:
            errors[name] = _(
                "Vælg en måned fra %(first)s til %(last)s.",
                first=format_month(first),
                last=format_month(last),
            )
    if (plan.planned_from is None) != (plan.planned_to is None):
        missing = "planned_from" if plan.planned_from is None else "planned_to"
        errors[missing] = _("Udfyld både planlagt fra og planlagt til.")
    elif plan.planned_from and plan.planned_to and plan.planned_to < plan.planned_from:
        errors.setdefault("planned_to", _("Planlagt til kan ikke ligge før planlagt fra."))
    return errors


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
    proposal,
    actor,
    *,
    outcome: Outcome,
    text: str = "",
    preliminary: bool = False,
    cost_estimate: int | None = None,
    planned_from: date | None = None,
    planned_to: date | None = None,
) -> Response | None:
    """Publish the owning department's response to the citizen.

    under_review acknowledges (the text, if any, is a message to the citizen); accepted,
    partially_accepted and declined answer, finally or as a preliminary answer that opens
    a window for comments; implemented records that an accepted proposal was carried out.
    An accepting answer, preliminary or final, may add an estimated cost and a planned
    period of months, so that citizens can comment on the plan before it is decided.
    """
    require_owner_staff(proposal, actor)
    plan = Plan(cost_estimate, first_day(planned_from), first_day(planned_to))
    if errors := _answer_errors(outcome, text, preliminary) | _plan_errors(outcome, plan):
        raise ValidationFailed(_("Svaret kunne ikke gemmes."), errors)
    if outcome == Outcome.UNDER_REVIEW:
        acknowledge_proposal(proposal, actor, text)
        return None
    if outcome == Outcome.IMPLEMENTED:
        return mark_implemented(proposal, actor, text)
    if preliminary:
        return _answer_preliminarily(proposal, actor, outcome, text, plan)
    return _answer_finally(proposal, actor, outcome, text, plan)


def _new_answer(proposal, actor, outcome: Outcome, text: str, plan: Plan) -> Response:
    response = new_response(proposal, actor, outcome, text)
    response.cost_estimate = plan.cost_estimate
    response.planned_from, response.planned_to = plan.planned_from, plan.planned_to
    return response


def _answer_preliminarily(proposal, actor, outcome: Outcome, text: str, plan: Plan) -> Response:
    """A preliminary answer: citizens comment for a window, and the final answer is due a
    number of days (the department's setting) after it closes, not on the original date."""
    before = _state_of(proposal)
    # A preliminary answer stands where a final one could be given; it acknowledges too.
    require_allowed(Action.ACCEPT, proposal.status)
    if is_allowed(Action.ACKNOWLEDGE, proposal.status):
        transition(proposal, Action.ACKNOWLEDGE, actor)
    response = _new_answer(proposal, actor, outcome, text, plan)
    response.preliminary = True
    window = timedelta(days=current_app.config["COMMENT_WINDOW_DAYS"])
    response.comment_window_ends_at = response.created_at + window
    days_after = timedelta(days=proposal.department.sla_after_window_days)
    proposal.answer_due_at = response.comment_window_ends_at + days_after
    _published(proposal, response, actor, before)
    return response


def _answer_finally(proposal, actor, outcome: Outcome, text: str, plan: Plan) -> Response:
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
    response = _new_answer(proposal, actor, outcome, text, plan)
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
    plan = {
        "cost_estimate": response.cost_estimate,
        "planned_from": month_text(response.planned_from),
        "planned_to": month_text(response.planned_to),
    }
    stated = {"outcome": response.outcome.value, "preliminary": response.preliminary}
    # The plan only when the answer states one: a refusal has none to tell.
    stated |= {key: value for key, value in plan.items() if value is not None}
    record_audit(actor, "proposal.answered", proposal, before, _state_of(proposal) | stated)


def mark_implemented(proposal, actor, text: str = "") -> Response | None:
    """Record that an accepted proposal has been carried out, optionally saying what was done."""
    _change, response = take_step(proposal, actor, IMPLEMENTING, text)
    return response
