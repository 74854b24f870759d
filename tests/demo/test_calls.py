"""The demo's calls for proposals: one in each phase, with proposals sent while they were open."""

from collections import defaultdict

import pytest
from sqlalchemy import select

from cocreate.accounts.models import User
from cocreate.calls.dates import local_time
from cocreate.calls.models import Call, CallPhase
from cocreate.core.audit import AuditEntry
from cocreate.core.errors import ValidationFailed
from cocreate.core.types import utcnow
from cocreate.demo.clock import moment
from cocreate.demo.data import demo_content
from cocreate.demo.seed import seed_demo_municipality
from cocreate.proposals.calls import AWAITING_ANSWER, PHASE_ORDER, phased_calls
from cocreate.proposals.lifecycle import ANSWERED_STATUSES, Action, ProposalStatus
from cocreate.proposals.models import Proposal
from cocreate.proposals.services import create_proposal

CALLS = demo_content().calls
TEXT = {
    "title": "Skolepatrulje ved Engdalsskolen",
    "summary": "Ældre elever hjælper de yngre over vejen om morgenen.",
    "body": "Det gjorde vi, da jeg selv gik i skole.",
}


@pytest.fixture
def loaded_at(db):
    """Load the demo and give the moment it was loaded at."""
    now = utcnow()
    seed_demo_municipality(demo_content(), now)
    db.session.commit()
    return now


def proposals_by_call(db) -> dict[int, list[Proposal]]:
    sent = defaultdict(list)
    for proposal in db.session.scalars(select(Proposal).where(Proposal.call_id.is_not(None))):
        sent[proposal.call_id].append(proposal)
    return sent


def test_the_demo_has_one_call_in_each_phase_on_its_real_themes(loaded_at, db):
    phased = phased_calls(None)

    assert [found.phase for found in phased] == list(PHASE_ORDER)
    assert {
        found.call.title: ([theme.slug for theme in found.call.themes], found.call.department.slug)
        for found in phased
    } == {spec.title: (list(spec.themes), spec.department) for spec in CALLS}
    assert all(found.call.is_published and found.call.intro_html for found in phased)


def test_each_call_s_proposals_tell_the_story_of_its_phase(loaded_at, db):
    phase = {found.call.id: found.phase for found in phased_calls(None)}
    statuses = {
        phase[call_id]: {proposal.status for proposal in proposals}
        for call_id, proposals in proposals_by_call(db).items()
    }

    assert CallPhase.UPCOMING not in statuses
    assert ProposalStatus.SUBMITTED in statuses[CallPhase.OPEN]
    assert statuses[CallPhase.OPEN] & {ProposalStatus.PUBLISHED, ProposalStatus.UNDER_REVIEW}
    assert statuses[CallPhase.CLOSED] & AWAITING_ANSWER
    assert statuses[CallPhase.CLOSED] & ANSWERED_STATUSES
    assert statuses[CallPhase.ANSWERED] <= ANSWERED_STATUSES
    assert len(statuses[CallPhase.ANSWERED]) >= 2


def test_every_call_has_the_dates_its_content_gives_in_the_audit_log_too(loaded_at, db):
    calls = {call.title: call for call in db.session.scalars(select(Call))}
    for number, spec in enumerate(CALLS):
        call = calls[spec.title]
        opens_at, closes_at, answers_by = spec.dates(loaded_at)
        assert (call.opens_at, call.closes_at, call.answers_by) == (opens_at, closes_at, answers_by)
        assert local_time(call.opens_at).time() == spec.time_of_day
        assert (loaded_at - call.opens_at).days in (spec.opens_days_ago, spec.opens_days_ago - 1)
        published = moment(loaded_at, spec.published_days_ago, number)
        assert call.published_at == call.created_at == published
        (entry,) = db.session.scalars(
            select(AuditEntry).where(
                AuditEntry.subject_type == "call", AuditEntry.subject_id == call.id
            )
        )
        assert entry.created_at == published
        assert entry.after["opens_at"] == opens_at.isoformat()
        assert entry.after["closes_at"] == closes_at.isoformat()
        assert entry.after["answers_by"] == (answers_by.isoformat() if answers_by else None)


def test_every_proposal_to_a_call_was_written_and_sent_while_it_was_open(loaded_at, db):
    calls = {call.id: call for call in db.session.scalars(select(Call))}
    sent = proposals_by_call(db)

    assert sum(len(proposals) for proposals in sent.values()) == sum(
        1 for demo in demo_content().proposals if demo.call
    )
    for call_id, proposals in sent.items():
        call = calls[call_id]
        for proposal in proposals:
            submitted = next(c for c in proposal.status_changes if c.action == Action.SUBMIT)
            assert call.opens_at <= proposal.created_at < call.closes_at, proposal.title
            assert call.opens_at <= submitted.created_at < call.closes_at, proposal.title
            assert proposal.department_id == call.department_id or proposal.department_id is None


def test_the_open_call_takes_a_new_proposal_now_and_the_closed_ones_do_not(loaded_at, db):
    citizen = db.session.scalar(select(User).where(User.email.startswith("mette.holm@")))
    by_phase = {found.phase: found.call for found in phased_calls(None)}
    opened = by_phase[CallPhase.OPEN]

    proposal = create_proposal(citizen, call_id=opened.id, theme_ids=[], **TEXT)
    db.session.commit()

    assert proposal.status == ProposalStatus.SUBMITTED
    assert proposal.theme_ids == opened.theme_ids
    for phase in (CallPhase.UPCOMING, CallPhase.CLOSED, CallPhase.ANSWERED):
        with pytest.raises(ValidationFailed) as refused:
            create_proposal(citizen, call_id=by_phase[phase].id, theme_ids=[], **TEXT)
        assert "call_id" in refused.value.fields
        db.session.rollback()
