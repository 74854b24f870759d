"""transferProposal and respondToProposal: staff of the owning department only."""

import pytest

from cocreate.extensions import db
from cocreate.proposals.follows import follow_proposal_quietly
from cocreate.proposals.lifecycle import ProposalStatus
from tests.api.contract import assert_error

S = ProposalStatus


def transfer(api, proposal, secret, **body):
    return api.post(f"/api/v1/proposals/{proposal.id}/transfer", token=secret, json=body)


def respond(api, proposal, secret, **body):
    return api.post(f"/api/v1/proposals/{proposal.id}/responses", token=secret, json=body)


@pytest.fixture
def published(make_proposal):
    return make_proposal(S.PUBLISHED)


def test_transfer(api, published, staff_of, make_department, token):
    other = make_department(name="Social og Sundhed")
    old = published.department_id
    response = transfer(
        api, published, token(staff_of(published)), department_id=other.id, reason="Deres område."
    )
    assert response.status_code == 200
    data = response.get_json()
    assert data["department_id"] == other.id
    move = data["history"][-1]
    assert move["type"] == "routing"
    assert (move["from_department_id"], move["to_department_id"]) == (old, other.id)
    assert move["reason"] == "Deres område."
    public = api.get(f"/api/v1/proposals/{published.id}").get_json()
    assert public["history"][-1] == move


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, ["department_id", "reason"]),
        ({"department_id": None, "reason": None}, ["department_id", "reason"]),
        ({"department_id": 999999, "reason": "Fordi."}, ["department_id"]),
        ({"department_id": 999999, "reason": ""}, ["department_id"]),
        ({"department_id": "2", "reason": "x" * 2001}, ["department_id"]),
        ({"department_id": True, "reason": "Fordi."}, ["department_id"]),
    ],
)
def test_bad_transfers_are_named(api, published, staff_of, token, body, fields):
    response = transfer(api, published, token(staff_of(published)), **body)
    assert_error(response, 422, "validation_failed", fields)


def test_transfer_to_the_same_department(api, published, staff_of, token):
    response = transfer(
        api,
        published,
        token(staff_of(published)),
        department_id=published.department_id,
        reason="Fordi.",
    )
    assert_error(response, 422, "validation_failed", ["department_id"])


def test_who_may_transfer(api, published, make_user, make_department, make_proposal, token):
    other = make_department()
    body = {"department_id": other.id, "reason": "Fordi."}
    assert_error(transfer(api, published, None, **body), 401, "unauthorized")
    outsider = make_user("department_staff", departments=[other])
    assert_error(transfer(api, published, token(outsider), **body), 403, "forbidden")
    assert_error(transfer(api, published, token(make_user()), **body), 403, "forbidden")
    assert_error(transfer(api, published, token(make_user("moderator")), **body), 403)
    submitted = make_proposal(S.SUBMITTED)
    assert_error(transfer(api, submitted, token(outsider), **body), 404, "not_found")


def test_answered_proposals_cannot_be_transferred(
    api, make_proposal, staff_of, make_department, token
):
    proposal = make_proposal(S.ACCEPTED)
    body = {"department_id": make_department().id, "reason": "Fordi."}
    assert_error(transfer(api, proposal, token(staff_of(proposal)), **body), 409)


def test_final_answer(api, published, staff_of, token):
    response = respond(
        api, published, token(staff_of(published)), outcome="accepted", text="Ja, **gerne**."
    )
    assert response.status_code == 200
    data = response.get_json()
    assert data["status"] == "accepted"
    [answer] = data["responses"]
    assert answer["text_html"].startswith("<p>Ja, <strong>gerne</strong>.")
    assert answer["preliminary"] is False and answer["comment_window_ends_at"] is None
    assert data["history"][-1]["type"] == "response"


def test_preliminary_answer_holds_back_the_final_one(api, published, staff_of, token):
    secret = token(staff_of(published))
    response = respond(api, published, secret, outcome="declined", text="Nej.", preliminary=True)
    data = response.get_json()
    assert data["status"] == "under_review"
    assert data["responses"][0]["preliminary"] is True
    assert data["responses"][0]["comment_window_ends_at"] is not None
    assert_error(respond(api, published, secret, outcome="declined", text="Nej."), 409)


