"""The bell, the list, the settings and the unsubscribe pages: axe-clean and keyboard-usable."""

import pytest

from cocreate.notifications.preferences import unsubscribe_token
from cocreate.proposals.lifecycle import ProposalStatus
from tests.browser.test_accessibility import assert_accessible

pytestmark = pytest.mark.browser


def test_notification_pages(page, sign_in, make_user, make_proposal):
    author = sign_in(make_user("department_staff", "panel_member"))
    make_proposal(ProposalStatus.REJECTED, author=author)
    for path in (
        "/notifications",
        "/notifications/settings",
        f"/notifications/unsubscribe/{unsubscribe_token(author, 'daily')}",
        "/notifications/unsubscribe/not-a-token",
    ):
        assert_accessible(page, path)


def test_read_a_notification_with_the_keyboard(page, sign_in, make_user, make_proposal):
    author = sign_in(make_user())
    make_proposal(ProposalStatus.CHANGES_REQUESTED, author=author)
    page.goto("/notifications")
    bell = page.locator(".portal-user a[href='/notifications']")
    assert " ".join(bell.text_content().split()).endswith("2 ulæste")
    page.get_by_role("button", name="Markér som læst").first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert " ".join(bell.text_content().split()).endswith("1 ulæst")
    page.get_by_role("button", name="Markér alle som læst").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "ulæst" not in " ".join(bell.text_content().split())
    assert page.get_by_text("Alle beskeder er markeret som læst.").is_visible()
