"""rateAnswer: an author or supporter, after the final answer, 1–5 each."""

from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import AnswerRating
from tests.api.contract import assert_error

S = ProposalStatus


def rate(api, proposal_id, secret, **body):
    return api.request("PUT", f"/api/v1/proposals/{proposal_id}/rating", token=secret, json=body)


def test_the_author_rates_and_changes_the_rating(api, make_proposal, token):
    proposal = make_proposal(S.PARTIALLY_ACCEPTED)
    secret = token(proposal.author)

    first = rate(api, proposal.id, secret, answer_score=2, process_score=3, comment="Langsomt")
    again = rate(api, proposal.id, secret, answer_score=4, process_score=3)

    assert first.status_code == again.status_code == 200
    assert again.get_json()["answer_score"] == 4 and again.get_json()["comment"] == ""
    assert db.session.query(AnswerRating).count() == 1


def test_bad_scores_are_refused_by_name(api, make_proposal, token):
    proposal = make_proposal(S.ACCEPTED)

    response = rate(api, proposal.id, token(proposal.author), answer_score=9, process_score="x")

    assert_error(response, 422, fields=["answer_score", "process_score"])


def test_before_the_answer_and_by_others_is_refused(api, make_proposal, make_user, token):
    open_one, answered = make_proposal(S.PUBLISHED), make_proposal(S.ACCEPTED)
    scores = {"answer_score": 3, "process_score": 3}

    assert_error(rate(api, open_one.id, token(open_one.author), **scores), 409)
    assert_error(rate(api, answered.id, token(make_user()), **scores), 403)
    assert_error(rate(api, answered.id, None, **scores), 401)
