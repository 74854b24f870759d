"""Retention: accounts whose address was never confirmed are deleted after 30 days."""

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from cocreate.accounts.authorship import has_written
from cocreate.accounts.models import User
from cocreate.core.outbox import job
from cocreate.core.schedule import daily, periodic
from cocreate.core.types import utcnow
from cocreate.extensions import db

PURGE_UNCONFIRMED = "accounts.purge_unconfirmed"
UNCONFIRMED_KEPT = timedelta(days=30)


def unconfirmed_to_purge(now):
    """Accounts never confirmed, older than the retention period, with nothing written."""
    return select(User).where(
        User.confirmed_at.is_(None),
        User.created_at < now - UNCONFIRMED_KEPT,
        ~has_written(),
    )


@job(PURGE_UNCONFIRMED)
def purge_unconfirmed(payload: dict[str, Any]) -> None:
    """Delete the unconfirmed accounts past their time (a periodic job)."""
    for user in db.session.scalars(unconfirmed_to_purge(utcnow())).all():
        db.session.delete(user)
    db.session.flush()


periodic(PURGE_UNCONFIRMED, daily)
