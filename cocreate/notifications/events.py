"""Announce an event in the caller's transaction; after commit, tell its audience.

A service calls `announce` next to the change it makes. The announcement is an outbox
message, so it is sent only if the change commits. Its job finds the audience, writes
one notification per recipient (the event key makes that idempotent) and queues the
e-mails of those who want to hear at once; digests collect the rest.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import select

from cocreate.accounts.models import User
from cocreate.core.outbox import enqueue, job
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.notifications.kinds import KINDS, Delivery, NoticeKind
from cocreate.notifications.models import Notification
from cocreate.notifications.preferences import deliveries_for

FAN_OUT = "notifications.fan_out"
SEND = "notifications.send"


def event_key(kind: NoticeKind, source: str) -> str:
    """The event's name: its kind and the record that caused it, e.g. status_change:12."""
    return f"{kind.value}:{source}"


def outbox_key(kind: NoticeKind, source: str) -> str:
    return f"event:{event_key(kind, source)}"


def announce(
    kind: NoticeKind, source: str, *, actor=None, proposal_id: int | None = None, **params
) -> None:
    """Tell the kind's audience of one event once the caller's transaction commits.

    source names what caused the event (e.g. f"status_change:{change.id}"); with the kind
    it makes the event's key, which keeps a run twice from telling anyone twice. params
    carry the ids the audience needs and the titles, names and notes the text shows, as
    they are now (JSON values). proposal_id names the proposal the event is about, if any.
    """
    key = event_key(kind, source)
    payload = {
        "kind": kind.value,
        "event_key": key,
        "actor_id": getattr(actor, "id", None),
        "proposal_id": proposal_id,
        "params": params,
        # A notification tells when its event happened, not when the queue reached it.
        "occurred_at": utcnow().isoformat(),
    }
    enqueue(FAN_OUT, payload, dedupe_key=outbox_key(kind, source))


def occurred_at(payload: dict[str, Any]) -> datetime:
    """When the event happened (an event announced before this was stored: now)."""
    stamp = payload.get("occurred_at")
    return datetime.fromisoformat(stamp) if stamp else utcnow()


@job(FAN_OUT)
def fan_out(payload: dict[str, Any]) -> None:
    """Write the event's notifications and queue the immediate e-mails (a job)."""
    kind = KINDS[payload["kind"]]
    event_key, params = payload["event_key"], payload["params"]
    audience = kind.audience({"proposal_id": payload["proposal_id"], **params})
    user_ids = set(db.session.scalars(audience))
    if not kind.receipt:
        user_ids.discard(payload["actor_id"])
    if not user_ids:
        return
    # A second copy of this job, or a run whose end was lost, wrote some already: skip those.
    already = select(Notification.user_id).where(Notification.event_key == event_key)
    user_ids -= set(db.session.scalars(already.where(Notification.user_id.in_(user_ids))))
    active = select(User.id).where(User.id.in_(user_ids), User.is_active_account.is_(True))
    deliveries = deliveries_for(list(db.session.scalars(active)), kind)
    immediate = []
    for user_id, delivery in sorted(deliveries.items()):
        if delivery == Delivery.NEVER:
            continue
        notification = Notification(
            user_id=user_id,
            kind=kind,
            event_key=event_key,
            proposal_id=payload["proposal_id"],
            params=params,
            delivery=delivery,
            created_at=occurred_at(payload),
        )
        db.session.add(notification)
        if delivery == Delivery.IMMEDIATELY:
            immediate.append(notification)
    db.session.flush()
    for notification in immediate:
        enqueue(SEND, {"notification_id": notification.id}, dedupe_key=f"mail:{notification.id}")
