"""Every kind of page passes axe-core with zero violations, in a real Chromium."""

import pytest

from cocreate.proposals.lifecycle import ProposalStatus
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser
S = ProposalStatus


def assert_accessible(page, path):
    response = page.goto(path)
    assert response.status < 500, f"{path} answered {response.status}"
    violations = axe_violations(page)
    assert violations == [], f"{path}: {violations}"
    assert page.problems == [], f"{path}: console errors {page.problems}"


def test_public_pages(page, make_proposal):
    answered = make_proposal(S.ACCEPTED)
    make_proposal(S.PUBLISHED, themes=answered.themes)
    for path in (
        "/",
        "/proposals",
        "/proposals?status=nonsense",
        f"/proposals/{answered.id}",
        "/themes",
        "/departments",
        f"/departments/{answered.department.slug}",
        "/login",
        "/register",
        "/reset-password",
        "/terms",
        "/how-it-works",
        "/no-such-page",
    ):
        assert_accessible(page, path)


def test_citizen_pages(page, sign_in, make_user, make_proposal):
    author = sign_in(make_user())
    draft = make_proposal(S.CHANGES_REQUESTED, author=author)
    for path in (
        "/proposals/new",
        f"/proposals/{draft.id}",
        f"/proposals/{draft.id}/edit",
        "/my/proposals",
        "/profile",
    ):
        assert_accessible(page, path)
    page.goto("/proposals/new")
    page.get_by_role("button", name="Send til moderation").click()
    assert page.get_by_text("Der er problemer").is_visible()
    assert axe_violations(page) == []


def test_staff_pages(page, sign_in, make_user, make_proposal):
    waiting = make_proposal(S.SUBMITTED)
    routed = make_proposal(S.UNDER_REVIEW)
    sign_in(make_user("moderator", "department_staff", "admin", departments=[routed.department]))
    for path in (
        "/moderation",
        f"/moderation/{waiting.id}",
        f"/departments/{routed.department.slug}",
        f"/departments/proposals/{routed.id}",
        "/admin",
        "/admin/audit",
        "/admin/users",
        "/admin/jobs",
    ):
        assert_accessible(page, path)
