"""The lifecycle table, pair by pair: allowed steps move and record, refused ones change nothing.

The proposals are inserted directly in each state instead of being driven there through the
services: this tests `transition` itself, 121 times, and must stay fast.
"""

import pytest
from sqlalchemy import func, select

from cocreate.accounts.models import User
from cocreate.core.errors import TransitionNotAllowed
from cocreate.core.types import utcnow
from cocreate.proposals.lifecycle import Action, ProposalStatus, StatusChange, transition
from cocreate.proposals.models import Proposal

A = Action
S = ProposalStatus

# (action, from status) -> status after; every pair not listed is refused.
# Written from the lifecycle in DESIGN.md, not read from states.TRANSITIONS.
ALLOWED = {
    (A.SUBMIT, S.DRAFT): S.SUBMITTED,
    (A.RESUBMIT, S.CHANGES_REQUESTED): S.SUBMITTED,
    (A.APPROVE, S.SUBMITTED): S.PUBLISHED,
    (A.REQUEST_CHANGES, S.SUBMITTED): S.CHANGES_REQUESTED,
    (A.REJECT, S.SUBMITTED): S.REJECTED,
    (A.ACKNOWLEDGE, S.PUBLISHED): S.UNDER_REVIEW,
    (A.ACCEPT, S.PUBLISHED): S.ACCEPTED,
    (A.ACCEPT, S.UNDER_REVIEW): S.ACCEPTED,
    (A.PARTIALLY_ACCEPT, S.PUBLISHED): S.PARTIALLY_ACCEPTED,
    (A.PARTIALLY_ACCEPT, S.UNDER_REVIEW): S.PARTIALLY_ACCEPTED,
    (A.DECLINE, S.PUBLISHED): S.DECLINED,
    (A.DECLINE, S.UNDER_REVIEW): S.DECLINED,
    (A.IMPLEMENT, S.ACCEPTED): S.IMPLEMENTED,
    (A.IMPLEMENT, S.PARTIALLY_ACCEPTED): S.IMPLEMENTED,
    (A.WITHDRAW, S.DRAFT): S.WITHDRAWN,
    (A.WITHDRAW, S.SUBMITTED): S.WITHDRAWN,
    (A.WITHDRAW, S.CHANGES_REQUESTED): S.WITHDRAWN,
    (A.WITHDRAW, S.PUBLISHED): S.WITHDRAWN,
    (A.WITHDRAW, S.UNDER_REVIEW): S.WITHDRAWN,
}
REFUSED = [(action, status) for action in A for status in S if (action, status) not in ALLOWED]

# The timestamp each target state stamps; the other targets stamp only status_changed_at.
STAMP_OF = {
    S.SUBMITTED: "submitted_at",
    S.PUBLISHED: "published_at",
    S.UNDER_REVIEW: "acknowledged_at",
    S.ACCEPTED: "answered_at",
    S.PARTIALLY_ACCEPTED: "answered_at",
    S.DECLINED: "answered_at",
    S.IMPLEMENTED: "implemented_at",
}
STAMPS = sorted(set(STAMP_OF.values()))
SNAPSHOT = ["status", "status_changed_at", "version", *STAMPS]


def _pair_id(pair):
    action, status = pair
    return f"{action}-from-{status}"


@pytest.fixture
def actor(db):
    # No password hashing: these tests only need someone to record as the actor.
    user = User(name="Sagsbehandler", email="actor@example.dk", password_hash="!")
    db.session.add(user)
    db.session.commit()
    return user


@pytest.fixture
def proposal_in(db, actor):
    def _make(status):
        proposal = Proposal(
            title="Flere bænke langs åen",
            summary="Resumé",
            body="Tekst",
            body_html="<p>Tekst</p>",
            status=status,
            author=actor,
        )
        db.session.add(proposal)
        db.session.commit()
        return proposal

    return _make


def _reload(db, proposal_id):
    db.session.expire_all()
    return db.session.get(Proposal, proposal_id)


