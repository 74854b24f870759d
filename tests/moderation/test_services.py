"""Moderation decisions: approve and route, request changes, reject; one decision only."""

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from cocreate.accounts.models import User
from cocreate.accounts.roles import Role
from cocreate.core.audit import AuditEntry
from cocreate.core.errors import (
    ConcurrentChange,
    PermissionDenied,
    TransitionNotAllowed,
    ValidationFailed,
)
from cocreate.core.types import utcnow
from cocreate.extensions import db as _db
from cocreate.moderation.models import Decision, ModerationDecision, RejectionReason
from cocreate.moderation.services import NOTE_MAX, decide_proposal, moderation_queue
from cocreate.proposals.lifecycle import Action, ProposalStatus, StatusChange
from cocreate.proposals.models import Proposal, Routing

S = ProposalStatus


@pytest.fixture
def moderator(make_user):
    return make_user(Role.MODERATOR)


def _count(db, model, proposal_id):
    query = select(func.count()).select_from(model).where(model.proposal_id == proposal_id)
    return db.session.scalar(query)


def _decisions_recorded(db, proposal_id):
    """Everything a decision leaves behind, counted."""
    return {
        "decisions": _count(db, ModerationDecision, proposal_id),
        "status_changes": _count(db, StatusChange, proposal_id),
        "routings": _count(db, Routing, proposal_id),
        "audit": db.session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.subject_type == "proposal", AuditEntry.subject_id == proposal_id)
        ),
    }


def _assert_untouched(db, proposal, recorded_before):
    proposal_id = proposal.id
    db.session.commit()  # a refusal leaves nothing behind to commit
    db.session.expire_all()
    assert db.session.get(Proposal, proposal_id).status == S.SUBMITTED
    assert _decisions_recorded(db, proposal_id) == recorded_before


def test_approve_routes_to_the_first_themes_department_by_default(
    db, make_department, make_theme, make_proposal, moderator
):
    first = make_department(sla_acknowledge_days=3, sla_answer_days=21)
    second = make_department(sla_acknowledge_days=7, sla_answer_days=90)
    proposal = make_proposal(S.SUBMITTED, themes=[make_theme(first), make_theme(second)])
    started = utcnow()

    record = decide_proposal(proposal, moderator, decision=Decision.APPROVE)
    db.session.commit()

    assert proposal.status == S.PUBLISHED
    assert proposal.published_at is not None
    assert proposal.department_id == first.id
    assert (record.decision, record.moderator_id, record.reason) == (
        Decision.APPROVE,
        moderator.id,
        None,
    )
    [routing] = proposal.routings
    assert (routing.from_department_id, routing.to_department_id) == (None, first.id)
    assert routing.actor_id == moderator.id
    assert started <= proposal.routed_at <= utcnow()
    assert proposal.acknowledge_due_at == proposal.routed_at + timedelta(days=3)
    assert proposal.answer_due_at == proposal.routed_at + timedelta(days=21)
    change = proposal.status_changes[-1]
    assert (change.action, change.from_status, change.to_status, change.actor_id) == (
        Action.APPROVE,
        S.SUBMITTED,
        S.PUBLISHED,
        moderator.id,
    )
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "proposal.moderated"))
    assert (entry.actor_id, entry.subject_type, entry.subject_id) == (
        moderator.id,
        "proposal",
        proposal.id,
    )
    assert entry.before == {"status": "submitted"}
    assert entry.after["status"] == "published"
    assert entry.after["decision"] == "approve"


def test_approve_routes_to_the_department_the_moderator_chooses(
    db, make_department, make_theme, make_proposal, moderator
):
    proposal = make_proposal(S.SUBMITTED, themes=[make_theme()])
    chosen = make_department(sla_acknowledge_days=2, sla_answer_days=14)

    decide_proposal(proposal, moderator, decision=Decision.APPROVE, department=chosen)
    db.session.commit()

    assert proposal.department_id == chosen.id
    [routing] = proposal.routings
    assert (routing.from_department_id, routing.to_department_id) == (None, chosen.id)
    assert proposal.acknowledge_due_at == proposal.routed_at + timedelta(days=2)
    assert proposal.answer_due_at == proposal.routed_at + timedelta(days=14)


@pytest.mark.parametrize("note", ["", "   \n "])
def test_request_changes_needs_a_note(db, make_proposal, moderator, note):
    proposal = make_proposal(S.SUBMITTED)
    recorded = _decisions_recorded(db, proposal.id)

    with pytest.raises(ValidationFailed) as refused:
        decide_proposal(proposal, moderator, decision=Decision.REQUEST_CHANGES, note=note)

    assert set(refused.value.fields) == {"note"}
    _assert_untouched(db, proposal, recorded)


