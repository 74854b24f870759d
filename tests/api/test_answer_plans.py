"""respondToProposal's cost estimate and planned period, and getProposal telling them."""

from datetime import timedelta

import pytest

from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import COST_ESTIMATE_MAX, PLANNED_YEARS_AHEAD, Response
from tests.api.contract import assert_error

S = ProposalStatus
LAST_YEAR = utcnow().year + PLANNED_YEARS_AHEAD
PLAN = {"cost_estimate": 250_000, "planned_from": "2027-03", "planned_to": "2027-06"}
PERIOD = {"from": "2027-03", "to": "2027-06"}


def respond(api, proposal, secret, **body):
    return api.post(f"/api/v1/proposals/{proposal.id}/responses", token=secret, json=body)


@pytest.fixture
def published(make_proposal):
    return make_proposal(S.PUBLISHED)


@pytest.fixture
def secret(published, staff_of, token):
    return token(staff_of(published))


@pytest.mark.parametrize("outcome", ["accepted", "partially_accepted"])
def test_an_accepting_answer_states_its_cost_and_period(api, published, secret, outcome):
    response = respond(api, published, secret, outcome=outcome, text="Ja.", **PLAN)
    assert response.status_code == 200
    data = response.get_json()
    assert data["status"] == outcome
    assert (data["cost_estimate"], data["planned_period"]) == (250_000, PERIOD)
    [answer] = data["responses"]
    assert (answer["cost_estimate"], answer["planned_period"]) == (250_000, PERIOD)
    public = api.get(f"/api/v1/proposals/{published.id}").get_json()
    assert (public["cost_estimate"], public["planned_period"]) == (250_000, PERIOD)


def test_nulls_when_there_is_no_plan(api, published, secret):
    before = api.get(f"/api/v1/proposals/{published.id}").get_json()
    assert (before["cost_estimate"], before["planned_period"]) == (None, None)
    data = respond(
        api,
        published,
        secret,
        outcome="accepted",
        text="Ja.",
        cost_estimate=None,
        planned_from=None,
        planned_to=None,
    ).get_json()
    assert (data["cost_estimate"], data["planned_period"]) == (None, None)
    assert data["responses"][0]["cost_estimate"] is None
    assert data["responses"][0]["planned_period"] is None


@pytest.mark.parametrize(
    ("plan", "told"),
    [
        ({"cost_estimate": 0}, (0, None)),
        (
            {"planned_from": "2027-03", "planned_to": "2027-03"},
            (None, {"from": "2027-03", "to": "2027-03"}),
        ),
    ],
)
def test_a_cost_without_months_and_months_without_a_cost(api, published, secret, plan, told):
    data = respond(api, published, secret, outcome="accepted", text="Ja.", **plan).get_json()
    assert (data["cost_estimate"], data["planned_period"]) == told


def test_the_top_level_plan_is_the_final_acceptance_s_not_a_preliminary_one(api, published, secret):
    data = respond(
        api, published, secret, outcome="accepted", text="Nok.", preliminary=True, **PLAN
    ).get_json()
    assert (data["cost_estimate"], data["planned_period"]) == (None, None)
    assert data["responses"][0]["cost_estimate"] == 250_000
    # Once the comment window has closed, the final answer states a plan of its own.
    preliminary = db.session.get(Response, data["responses"][0]["id"])
    preliminary.comment_window_ends_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    data = respond(
        api, published, secret, outcome="partially_accepted", text="Delvist.", cost_estimate=9
    ).get_json()
    assert (data["cost_estimate"], data["planned_period"]) == (9, None)


