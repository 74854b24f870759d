"""Supporting and following: the services, their permissions, and the counts they keep."""

import pytest
from flask_login import AnonymousUserMixin
from sqlalchemy import func, select

from cocreate.accounts.roles import Role
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed
from cocreate.core.types import utcnow
from cocreate.departments.answers import respond_to_proposal
from cocreate.proposals.engagement import engagement_context, support_proposal, withdraw_support
from cocreate.proposals.follows import (
    follow_proposal,
    follow_proposal_quietly,
    follow_theme,
    followed_theme_ids,
    unfollow_proposal,
    unfollow_theme,
)
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import Follow, Outcome, Proposal, Support
from cocreate.proposals.permissions import (
    can_follow_proposal,
    can_support_proposal,
    can_withdraw_support,
)
from cocreate.proposals.services import create_proposal
from tests.test_permissions import ROLES, VIEW, grid_proposal, people  # noqa: F401  (fixtures)

S = ProposalStatus
SUPPORTABLE = [S.PUBLISHED, S.UNDER_REVIEW]
NOT_SUPPORTABLE = [s for s in S if s not in SUPPORTABLE]


def supports(db, proposal) -> int:
    return db.session.scalar(
        select(func.count()).select_from(Support).where(Support.proposal_id == proposal.id)
    )


def stored_count(db, proposal) -> int:
    """The count as the database has it, not as the session remembers it."""
    return db.session.scalar(select(Proposal.support_count).where(Proposal.id == proposal.id))


def follows_of(db, user) -> set[tuple]:
    rows = db.session.execute(
        select(Follow.proposal_id, Follow.theme_id).where(Follow.user_id == user.id)
    )
    return {tuple(row) for row in rows}


# -- support ----------------------------------------------------------------------------


@pytest.mark.parametrize("status", SUPPORTABLE)
def test_support_is_added_once(db, make_user, make_proposal, status):
    proposal, citizen = make_proposal(status), make_user()

    assert support_proposal(proposal, citizen) is True
    db.session.commit()
    assert support_proposal(proposal, citizen) is False  # idempotent: no error, no change
    db.session.commit()

    assert supports(db, proposal) == 1
    assert proposal.support_count == stored_count(db, proposal) == 1


def test_counts_follow_supports_and_withdrawals(db, make_user, make_proposal):
    proposal = make_proposal(S.PUBLISHED)
    citizens = [make_user() for _ in range(3)]
    for citizen in citizens:
        support_proposal(proposal, citizen)
    db.session.commit()
    assert proposal.support_count == stored_count(db, proposal) == 3

    assert withdraw_support(proposal, citizens[0]) is True
    assert withdraw_support(proposal, citizens[0]) is False
    db.session.commit()

    assert proposal.support_count == stored_count(db, proposal) == supports(db, proposal) == 2


def test_withdrawing_without_support_changes_nothing(db, make_user, make_proposal):
    proposal = make_proposal(S.UNDER_REVIEW)
    support_proposal(proposal, make_user())
    db.session.commit()

    assert withdraw_support(proposal, make_user()) is False
    db.session.commit()

    assert stored_count(db, proposal) == supports(db, proposal) == 1


@pytest.mark.parametrize("status", NOT_SUPPORTABLE)
def test_support_only_while_published_or_under_review(db, make_user, make_proposal, status):
    proposal = make_proposal(status)

    with pytest.raises(TransitionNotAllowed, match=status.label):
        support_proposal(proposal, make_user())
    db.session.rollback()

    assert supports(db, proposal) == stored_count(db, proposal) == 0


def test_support_given_before_the_answer_stays(db, make_user, make_proposal):
    proposal, citizen = make_proposal(S.PUBLISHED), make_user()
    support_proposal(proposal, citizen)
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])
    respond_to_proposal(proposal, staff, outcome=Outcome.ACCEPTED, text="Ja.", preliminary=False)
    db.session.commit()

    with pytest.raises(TransitionNotAllowed):
        withdraw_support(proposal, citizen)
    db.session.rollback()

    assert stored_count(db, proposal) == supports(db, proposal) == 1


def test_hidden_proposals_cannot_be_supported(db, make_user, make_proposal):
    proposal, citizen, earlier = make_proposal(S.PUBLISHED), make_user(), make_user()
    support_proposal(proposal, earlier)
    proposal.hidden_at = utcnow()
    db.session.commit()

    with pytest.raises(TransitionNotAllowed, match="skjult"):
        support_proposal(proposal, citizen)
    db.session.rollback()
    # Someone who supported it before it was hidden may still take it back.
    assert withdraw_support(proposal, earlier) is True
    db.session.commit()

    assert stored_count(db, proposal) == supports(db, proposal) == 0


def test_visitors_cannot_support(db, make_proposal):
    proposal = make_proposal(S.PUBLISHED)
    for service in (support_proposal, withdraw_support):
        with pytest.raises(PermissionDenied):
            service(proposal, AnonymousUserMixin())
    assert supports(db, proposal) == 0


