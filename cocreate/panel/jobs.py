"""Reminding panel members of a review that is due soon."""

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from cocreate.core.outbox import job, known_keys
from cocreate.core.schedule import daily, periodic
from cocreate.extensions import db
from cocreate.notifications.events import outbox_key
from cocreate.panel.models import PanelReviewRequest
from cocreate.panel.notices import PANEL_REMINDER
from cocreate.panel.permissions import REVIEWABLE_STATUSES
from cocreate.panel.queries import local_today
from cocreate.proposals.models import Proposal
from cocreate.proposals.notices import announce_about

DUE_REMINDERS = "panel.due_reminders"
# Members who have not reviewed yet hear this many days before the due date.
REMIND_BEFORE = timedelta(days=2)


@job(DUE_REMINDERS)
def due_reminders(payload: dict[str, Any]) -> None:
    """Announce one reminder per request whose due date is near (the audience skips those
    who have reviewed or declared a conflict)."""
    today = local_today()
    requests = db.session.scalars(
        select(PanelReviewRequest)
        .join(Proposal, Proposal.id == PanelReviewRequest.proposal_id)
        .where(
            PanelReviewRequest.due_date >= today,
            PanelReviewRequest.due_date <= today + REMIND_BEFORE,
            Proposal.status.in_(REVIEWABLE_STATUSES),
        )
    ).all()
    keyed = {
        outbox_key(PANEL_REMINDER, f"panel_request:{request.id}"): request for request in requests
    }
    known = known_keys(keyed)
    for key, request in keyed.items():
        if key not in known:
            announce_about(
                PANEL_REMINDER,
                f"panel_request:{request.id}",
                db.session.get(Proposal, request.proposal_id),
                date=request.due_date.isoformat(),
            )


periodic(DUE_REMINDERS, daily)
