"""The header's language switcher in Chromium, with the keyboard alone, on a phone too."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 375])
def test_a_visitor_switches_language_with_the_keyboard_and_back(page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/proposals")
    if width < 768:  # on a phone the switcher is in the menu drawer
        page.get_by_role("button", name="Menu").press("Enter")
    page.get_by_role("button", name="English").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.url.endswith("/proposals")
    if width < 768:
        page.get_by_role("button", name="Menu").press("Enter")
    with page.expect_navigation():
        page.get_by_role("button", name="Dansk").press("Enter")
    assert page.locator("html").get_attribute("lang") == "da"
