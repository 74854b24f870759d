"""The answer form's cost and months in a real Chromium: a refusal keeps what was written and
passes axe-core, and the accepted answer then shows the plan on the proposal's page."""

import pytest

from cocreate.accounts.roles import Role
from cocreate.proposals.lifecycle import ProposalStatus
from tests.browser.conftest import axe_violations
from tests.browser.layout import LAYOUT_PROBLEMS

pytestmark = pytest.mark.browser


def _laid_out(page) -> list[str]:
    problems = []
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        problems += [f"{width} px: {problem}" for problem in page.evaluate(LAYOUT_PROBLEMS)]
    page.set_viewport_size({"width": 1280, "height": 900})
    return problems


def test_a_plan_is_answered_corrected_and_shown(page, sign_in, make_user, make_proposal):
    proposal = make_proposal(ProposalStatus.PUBLISHED)
    sign_in(make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department]))
    page.goto(f"/departments/proposals/{proposal.id}")
    page.get_by_role("radio", name="Imødekommet", exact=True).check()
    page.get_by_label("Svar til borgeren").fill("Vi laver stien om.")
    page.get_by_label("Anslået pris").fill("250.000")
    page.get_by_label("Planlagt fra").fill("2027-06")
    page.get_by_label("Planlagt til").fill("2027-03")
    page.get_by_role("button", name="Offentliggør svaret").click()

    assert page.get_by_text("Der er problemer").is_visible()
    assert page.get_by_text("Planlagt til kan ikke ligge før planlagt fra.").first.is_visible()
    assert page.get_by_label("Svar til borgeren").input_value() == "Vi laver stien om."
    assert page.get_by_label("Anslået pris").input_value() == "250.000"
    assert page.get_by_label("Planlagt fra").input_value() == "2027-06"
    assert page.get_by_label("Planlagt til").input_value() == "2027-03"
    assert page.get_by_role("radio", name="Imødekommet", exact=True).is_checked()
    assert axe_violations(page) == []
    assert _laid_out(page) == []

    page.get_by_label("Planlagt fra").fill("2027-03")
    page.get_by_label("Planlagt til").fill("2027-06")
    page.get_by_role("button", name="Offentliggør svaret").click()
    page.goto(f"/proposals/{proposal.id}")
    answer = page.locator(".card-in-text").first
    assert "Anslået pris: 250.000 kr." in answer.inner_text()
    assert "Planlagt: marts 2027 – juni 2027" in answer.inner_text()
    assert axe_violations(page) == []
    assert page.problems == []
