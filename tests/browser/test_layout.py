"""Pages look as they should in a real Chromium: nothing drawn through anything else."""

import pytest

from cocreate.proposals.lifecycle import ProposalStatus

pytestmark = pytest.mark.browser

# The footer starts below the main content; a card is as tall as what it holds; nothing
# scrolls sideways, tables neither: on a phone their rows stack.
LAYOUT_PROBLEMS = """() => {
  const problems = [];
  const main = document.querySelector("main"), footer = document.querySelector("footer");
  const footerTop = footer.getBoundingClientRect().top;
  // What is drawn: the innermost elements (a box may reach past what it draws, by margins).
  for (const element of main.querySelectorAll("*")) {
    if (element.children.length || !element.getClientRects().length) continue;
    const bottom = element.getBoundingClientRect().bottom;
    if (bottom > footerTop + 1) problems.push(`the footer is drawn over ${element.tagName}`);
  }
  for (const card of document.querySelectorAll(".card")) {
    const height = card.getBoundingClientRect().height;
    const held = [...card.children].reduce((sum, e) => sum + e.getBoundingClientRect().height, 0);
    if (height > held + 64) problems.push(`a card ${height} px tall holds ${held} px`);
  }
  for (const frame of document.querySelectorAll(".table--responsive-scroll")) {
    if (frame.scrollWidth > frame.clientWidth + 1) problems.push("a table is cut off at the side");
  }
  for (const button of document.querySelectorAll(".form-group + .button, .form-group + button")) {
    const field = button.previousElementSibling.getBoundingClientRect().bottom;
    const gap = button.getBoundingClientRect().top - field;
    if (gap < 16) problems.push(`a button ${gap} px under the field above it`);
  }
  if (document.documentElement.scrollWidth > window.innerWidth) {
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px`);
  }
  return problems;
}"""


def layout_problems(page, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    assert page.goto(path).status == 200
    return page.evaluate(LAYOUT_PROBLEMS)


@pytest.mark.parametrize("width", [1280, 320])
def test_an_answered_proposal_and_its_handling_page_keep_their_footer_below(
    page, sign_in, make_user, make_proposal, width
):
    answered = make_proposal(ProposalStatus.ACCEPTED)
    path = f"/proposals/{answered.id}"
    assert layout_problems(page, path, width) == []
    sign_in(make_user("department_staff", departments=[answered.department]))
    assert layout_problems(page, f"/departments{path}", width) == []


@pytest.mark.parametrize("width", [1280, 320])
def test_tables_fit_the_screen_a_citizens_and_a_departments(
    page, sign_in, make_user, make_proposal, width
):
    author = make_user()
    proposal = make_proposal(ProposalStatus.PUBLISHED, author=author)
    sign_in(author)
    assert layout_problems(page, "/my/proposals", width) == []
    page.context.clear_cookies()
    sign_in(make_user("department_staff", departments=[proposal.department]))
    assert layout_problems(page, f"/departments/{proposal.department.slug}", width) == []


@pytest.mark.parametrize("width", [1280, 320])
def test_forms_keep_their_buttons_clear_and_long_words_inside_the_column(
    page, sign_in, make_user, make_proposal, width
):
    assert layout_problems(page, "/login", width) == []
    author = make_user()
    long_word = "Cykelstiforbindelsesplanlægningsudvalgsmødereferat" * 2
    proposal = make_proposal(ProposalStatus.PUBLISHED, author=author, title=long_word)
    sign_in(author)
    assert layout_problems(page, "/proposals/new", width) == []
    assert layout_problems(page, f"/proposals/{proposal.id}", width) == []
