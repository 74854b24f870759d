"""The bell: an account's notifications, how many are unread, and marking them read."""

from flask_babel import gettext as _
from sqlalchemy import Select, func, select, update

from cocreate.core.errors import PermissionDenied
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.notifications.models import Notification


def notifications_of(user) -> Select:
    """The account's notifications, newest first (a select to paginate)."""
    return (
        select(Notification)
        .where(Notification.user_id == user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    )


def unread_count(user) -> int:
    """How many notifications the account has not read (one indexed count)."""
    return db.session.scalar(
        select(func.count(Notification.id)).where(
            Notification.user_id == user.id, Notification.read_at.is_(None)
        )
    )


def mark_read(user, notification: Notification) -> None:
    """Mark one of the account's own notifications read (again is no change)."""
    if notification.user_id != user.id:
        raise PermissionDenied(_("Beskeden er til en anden."))
    if notification.read_at is None:
        notification.read_at = utcnow()
        db.session.flush()


def mark_all_read(user) -> int:
    """Mark every unread notification of the account read; return how many."""
    result = db.session.execute(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    return result.rowcount
