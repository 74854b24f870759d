"""Models to JSON; reads only what the queries have loaded, so a list costs no extra queries."""

from datetime import UTC, datetime

from flask import url_for

from cocreate.core.pagination import Page
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


def response_data(response) -> dict:
    return {
        "id": response.id,
        "department_id": response.department_id,
        "author": person(response.author),
        "outcome": response.outcome.value,
        "text_html": response.text_html,
        "preliminary": response.preliminary,
        "comment_window_ends_at": timestamp(response.comment_window_ends_at),
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


_RECORD_FIELDS = {
    "status": _status_fields,
    "decision": _decision_fields,
    "routing": _routing_fields,
    "response": _response_fields,
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
