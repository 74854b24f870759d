"""The demo's clock: what a story's step wrote, notifications too, carries the step's day."""

from sqlalchemy import select

from cocreate.notifications.models import Notification
from cocreate.proposals.lifecycle import StatusChange


def test_demo_notifications_carry_the_time_of_their_event(seed, db):
    seed()
    changes = {change.id: change for change in db.session.scalars(select(StatusChange))}
    notifications = db.session.scalars(select(Notification)).all()
    told = 0
    for notification in notifications:
        # Event keys name their cause: "<kind>:status_change:<id>" for a step of the lifecycle.
        _kind, source, record_id = notification.event_key.split(":")
        if source == "status_change":
            assert notification.created_at == changes[int(record_id)].created_at
            told += 1
    assert told > 20
    assert len({notification.created_at.date() for notification in notifications}) > 30
