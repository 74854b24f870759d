"""getProposal: public ones for anyone; others for the author and staff; history in order."""

import pytest

from cocreate.extensions import db
from cocreate.moderation.models import Decision
from cocreate.moderation.services import decide_proposal
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.services import submit_proposal
from tests.api.contract import assert_error

S = ProposalStatus


def test_an_answered_proposal_with_its_history(api, make_proposal):
    proposal = make_proposal(S.ACCEPTED)
    response = api.get(f"/api/v1/proposals/{proposal.id}")
    assert response.status_code == 200
    data = response.get_json()
    assert data["id"] == proposal.id
    assert data["status"] == "accepted"
    assert data["title"] == proposal.title
    assert data["theme_ids"] == proposal.theme_ids
    assert data["department_id"] == proposal.department_id
    assert (data["support_count"], data["comment_count"]) == (0, 0)
    # Answered, so public; no member has reviewed it.
    assert data["panel_summary"] == {
        "review_count": 0,
        "mean_scores": dict.fromkeys(("value", "feasibility", "cocreation", "strategy_fit")),
        "recommendations": {"recommend": 0, "recommend_with_changes": 0, "not_recommended": 0},
    }  # EMPTY_PANEL_SUMMARY
    assert "<p>Mere lys på stierne." in data["body_html"]
    assert "<script" not in data["body_html"] and 'href="javascript' not in data["body_html"]
    submit, *middle, answer = data["history"]
    assert sorted(event["type"] for event in middle) == ["decision", "routing"]
    decision = next(event for event in middle if event["type"] == "decision")
    routing = next(event for event in middle if event["type"] == "routing")
    assert submit["action"] == "submit" and submit["to_status"] == "submitted"
    assert submit["actor"] == {"name": proposal.author.name}
    assert decision["decision"] == "approve" and decision["reason"] is None
    assert routing["to_department_id"] == proposal.department_id
    assert routing["from_department_id"] is None
    assert answer["outcome"] == "accepted" and answer["preliminary"] is False
    assert [event["at"] for event in data["history"]] == sorted(e["at"] for e in data["history"])
    [kept] = data["responses"]
    assert answer["response_id"] == kept["id"]
    assert kept["outcome"] == "accepted" and "<script" not in kept["text_html"]
    assert kept["text_html"].startswith("<p>Svar fra forvaltningen")


def test_decision_comes_before_the_routing_it_caused(api, make_proposal):
    proposal = make_proposal(S.PUBLISHED)
    history = api.get(f"/api/v1/proposals/{proposal.id}").get_json()["history"]
    assert [event["type"] for event in history] == ["status", "decision", "routing"]


def test_moderators_notes_are_for_the_author_and_staff(
    api, make_proposal, moderator, token, make_user
):
    proposal = make_proposal(S.CHANGES_REQUESTED)
    submit_proposal(proposal, proposal.author)
    decide_proposal(proposal, moderator, decision=Decision.APPROVE, note="Fint nu.")
    db.session.commit()
    path = f"/api/v1/proposals/{proposal.id}"

    def notes(**kw):
        history = api.get(path, **kw).get_json()["history"]
        return [event["note"] for event in history if event["type"] == "decision"]

    assert notes() == [None, "Fint nu."]
    assert notes(token=token(make_user())) == [None, "Fint nu."]
    assert notes(token=token(proposal.author)) == ["Skriv venligst mere om økonomien.", "Fint nu."]
    assert notes(token=token(moderator)) == ["Skriv venligst mere om økonomien.", "Fint nu."]
    actions = [e.get("action") for e in api.get(path).get_json()["history"]]
    assert actions == ["submit", None, "resubmit", None, None]


@pytest.mark.parametrize("status", [S.DRAFT, S.SUBMITTED, S.REJECTED, S.WITHDRAWN])
def test_hidden_proposals_look_missing_to_strangers(api, make_proposal, make_user, token, status):
    proposal = make_proposal(status)
    path = f"/api/v1/proposals/{proposal.id}"
    missing = api.get("/api/v1/proposals/2147483647").get_json()
    anonymous = api.get(path)
    assert_error(anonymous, 404, "not_found")
    assert anonymous.get_json() == missing
    assert_error(api.get(path, token=token(make_user())), 404, "not_found")
    assert api.get(path, token=token(proposal.author)).get_json()["status"] == status.value


def test_moderators_see_submitted_but_not_drafts(api, make_proposal, moderator, token):
    secret = token(moderator)
    submitted, draft = make_proposal(S.SUBMITTED), make_proposal(S.DRAFT)
    assert api.get(f"/api/v1/proposals/{submitted.id}", token=secret).status_code == 200
    assert_error(api.get(f"/api/v1/proposals/{draft.id}", token=secret), 404)


def test_fixed_number_of_queries(api, make_proposal, count_queries):
    """More history and answers cost no more queries."""
    paths = [
        f"/api/v1/proposals/{make_proposal(status).id}" for status in (S.ACCEPTED, S.IMPLEMENTED)
    ]
    counts = []
    for path in paths:
        with count_queries() as counter:
            assert api.get(path).status_code == 200
        counts.append(counter.count)
    assert counts[0] == counts[1]
