"""Pages look as they should in a real Chromium: nothing drawn through anything else."""

import pytest

from cocreate.proposals.lifecycle import ProposalStatus
from tests.browser.layout import layout_problems

pytestmark = pytest.mark.browser


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


@pytest.mark.parametrize("width", [1280, 320])
def test_a_very_long_municipality_name_stays_inside_the_header(app, page, width):
    name = app.config["MUNICIPALITY_NAME"]
    app.config["MUNICIPALITY_NAME"] = "Kommunalbestyrelsesforvaltningsområdet" * 3
    try:
        assert layout_problems(page, "/", width) == []
    finally:
        app.config["MUNICIPALITY_NAME"] = name
