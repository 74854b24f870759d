"""The answer form's cost and months on the handling page, and the answer's page showing them."""

from datetime import date
from html import unescape

import pytest

from cocreate.accounts.roles import Role
from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import Response

S = ProposalStatus
ENGLISH = {"Accept-Language": "en-GB,en;q=0.9"}


@pytest.fixture
def handling(client, login, make_user, make_proposal):
    """A published proposal whose department's staff member is logged in."""
    proposal = make_proposal(S.PUBLISHED)
    login(make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department]))
    return proposal


def _respond(client, proposal, **fields):
    data = {"response-outcome": "accepted", "response-text": "Vi gør det."}
    data |= {f"response-{name}": value for name, value in fields.items()}
    return client.post(f"/departments/proposals/{proposal.id}/respond", data=data)


def _answers(proposal) -> list[Response]:
    db.session.expire_all()
    return db.session.query(Response).filter_by(proposal_id=proposal.id).all()


def test_the_form_offers_the_cost_and_the_months(client, handling):
    page = client.get(f"/departments/proposals/{handling.id}").get_data(as_text=True)
    assert "Hvad sker der nu?" in page
    assert 'inputmode="numeric" name="response-cost_estimate" type="text"' in page
    assert '<div class="form-input-suffix" aria-hidden="true">kr.</div>' in page
    for name in ("planned_from", "planned_to"):
        assert f'name="response-{name}" type="month"' in page


@pytest.mark.parametrize(
    ("cost", "first", "last"),
    [
        ("250000", "2027-03", "2027-06"),
        ("250.000 kr.", "03-2027", "6/2027"),
        (" 250 000 ", "3.2027", "06-2027"),
    ],
)
def test_an_accepting_answer_with_a_plan_is_shown_with_the_answer(
    app, client, handling, cost, first, last
):
    response = _respond(
        client,
        handling,
        cost_estimate=cost,
        planned_from=first,
        planned_to=last,
    )
    assert response.status_code == 302
    [answer] = _answers(handling)
    assert answer.cost_estimate == 250_000
    assert (answer.planned_from, answer.planned_to) == (date(2027, 3, 1), date(2027, 6, 1))
    page = client.get(f"/proposals/{handling.id}").get_data(as_text=True)
    assert "Anslået pris: 250.000 kr." in page
    assert "Planlagt: marts 2027 – juni 2027" in page
    # A visitor reading in English (staff read in their account's language).
    visitor = app.test_client()
    english = visitor.get(f"/proposals/{handling.id}", headers=ENGLISH).get_data(as_text=True)
    assert "250,000" in english and "March 2027" in english and "June 2027" in english


def test_one_month_is_told_once(client, handling):
    _respond(client, handling, planned_from="2027-03", planned_to="2027-03")
    page = client.get(f"/proposals/{handling.id}").get_data(as_text=True)
    assert "Planlagt: marts 2027</li>" in page and "Anslået pris" not in page


def test_an_answer_without_a_plan_says_nothing_of_one(client, handling):
    _respond(client, handling, cost_estimate="", planned_from="", planned_to="")
    [answer] = _answers(handling)
    assert answer.cost_estimate is None and answer.planned_from is None
    page = client.get(f"/proposals/{handling.id}").get_data(as_text=True)
    assert "Anslået pris" not in page and "Planlagt:" not in page


@pytest.mark.parametrize(
    ("fields", "wrong", "message"),
    [
        ({"cost_estimate": "mange penge"}, "cost_estimate", "Skriv et helt antal kroner"),
        ({"cost_estimate": "250,50"}, "cost_estimate", "Skriv et helt antal kroner"),
        ({"cost_estimate": "-10"}, "cost_estimate", "Skriv et beløb fra 0 til"),
        ({"cost_estimate": "99999999999"}, "cost_estimate", "Skriv et beløb fra 0 til"),
        (
            {"planned_from": "marts", "planned_to": "2027-06"},
            "planned_from",
            "Skriv måned og år",
        ),
        ({"planned_from": "2027-13", "planned_to": "2027-06"}, "planned_from", "Skriv måned"),
        ({"planned_from": "2027-03"}, "planned_to", "Udfyld både planlagt fra og planlagt til."),
        (
            {"planned_from": "2027-06", "planned_to": "2027-03"},
            "planned_to",
            "Planlagt til kan ikke ligge før planlagt fra.",
        ),
        (
            {"planned_from": "1999-12", "planned_to": "2027-03"},
            "planned_from",
            "Vælg en måned fra januar 2000",
        ),
        (
            {"outcome": "declined", "cost_estimate": "5000"},
            "cost_estimate",
            "Kun et svar, der imødekommer forslaget",
        ),
    ],
)
def test_a_wrong_plan_is_shown_on_its_field_and_keeps_what_was_written(
    client, handling, fields, wrong, message
):
    response = _respond(client, handling, text="Mit lange svar til borgeren.", **fields)
    assert response.status_code == 400
    page = unescape(response.get_data(as_text=True))
    assert "Der er problemer" in page
    error = page.split(f'id="response-{wrong}-error"', 1)[1].split("</span>", 2)[1]
    assert message in error
    assert f'aria-invalid="true" class="form-input input-width-s" id="response-{wrong}"' in page
    assert "Mit lange svar til borgeren." in page
    for name, value in fields.items():
        if name != "outcome":
            assert f'value="{value}"' in page, name
    assert _answers(handling) == []
    db.session.refresh(handling)
    assert handling.status == S.PUBLISHED
