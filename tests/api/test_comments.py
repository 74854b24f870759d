"""listComments and createComment: the thread with placeholders, and a new comment or reply."""

import pytest

from cocreate.accounts.roles import Role
from cocreate.extensions import db
from cocreate.moderation.flags import remove_comment
from cocreate.proposals.comments.flags import flag_comment
from cocreate.proposals.comments.services import delete_comment
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import COMMENT_MAX
from tests.api.contract import assert_error

S = ProposalStatus


@pytest.fixture
def published(make_proposal):
    return make_proposal(S.PUBLISHED)


def comments_of(proposal) -> str:
    return f"/api/v1/proposals/{proposal.id}/comments"


def post(api, proposal, secret, **body):
    return api.post(comments_of(proposal), token=secret, json=body)


def test_an_empty_thread(api, published):
    assert api.get(comments_of(published)).get_json() == {"items": []}


def test_create_a_comment_and_a_reply(api, published, make_user, token):
    author = make_user()
    secret = token(author)
    response = post(api, published, secret, body="Flere **bænke**. <script>alert(1)</script>")
    assert response.status_code == 201
    comment = response.get_json()
    assert comment["state"] == "visible" and comment["parent_id"] is None
    assert comment["author"] == {"name": author.name}
    assert comment["body_html"].startswith("<p>Flere <strong>bænke</strong>.")
    assert "<script>" not in comment["body_html"]
    assert comment["replies"] == [] and comment["edited_at"] is None
    reply = post(api, published, secret, body="Og skygge.", parent_id=comment["id"]).get_json()
    assert reply["parent_id"] == comment["id"]
    [thread] = api.get(comments_of(published)).get_json()["items"]
    assert thread["id"] == comment["id"] and [r["id"] for r in thread["replies"]] == [reply["id"]]
    proposal = api.get(f"/api/v1/proposals/{published.id}").get_json()
    assert proposal["comment_count"] == 2


def test_official_replies_and_organisations(api, published, make_user, make_organisation, token):
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[published.department])
    official = post(api, published, token(staff), body="Vi kigger på det.").get_json()
    assert official["official_department_id"] == published.department_id
    member = make_user()
    organisation = make_organisation(members=[member], verified=True)
    data = post(
        api, published, token(member), body="Foreningen bakker op.", organisation_id=organisation.id
    ).get_json()
    assert data["organisation"] == {
        "id": organisation.id,
        "name": organisation.name,
        "verified": True,
    }
    assert data["official_department_id"] is None


def test_placeholders_keep_their_place_without_their_text(
    api, app, published, make_user, make_comment, token
):
    deleted, hidden, removed, _shown = (
        make_comment(published, body=f"Tekst {n}") for n in ("slettet", "skjult", "fjernet", "vist")
    )
    make_comment(published, parent=deleted, body="Svaret bliver")
    delete_comment(deleted, deleted.author)
    moderator = make_user(Role.MODERATOR)
    for comment in (hidden, removed):
        for _ in range(app.config["COMMENT_FLAG_THRESHOLD"]):
            flag_comment(comment, make_user(), "spam")
    remove_comment(removed, moderator, "Reklame.")
    db.session.commit()
    items = api.get(comments_of(published)).get_json()["items"]
    assert [item["state"] for item in items] == ["deleted", "hidden", "removed", "visible"]
    for item in items[:3]:
        assert item["body_html"] is None and item["author"] is None
        assert item["moderation_note"] is None
    assert items[0]["replies"][0]["body_html"].startswith("<p>Svaret bliver")
    assert "Tekst vist" in items[3]["body_html"]
    # Its author still reads a removed comment, and why it was removed.
    own = api.get(comments_of(published), token=token(removed.author)).get_json()["items"][2]
    assert own["state"] == "removed" and "Tekst fjernet" in own["body_html"]
    assert own["moderation_note"] == "Reklame."


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, ["body"]),
        ({"body": ""}, ["body"]),
        ({"body": "   "}, ["body"]),
        ({"body": "x" * (COMMENT_MAX + 1)}, ["body"]),
        ({"body": 5}, ["body"]),
        ({"body": "Hej", "parent_id": "1"}, ["parent_id"]),
        ({"body": "Hej", "parent_id": 999_999}, ["parent_id"]),
        # A malformed body is refused as such; a well-formed one gets every broken rule.
        ({"body": "", "parent_id": 0, "organisation_id": True}, ["parent_id", "organisation_id"]),
        ({"body": "", "parent_id": 999_999}, ["body", "parent_id"]),
        ({"body": "Hej\x00"}, ["body"]),
    ],
)
def test_bad_comments_are_named(api, published, make_user, token, body, fields):
    response = post(api, published, token(make_user()), **body)
    assert_error(response, 422, "validation_failed", fields)
    assert api.get(comments_of(published)).get_json() == {"items": []}


def test_no_reply_to_a_reply(api, published, make_comment, make_user, token):
    reply = make_comment(published, parent=make_comment(published))
    response = post(api, published, token(make_user()), body="Og så?", parent_id=reply.id)
    assert_error(response, 422, "validation_failed", ["parent_id"])
    assert "ikke på et svar" in response.get_json()["error"]["message"]


def test_no_acting_for_someone_elses_organisation(
    api, published, make_user, make_organisation, token
):
    organisation = make_organisation()
    response = post(api, published, token(make_user()), body="Hej", organisation_id=organisation.id)
    assert_error(response, 422, "validation_failed", ["organisation_id"])


@pytest.mark.parametrize("status", [S.DRAFT, S.SUBMITTED, S.REJECTED, S.WITHDRAWN])
def test_no_comments_before_publication_or_after_rejection(api, make_proposal, token, status):
    proposal = make_proposal(status)
    response = post(api, proposal, token(proposal.author), body="Hej")
    assert_error(response, 409, "transition_not_allowed")
    assert api.get(comments_of(proposal), token=token(proposal.author)).get_json() == {"items": []}


def test_who_may_list_and_comment(api, make_proposal, make_user, token):
    submitted = make_proposal(S.SUBMITTED)
    assert_error(api.get(comments_of(submitted)), 404, "not_found")
    assert_error(post(api, submitted, token(make_user()), body="Hej"), 404, "not_found")
    published = make_proposal(S.PUBLISHED)
    assert_error(post(api, published, None, body="Hej"), 401, "unauthorized")
    assert_error(api.get("/api/v1/proposals/999999/comments"), 404, "not_found")


def test_bad_bodies(api, published, make_user, token):
    secret = token(make_user())
    path = comments_of(published)
    response = api.post(path, token=secret, data="[1,", content_type="application/json")
    assert_error(response, 400, "bad_request")
    assert_error(api.post(path, token=secret, data="body=Hej"), 400)
    assert_error(api.post(path, token=secret, json=["Hej"]), 400)