def test_a_support_is_not_an_edit(db, make_user, make_proposal):
    """The count moves outside the version check, and an edit afterwards keeps it."""
    proposal = make_proposal(S.PUBLISHED)
    version = proposal.version

    support_proposal(proposal, make_user())
    db.session.commit()
    assert proposal.version == version

    proposal.title = "Ny titel"
    db.session.commit()
    assert stored_count(db, proposal) == 1


# -- follow -----------------------------------------------------------------------------


def test_authors_follow_their_proposals_and_can_stop(db, make_user, make_theme):
    author, theme = make_user(), make_theme()
    content = {"title": "Bænke", "summary": "Flere.", "body": "Tekst", "theme_ids": [theme.id]}
    draft = create_proposal(author, submit=False, **content)
    submitted = create_proposal(author, **content)
    db.session.commit()
    assert follows_of(db, author) == {(draft.id, None), (submitted.id, None)}

    assert unfollow_proposal(submitted, author) is True
    db.session.commit()

    assert follows_of(db, author) == {(draft.id, None)}


def test_following_a_proposal_is_idempotent(db, make_user, make_proposal):
    proposal, citizen = make_proposal(S.PUBLISHED), make_user()

    assert follow_proposal(proposal, citizen) is True
    assert follow_proposal(proposal, citizen) is False
    assert follow_proposal_quietly(citizen, proposal) is False
    db.session.commit()
    assert follows_of(db, citizen) == {(proposal.id, None)}

    assert unfollow_proposal(proposal, citizen) is True
    assert unfollow_proposal(proposal, citizen) is False
    db.session.commit()
    assert follows_of(db, citizen) == set()


def test_only_what_one_may_see_can_be_followed(db, make_user, make_proposal):
    draft, stranger = make_proposal(S.DRAFT), make_user()
    with pytest.raises(PermissionDenied):
        follow_proposal(draft, stranger)
    with pytest.raises(PermissionDenied):
        follow_proposal(make_proposal(S.PUBLISHED), AnonymousUserMixin())
    assert follows_of(db, stranger) == set()
    assert db.session.scalar(select(func.count()).select_from(Follow)) == 2  # the authors'


def test_following_a_theme(db, make_user, make_theme):
    citizen, theme, other = make_user(), make_theme(), make_theme()

    assert follow_theme(theme, citizen) is True
    assert follow_theme(theme, citizen) is False
    assert follow_theme(other, citizen) is True
    db.session.commit()
    assert followed_theme_ids(citizen) == {theme.id, other.id}
    assert followed_theme_ids(AnonymousUserMixin()) == set()

    assert unfollow_theme(theme, citizen) is True
    assert unfollow_theme(theme, citizen) is False
    db.session.commit()
    assert follows_of(db, citizen) == {(None, other.id)}
    with pytest.raises(PermissionDenied):
        follow_theme(theme, AnonymousUserMixin())


# -- the proposal page's context --------------------------------------------------------


def test_context_tells_what_the_viewer_did_and_may_do(db, make_user, make_proposal):
    proposal, citizen = make_proposal(S.PUBLISHED), make_user()
    before = engagement_context(proposal, citizen)["engagement"]
    assert (before.supported, before.following) == (False, False)
    assert (before.can_support, before.can_withdraw, before.can_follow) == (True, False, True)

    support_proposal(proposal, citizen)
    follow_proposal(proposal, citizen)
    db.session.commit()
    after = engagement_context(proposal, citizen)["engagement"]
    assert (after.supported, after.following) == (True, True)
    assert (after.can_support, after.can_withdraw) == (False, True)

    visitor = engagement_context(proposal, AnonymousUserMixin())["engagement"]
    assert visitor.accepts_support and not (visitor.can_support or visitor.can_follow)


# -- permissions as a role × state grid -------------------------------------------------

# Every account supports (and takes back) while the department weighs the proposal; built
# from ROLES rather than drawn, so that a new column in the shared grid needs no edit here.
SUPPORT = {
    status: {role: role != "anonymous" and status in SUPPORTABLE for role in ROLES} for status in S
}
# Every account follows what it may see.
FOLLOW = {status: {**row, "anonymous": False} for status, row in VIEW.items()}


@pytest.mark.parametrize("status", list(S))
def test_role_by_state_grid(grid_proposal, people, status):  # noqa: F811
    _theme, users = people
    proposal = grid_proposal(status)
    predicates = {
        "support": (can_support_proposal, SUPPORT),
        "withdraw_support": (can_withdraw_support, SUPPORT),
        "follow": (can_follow_proposal, FOLLOW),
    }
    actual = {
        name: {role: predicate(users[role], proposal) for role in ROLES}
        for name, (predicate, _expected) in predicates.items()
    }
    assert actual == {name: grid[status] for name, (_p, grid) in predicates.items()}
