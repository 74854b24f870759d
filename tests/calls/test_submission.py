"""Sending proposals to a call: only while it is open, by the server's clock."""

from datetime import datetime, timedelta

import pytest

from cocreate.core.errors import ValidationFailed
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.proposals import services
from cocreate.proposals.lifecycle import ProposalStatus

TEXT = {"title": "Lys på skolestien", "summary": "Mere lys.", "body": "Om vinteren er den mørk."}


def test_a_proposal_to_an_open_call_takes_its_themes_and_is_routed_to_its_department(
    make_call, make_user, make_theme
):
    from cocreate.accounts.roles import Role
    from cocreate.moderation.models import Decision
    from cocreate.moderation.services import decide_proposal

    other = make_theme()
    call = make_call(themes=[make_theme(department=other.department), other])
    proposal = services.create_proposal(make_user(), call_id=call.id, theme_ids=[], **TEXT)
    db.session.commit()
    decide_proposal(proposal, make_user(Role.MODERATOR), decision=Decision.APPROVE)

    assert proposal.theme_ids == call.theme_ids
    assert proposal.department_id == call.department_id


@pytest.mark.parametrize("moment", ["before", "after"])
def test_a_proposal_sent_outside_the_call_s_dates_is_refused_and_nothing_is_written(
    make_call, make_user, moment
):
    from cocreate.proposals.models import Proposal

    now = utcnow()
    if moment == "before":
        call = make_call(opens_at=now + timedelta(minutes=1))
    else:
        call = make_call(opens_at=now - timedelta(days=3), closes_at=now)

    with pytest.raises(ValidationFailed) as refused:
        services.create_proposal(make_user(), call_id=call.id, theme_ids=call.theme_ids, **TEXT)

    assert set(refused.value.fields) == {"call_id"}
    db.session.rollback()
    assert db.session.query(Proposal).count() == 0


def test_a_draft_started_before_the_close_is_kept_and_cannot_be_sent_after_it(make_call, make_user):
    call = make_call()
    author = make_user()
    draft = services.create_proposal(
        author, call_id=call.id, theme_ids=call.theme_ids, submit=False, **TEXT
    )
    db.session.commit()
    call.opens_at, call.closes_at = utcnow() - timedelta(days=20), utcnow() - timedelta(seconds=1)
    db.session.commit()

    services.update_proposal(draft, author, theme_ids=call.theme_ids, **TEXT)
    db.session.commit()
    with pytest.raises(ValidationFailed) as refused:
        services.submit_proposal(draft, author)
    db.session.rollback()
    services.update_proposal(draft, author, theme_ids=call.theme_ids, call_id=None, **TEXT)
    services.submit_proposal(draft, author)  # outside any call, it may go
    db.session.commit()

    assert "call_id" in refused.value.fields
    assert draft.status == ProposalStatus.SUBMITTED and draft.call_id is None


def test_an_unknown_or_draft_call_is_refused(make_call, make_user):
    draft_call = make_call(publish=False)
    for call_id in (draft_call.id, 2_000_000):
        with pytest.raises(ValidationFailed) as refused:
            services.create_proposal(make_user(), call_id=call_id, theme_ids=[], **TEXT)
        assert "call_id" in refused.value.fields
        db.session.rollback()


def test_a_submitted_proposal_keeps_its_call(make_call, make_user, make_proposal):
    call = make_call()
    proposal = make_proposal(ProposalStatus.SUBMITTED, call=call, themes=call.themes)

    with pytest.raises(ValidationFailed) as refused:
        services.update_proposal(
            proposal, proposal.author, theme_ids=call.theme_ids, call_id=None, **TEXT
        )

    assert "call_id" in refused.value.fields


@pytest.mark.parametrize(
    ("offset", "sent"),
    [
        (("opens", timedelta(minutes=-1)), False),
        (("opens", timedelta(0)), True),
        (("closes", timedelta(seconds=-1)), True),
        (("closes", timedelta(0)), False),
    ],
)
def test_the_server_s_clock_decides_at_the_boundaries_of_a_close_on_summer_time(
    make_call, make_user, monkeypatch, offset, sent
):
    from cocreate.calls.dates import local_moment

    opens = utcnow() - timedelta(days=1)
    # 03:00 in Copenhagen on the night the clocks go forward: 01:00 UTC.
    closes = local_moment(datetime(2027, 3, 28, 3, 0))
    call = make_call(opens_at=opens, closes_at=closes)
    edge, shift = offset
    monkeypatch.setattr(services, "utcnow", lambda: (opens if edge == "opens" else closes) + shift)

    try:
        services.create_proposal(make_user(), call_id=call.id, theme_ids=[], **TEXT)
        accepted = True
    except ValidationFailed as refused:
        accepted = False
        assert "call_id" in refused.fields

    assert accepted == sent
