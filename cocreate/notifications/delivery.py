"""E-mail for notifications: one at once, or a digest of the day's or the week's."""

from typing import Any

from flask import render_template
from flask_babel import ngettext
from sqlalchemy import select

from cocreate.accounts.models import User
from cocreate.core.mail import send_email, written_for
from cocreate.core.outbox import enqueue, job
from cocreate.core.schedule import daily, periodic, weekly
from cocreate.core.types import utcnow
from cocreate.core.web import public_url
from cocreate.extensions import db
from cocreate.notifications.events import SEND
from cocreate.notifications.kinds import DIGESTS, Delivery
from cocreate.notifications.messages import describe
from cocreate.notifications.models import Notification
from cocreate.notifications.preferences import unsubscribe_token

DIGEST = "notifications.digest"
DIGEST_RUN = "notifications.digest_run"
SUBJECT_MAX = 150


def _unsubscribe_headers(link: str) -> dict[str, str]:
    """RFC 8058 one-click unsubscribe: mail programs show a button that POSTs the link."""
    return {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def _send(user: User, template: str, subject: str, key: str, scope: str, **context) -> None:
    link = public_url("notifications.unsubscribe", token=unsubscribe_token(user, scope))
    context |= {
        "user": user,
        "unsubscribe_link": link,
        "settings_link": public_url("notifications.settings"),
    }
    text = render_template(f"notifications/email/{template}.txt", **context)
    html = render_template(f"notifications/email/{template}.html", **context)
    subject = " ".join(subject.split())  # one line, whatever a title holds
    if len(subject) > SUBJECT_MAX:
        subject = subject[: SUBJECT_MAX - 1] + "…"
    send_email(user.email, subject, text, html, key=key, headers=_unsubscribe_headers(link))


@job(SEND)
def send_notification(payload: dict[str, Any]) -> None:
    """Mail one notification to its account at once (a job; sends once per notification)."""
    notification = db.session.get(Notification, payload["notification_id"])
    if notification is None or notification.emailed_at is not None:
        return
    user = db.session.get(User, notification.user_id)
    if user.is_active_account:
        with written_for(user):
            message = describe(notification, external=True)
            _send(
                user,
                "notification",
                message.headline,
                f"notification:{notification.id}",
                notification.kind.value,
                message=message,
                kind=notification.kind,
            )
    notification.emailed_at = utcnow()


def start_digests(frequency: Delivery, period: str) -> int:
    """Queue one digest per account with unsent notifications of this frequency."""
    waiting = (
        select(Notification.user_id)
        .where(Notification.delivery == frequency, Notification.emailed_at.is_(None))
        .distinct()
    )
    count = 0
    for user_id in db.session.scalars(waiting):
        payload = {"user_id": user_id, "frequency": frequency.value, "period": period}
        enqueue(DIGEST, payload, dedupe_key=f"digest:{frequency.value}:{period}:{user_id}")
        count += 1
    return count


@job(DIGEST)
def send_digest(payload: dict[str, Any]) -> None:
    """Mail one account everything of one frequency it has not had yet, in one message."""
    frequency = Delivery(payload["frequency"])
    if frequency not in DIGESTS:
        return
    user = db.session.get(User, payload["user_id"])
    notifications = db.session.scalars(
        select(Notification)
        .where(
            Notification.user_id == payload["user_id"],
            Notification.delivery == frequency,
            Notification.emailed_at.is_(None),
        )
        .order_by(Notification.created_at, Notification.id)
    ).all()
    if user is None or not notifications:
        return
    if user.is_active_account:
        with written_for(user):
            messages = [describe(notification, external=True) for notification in notifications]
            count = len(messages)
            subject = (
                ngettext(
                    "Dit daglige overblik: %(num)d ny besked",
                    "Dit daglige overblik: %(num)d nye beskeder",
                    count,
                )
                if frequency == Delivery.DAILY
                else ngettext(
                    "Dit ugentlige overblik: %(num)d ny besked",
                    "Dit ugentlige overblik: %(num)d nye beskeder",
                    count,
                )
            )
            _send(
                user,
                "digest",
                subject,
                f"digest:{frequency.value}:{payload['period']}:{user.id}",
                frequency.value,
                messages=messages,
                frequency=frequency,
            )
    now = utcnow()
    for notification in notifications:
        notification.emailed_at = now


@job(DIGEST_RUN)
def digest_run(payload: dict[str, Any]) -> None:
    """The periodic job: queue this period's digests of one frequency."""
    frequency = Delivery(payload["frequency"])
    if frequency in DIGESTS:
        start_digests(frequency, payload["period"])


periodic(DIGEST_RUN, daily, frequency=Delivery.DAILY.value)
periodic(DIGEST_RUN, weekly, frequency=Delivery.WEEKLY.value)
