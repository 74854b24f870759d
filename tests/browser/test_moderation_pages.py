"""The moderator's decision page in a real Chromium: each decision reveals its own fields."""

import pytest

from cocreate.accounts.roles import Role
from cocreate.proposals.lifecycle import ProposalStatus

pytestmark = pytest.mark.browser


def test_choosing_a_decision_shows_only_its_fields(page, sign_in, make_user, make_proposal):
    proposal = make_proposal(ProposalStatus.SUBMITTED)
    sign_in(make_user(Role.MODERATOR))
    page.goto(f"/moderation/{proposal.id}")
    reason, department = (
        page.get_by_label("Begrundelse for afvisning"),
        page.locator("#department_id"),
    )
    page.get_by_role("radio", name="Afvis").check()
    assert reason.is_visible() and not department.is_visible()
    page.get_by_label("Godkend og send til forvaltningen").check()
    assert department.is_visible() and not reason.is_visible()
    assert not page.get_by_label("Hvad skal forfatteren ændre?").is_visible()
