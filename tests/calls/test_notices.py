"""What a call tells those who follow it or its themes, each moment once, by the clock."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from cocreate.calls.follows import follow_call, unfollow_call
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.notifications.models import Notification
from cocreate.proposals.call_notices import (
    CALL_ANSWERED,
    CALL_CLOSED,
    CALL_CLOSING,
    CALL_OPENED,
    announce_moments,
)
from cocreate.proposals.follows import follow_theme
from cocreate.proposals.lifecycle import ProposalStatus


def tick() -> None:
    """The hourly job, as the worker runs it; jobs it queues run inline after commit."""
    announce_moments({})
    db.session.commit()


def told(kind) -> set[int]:
    return set(db.session.scalars(select(Notification.user_id).where(Notification.kind == kind)))


def test_followers_of_the_call_and_of_its_themes_hear_it_opened_once(make_call, make_user, outbox):
    call = make_call(opens_at=utcnow() - timedelta(hours=1))
    of_call, of_theme, neither = make_user(), make_user(), make_user()
    follow_call(call, of_call)
    follow_theme(call.themes[0], of_theme)
    db.session.commit()

    tick()
    tick()

    assert told(CALL_OPENED) == {of_call.id, of_theme.id}
    assert db.session.scalar(select(func.count()).select_from(Notification)) == 2
    (mail,) = [m for m in outbox() if m["To"] == of_call.email]
    text = mail.get_body(("plain",)).get_content()
    assert "Kommunen spørger" in mail["Subject"] and f"/calls/{call.id}" in text
    assert "<script>" not in mail.get_body(("html",)).get_content()
    assert neither.id not in told(CALL_OPENED)


@pytest.mark.parametrize(
    ("opens", "closes", "kind"),
    [
        (timedelta(days=-9), timedelta(days=2, hours=23), CALL_CLOSING),
        (timedelta(days=-9), timedelta(hours=-1), CALL_CLOSED),
    ],
)
def test_three_days_before_the_close_and_at_it(make_call, make_user, opens, closes, kind):
    now = utcnow()
    call = make_call(opens_at=now + opens, closes_at=now + closes)
    follower, of_theme = make_user(), make_user()
    follow_call(call, follower)
    follow_theme(call.themes[0], of_theme)  # told of the opening only
    db.session.commit()

    tick()

    assert told(kind) == {follower.id}
    assert told(CALL_OPENED) == set()  # that was nine days ago: long told, or too late now


def test_the_answers_are_announced_once_every_proposal_has_its_answer(
    make_call, make_user, make_proposal
):
    call = make_call()
    make_proposal(ProposalStatus.ACCEPTED, call=call, themes=call.themes)
    follower = make_user()
    follow_call(call, follower)
    call.opens_at, call.closes_at = utcnow() - timedelta(days=20), utcnow() - timedelta(days=5)
    db.session.commit()

    tick()

    assert told(CALL_ANSWERED) == {follower.id}
    assert told(CALL_CLOSED) == set()  # five days ago: outside what the job looks back on


def test_a_draft_call_tells_no_one_and_one_may_stop_following(make_call, make_user):
    draft = make_call(publish=False, opens_at=utcnow() - timedelta(hours=1))
    published = make_call(opens_at=utcnow() - timedelta(hours=1))
    follower = make_user()
    follow_theme(draft.themes[0], follower)
    follow_call(published, follower)
    unfollow_call(published, follower)
    db.session.commit()

    tick()

    assert told(CALL_OPENED) == set()


def test_a_deadline_is_told_with_its_time_of_day(make_call, make_user, outbox):
    from cocreate.calls.dates import local_moment

    # Midnight: without the time, "lukker 10. marts" would read as a day too late.
    call = make_call(opens_at=utcnow() - timedelta(hours=1))
    call.closes_at = local_moment(datetime(2027, 3, 10, 0, 0))
    follower = make_user()
    follow_call(call, follower)
    db.session.commit()

    tick()

    (mail,) = [m for m in outbox() if m["To"] == follower.email]
    assert "10. marts 2027 00.00" in mail.get_body(("plain",)).get_content()