def _changes(db, proposal_id):
    return db.session.scalars(
        select(StatusChange)
        .where(StatusChange.proposal_id == proposal_id)
        .order_by(StatusChange.id)
    ).all()


def test_the_table_covers_every_action_and_status():
    assert len(ALLOWED) + len(REFUSED) == len(A) * len(S) == 121
    assert {action for action, _status in ALLOWED} == set(A)


@pytest.mark.parametrize(("action", "status"), list(ALLOWED), ids=map(_pair_id, ALLOWED))
def test_allowed_step_moves_the_state_and_records_it(db, actor, proposal_in, action, status):
    proposal = proposal_in(status)
    proposal_id, version = proposal.id, proposal.version
    started = utcnow()

    returned = transition(proposal, action, actor, reason="Fordi borgerne bad om det")
    db.session.commit()
    finished = utcnow()

    target = ALLOWED[(action, status)]
    proposal = _reload(db, proposal_id)
    assert proposal.status == target
    assert proposal.version == version + 1
    [change] = _changes(db, proposal_id)
    assert change.id == returned.id
    assert (change.action, change.from_status, change.to_status) == (action, status, target)
    assert change.actor_id == actor.id
    assert change.reason == "Fordi borgerne bad om det"
    assert started <= change.created_at <= finished
    assert proposal.status_changed_at == change.created_at
    for stamp in STAMPS:
        expected = change.created_at if STAMP_OF.get(target) == stamp else None
        assert getattr(proposal, stamp) == expected, stamp


@pytest.mark.parametrize(("action", "status"), REFUSED, ids=map(_pair_id, REFUSED))
def test_refused_step_raises_and_changes_nothing(db, actor, proposal_in, action, status):
    proposal = proposal_in(status)
    proposal_id = proposal.id
    before = {name: getattr(proposal, name) for name in SNAPSHOT}

    with pytest.raises(TransitionNotAllowed) as refused:
        transition(proposal, action, actor, reason="Forsøg")
    db.session.commit()

    assert refused.value.status == 409
    proposal = _reload(db, proposal_id)
    assert {name: getattr(proposal, name) for name in SNAPSHOT} == before
    assert db.session.scalar(select(func.count()).select_from(StatusChange)) == 0


def test_refusal_outside_a_request_still_explains_itself(db, actor, proposal_in):
    # Jobs and CLI commands run services in an app context without a request.
    proposal = proposal_in(S.DRAFT)
    with pytest.raises(TransitionNotAllowed) as refused:
        transition(proposal, A.APPROVE, actor)
    assert "Kladde" in refused.value.message


def test_history_keeps_every_step_in_order(db, actor, proposal_in):
    proposal = proposal_in(S.DRAFT)
    for action in (A.SUBMIT, A.REQUEST_CHANGES, A.RESUBMIT, A.APPROVE, A.ACKNOWLEDGE, A.ACCEPT):
        transition(proposal, action, actor)
    transition(proposal, A.IMPLEMENT, None, reason="Udført af systemet")
    db.session.commit()

    steps = [(c.action, c.from_status, c.to_status) for c in _changes(db, proposal.id)]
    assert steps == [
        (A.SUBMIT, S.DRAFT, S.SUBMITTED),
        (A.REQUEST_CHANGES, S.SUBMITTED, S.CHANGES_REQUESTED),
        (A.RESUBMIT, S.CHANGES_REQUESTED, S.SUBMITTED),
        (A.APPROVE, S.SUBMITTED, S.PUBLISHED),
        (A.ACKNOWLEDGE, S.PUBLISHED, S.UNDER_REVIEW),
        (A.ACCEPT, S.UNDER_REVIEW, S.ACCEPTED),
        (A.IMPLEMENT, S.ACCEPTED, S.IMPLEMENTED),
    ]
    assert _changes(db, proposal.id)[-1].actor_id is None
    assert all(stamp is not None for stamp in (getattr(proposal, s) for s in STAMPS))
