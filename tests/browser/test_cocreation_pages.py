"""The co-creation pages pass axe-core with zero violations, with real content on them."""

from datetime import timedelta

import pytest

from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.organisations.services import invite_member
from cocreate.panel.membership import add_panel_member
from cocreate.panel.models import Recommendation, SeatType
from cocreate.panel.services import create_panel_review, request_panel_review
from cocreate.proposals.coauthors import invite_coauthor
from cocreate.proposals.comments.flags import flag_comment
from cocreate.proposals.comments.services import create_comment
from cocreate.proposals.follows import follow_proposal_quietly
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import FlagReason
from tests.browser.test_accessibility import assert_accessible

pytestmark = pytest.mark.browser
S = ProposalStatus
SCORES = {"value": 4, "feasibility": 3, "cocreation": 5, "strategy_fit": 4}


@pytest.fixture
def lively_proposal(make_user, make_proposal, make_organisation):
    """A published proposal with comments, a reply, a hidden comment, a co-author and reviews."""
    organisation = make_organisation(verified=True)
    author = organisation.memberships[0].user
    proposal = make_proposal(S.UNDER_REVIEW, author=author, organisation=organisation)
    talk = create_comment(proposal, make_user(), body="Godt forslag! **Enig**.")
    create_comment(proposal, make_user(), body="Jeg er enig.", parent_id=talk.id)
    rude = create_comment(proposal, make_user(), body="Noget upassende.")
    db.session.commit()
    for _ in range(3):
        flag_comment(rude, make_user(), FlagReason.OFFENSIVE)
    invite_coauthor(proposal, author, make_user(name="Medforfatter Mia").email)
    admin = make_user("admin", "moderator")
    request_panel_review(proposal, admin, due_date=(utcnow() + timedelta(days=7)).date())
    reviewer = make_user()
    add_panel_member(admin, email=reviewer.email, seat_type=SeatType.CITIZEN_REPRESENTATIVE.value)
    db.session.commit()
    create_panel_review(
        proposal,
        reviewer,
        scores=SCORES,
        recommendation=Recommendation.RECOMMEND,
        comment="Et godt bud på samskabelse.",
    )
    db.session.commit()
    return proposal, organisation, admin


def test_public_co_creation_pages(page, lively_proposal):
    proposal, organisation, _admin = lively_proposal
    for path in (f"/proposals/{proposal.id}", f"/organisations/{organisation.id}", "/themes"):
        assert_accessible(page, path)


def test_citizen_co_creation_pages(page, sign_in, lively_proposal, make_user):
    proposal, organisation, _admin = lively_proposal
    citizen = sign_in(make_user())
    follow_proposal_quietly(citizen, proposal)
    invite_member(organisation, proposal.author, citizen.email)  # waiting for the answer
    db.session.commit()
    for path in (
        f"/proposals/{proposal.id}",
        "/my/following",
        "/my/invitations",
        "/organisations",
        f"/organisations/{organisation.id}",
        "/organisations/new",
        "/themes",
    ):
        assert_accessible(page, path)


def test_author_and_staff_co_creation_pages(page, sign_in, lively_proposal, make_user):
    proposal, organisation, admin = lively_proposal
    sign_in(proposal.author)
    for path in (f"/proposals/{proposal.id}/coauthors", f"/organisations/{organisation.id}"):
        assert_accessible(page, path)
    page.context.clear_cookies()
    sign_in(admin)
    for path in (
        f"/proposals/{proposal.id}",
        "/moderation/flags",
        "/organisations/verify",
        "/panel/members",
        f"/panel/proposals/{proposal.id}/request",
    ):
        assert_accessible(page, path)


def test_panel_member_pages(page, sign_in, lively_proposal, make_user):
    proposal, _organisation, admin = lively_proposal
    member = make_user()
    add_panel_member(admin, email=member.email, seat_type=SeatType.ASSOCIATION.value)
    db.session.commit()
    sign_in(member)
    for path in (
        "/panel",
        f"/panel/proposals/{proposal.id}/review",
        f"/panel/proposals/{proposal.id}/conflict",
    ):
        assert_accessible(page, path)
