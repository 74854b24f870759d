"""Requests, reviews and conflict declarations racing each other, each in its own session.

pause_after holds every thread between the service's look and its write, the worst moment;
the loser must get a clear refusal (409 or 403), never an IntegrityError, and the database
must keep one row.
"""

from datetime import timedelta

from sqlalchemy import func, select

from cocreate.accounts.models import User
from cocreate.core.errors import DomainError, PermissionDenied, TransitionNotAllowed
from cocreate.extensions import db as _db
from cocreate.panel import services
from cocreate.panel.models import PanelConflict, PanelReview, PanelReviewRequest
from cocreate.panel.queries import local_today
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import Proposal
from tests.concurrency import pause_after, race
from tests.panel.helpers import GOOD_SCORES, seat


def _count(db, model, **where) -> int:
    db.session.expire_all()
    query = select(func.count(model.id)).filter_by(**where)
    return db.session.scalar(query)


def _loaded(proposal_id: int, user_id: int):
    return _db.session.get(Proposal, proposal_id), _db.session.get(User, user_id)


def _request(proposal_id: int, user_id: int):
    proposal, user = _loaded(proposal_id, user_id)
    due = local_today() + timedelta(days=7)
    return lambda: services.request_panel_review(proposal, user, due_date=due)


def _declare(proposal_id: int, user_id: int):
    proposal, user = _loaded(proposal_id, user_id)
    return lambda: services.declare_conflict(proposal, user, reason="Jeg kender forfatteren.")


def _review(proposal_id: int, user_id: int):
    proposal, user = _loaded(proposal_id, user_id)
    return lambda: services.create_panel_review(
        proposal, user, scores=GOOD_SCORES, recommendation="recommend", comment="Godt."
    )


def _winner_and_loser(outcome: dict) -> tuple[str, BaseException]:
    won = [name for name, found in outcome.items() if not isinstance(found, BaseException)]
    lost = [found for found in outcome.values() if isinstance(found, BaseException)]
    assert len(won) == 1 and len(lost) == 1, outcome
    return won[0], lost[0]


def test_two_requests_at_once_make_one_and_the_loser_is_told(
    app, db, make_proposal, moderator, make_user, monkeypatch
):
    proposal = make_proposal(ProposalStatus.PUBLISHED)
    author_seat = seat(proposal.author)  # a conflict recorded with the request
    staff = make_user("department_staff", departments=[proposal.department])
    proposal_id, requesters = proposal.id, (moderator.id, staff.id)
    db.session.commit()
    pause_after(monkeypatch, services, "current_request", parties=2)

    outcome = race(
        app,
        {
            "moderator": lambda: _request(proposal_id, requesters[0]),
            "staff": lambda: _request(proposal_id, requesters[1]),
        },
    )

    _won, lost = _winner_and_loser(outcome)
    assert isinstance(lost, TransitionNotAllowed) and lost.status == 409, outcome
    assert "allerede bedt om" in lost.message
    assert _count(db, PanelReviewRequest, proposal_id=proposal_id) == 1
    assert _count(db, PanelConflict, proposal_id=proposal_id, member_id=author_seat.id) == 1


def test_two_declarations_at_once_record_one(app, db, requested, make_member, monkeypatch):
    member = make_member()
    proposal_id, user_id = requested.id, member.user_id
    db.session.commit()
    # The last step before the insert: both have looked for an earlier declaration.
    pause_after(monkeypatch, services, "check_text", parties=2)

    outcome = race(
        app,
        {
            "first": lambda: _declare(proposal_id, user_id),
            "second": lambda: _declare(proposal_id, user_id),
        },
    )

    _won, lost = _winner_and_loser(outcome)
    assert isinstance(lost, TransitionNotAllowed) and lost.status == 409, outcome
    assert _count(db, PanelConflict, proposal_id=proposal_id, member_id=member.id) == 1


def test_a_review_and_a_declaration_at_once_leave_one_of_them(
    app, db, requested, make_member, monkeypatch
):
    member = make_member()
    proposal_id, user_id = requested.id, member.user_id
    db.session.commit()
    pause_after(monkeypatch, services, "member_standing", parties=2)

    outcome = race(
        app,
        {
            "review": lambda: _review(proposal_id, user_id),
            "declare": lambda: _declare(proposal_id, user_id),
        },
    )

    won, lost = _winner_and_loser(outcome)
    assert isinstance(lost, DomainError), outcome
    reviews = _count(db, PanelReview, proposal_id=proposal_id, member_id=member.id)
    conflicts = _count(db, PanelConflict, proposal_id=proposal_id, member_id=member.id)
    if won == "review":
        # Declaring after a review is refused: the review stands.
        assert isinstance(lost, TransitionNotAllowed) and (reviews, conflicts) == (1, 0)
    else:
        # Reviewing after a declaration is refused for the conflict.
        assert isinstance(lost, PermissionDenied) and (reviews, conflicts) == (0, 1)
        assert "inhabil" in lost.message
