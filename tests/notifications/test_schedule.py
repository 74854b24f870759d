"""Periodic jobs: once per period however often the worker ticks; digests, SLA, panel, purge."""

import threading
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from cocreate.accounts.roles import Role
from cocreate.core.outbox import OutboxMessage
from cocreate.core.schedule import start_due_periods, weekly
from cocreate.core.types import utcnow
from cocreate.departments.notices import SLA_DUE_SOON, SLA_ESCALATED, SLA_OVERDUE
from cocreate.extensions import db
from cocreate.notifications import preferences
from cocreate.notifications.kinds import Delivery, NoticeKind
from cocreate.notifications.models import Notification
from cocreate.panel.notices import PANEL_REMINDER, PANEL_REQUEST
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.strategy.models import DepartmentMembership
from tests.panel.helpers import ask_panel, seat

# Wednesday 25 November 2026, 08:00 in Copenhagen (07:00 UTC).
WEDNESDAY_MORNING = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)


def kinds_for(user) -> list[NoticeKind]:
    rows = select(Notification.kind).where(Notification.user_id == user.id)
    return list(db.session.scalars(rows.order_by(Notification.id)))


def periodic_messages() -> int:
    return db.session.scalar(
        select(func.count(OutboxMessage.id)).where(OutboxMessage.dedupe_key.like("periodic:%"))
    )


def test_each_period_starts_once_however_often_it_ticks():
    first = start_due_periods(WEDNESDAY_MORNING)
    # Daily and weekly digests, SLA, panel reminders, the calls' moments, two purges.
    assert len(first) == 7
    assert start_due_periods(WEDNESDAY_MORNING + timedelta(minutes=1)) == []
    next_hour = start_due_periods(WEDNESDAY_MORNING + timedelta(hours=1))
    assert sorted(next_hour) == [
        "periodic:calls.announce_moments::2026-11-25T09",
        "periodic:departments.sla_reminders::2026-11-25T09",
    ]
    assert periodic_messages() == 9


def test_before_the_morning_no_daily_work_starts():
    night = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)  # 03:00 in Copenhagen
    assert sorted(key.split(":")[1] for key in start_due_periods(night)) == [
        "calls.announce_moments",
        "departments.sla_reminders",
        "notifications.digest_run",  # the weekly one: the week began on Monday
    ]


def test_the_week_begins_monday_morning():
    monday = datetime(2026, 11, 23, 5, 0)
    assert weekly(monday) is None
    assert weekly(monday.replace(hour=7)) == "2026-W48"
    assert weekly(datetime(2026, 11, 29, 23, 0)) == "2026-W48"


def test_a_digest_gathers_the_waiting_notifications_into_one_mail(make_user, make_proposal, outbox):
    author = make_user()
    preferences.update_settings(author, {"proposal_received": "daily"})
    db.session.commit()
    make_proposal(author=author, title="Første forslag")
    make_proposal(author=author, title="Andet forslag")
    assert outbox() == []
    start_due_periods(utcnow().replace(hour=12))
    (mail,) = outbox()
    assert mail["To"] == author.email and "2 nye beskeder" in mail["Subject"]
    text = mail.get_body(("plain",)).get_content()
    assert "Første forslag" in text and "Andet forslag" in text
    assert "/notifications/unsubscribe/" in text
    waiting = select(Notification).where(Notification.emailed_at.is_(None))
    assert db.session.scalars(waiting).all() == []
    # The next day's digest has nothing new for this account: no mail.
    start_due_periods(utcnow().replace(hour=12) + timedelta(days=1))
    assert len(outbox()) == 1


def _overdue_proposal(make_proposal, make_user, days_overdue: float):
    proposal = make_proposal(ProposalStatus.PUBLISHED)
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])
    head = make_user(Role.DEPARTMENT_STAFF)
    db.session.add(
        DepartmentMembership(user_id=head.id, department_id=proposal.department_id, is_head=True)
    )
    proposal.acknowledge_due_at = utcnow() - timedelta(days=days_overdue)
    db.session.commit()
    return proposal, staff, head


def run_sla_reminders():
    from cocreate.departments.jobs import sla_reminders

    sla_reminders({})
    db.session.commit()


