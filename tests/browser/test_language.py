"""The header's language switcher in Chromium, with the keyboard alone, on a phone too."""

import pytest

from cocreate.extensions import db

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


@pytest.mark.parametrize(
    ("language", "left", "one_left"),
    [
        ("da", "Du har 155 tegn tilbage", "Du har 1 tegn tilbage"),
        ("en", "You have 155 characters left", "You have 1 character left"),
    ],
)
def test_the_character_count_down_speaks_the_pages_language(
    page, sign_in, make_user, make_theme, language, left, one_left
):
    make_theme()
    user = make_user()
    user.language = language
    db.session.commit()
    sign_in(user)
    page.goto("/proposals/new")
    title = page.locator("#title")

    title.type("Cykel")
    counter = page.locator(".form-limit:has(#title) .character-limit")
    assert counter.inner_text() == left
    title.fill("x" * 158)
    title.type("x")
    assert counter.inner_text() == one_left
    assert not page.problems
