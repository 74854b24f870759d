"""The panel's predicates as role × state grids, written from the issue."""

import pytest
from flask_login import AnonymousUserMixin

from cocreate.accounts.roles import Role
from cocreate.departments.answers import respond_to_proposal
from cocreate.extensions import db
from cocreate.panel.permissions import (
    can_manage_panel,
    can_request_panel_review,
    can_review_proposal,
    can_see_panel_summary,
)
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import Outcome
from tests.panel.helpers import seat

S = ProposalStatus
ROLES = (
    "anonymous",
    "author",
    "citizen",
    "moderator",
    "own_staff",
    "other_staff",
    "panel",
    "admin",
)
# States a panel predicate can tell apart; "preliminary" is under review with a preliminary answer.
STATES = (
    "submitted",
    "published",
    "under_review",
    "preliminary",
    "accepted",
    "declined",
    "implemented",
    "withdrawn",
)


def _grid(text: str) -> dict[str, dict[str, bool]]:
    rows = [line.split() for line in text.strip().splitlines()]
    assert tuple(rows[0]) == ROLES
    grid = {
        cells[0]: dict(zip(ROLES, (c == "X" for c in cells[1:]), strict=True)) for cells in rows[1:]
    }
    assert tuple(grid) == STATES
    return grid


REQUEST = _grid("""
              anonymous author citizen moderator own_staff other_staff panel admin
submitted         .       .       .        .         .          .        .     .
published         .       .       .        X         X          .        .     .
under_review      .       .       .        X         X          .        .     .
preliminary       .       .       .        X         X          .        .     .
accepted          .       .       .        .         .          .        .     .
declined          .       .       .        .         .          .        .     .
implemented       .       .       .        .         .          .        .     .
withdrawn         .       .       .        .         .          .        .     .
""")

REVIEW = _grid("""
              anonymous author citizen moderator own_staff other_staff panel admin
submitted         .       .       .        .         .          .        .     .
published         .       .       .        .         .          .        X     .
under_review      .       .       .        .         .          .        X     .
preliminary       .       .       .        .         .          .        X     .
accepted          .       .       .        .         .          .        .     .
declined          .       .       .        .         .          .        .     .
implemented       .       .       .        .         .          .        .     .
withdrawn         .       .       .        .         .          .        .     .
""")

# Staff at once; everyone, the panel included, once the department has given its final answer.
SUMMARY = _grid("""
              anonymous author citizen moderator own_staff other_staff panel admin
submitted         .       .       .        X         .          .        .     X
published         .       .       .        X         X          .        .     X
under_review      .       .       .        X         X          .        .     X
preliminary       .       .       .        X         X          .        .     X
accepted          X       X       X        X         X          X        X     X
declined          X       X       X        X         X          X        X     X
implemented       X       X       X        X         X          X        X     X
withdrawn         .       .       .        X         X          .        .     X
""")


@pytest.fixture
def people(make_user, make_department):
    def _people(proposal):
        department = proposal.department or make_department()
        return {
            "anonymous": AnonymousUserMixin(),
            "author": proposal.author,
            "citizen": make_user(),
            "moderator": make_user(Role.MODERATOR),
            "own_staff": make_user(Role.DEPARTMENT_STAFF, departments=[department]),
            "other_staff": make_user(Role.DEPARTMENT_STAFF, departments=[make_department()]),
            "panel": make_user(Role.PANEL_MEMBER),
            "admin": make_user(Role.ADMIN),
        }

    return _people


def _proposal(make_proposal, make_user, state: str):
    if state == "withdrawn":
        from cocreate.proposals.services import withdraw_proposal

        proposal = make_proposal(S.PUBLISHED)
        withdraw_proposal(proposal, proposal.author)
    elif state == "preliminary":
        proposal = make_proposal(S.PUBLISHED)
        staff = make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])
        respond_to_proposal(
            proposal, staff, outcome=Outcome.ACCEPTED, text="Nok.", preliminary=True
        )
    else:
        proposal = make_proposal(S(state))
    db.session.commit()
    return proposal


@pytest.mark.parametrize("state", STATES)
def test_grids(make_proposal, make_user, people, state):
    proposal = _proposal(make_proposal, make_user, state)
    who = people(proposal)
    for name, predicate, grid in (
        ("request", can_request_panel_review, REQUEST),
        ("review", can_review_proposal, REVIEW),
        ("summary", can_see_panel_summary, SUMMARY),
    ):
        found = {role: predicate(user, proposal) for role, user in who.items()}
        assert found == grid[state], name


def test_only_admins_manage_the_panel(make_user):
    assert can_manage_panel(make_user(Role.ADMIN))
    for user in (AnonymousUserMixin(), make_user(), make_user(Role.PANEL_MEMBER, Role.MODERATOR)):
        assert not can_manage_panel(user)


def test_a_member_who_wrote_the_proposal_waits_for_the_answer_like_everyone(
    make_proposal, make_user
):
    """The panel is not staff: its members, the author among them, wait for the answer."""
    proposal = _proposal(make_proposal, make_user, "under_review")
    seat(proposal.author)
    for member in (proposal.author, seat(make_user()).user):
        assert not can_see_panel_summary(member, proposal)
    answered = _proposal(make_proposal, make_user, "accepted")
    seat(answered.author)
    assert can_see_panel_summary(answered.author, answered)
