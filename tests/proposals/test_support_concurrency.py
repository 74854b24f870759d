"""Supports racing each other, each in its own session, on SQLite and PostgreSQL alike.

Each thread pushes its own app context, which gives it its own `db.session` and so its
own connection and transaction; a barrier lets them all write at the same moment.
"""

import threading

from sqlalchemy import func, select

from cocreate.accounts.models import User
from cocreate.extensions import db as _db
from cocreate.proposals.engagement import support_proposal, withdraw_support
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import Proposal, Support

THREADS = 8
TIMEOUT = 30


def _race(app, service, proposal_id: int, user_ids: list[int]) -> list:
    """Run service(proposal, user) for each user id in its own thread, all at once."""
    start = threading.Barrier(len(user_ids), timeout=TIMEOUT)
    outcomes: list = [None] * len(user_ids)

    def run(index: int, user_id: int) -> None:
        with app.app_context():
            try:
                proposal = _db.session.get(Proposal, proposal_id)
                user = _db.session.get(User, user_id)
                start.wait()
                outcomes[index] = service(proposal, user)
                _db.session.commit()
            except BaseException as exc:  # reported by the test, not lost in the thread
                _db.session.rollback()
                outcomes[index] = exc
            finally:
                _db.session.remove()

    threads = [
        threading.Thread(target=run, args=(index, user_id))
        for index, user_id in enumerate(user_ids)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
        assert not thread.is_alive()
    return outcomes


def _state(db, proposal_id: int) -> tuple[int, int]:
    db.session.expire_all()
    rows = db.session.scalar(
        select(func.count()).select_from(Support).where(Support.proposal_id == proposal_id)
    )
    return rows, db.session.get(Proposal, proposal_id).support_count


def test_one_account_supporting_many_times_at_once_counts_once(app, db, make_user, make_proposal):
    proposal, citizen = make_proposal(ProposalStatus.PUBLISHED), make_user()
    proposal_id, citizen_id = proposal.id, citizen.id
    db.session.commit()  # hold no transaction open while the threads run

    outcomes = _race(app, support_proposal, proposal_id, [citizen_id] * THREADS)

    assert sorted(outcomes, key=str) == [False] * (THREADS - 1) + [True], outcomes
    assert _state(db, proposal_id) == (1, 1)


def test_many_accounts_supporting_at_once_all_count(app, db, make_user, make_proposal):
    proposal = make_proposal(ProposalStatus.UNDER_REVIEW)
    proposal_id = proposal.id
    user_ids = [make_user().id for _ in range(THREADS)]
    db.session.commit()

    outcomes = _race(app, support_proposal, proposal_id, user_ids)

    assert outcomes == [True] * THREADS, outcomes
    assert _state(db, proposal_id) == (THREADS, THREADS)


def test_one_account_withdrawing_many_times_at_once_counts_once(app, db, make_user, make_proposal):
    proposal, citizen, other = make_proposal(ProposalStatus.PUBLISHED), make_user(), make_user()
    support_proposal(proposal, citizen)
    support_proposal(proposal, other)
    proposal_id, citizen_id = proposal.id, citizen.id
    db.session.commit()

    outcomes = _race(app, withdraw_support, proposal_id, [citizen_id] * THREADS)

    assert sorted(outcomes, key=str) == [False] * (THREADS - 1) + [True], outcomes
    assert _state(db, proposal_id) == (1, 1)