def test_sla_reminders_before_and_when_overdue(make_proposal, make_user):
    proposal, staff, head = _overdue_proposal(make_proposal, make_user, days_overdue=-0.5)
    run_sla_reminders()
    assert kinds_for(staff) == [SLA_DUE_SOON]
    proposal.acknowledge_due_at = utcnow() - timedelta(hours=1)
    db.session.commit()
    run_sla_reminders()
    run_sla_reminders()  # the next hour: nothing twice
    assert kinds_for(staff) == [SLA_DUE_SOON, SLA_OVERDUE]
    assert SLA_ESCALATED not in kinds_for(head)


def test_a_proposal_that_stays_overdue_escalates_to_the_heads(make_proposal, make_user):
    _proposal, staff, head = _overdue_proposal(make_proposal, make_user, days_overdue=4)
    run_sla_reminders()
    assert SLA_ESCALATED in kinds_for(head)
    assert SLA_ESCALATED not in kinds_for(staff)
    assert SLA_OVERDUE in kinds_for(staff)


def test_answered_proposals_get_no_reminders(make_proposal, make_user):
    proposal = make_proposal(ProposalStatus.ACCEPTED)
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])
    proposal.answer_due_at = utcnow() - timedelta(days=10)
    db.session.commit()
    run_sla_reminders()
    assert kinds_for(staff) == []


def test_panel_members_who_have_not_reviewed_are_reminded_once(make_proposal, make_user):
    from cocreate.panel.jobs import due_reminders

    proposal = make_proposal(ProposalStatus.PUBLISHED)
    member = seat(make_user())
    ask_panel(proposal, make_user(Role.MODERATOR), days=1)
    for _ in range(2):
        due_reminders({})
        db.session.commit()
    assert kinds_for(member.user) == [PANEL_REQUEST, PANEL_REMINDER]


def test_the_delivery_of_a_weekly_notification_waits_for_the_week(make_user, make_proposal, outbox):
    author = make_user()
    preferences.update_settings(author, {"proposal_received": Delivery.WEEKLY.value})
    db.session.commit()
    make_proposal(author=author)
    start_due_periods(datetime(2026, 11, 25, 7, 0, tzinfo=UTC))  # a Wednesday: W48 is due
    assert len(outbox()) == 1


def test_the_worker_without_redis_starts_the_periodic_work_itself(runner):
    result = runner.invoke(args=["worker", "--burst"])
    assert result.exit_code == 0, result.output
    assert periodic_messages() >= 1
    still_waiting = select(func.count(OutboxMessage.id)).where(OutboxMessage.done_at.is_(None))
    assert db.session.scalar(still_waiting) == 0


def _wait_for(condition, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "not in time"
        time.sleep(0.02)


def test_the_worker_keeps_ticking_after_a_tick_fails(app, monkeypatch, caplog):
    from cocreate.core import worker

    monkeypatch.setattr(worker, "RELAY_EVERY", timedelta(milliseconds=20))
    outbox_table = OutboxMessage.__table__
    outbox_table.drop(db.engine)  # the database fails every tick's first query
    stop = threading.Event()
    ticking = threading.Thread(target=worker.keep_ticking, args=(app, stop))
    try:
        ticking.start()
        _wait_for(lambda: "the worker's tick failed" in caplog.text)
    finally:
        outbox_table.create(db.engine)
    try:
        _wait_for(lambda: periodic_messages() > 0)
    finally:
        stop.set()
        ticking.join(timeout=10)
    assert not ticking.is_alive()


def test_old_finished_messages_are_purged_and_the_rest_kept(make_user):
    from cocreate.core.schedule import DONE_KEPT, purge_done

    make_user()
    old, recent, waiting = (
        OutboxMessage(job="accounts.send_link", payload={}, dedupe_key=f"k{n}") for n in range(3)
    )
    old.done_at = utcnow() - DONE_KEPT - timedelta(days=1)
    recent.done_at = utcnow() - timedelta(days=1)
    waiting.due_at = utcnow() + timedelta(hours=1)
    db.session.add_all([old, recent, waiting])
    db.session.commit()
    purge_done({})
    db.session.commit()
    keys = set(db.session.scalars(select(OutboxMessage.dedupe_key)))
    assert {"k1", "k2"} <= keys and "k0" not in keys
