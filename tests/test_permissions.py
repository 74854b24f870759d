"""The permission predicates as a role × state grid.

Each grid below is written from DESIGN.md, one row per state and one column per role; `X`
means the predicate holds. One proposal is built per state and every role is checked
against it, so a failure shows the whole row that differs.
"""

import pytest
from flask_login import AnonymousUserMixin

from cocreate.accounts.roles import Role
from cocreate.accounts.services import revoke_role
from cocreate.departments.answers import respond_to_proposal
from cocreate.departments.permissions import (
    can_handle_proposal,
    can_keep_follow_up,
    can_mark_implemented,
)
from cocreate.extensions import db
from cocreate.moderation.permissions import can_moderate
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import CoauthorStatus, Outcome, ProposalCoauthor
from cocreate.proposals.permissions import (
    can_edit_proposal,
    can_invite_coauthors,
    can_submit_proposal,
    can_view_proposal,
    can_withdraw_proposal,
)
from cocreate.proposals.services import withdraw_proposal

S = ProposalStatus
ROLES = (
    "anonymous",
    "author",
    "coauthor",  # accepted the author's invitation
    "citizen",  # another citizen
    "moderator",
    "own_staff",  # staff of the department that owns (or will own) the proposal
    "other_staff",  # staff of another department
    "panel",
    "admin",
)


def _grid(text: str) -> dict[ProposalStatus, dict[str, bool]]:
    rows = [line.split() for line in text.strip().splitlines()]
    header, body = rows[0], rows[1:]
    assert tuple(header) == ROLES
    grid = {
        S(cells[0]): dict(zip(ROLES, (c == "X" for c in cells[1:]), strict=True)) for cells in body
    }
    assert set(grid) == set(S)
    return grid


# Not public until approved; drafts are the author's and co-authors' alone; unrouted
# proposals have no owning department yet, so not even the staff of their theme's
# department see them.
VIEW = _grid("""
                   anonymous author coauthor citizen moderator own_staff other_staff panel admin
draft                  .       X       X        .        .         .          .        .     .
submitted              .       X       X        .        X         .          .        .     X
changes_requested      .       X       X        .        X         .          .        .     X
rejected               .       X       X        .        X         .          .        .     X
published              X       X       X        X        X         X          X        X     X
under_review           X       X       X        X        X         X          X        X     X
accepted               X       X       X        X        X         X          X        X     X
partially_accepted     X       X       X        X        X         X          X        X     X
declined               X       X       X        X        X         X          X        X     X
implemented            X       X       X        X        X         X          X        X     X
withdrawn              .       X       X        .        X         .          .        .     X
""")

# The author and co-authors edit until approval, and again after a request for changes.
EDIT = _grid("""
                   anonymous author coauthor citizen moderator own_staff other_staff panel admin
draft                  .       X       X        .        .         .          .        .     .
submitted              .       X       X        .        .         .          .        .     .
changes_requested      .       X       X        .        .         .          .        .     .
rejected               .       .       .        .        .         .          .        .     .
published              .       .       .        .        .         .          .        .     .
under_review           .       .       .        .        .         .          .        .     .
accepted               .       .       .        .        .         .          .        .     .
partially_accepted     .       .       .        .        .         .          .        .     .
declined               .       .       .        .        .         .          .        .     .
implemented            .       .       .        .        .         .          .        .     .
withdrawn              .       .       .        .        .         .          .        .     .
""")

# Submit a draft; resubmit after a request for changes.
SUBMIT = _grid("""
                   anonymous author coauthor citizen moderator own_staff other_staff panel admin
draft                  .       X       .        .        .         .          .        .     .
submitted              .       .       .        .        .         .          .        .     .
changes_requested      .       X       .        .        .         .          .        .     .
rejected               .       .       .        .        .         .          .        .     .
published              .       .       .        .        .         .          .        .     .
under_review           .       .       .        .        .         .          .        .     .
accepted               .       .       .        .        .         .          .        .     .
partially_accepted     .       .       .        .        .         .          .        .     .
declined               .       .       .        .        .         .          .        .     .
implemented            .       .       .        .        .         .          .        .     .
withdrawn              .       .       .        .        .         .          .        .     .
""")