def test_request_changes_sends_the_note_back_to_the_author(db, make_proposal, moderator):
    proposal = make_proposal(S.SUBMITTED)

    record = decide_proposal(
        proposal, moderator, decision=Decision.REQUEST_CHANGES, note="  Tilføj et budget.  "
    )
    db.session.commit()

    assert proposal.status == S.CHANGES_REQUESTED
    assert record.note == "Tilføj et budget."
    assert proposal.department_id is None
    assert proposal.routings == []
    change = proposal.status_changes[-1]
    assert change.action == Action.REQUEST_CHANGES
    assert change.reason.strip() == "Tilføj et budget."


def test_a_note_longer_than_the_limit_is_refused(db, make_proposal, moderator):
    proposal = make_proposal(S.SUBMITTED)
    recorded = _decisions_recorded(db, proposal.id)

    with pytest.raises(ValidationFailed) as refused:
        decide_proposal(
            proposal, moderator, decision=Decision.REQUEST_CHANGES, note="x" * (NOTE_MAX + 1)
        )

    assert set(refused.value.fields) == {"note"}
    _assert_untouched(db, proposal, recorded)


def test_reject_needs_a_reason(db, make_proposal, moderator):
    proposal = make_proposal(S.SUBMITTED)
    recorded = _decisions_recorded(db, proposal.id)

    with pytest.raises(ValidationFailed) as refused:
        decide_proposal(proposal, moderator, decision=Decision.REJECT, reason=None)

    assert set(refused.value.fields) == {"reason"}
    _assert_untouched(db, proposal, recorded)


def test_reject_refuses_a_reason_outside_the_fixed_list(db, make_proposal, moderator):
    proposal = make_proposal(S.SUBMITTED)
    recorded = _decisions_recorded(db, proposal.id)

    with pytest.raises(ValidationFailed) as refused:
        decide_proposal(proposal, moderator, decision=Decision.REJECT, reason="boring")

    assert set(refused.value.fields) == {"reason"}
    _assert_untouched(db, proposal, recorded)


@pytest.mark.parametrize("reason", list(RejectionReason))
def test_reject_records_a_reason_from_the_fixed_list(db, make_proposal, moderator, reason):
    proposal = make_proposal(S.SUBMITTED)

    record = decide_proposal(proposal, moderator, decision=Decision.REJECT, reason=reason)
    db.session.commit()

    assert proposal.status == S.REJECTED
    db.session.expire_all()
    assert db.session.get(ModerationDecision, record.id).reason == reason
    assert proposal.department_id is None


def test_a_reason_given_with_an_approval_is_not_kept(db, make_proposal, moderator):
    proposal = make_proposal(S.SUBMITTED)

    record = decide_proposal(
        proposal, moderator, decision=Decision.APPROVE, reason=RejectionReason.SPAM
    )

    assert record.reason is None


def test_a_moderator_cannot_decide_their_own_proposal(db, make_proposal, moderator):
    proposal = make_proposal(S.SUBMITTED, author=moderator)
    recorded = _decisions_recorded(db, proposal.id)

    with pytest.raises(PermissionDenied):
        decide_proposal(proposal, moderator, decision=Decision.APPROVE)

    _assert_untouched(db, proposal, recorded)


@pytest.mark.parametrize(
    "roles", [(), (Role.DEPARTMENT_STAFF,), (Role.PANEL_MEMBER,)], ids=["citizen", "staff", "panel"]
)
def test_a_non_moderator_is_refused(db, make_user, make_proposal, roles):
    proposal = make_proposal(S.SUBMITTED)
    someone = make_user(*roles)
    recorded = _decisions_recorded(db, proposal.id)

    with pytest.raises(PermissionDenied):
        decide_proposal(proposal, someone, decision=Decision.APPROVE)

    _assert_untouched(db, proposal, recorded)


@pytest.mark.parametrize("second", list(Decision))
def test_deciding_twice_is_refused_and_records_nothing_twice(
    db, make_user, make_proposal, moderator, second
):
    proposal = make_proposal(S.SUBMITTED)
    decide_proposal(proposal, moderator, decision=Decision.APPROVE)
    db.session.commit()
    recorded = _decisions_recorded(db, proposal.id)
    assert recorded == {"decisions": 1, "status_changes": 2, "routings": 1, "audit": 2}

    with pytest.raises(TransitionNotAllowed) as refused:
        decide_proposal(
            proposal,
            make_user(Role.MODERATOR),
            decision=second,
            reason=RejectionReason.DUPLICATE,
            note="Igen",
        )
    db.session.commit()

    assert refused.value.status == 409
    db.session.expire_all()
    assert db.session.get(Proposal, proposal.id).status == S.PUBLISHED
    assert _decisions_recorded(db, proposal.id) == recorded