def test_the_plan_stays_after_the_proposal_is_carried_out(api, published, secret):
    respond(api, published, secret, outcome="accepted", text="Ja.", **PLAN)
    data = respond(api, published, secret, outcome="implemented", text="Gjort.").get_json()
    assert data["status"] == "implemented"
    assert (data["cost_estimate"], data["planned_period"]) == (250_000, PERIOD)
    assert data["responses"][-1]["cost_estimate"] is None


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        # Wrong types: refused before any rule is looked at.
        ({"cost_estimate": "250000"}, ["cost_estimate"]),
        ({"cost_estimate": 2.5}, ["cost_estimate"]),
        ({"cost_estimate": True}, ["cost_estimate"]),
        ({"planned_from": "2027-3", "planned_to": "2027-06"}, ["planned_from"]),
        ({"planned_from": "2027-03-01", "planned_to": "2027-06"}, ["planned_from"]),
        ({"planned_from": "03-2027", "planned_to": "2027-06"}, ["planned_from"]),
        ({"planned_from": "2027-13", "planned_to": "2027-06"}, ["planned_from"]),
        ({"planned_from": "0000-01", "planned_to": "2027-06"}, ["planned_from"]),
        ({"planned_from": " 2027-03", "planned_to": 202706}, ["planned_from", "planned_to"]),
        ({"planned_from": "2027-03\x00", "planned_to": "2027-06"}, ["planned_from"]),
        # The service's rules.
        ({"cost_estimate": -1}, ["cost_estimate"]),
        ({"cost_estimate": COST_ESTIMATE_MAX + 1}, ["cost_estimate"]),
        ({"cost_estimate": 10**40}, ["cost_estimate"]),
        ({"planned_from": "2027-03"}, ["planned_to"]),
        ({"planned_to": "2027-03"}, ["planned_from"]),
        ({"planned_from": "2027-06", "planned_to": "2027-03"}, ["planned_to"]),
        ({"planned_from": "1999-12", "planned_to": "2027-03"}, ["planned_from"]),
        ({"planned_from": "2027-03", "planned_to": f"{LAST_YEAR + 1}-01"}, ["planned_to"]),
        ({"outcome": "declined", "cost_estimate": 5}, ["cost_estimate"]),
        ({"outcome": "declined", **PLAN}, ["cost_estimate", "planned_from", "planned_to"]),
        ({"outcome": "under_review", "cost_estimate": 5}, ["cost_estimate"]),
        (
            {"outcome": "implemented", "planned_from": "2027-03", "planned_to": "2027-03"},
            ["planned_from", "planned_to"],
        ),
        ({"text": "", "cost_estimate": -1}, ["text", "cost_estimate"]),
    ],
)
def test_bad_plans_are_named_and_change_nothing(api, published, secret, body, fields):
    body = {"outcome": "accepted", "text": "Ja."} | body
    assert_error(respond(api, published, secret, **body), 422, "validation_failed", fields)
    data = api.get(f"/api/v1/proposals/{published.id}").get_json()
    assert data["status"] == "published" and data["responses"] == []


def test_a_declined_answer_is_refused_in_the_readers_language(api, published, secret):
    response = api.post(
        f"/api/v1/proposals/{published.id}/responses",
        token=secret,
        json={"outcome": "declined", "text": "Nej.", "cost_estimate": 5},
        headers={"Accept-Language": "da"},
    )
    message = response.get_json()["error"]["fields"]["cost_estimate"]
    assert message.startswith("Kun et svar, der imødekommer forslaget helt eller delvist")


def test_the_document_describes_the_plan(spec):
    body = spec["components"]["schemas"]["NewResponse"]["properties"]
    assert body["cost_estimate"]["type"] == ["integer", "null"]
    assert (body["cost_estimate"]["minimum"], body["cost_estimate"]["maximum"]) == (
        0,
        COST_ESTIMATE_MAX,
    )
    for name in ("planned_from", "planned_to"):
        assert body[name]["type"] == ["string", "null"]
        assert body[name]["pattern"] == "^([0-9]{4})-(0[1-9]|1[0-2])$"
    required = spec["components"]["schemas"]["NewResponse"]["required"]
    assert not {"cost_estimate", "planned_from", "planned_to"} & set(required)
    schemas = spec["components"]["schemas"]
    for name in ("Proposal", "Response"):
        assert {"cost_estimate", "planned_period"} <= set(schemas[name]["required"])
    assert set(schemas["PlannedPeriod"]["required"]) == {"from", "to"}