# The author withdraws from any state before an answer (a rejection is final too).
WITHDRAW = _grid("""
                   anonymous author coauthor citizen moderator own_staff other_staff panel admin
draft                  .       X       .        .        .         .          .        .     .
submitted              .       X       .        .        .         .          .        .     .
changes_requested      .       X       .        .        .         .          .        .     .
rejected               .       .       .        .        .         .          .        .     .
published              .       X       .        .        .         .          .        .     .
under_review           .       X       .        .        .         .          .        .     .
accepted               .       .       .        .        .         .          .        .     .
partially_accepted     .       .       .        .        .         .          .        .     .
declined               .       .       .        .        .         .          .        .     .
implemented            .       .       .        .        .         .          .        .     .
withdrawn              .       .       .        .        .         .          .        .     .
""")

# The author invites co-authors from the draft until an answer, a rejection or a withdrawal.
INVITE_COAUTHORS = _grid("""
                   anonymous author coauthor citizen moderator own_staff other_staff panel admin
draft                  .       X       .        .        .         .          .        .     .
submitted              .       X       .        .        .         .          .        .     .
changes_requested      .       X       .        .        .         .          .        .     .
rejected               .       .       .        .        .         .          .        .     .
published              .       X       .        .        .         .          .        .     .
under_review           .       X       .        .        .         .          .        .     .
accepted               .       .       .        .        .         .          .        .     .
partially_accepted     .       .       .        .        .         .          .        .     .
declined               .       .       .        .        .         .          .        .     .
implemented            .       .       .        .        .         .          .        .     .
withdrawn              .       .       .        .        .         .          .        .     .
""")

# Moderators decide what waits in the queue; an admin is not a moderator by that alone.
MODERATE = _grid("""
                   anonymous author coauthor citizen moderator own_staff other_staff panel admin
draft                  .       .       .        .        .         .          .        .     .
submitted              .       .       .        .        X         .          .        .     .
changes_requested      .       .       .        .        .         .          .        .     .
rejected               .       .       .        .        .         .          .        .     .
published              .       .       .        .        .         .          .        .     .
under_review           .       .       .        .        .         .          .        .     .
accepted               .       .       .        .        .         .          .        .     .
partially_accepted     .       .       .        .        .         .          .        .     .
declined               .       .       .        .        .         .          .        .     .
implemented            .       .       .        .        .         .          .        .     .
withdrawn              .       .       .        .        .         .          .        .     .
""")

# The owning department acknowledges, transfers and answers while it holds the proposal.
HANDLE = _grid("""
                   anonymous author coauthor citizen moderator own_staff other_staff panel admin
draft                  .       .       .        .        .         .          .        .     .
submitted              .       .       .        .        .         .          .        .     .
changes_requested      .       .       .        .        .         .          .        .     .
rejected               .       .       .        .        .         .          .        .     .
published              .       .       .        .        .         X          .        .     .
under_review           .       .       .        .        .         X          .        .     .
accepted               .       .       .        .        .         .          .        .     .
partially_accepted     .       .       .        .        .         .          .        .     .
declined               .       .       .        .        .         .          .        .     .
implemented            .       .       .        .        .         .          .        .     .
withdrawn              .       .       .        .        .         .          .        .     .
""")

# Only what was (partly) accepted can be carried out, by the owning department.
MARK_IMPLEMENTED = _grid("""
                   anonymous author coauthor citizen moderator own_staff other_staff panel admin
draft                  .       .       .        .        .         .          .        .     .
submitted              .       .       .        .        .         .          .        .     .
changes_requested      .       .       .        .        .         .          .        .     .
rejected               .       .       .        .        .         .          .        .     .
published              .       .       .        .        .         .          .        .     .
under_review           .       .       .        .        .         .          .        .     .
accepted               .       .       .        .        .         X          .        .     .
partially_accepted     .       .       .        .        .         X          .        .     .
declined               .       .       .        .        .         .          .        .     .
implemented            .       .       .        .        .         .          .        .     .
withdrawn              .       .       .        .        .         .          .        .     .
""")

# The owning department follows up what it (partly) accepted: milestones and progress
# updates, kept for the record once the proposal is carried out. Admins do not, as they do
# not answer either.
KEEP_FOLLOW_UP = _grid("""
                   anonymous author coauthor citizen moderator own_staff other_staff panel admin
draft                  .       .       .        .        .         .          .        .     .
submitted              .       .       .        .        .         .          .        .     .
changes_requested      .       .       .        .        .         .          .        .     .
rejected               .       .       .        .        .         .          .        .     .
published              .       .       .        .        .         .          .        .     .
under_review           .       .       .        .        .         .          .        .     .
accepted               .       .       .        .        .         X          .        .     .
partially_accepted     .       .       .        .        .         X          .        .     .
declined               .       .       .        .        .         .          .        .     .
implemented            .       .       .        .        .         X          .        .     .
withdrawn              .       .       .        .        .         .          .        .     .
""")

