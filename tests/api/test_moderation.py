"""getModerationQueue and decideProposal: moderators only, never on their own proposals."""

import pytest

from cocreate.proposals.lifecycle import ProposalStatus
from tests.api.contract import assert_error

S = ProposalStatus


def decide(api, proposal, secret, **body):
    return api.post(f"/api/v1/proposals/{proposal.id}/moderation", token=secret, json=body)


def test_queue_lists_submitted_oldest_first(api, make_proposal, moderator, token):
    first, second = make_proposal(S.SUBMITTED), make_proposal(S.SUBMITTED)
    make_proposal(S.PUBLISHED)
    make_proposal(S.DRAFT)
    response = api.get("/api/v1/moderation/queue", token=token(moderator))
    assert response.status_code == 200
    data = response.get_json()
    assert [item["id"] for item in data["items"]] == [first.id, second.id]
    assert data["total"] == 2
    page = api.get("/api/v1/moderation/queue?per_page=1&page=2", token=token(moderator))
    assert [item["id"] for item in page.get_json()["items"]] == [second.id]


def test_queue_costs_no_query_per_row(api, make_proposal, moderator, token, count_queries):
    secret = token(moderator)
    make_proposal(S.SUBMITTED)
    api.get("/api/v1/moderation/queue", token=secret)  # the first use stamps the token
    counts = []
    for _ in range(2):
        with count_queries() as counter:
            api.get("/api/v1/moderation/queue", token=secret)
        counts.append(counter.count)
        for _ in range(4):
            make_proposal(S.SUBMITTED)
    assert counts[0] == counts[1]


def test_queue_is_for_moderators(api, make_user, token):
    response = api.get("/api/v1/moderation/queue")
    assert_error(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert_error(api.get("/api/v1/moderation/queue", token="cc_bad"), 401)
    for role in ("citizen", "department_staff", "panel_member", "admin"):
        response = api.get("/api/v1/moderation/queue", token=token(make_user(role)))
        assert_error(response, 403, "forbidden")


def test_queue_paging_values_are_checked(api, moderator, token):
    response = api.get("/api/v1/moderation/queue?page=x&per_page=0", token=token(moderator))
    assert_error(response, 422, "validation_failed", ["page", "per_page"])


def test_approve_routes_to_the_first_themes_department(api, make_proposal, moderator, token):
    proposal = make_proposal(S.SUBMITTED)
    response = decide(api, proposal, token(moderator), decision="approve", note="Fint.")
    assert response.status_code == 200
    data = response.get_json()
    assert data["status"] == "published"
    assert data["department_id"] == proposal.themes[0].department_id
    assert sorted(e["type"] for e in data["history"]) == ["decision", "routing", "status"]
    decision = next(e for e in data["history"] if e["type"] == "decision")
    assert decision["actor"] == {"name": moderator.name}
    assert decision["note"] == "Fint."


def test_approve_to_a_chosen_department(api, make_proposal, make_department, moderator, token):
    proposal, chosen = make_proposal(S.SUBMITTED), make_department()
    response = decide(api, proposal, token(moderator), decision="approve", department_id=chosen.id)
    assert response.get_json()["department_id"] == chosen.id


def test_reject_with_a_reason(api, make_proposal, moderator, token):
    proposal = make_proposal(S.SUBMITTED)
    response = decide(api, proposal, token(moderator), decision="reject", reason="duplicate")
    data = response.get_json()
    assert data["status"] == "rejected"
    assert data["history"][-1]["reason"] == "duplicate"
    assert_error(api.get(f"/api/v1/proposals/{proposal.id}"), 404)


def test_request_changes(api, make_proposal, moderator, token):
    proposal = make_proposal(S.SUBMITTED)
    response = decide(api, proposal, token(moderator), decision="request_changes", note="Mere.")
    assert response.get_json()["status"] == "changes_requested"


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, ["decision"]),
        ({"decision": "maybe"}, ["decision"]),
        ({"decision": None}, ["decision"]),
        ({"decision": "reject"}, ["reason"]),
        ({"decision": "reject", "reason": None}, ["reason"]),
        ({"decision": "reject", "reason": "boring"}, ["reason"]),
        ({"decision": "request_changes"}, ["note"]),
        ({"decision": "request_changes", "note": "  "}, ["note"]),
        ({"decision": "approve", "note": "x" * 2001}, ["note"]),
        ({"decision": "approve", "note": 7}, ["note"]),
        ({"decision": "approve", "department_id": 999999}, ["department_id"]),
        ({"decision": "approve", "department_id": "1"}, ["department_id"]),
        ({"decision": 1, "reason": 2, "note": [], "department_id": -1}, None),
    ],
)
def test_bad_decisions_are_named(api, make_proposal, moderator, token, body, fields):
    proposal = make_proposal(S.SUBMITTED)
    everything = ["decision", "reason", "note", "department_id"]
    response = decide(api, proposal, token(moderator), **body)
    assert_error(response, 422, "validation_failed", fields if fields is not None else everything)
    assert api.get(f"/api/v1/proposals/{proposal.id}", token=token(moderator)).get_json()[
        "status"
    ] == ("submitted")


def test_who_may_decide(api, make_proposal, make_user, moderator, token):
    submitted = make_proposal(S.SUBMITTED)
    assert_error(decide(api, submitted, None, decision="approve"), 401, "unauthorized")
    # A stranger does not learn that a hidden proposal exists.
    stranger = token(make_user())
    assert_error(decide(api, submitted, stranger, decision="approve"), 404, "not_found")
    published = make_proposal(S.PUBLISHED)
    assert_error(decide(api, published, stranger, decision="approve"), 403, "forbidden")
    own = make_proposal(S.SUBMITTED, author=moderator)
    assert_error(decide(api, own, token(moderator), decision="approve"), 403, "forbidden")


@pytest.mark.parametrize("status", [S.PUBLISHED, S.REJECTED, S.CHANGES_REQUESTED, S.ACCEPTED])
def test_decided_proposals_cannot_be_decided_again(api, make_proposal, moderator, token, status):
    proposal = make_proposal(status)
    response = decide(api, proposal, token(moderator), decision="approve")
    assert_error(response, 409, "transition_not_allowed")


def test_unknown_proposal_and_bad_bodies(api, moderator, token, make_proposal):
    secret = token(moderator)
    response = api.post(
        "/api/v1/proposals/2147483647/moderation", token=secret, json={"decision": "approve"}
    )
    assert_error(response, 404, "not_found")
    proposal = make_proposal(S.SUBMITTED)
    path = f"/api/v1/proposals/{proposal.id}/moderation"
    response = api.post(path, token=secret, data="{", content_type="application/json")
    assert_error(response, 400, "bad_request")
    assert_error(api.post(path, token=secret, data="decision=approve"), 400)


def test_a_duplicate_is_rejected_naming_its_original(api, make_proposal, moderator, token):
    original, repeat = make_proposal(S.PUBLISHED), make_proposal(S.SUBMITTED)
    secret = token(moderator)

    unknown = decide(api, repeat, secret, decision="reject", reason="duplicate", original_id="x")
    assert_error(unknown, 422, fields={"original_id"})

    response = decide(
        api, repeat, secret, decision="reject", reason="duplicate", original_id=original.id
    )
    assert response.status_code == 200
    assert response.get_json()["status"] == "rejected"
