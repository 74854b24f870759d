"""request_panel_review: who may ask, in which states, with which due date."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from cocreate.accounts.roles import Role
from cocreate.core.audit import AuditEntry
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.extensions import db
from cocreate.panel.models import ConflictSource, PanelConflict, PanelReviewRequest
from cocreate.panel.queries import local_today
from cocreate.panel.services import request_panel_review
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import CoauthorStatus
from tests.panel.helpers import coauthor, organisation, seat

S = ProposalStatus


def _requests() -> int:
    return db.session.scalar(select(func.count(PanelReviewRequest.id)))


def test_a_moderator_asks_with_a_due_date(make_proposal, moderator):
    proposal = make_proposal(S.PUBLISHED)
    due = local_today() + timedelta(days=10)
    request = request_panel_review(proposal, moderator, due_date=due)
    db.session.commit()
    assert (request.proposal_id, request.due_date, request.requested_by_id) == (
        proposal.id,
        due,
        moderator.id,
    )
    entry = db.session.scalar(
        select(AuditEntry).where(AuditEntry.action == "proposal.panel_review_requested")
    )
    assert entry.subject_id == proposal.id and entry.after == {"due_date": due.isoformat()}


def test_staff_of_the_owning_department_ask_and_today_is_allowed(make_proposal, make_user):
    proposal = make_proposal(S.UNDER_REVIEW)
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])
    request_panel_review(proposal, staff, due_date=local_today())
    assert _requests() == 1


@pytest.mark.parametrize("days", [-1, -400, 366])
def test_due_date_in_the_past_or_too_far_ahead_is_refused(make_proposal, moderator, days):
    proposal = make_proposal(S.PUBLISHED)
    with pytest.raises(ValidationFailed) as refused:
        request_panel_review(proposal, moderator, due_date=local_today() + timedelta(days=days))
    assert list(refused.value.fields) == ["due_date"]
    assert _requests() == 0


def test_others_may_not_ask(make_proposal, make_user, make_department):
    proposal = make_proposal(S.PUBLISHED)
    due = local_today() + timedelta(days=3)
    others = [
        proposal.author,
        make_user(),
        make_user(Role.PANEL_MEMBER),
        make_user(Role.ADMIN),
        make_user(Role.DEPARTMENT_STAFF, departments=[make_department()]),
    ]
    for user in others:
        with pytest.raises(PermissionDenied):
            request_panel_review(proposal, user, due_date=due)
    assert _requests() == 0


@pytest.mark.parametrize(
    "status", [S.SUBMITTED, S.REJECTED, S.ACCEPTED, S.DECLINED, S.IMPLEMENTED, S.WITHDRAWN]
)
def test_only_open_proposals_can_be_reviewed(make_proposal, moderator, status):
    """Once answered, a recommendation can no longer inform the answer: refused for the state."""
    proposal = make_proposal(status)
    with pytest.raises(TransitionNotAllowed) as refused:
        request_panel_review(proposal, moderator, due_date=local_today())
    assert proposal.status.label in refused.value.message
    assert _requests() == 0


def test_asking_twice_is_refused(requested, moderator):
    with pytest.raises(TransitionNotAllowed) as refused:
        request_panel_review(requested, moderator, due_date=local_today() + timedelta(days=30))
    assert "allerede" in refused.value.message
    assert _requests() == 1


def test_conflicts_are_recorded_for_members_when_the_panel_is_asked(
    make_proposal, make_user, moderator
):
    proposal = make_proposal(S.PUBLISHED)
    author = seat(proposal.author)
    partner, invited, insider, neutral = (seat(make_user()) for _ in range(4))
    coauthor(proposal, partner.user)
    coauthor(proposal, invited.user, status=CoauthorStatus.INVITED)
    proposal.organisation = organisation(insider.user)
    db.session.commit()
    request_panel_review(proposal, moderator, due_date=local_today())
    db.session.commit()
    recorded = {
        row.member_id: (row.source, row.reason)
        for row in db.session.scalars(
            select(PanelConflict).where(PanelConflict.proposal_id == proposal.id)
        )
    }
    automatic = ConflictSource.AUTOMATIC
    assert recorded == {
        author.id: (automatic, "Forfatter til forslaget"),
        partner.id: (automatic, "Medforfatter til forslaget"),
        insider.id: (automatic, "Medlem af eller repræsentant for organisationen bag forslaget"),
    }
    # An invitation not yet accepted is no conflict: an author cannot silence a reviewer.
    assert neutral.id not in recorded and invited.id not in recorded