def test_an_acknowledgement_carries_a_message_to_the_citizen(
    api, client, published, staff_of, make_user, token, outbox
):
    follower = make_user()
    follow_proposal_quietly(follower, published)
    db.session.commit()
    outbox()  # forget what was mailed before
    message = "Vi forventer at svare inden **1. marts**. <script>alert(1)</script>"
    data = respond(
        api, published, token(staff_of(published)), outcome="under_review", text=message
    ).get_json()
    assert data["status"] == "under_review"
    told = data["history"][-1]
    assert (told["type"], told["outcome"], told["preliminary"]) == (
        "response",
        "under_review",
        False,
    )
    (said,) = data["responses"]
    assert "<strong>1. marts</strong>" in said["text_html"] and "<script>" not in said["text_html"]
    mails = {mail["To"]: mail.get_body(("plain",)).get_content() for mail in outbox()}
    assert set(mails) == {published.author.email, follower.email}
    assert all("1. marts" in text for text in mails.values())
    page = client.get(f"/proposals/{published.id}").get_data(as_text=True)
    assert "<strong>1. marts</strong>" in page


def test_acknowledge_and_implement(api, published, staff_of, token):
    secret = token(staff_of(published))
    assert respond(api, published, secret, outcome="under_review").get_json()["status"] == (
        "under_review"
    )
    assert_error(respond(api, published, secret, outcome="under_review"), 409)
    assert_error(respond(api, published, secret, outcome="implemented"), 409)
    respond(api, published, secret, outcome="partially_accepted", text="Delvist.")
    data = respond(api, published, secret, outcome="implemented", text="Gjort.").get_json()
    assert data["status"] == "implemented"
    assert [r["outcome"] for r in data["responses"]] == ["partially_accepted", "implemented"]


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, ["outcome"]),
        ({"outcome": "maybe", "text": "x"}, ["outcome"]),
        ({"outcome": "accepted"}, ["text"]),
        ({"outcome": "accepted", "text": "   "}, ["text"]),
        ({"outcome": "accepted", "text": "x" * 20_001}, ["text"]),
        ({"outcome": "accepted", "text": "x", "preliminary": "yes"}, ["preliminary"]),
        ({"outcome": "accepted", "text": 5, "preliminary": 1}, ["text", "preliminary"]),
        ({"outcome": "under_review", "preliminary": True}, ["preliminary"]),
        (
            {"outcome": "under_review", "text": "x" * 10_001, "preliminary": True},
            ["text", "preliminary"],
        ),
        ({"outcome": "implemented", "text": "x", "preliminary": True}, ["preliminary"]),
    ],
)
def test_bad_answers_are_named(api, published, staff_of, token, body, fields):
    response = respond(api, published, token(staff_of(published)), **body)
    assert_error(response, 422, "validation_failed", fields)


def test_who_may_answer(api, published, make_user, make_department, make_proposal, token):
    body = {"outcome": "accepted", "text": "Ja."}
    assert_error(respond(api, published, None, **body), 401, "unauthorized")
    outsider = make_user("department_staff", departments=[make_department()])
    assert_error(respond(api, published, token(outsider), **body), 403, "forbidden")
    assert_error(respond(api, published, token(published.author), **body), 403, "forbidden")
    submitted = make_proposal(S.SUBMITTED)
    assert_error(respond(api, submitted, token(outsider), **body), 404, "not_found")


def test_bad_bodies(api, published, staff_of, token):
    secret = token(staff_of(published))
    path = f"/api/v1/proposals/{published.id}/responses"
    response = api.post(path, token=secret, data="[1,", content_type="application/json")
    assert_error(response, 400, "bad_request")
    assert_error(api.post(path, token=secret, data="outcome=accepted"), 400)
    path = f"/api/v1/proposals/{published.id}/transfer"
    assert_error(api.post(path, token=secret, data='{"a":', content_type="application/json"), 400)
    assert_error(api.post(path, token=secret, data="", content_type="text/plain"), 400)
