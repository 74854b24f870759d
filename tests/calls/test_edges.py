"""The edges a review found: far dates, seconds, local days, sent-back proposals,
extensions and drafts. Each failed before its fix."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from cocreate.accounts.roles import Role
from cocreate.calls.dates import local_moment
from cocreate.calls.models import Call, CallPhase
from cocreate.calls.services import create_call, update_call
from cocreate.core.errors import ValidationFailed
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.proposals.calls import CallFigures, PhasedCall, visible_call
from cocreate.proposals.lifecycle import ProposalStatus


def _fields(call: Call, **changed) -> dict:
    kept = {
        "title": call.title,
        "intro": call.intro,
        "theme_ids": call.theme_ids,
        "department_id": call.department_id,
        "opens_at": call.opens_at,
        "closes_at": call.closes_at,
        "answers_by": call.answers_by,
    }
    return {**kept, **changed}


def test_the_form_takes_a_year_one_time_as_a_mistake(client, login, make_user, make_theme):
    theme = make_theme()
    login(make_user(Role.ADMIN))

    response = client.post(
        "/calls/new",
        data={
            "title": "T",
            "intro": "I",
            "theme_ids": [theme.id],
            "department_id": theme.department_id,
            "opens_at": "0001-01-01T00:30",
            "closes_at": "2027-03-01T12:00",
            "save_draft": "x",
        },
    )

    assert response.status_code == 200
    assert "året er for langt væk" in response.get_data(as_text=True)


def test_an_open_call_written_to_the_second_is_edited_through_the_minutes_a_form_shows(
    make_call, make_user
):
    call = make_call()  # its moments carry seconds, as an API client may send them
    admin = make_user(Role.ADMIN)
    minute = {
        "opens_at": call.opens_at.replace(second=0, microsecond=0),
        "closes_at": call.closes_at.replace(second=0, microsecond=0),
    }

    update_call(call, admin, **_fields(call, title="Ny titel", **minute))

    assert call.title == "Ny titel"


def test_answers_are_promised_by_the_local_day_of_the_close(make_user, make_theme):
    theme = make_theme()
    closes = local_moment(datetime(2027, 3, 10, 0, 30))  # 9 March 23:30 in UTC

    with pytest.raises(ValidationFailed) as refused:
        create_call(
            make_user(Role.ADMIN),
            title="T",
            intro="I",
            theme_ids=[theme.id],
            department_id=theme.department_id,
            opens_at=utcnow() + timedelta(hours=1),
            closes_at=closes,
            answers_by=date(2027, 3, 9),
        )

    assert set(refused.value.fields) == {"answers_by"}


def test_days_left_are_the_municipality_s_calendar_days(make_call):
    call = make_call()
    evening = local_moment(datetime(2027, 3, 1, 20, 0))
    call.closes_at = local_moment(datetime(2027, 3, 2, 10, 0))

    phased = PhasedCall(call, CallPhase.OPEN, CallFigures(), evening)

    assert phased.days_left == 1  # tomorrow, not "today" for being fewer than 24 hours away


def test_a_closed_call_with_a_proposal_sent_back_is_not_yet_answered(
    make_call, make_proposal, make_user
):
    call = make_call()
    make_proposal(ProposalStatus.ACCEPTED, call=call, themes=call.themes)
    make_proposal(ProposalStatus.CHANGES_REQUESTED, call=call, themes=call.themes)
    call.opens_at, call.closes_at = utcnow() - timedelta(days=20), utcnow() - timedelta(days=1)
    db.session.commit()

    assert visible_call(call.id, None).phase == CallPhase.CLOSED


def test_a_closed_call_is_not_opened_again(make_call, make_user):
    call = make_call()
    call.opens_at, call.closes_at = utcnow() - timedelta(days=20), utcnow() - timedelta(days=1)
    db.session.commit()

    with pytest.raises(ValidationFailed) as refused:
        update_call(
            call, make_user(Role.ADMIN), **_fields(call, closes_at=utcnow() + timedelta(days=5))
        )

    assert set(refused.value.fields) == {"closes_at"}


def test_an_extended_call_is_announced_again_for_its_new_close(make_call, make_user):
    from cocreate.calls.follows import follow_call
    from cocreate.notifications.models import Notification
    from cocreate.proposals.call_notices import CALL_CLOSING, announce_moments

    call = make_call(opens_at=utcnow() - timedelta(days=9), closes_at=utcnow() + timedelta(days=2))
    follower = make_user()
    follow_call(call, follower)
    db.session.commit()
    announce_moments({})
    db.session.commit()
    update_call(
        call, make_user(Role.ADMIN), **_fields(call, closes_at=call.closes_at + timedelta(days=1))
    )
    db.session.commit()
    announce_moments({})
    db.session.commit()

    told = select(Notification).where(Notification.kind == CALL_CLOSING)
    assert len(db.session.scalars(told).all()) == 2


def test_no_department_chosen_is_a_field_error(make_user, make_theme):
    theme = make_theme()
    with pytest.raises(ValidationFailed) as refused:
        create_call(
            make_user(Role.ADMIN),
            title="T",
            intro="I",
            theme_ids=[theme.id],
            department_id=None,
            opens_at=utcnow() + timedelta(hours=1),
            closes_at=utcnow() + timedelta(days=3),
        )

    assert "department_id" in refused.value.fields


def test_a_draft_whose_dates_say_open_offers_no_one_to_send_to_it(
    client, login, make_call, make_user
):
    call = make_call(publish=False)
    login(make_user(Role.DEPARTMENT_STAFF, departments=[call.department]))

    page = client.get(f"/calls/{call.id}").get_data(as_text=True)

    assert "Send et forslag til indkaldelsen" not in page


def test_an_outsider_cannot_tell_a_draft_exists_from_its_edit_page(
    client, login, make_call, make_user
):
    call = make_call(publish=False)
    login(make_user())

    assert client.get(f"/calls/{call.id}/edit").status_code == 404
    assert client.post(f"/calls/{call.id}/publish").status_code == 404