def test_a_draft_cannot_be_decided(db, make_proposal, moderator):
    proposal = make_proposal(S.DRAFT)

    with pytest.raises(TransitionNotAllowed):
        decide_proposal(proposal, moderator, decision=Decision.APPROVE)

    db.session.commit()
    assert proposal.status == S.DRAFT
    assert _count(db, ModerationDecision, proposal.id) == 0


def test_the_queue_holds_submitted_proposals_oldest_first(db, make_user, make_proposal):
    author = make_user()
    first = make_proposal(S.SUBMITTED, author=author)
    second = make_proposal(S.SUBMITTED, author=author)
    for status in (S.DRAFT, S.CHANGES_REQUESTED, S.PUBLISHED):
        make_proposal(status, author=author)
    # Make the later one older: the queue orders by submission, not by id.
    second.submitted_at = first.submitted_at - timedelta(hours=1)
    db.session.commit()

    assert [p.id for p in db.session.scalars(moderation_queue())] == [second.id, first.id]


# Two moderators decide the same proposal at once, each in their own session (an app
# context per thread gives each thread its own `db.session`).


def _decide_in_own_session(app, proposal_id, moderator_id, decision, before, after, outcome):
    with app.app_context():
        try:
            proposal = _db.session.get(Proposal, proposal_id)
            moderator = _db.session.get(User, moderator_id)
            assert proposal.status == S.SUBMITTED
            proposal.themes[0].department  # noqa: B018  (load everything before the race)
            before()
            decide_proposal(
                proposal, moderator, decision=decision, reason=RejectionReason.OTHER, note="Nej"
            )
            _db.session.commit()
            outcome[decision] = "won"
        except BaseException as exc:  # the test checks which error the loser got
            _db.session.rollback()
            outcome[decision] = exc
        finally:
            after()


def _race(app, proposal_id, moderator_ids, *, one_after_the_other):
    outcome = {}
    timeout = 20
    loaded = threading.Barrier(2, timeout=timeout)
    first_done = threading.Event()
    decisions = (Decision.APPROVE, Decision.REJECT)

    def before_first():
        loaded.wait()

    def before_second():
        loaded.wait()
        if one_after_the_other:
            assert first_done.wait(timeout)

    threads = [
        threading.Thread(
            target=_decide_in_own_session,
            args=(app, proposal_id, moderator_ids[0], decisions[0], before_first),
            kwargs={"after": first_done.set, "outcome": outcome},
        ),
        threading.Thread(
            target=_decide_in_own_session,
            args=(app, proposal_id, moderator_ids[1], decisions[1], before_second),
            kwargs={"after": lambda: None, "outcome": outcome},
        ),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
        assert not thread.is_alive()
    return outcome


@pytest.mark.parametrize("one_after_the_other", [True, False], ids=["interleaved", "simultaneous"])
def test_two_moderators_deciding_at_once_leave_exactly_one_decision(
    app, db, make_user, make_proposal, one_after_the_other
):
    proposal = make_proposal(S.SUBMITTED)
    moderators = [make_user(Role.MODERATOR), make_user(Role.MODERATOR)]
    proposal_id, moderator_ids = proposal.id, [m.id for m in moderators]
    db.session.commit()  # hold no transaction open while the threads run

    outcome = _race(app, proposal_id, moderator_ids, one_after_the_other=one_after_the_other)

    winners = [d for d, result in outcome.items() if result == "won"]
    losers = [result for result in outcome.values() if result != "won"]
    assert len(winners) == 1, outcome
    assert len(losers) == 1, outcome
    assert isinstance(losers[0], ConcurrentChange | TransitionNotAllowed), outcome
    if one_after_the_other:
        # The second moderator still holds the proposal as submitted: only the version
        # check can stop them.
        assert winners == [Decision.APPROVE]
        assert isinstance(losers[0], ConcurrentChange)

    db.session.expire_all()
    proposal = db.session.get(Proposal, proposal_id)
    [record] = db.session.scalars(select(ModerationDecision)).all()
    assert record.decision == winners[0]
    decided = db.session.scalars(
        select(StatusChange).where(StatusChange.action != Action.SUBMIT)
    ).all()
    assert len(decided) == 1
    assert decided[0].actor_id == record.moderator_id
    expected_status = S.PUBLISHED if winners == [Decision.APPROVE] else S.REJECTED
    assert proposal.status == decided[0].to_status == expected_status
    assert _count(db, Routing, proposal_id) == (1 if winners == [Decision.APPROVE] else 0)
