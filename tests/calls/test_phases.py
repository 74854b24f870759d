"""A call's phase follows from the clock, at each boundary, and from its answers once closed."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from cocreate.calls.dates import local_moment
from cocreate.calls.models import Call, CallPhase
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.proposals.calls import phase_of, visible_call
from cocreate.proposals.lifecycle import ProposalStatus

OPENS = datetime(2027, 3, 1, 11, 0, tzinfo=UTC)
CLOSES = datetime(2027, 3, 28, 1, 0, tzinfo=UTC)  # 03:00 Danish summer time, the change


def close(call) -> None:
    """Let the call's time run out, as a month would."""
    call.opens_at, call.closes_at = utcnow() - timedelta(days=30), utcnow() - timedelta(days=1)
    db.session.commit()


@pytest.mark.parametrize(
    ("now", "phase"),
    [
        (OPENS - timedelta(minutes=1), CallPhase.UPCOMING),
        (OPENS, CallPhase.OPEN),
        (CLOSES - timedelta(microseconds=1), CallPhase.OPEN),
        (CLOSES, CallPhase.CLOSED),
    ],
)
def test_the_clock_gives_the_phase_in_python_and_in_sql_alike(make_call, now, phase):
    call = make_call(opens_at=OPENS, closes_at=CLOSES)

    in_sql = db.session.scalar(select(phase_of(now)).where(Call.id == call.id))

    assert call.clock_phase(now) == phase
    assert in_sql == phase.value
    assert call.is_open_at(now) == (phase == CallPhase.OPEN)
    assert db.session.scalar(select(Call.is_open_at(now)).where(Call.id == call.id)) == (
        phase == CallPhase.OPEN
    )


def test_a_draft_call_is_never_open(make_call):
    call = make_call(opens_at=OPENS, closes_at=CLOSES, publish=False)

    assert not call.is_open_at(OPENS + timedelta(days=1))


def test_a_closed_call_is_answered_once_none_of_its_proposals_waits_for_an_answer(
    make_call, make_proposal, make_user
):
    from cocreate.accounts.roles import Role
    from cocreate.departments.answers import respond_to_proposal
    from cocreate.moderation.models import Decision
    from cocreate.moderation.services import decide_proposal
    from cocreate.proposals.models import Outcome

    call = make_call()
    answered = make_proposal(ProposalStatus.ACCEPTED, call=call, themes=call.themes)
    waiting = make_proposal(ProposalStatus.SUBMITTED, call=call, themes=call.themes)
    make_proposal(ProposalStatus.REJECTED, call=call, themes=call.themes)
    close(call)
    admin = make_user(Role.ADMIN)

    assert visible_call(call.id, admin).phase == CallPhase.CLOSED
    decide_proposal(waiting, make_user(Role.MODERATOR), decision=Decision.APPROVE)
    db.session.commit()
    assert visible_call(call.id, admin).phase == CallPhase.CLOSED  # published, not answered
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[waiting.department])
    respond_to_proposal(waiting, staff, outcome=Outcome.DECLINED, text="Nej, fordi ...")
    db.session.commit()

    found = visible_call(call.id, admin)
    assert found.phase == CallPhase.ANSWERED
    assert found.figures.data() == {"received": 3, "published": 2, "answered": 2, "accepted": 1}
    assert answered.call_id == call.id


def test_a_closed_call_without_proposals_stays_closed(make_call, make_user):
    call = make_call()
    close(call)

    assert visible_call(call.id, None).phase == CallPhase.CLOSED


@pytest.mark.parametrize(
    ("local", "moment"),
    [
        (datetime(2027, 3, 28, 1, 59), datetime(2027, 3, 28, 0, 59, tzinfo=UTC)),
        (datetime(2027, 3, 28, 3, 0), datetime(2027, 3, 28, 1, 0, tzinfo=UTC)),
        (datetime(2027, 10, 31, 2, 30), datetime(2027, 10, 31, 0, 30, tzinfo=UTC)),
        (datetime(2027, 3, 28, 2, 30), None),  # the clocks skip from 02:00 to 03:00
    ],
)
def test_local_times_in_copenhagen_become_moments_across_summer_time(app, local, moment):
    assert local_moment(local) == moment
