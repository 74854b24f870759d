"""Models to JSON; reads only what the queries have loaded, so a list costs no extra queries."""

from datetime import UTC, date, datetime

from flask import url_for

from cocreate.core.months import month_text
from cocreate.core.pagination import Page
from cocreate.departments.followup_queries import follow_up_of
from cocreate.panel.queries import visible_summary
from cocreate.proposals.history import HistoryEvent, proposal_history


def timestamp(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC to the second, e.g. 2025-03-01T09:30:00Z."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def person(user) -> dict | None:
    """Only the name is public; never the e-mail address."""
    return {"name": user.name} if user is not None else None


def theme_data(theme) -> dict:
    return {
        "id": theme.id,
        "slug": theme.slug,
        "title": theme.title,
        "department_id": theme.department_id,
    }


def department_data(department) -> dict:
    return {"id": department.id, "slug": department.slug, "name": department.name}


def proposal_summary(proposal) -> dict:
    return {
        "id": proposal.id,
        "title": proposal.title,
        "summary": proposal.summary,
        "status": proposal.status.value,
        "theme_ids": proposal.theme_ids,
        "department_id": proposal.department_id,
        "support_count": proposal.support_count,
        "comment_count": proposal.comment_count,
        "submitted_at": timestamp(proposal.submitted_at),
        "published_at": timestamp(proposal.published_at),
        "call_id": proposal.call_id,
    }


def call_data(phased) -> dict:
    """A call for proposals with its phase and figures, as listCalls and getCall show it."""
    call = phased.call
    return {
        "id": call.id,
        "title": call.title,
        "intro_html": call.intro_html,
        "theme_ids": call.theme_ids,
        "department_id": call.department_id,
        "opens_at": timestamp(call.opens_at),
        "closes_at": timestamp(call.closes_at),
        "answers_by": call.answers_by.isoformat() if call.answers_by else None,
        "published": call.is_published,
        "phase": phased.phase.value,
        "days_left": phased.days_left,
        "counts": phased.figures.data(),
        "url": url_for("calls.detail", call_id=call.id, _external=True),
    }


def similar_data(similar) -> dict:
    """A similar proposal: as lists show it, how alike, where it is read, and its answer."""
    proposal = similar.proposal
    answers = proposal.answers
    return {
        **proposal_summary(proposal),
        "likeness": round(similar.score, 3),
        "url": url_for("proposals.detail", proposal_id=proposal.id, _external=True),
        "answer": answer_outline(answers[-1]) if answers else None,
    }


def answer_outline(response) -> dict:
    return {
        "outcome": response.outcome.value,
        "preliminary": response.preliminary,
        "created_at": timestamp(response.created_at),
    }


def plan_data(response) -> dict:
    """What an answer says happens next: its cost estimate and planned period, or nulls."""
    if response is None or response.planned_from is None:
        period = None
    else:
        period = {"from": month_text(response.planned_from), "to": month_text(response.planned_to)}
    return {
        "cost_estimate": response.cost_estimate if response is not None else None,
        "planned_period": period,
    }


def response_data(response) -> dict:
    return {
        "id": response.id,
        "department_id": response.department_id,
        "author": person(response.author),
        "outcome": response.outcome.value,
        "text_html": response.text_html,
        "preliminary": response.preliminary,
        "comment_window_ends_at": timestamp(response.comment_window_ends_at),
        **plan_data(response),
        "created_at": timestamp(response.created_at),
    }


def _status_fields(change, show_note: bool) -> dict:
    return {
        "action": change.action.value,
        "from_status": change.from_status.value,
        "to_status": change.to_status.value,
        "reason": change.reason,
    }


def _decision_fields(decision, show_note: bool) -> dict:
    return {
        "decision": decision.decision.value,
        "reason": decision.reason.value if decision.reason else None,
        "note": decision.note if show_note else None,
    }


def _routing_fields(routing, show_note: bool) -> dict:
    return {
        "from_department_id": routing.from_department_id,
        "to_department_id": routing.to_department_id,
        "reason": routing.reason,
    }


def _response_fields(response, show_note: bool) -> dict:
    return {
        "response_id": response.id,
        "department_id": response.department_id,
        "outcome": response.outcome.value,
        "preliminary": response.preliminary,
    }


def _progress_update_fields(update, show_note: bool) -> dict:
    return {
        "update_id": update.id,
        "department_id": update.department_id,
        "text_html": update.text_html,
    }


def _milestone_fields(milestone, show_note: bool) -> dict:
    return {
        "milestone_id": milestone.id,
        "title": milestone.title,
        "done_on": milestone.done_on.isoformat(),
    }


_RECORD_FIELDS = {
    "status": _status_fields,
    "decision": _decision_fields,
    "routing": _routing_fields,
    "response": _response_fields,
    "progress_update": _progress_update_fields,
    "milestone": _milestone_fields,
}


def milestone_data(milestone, today: date) -> dict:
    """A milestone; overdue when its planned day has passed (where the municipality is)
    and it is not done."""
    return {
        "id": milestone.id,
        "title": milestone.title,
        "description": milestone.description,
        "planned_on": milestone.planned_on.isoformat(),
        "done_on": milestone.done_on.isoformat() if milestone.done_on else None,
        "overdue": milestone.is_overdue(today),
    }


def progress_update_data(update) -> dict:
    return {
        "id": update.id,
        "department_id": update.department_id,
        "author": person(update.author),
        "text_html": update.text_html,
        "created_at": timestamp(update.created_at),
    }


def follow_up_data(proposal) -> dict:
    """The milestones, soonest planned first, and the share of them done (0 to 100); none
    and null for a proposal without a follow-up or without milestones yet."""
    follow_up = follow_up_of(proposal)
    if follow_up is None:
        return {"milestones": [], "progress": None}
    return {
        "milestones": [milestone_data(m, follow_up.today) for m in follow_up.milestones],
        "progress": follow_up.progress,
    }


def history_event_data(event: HistoryEvent) -> dict:
    return {
        "type": event.kind,
        "at": timestamp(event.at),
        "actor": person(event.actor),
        **_RECORD_FIELDS[event.kind](event.record, event.show_note),
    }


def panel_summary_data(proposal, viewer) -> dict | None:
    """The stakeholder panel's summary; null for those who may not see it yet."""
    summary = visible_summary(proposal, viewer)
    return summary.as_dict() if summary is not None else None


def proposal_data(proposal, viewer) -> dict:
    """The whole proposal as the viewer may see it (notes depend on who asks)."""
    return {
        **proposal_summary(proposal),
        "body_html": proposal.body_html,
        "history": [history_event_data(e) for e in proposal_history(proposal, viewer)],
        "responses": [response_data(response) for response in proposal.responses],
        # The plan the final accepting answer states, kept after the proposal is carried out.
        **plan_data(proposal.final_acceptance),
        **follow_up_data(proposal),
        "panel_summary": panel_summary_data(proposal, viewer),
    }


def page_data(page: Page, serialise) -> dict:
    return {
        "items": [serialise(item) for item in page.items],
        "total": page.total,
        "total_is_estimate": page.total_is_estimate,
        "page": page.page,
        "per_page": page.per_page,
    }