PREDICATES = {
    "can_view_proposal": (can_view_proposal, VIEW),
    "can_edit_proposal": (can_edit_proposal, EDIT),
    "can_submit_proposal": (can_submit_proposal, SUBMIT),
    "can_withdraw_proposal": (can_withdraw_proposal, WITHDRAW),
    "can_invite_coauthors": (can_invite_coauthors, INVITE_COAUTHORS),
    "can_moderate": (can_moderate, MODERATE),
    "can_handle_proposal": (can_handle_proposal, HANDLE),
    "can_mark_implemented": (can_mark_implemented, MARK_IMPLEMENTED),
    "can_keep_follow_up": (can_keep_follow_up, KEEP_FOLLOW_UP),
}


@pytest.fixture
def people(make_user, make_department, make_theme):
    """One account per role, and the theme whose department the proposals go to."""
    own, other = make_department(), make_department()
    return make_theme(own), {
        "anonymous": AnonymousUserMixin(),
        "author": make_user(),
        "coauthor": make_user(),
        "citizen": make_user(),
        "moderator": make_user(Role.MODERATOR),
        "own_staff": make_user(Role.DEPARTMENT_STAFF, departments=[own]),
        "other_staff": make_user(Role.DEPARTMENT_STAFF, departments=[other]),
        "panel": make_user(Role.PANEL_MEMBER),
        "admin": make_user(Role.ADMIN),
    }


@pytest.fixture
def grid_proposal(make_proposal, people):
    """A proposal in the status, by the grid's author and with the grid's co-author."""
    theme, users = people

    def _make(status):
        proposal = make_proposal(status, author=users["author"], themes=[theme])
        # One who accepted an invitation while the proposal was still open to co-authors.
        proposal.coauthors.append(
            ProposalCoauthor(user=users["coauthor"], status=CoauthorStatus.ACCEPTED)
        )
        db.session.commit()
        return proposal

    return _make


@pytest.mark.parametrize("status", list(S))
def test_role_by_state_grid(grid_proposal, people, status):
    _theme, users = people
    proposal = grid_proposal(status)

    actual = {
        name: {role: predicate(users[role], proposal) for role in ROLES}
        for name, (predicate, _grid) in PREDICATES.items()
    }
    expected = {name: grid[status] for name, (_predicate, grid) in PREDICATES.items()}
    assert actual == expected
    # No account at all is the same as an anonymous visitor.
    without_account = {
        name: predicate(None, proposal) for name, (predicate, _g) in PREDICATES.items()
    }
    assert without_account == {name: row["anonymous"] for name, row in expected.items()}


def test_a_moderator_may_not_moderate_their_own_proposal(make_user, make_proposal):
    moderator = make_user(Role.MODERATOR)
    proposal = make_proposal(S.SUBMITTED, author=moderator)

    assert can_moderate(moderator)
    assert not can_moderate(moderator, proposal)
    assert can_moderate(make_user(Role.MODERATOR), proposal)


def test_only_moderators_see_the_queue(make_user):
    assert can_moderate(make_user(Role.MODERATOR))
    for someone in (None, AnonymousUserMixin(), make_user(), make_user(Role.ADMIN)):
        assert not can_moderate(someone)


def test_no_withdrawing_after_a_preliminary_answer(make_user, make_proposal):
    proposal = make_proposal(S.UNDER_REVIEW)
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])
    assert can_withdraw_proposal(proposal.author, proposal)

    respond_to_proposal(
        proposal, staff, outcome=Outcome.DECLINED, text="Foreløbigt nej", preliminary=True
    )
    db.session.commit()

    assert proposal.status == S.UNDER_REVIEW
    assert not can_withdraw_proposal(proposal.author, proposal)
    assert can_handle_proposal(staff, proposal)


def test_the_department_still_sees_a_proposal_withdrawn_from_it(make_user, make_proposal):
    proposal = make_proposal(S.PUBLISHED)
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])
    withdraw_proposal(proposal, proposal.author)
    db.session.commit()

    assert can_view_proposal(staff, proposal)
    assert not can_handle_proposal(staff, proposal)
    assert not can_view_proposal(make_user(), proposal)


def test_a_former_member_of_staff_no_longer_sees_non_public_proposals(make_user, make_proposal):
    proposal = make_proposal(S.PUBLISHED)
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])
    withdraw_proposal(proposal, proposal.author)
    revoke_role(None, staff, Role.DEPARTMENT_STAFF)
    db.session.commit()

    assert not can_handle_proposal(staff, proposal)
    assert not can_view_proposal(staff, proposal)
