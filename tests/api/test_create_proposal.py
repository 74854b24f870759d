"""createProposal: any account; 201 with the new proposal, submitted to moderation."""

import json

import pytest
from sqlalchemy import func, select

from cocreate.extensions import db
from cocreate.proposals.models import BODY_MAX, SUMMARY_MAX, TITLE_MAX, Proposal
from tests.api.contract import assert_error


@pytest.fixture
def author(make_user):
    return make_user()


@pytest.fixture
def secret(author, token):
    return token(author)


@pytest.fixture
def body(make_theme):
    first, second = make_theme(), make_theme()
    return {
        "title": "Flere træer på torvet",
        "summary": "Skygge om sommeren.",
        "body": "## Hvorfor\n\nTræer giver **skygge**. <script>alert(1)</script>",
        "theme_ids": [second.id, first.id],
    }


def test_create(api, secret, body, author):
    response = api.post("/api/v1/proposals", token=secret, json=body)
    assert response.status_code == 201
    data = response.get_json()
    assert data["status"] == "submitted"
    assert data["title"] == body["title"]
    assert data["theme_ids"] == body["theme_ids"]
    assert data["department_id"] is None
    assert "<strong>skygge</strong>" in data["body_html"]
    assert "<script>" not in data["body_html"]
    assert [e["action"] for e in data["history"]] == ["submit"]
    assert data["history"][0]["actor"] == {"name": author.name}
    assert response.headers["Location"] == f"/api/v1/proposals/{data['id']}"
    assert api.get(response.headers["Location"], token=secret).get_json() == data
    assert_error(api.get(response.headers["Location"]), 404)


def test_create_with_optional_organisation_left_out(api, secret, body):
    response = api.post("/api/v1/proposals", token=secret, json={**body, "organisation_id": None})
    assert response.status_code == 201


@pytest.mark.parametrize("verified", [True, False])
def test_create_for_an_organisation_the_account_acts_for(
    api, secret, body, author, make_organisation, verified
):
    organisation = make_organisation(members=[author], verified=verified)
    response = api.post(
        "/api/v1/proposals", token=secret, json={**body, "organisation_id": organisation.id}
    )
    assert response.status_code == 201
    proposal = db.session.get(Proposal, response.get_json()["id"])
    assert proposal.organisation_id == organisation.id


def test_create_for_an_organisation_of_others_is_refused(api, secret, body, make_organisation):
    organisation = make_organisation(verified=True)
    for changes, fields in (
        ({"organisation_id": organisation.id}, ["organisation_id"]),
        ({"organisation_id": organisation.id, "theme_ids": []}, ["organisation_id", "theme_ids"]),
    ):
        response = api.post("/api/v1/proposals", token=secret, json={**body, **changes})
        assert_error(response, 422, "validation_failed", fields)
    assert db.session.scalar(select(func.count(Proposal.id))) == 0


def test_anonymous_is_refused(api, body):
    response = api.post("/api/v1/proposals", json=body)
    assert_error(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert_error(api.post("/api/v1/proposals", json=body, token="cc_wrong"), 401)


def test_every_missing_field_is_named(api, secret):
    response = api.post("/api/v1/proposals", token=secret, json={})
    assert_error(response, 422, "validation_failed", ["title", "summary", "body", "theme_ids"])


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"title": ""}, ["title"]),
        ({"title": "   \n"}, ["title"]),
        ({"title": "x" * (TITLE_MAX + 1)}, ["title"]),
        ({"summary": "x" * (SUMMARY_MAX + 1)}, ["summary"]),
        ({"body": "x" * (BODY_MAX + 1)}, ["body"]),
        ({"title": "", "summary": "", "body": ""}, ["title", "summary", "body"]),
        ({"title": 5, "summary": None, "body": ["x"]}, ["title", "summary", "body"]),
        ({"title": "a\x00b"}, ["title"]),
        ({"theme_ids": []}, ["theme_ids"]),
        ({"theme_ids": "1"}, ["theme_ids"]),
        ({"theme_ids": [True]}, ["theme_ids"]),
        ({"theme_ids": [1.0]}, ["theme_ids"]),
        ({"theme_ids": [0]}, ["theme_ids"]),
        ({"theme_ids": [2**31]}, ["theme_ids"]),
        ({"theme_ids": [10**30]}, ["theme_ids"]),
        ({"theme_ids": list(range(1, 12))}, ["theme_ids"]),
        ({"theme_ids": None}, ["theme_ids"]),
        ({"organisation_id": 1}, ["organisation_id"]),  # no such organisation, or not theirs
        ({"organisation_id": 0}, ["organisation_id"]),
        ({"organisation_id": "x"}, ["organisation_id"]),
        ({"organisation_id": 1, "title": ""}, ["organisation_id", "title"]),
    ],
)
def test_bad_fields_are_named(api, secret, body, changes, fields):
    response = api.post("/api/v1/proposals", token=secret, json={**body, **changes})
    assert_error(response, 422, "validation_failed", fields)


def test_longest_allowed_values(api, secret, body):
    longest = {"title": "t" * TITLE_MAX, "summary": "s" * SUMMARY_MAX, "body": "b" * BODY_MAX}
    assert api.post("/api/v1/proposals", token=secret, json={**body, **longest}).status_code == 201


def test_unknown_theme_is_named(api, secret, body):
    response = api.post(
        "/api/v1/proposals", token=secret, json={**body, "theme_ids": [*body["theme_ids"], 999999]}
    )
    assert_error(response, 422, "validation_failed", ["theme_ids"])


def test_lone_surrogate_is_refused(api, secret, body):
    raw = json.dumps({**body, "summary": "PLACEHOLDER"}).replace("PLACEHOLDER", "\\ud800")
    response = api.post(
        "/api/v1/proposals", token=secret, data=raw, content_type="application/json"
    )
    assert_error(response, 422, "validation_failed", ["summary"])


def test_malformed_and_wrong_type_of_body(api, secret):
    response = api.post(
        "/api/v1/proposals", token=secret, data='{"title": ', content_type="application/json"
    )
    assert_error(response, 400, "bad_request")
    response = api.post("/api/v1/proposals", token=secret, data="title=x")
    assert_error(response, 400, "unsupported_media_type")
