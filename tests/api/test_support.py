"""supportProposal and withdrawSupport: any account, idempotent, while support counts."""

import pytest

from cocreate.core.types import utcnow
from cocreate.departments.answers import respond_to_proposal
from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import Outcome
from tests.api.contract import assert_error

S = ProposalStatus


def support(api, proposal_id, secret=None):
    return api.request("PUT", f"/api/v1/proposals/{proposal_id}/support", token=secret)


def withdraw(api, proposal_id, secret=None):
    return api.request("DELETE", f"/api/v1/proposals/{proposal_id}/support", token=secret)


def count_shown(api, proposal_id) -> int:
    return api.get(f"/api/v1/proposals/{proposal_id}").get_json()["support_count"]


@pytest.mark.parametrize("status", [S.PUBLISHED, S.UNDER_REVIEW])
def test_support_is_idempotent_and_counted(api, make_proposal, make_user, token, status):
    proposal = make_proposal(status)
    first, second = token(make_user()), token(make_user())

    for _ in range(2):
        response = support(api, proposal.id, first)
        assert response.status_code == 200
        assert response.get_json() == {"support_count": 1, "supported": True}
    assert support(api, proposal.id, second).get_json()["support_count"] == 2
    assert count_shown(api, proposal.id) == 2


def test_withdraw_is_idempotent(api, make_proposal, make_user, token):
    proposal = make_proposal(S.PUBLISHED)
    stays, leaves = token(make_user()), token(make_user())
    support(api, proposal.id, stays)
    support(api, proposal.id, leaves)

    for _ in range(2):
        response = withdraw(api, proposal.id, leaves)
        assert response.status_code == 200
        assert response.get_json() == {"support_count": 1, "supported": False}
    assert count_shown(api, proposal.id) == 1


def test_an_account_is_needed(api, make_proposal):
    proposal = make_proposal(S.PUBLISHED)
    for call in (support, withdraw):
        response = call(api, proposal.id)
        assert_error(response, 401, "unauthorized")
        assert response.headers["WWW-Authenticate"] == "Bearer"
    assert count_shown(api, proposal.id) == 0


@pytest.mark.parametrize("status", [S.DRAFT, S.SUBMITTED, S.REJECTED, S.WITHDRAWN])
def test_proposals_one_may_not_see_are_not_found(api, make_proposal, make_user, token, status):
    proposal = make_proposal(status)
    secret = token(make_user())
    assert_error(support(api, proposal.id, secret), 404, "not_found")
    assert_error(withdraw(api, proposal.id, secret), 404, "not_found")
    assert_error(support(api, 99999999, secret), 404)


@pytest.mark.parametrize("status", [S.ACCEPTED, S.DECLINED, S.IMPLEMENTED])
def test_answered_proposals_take_no_support(api, make_proposal, make_user, token, status):
    proposal = make_proposal(status)
    response = support(api, proposal.id, token(make_user()))
    assert_error(response, 409, "transition_not_allowed")
    assert count_shown(api, proposal.id) == 0


def test_support_given_before_the_answer_cannot_be_withdrawn(api, make_proposal, make_user, token):
    proposal = make_proposal(S.PUBLISHED)
    secret = token(make_user())
    support(api, proposal.id, secret)
    staff = make_user("department_staff", departments=[proposal.department])
    respond_to_proposal(proposal, staff, outcome=Outcome.DECLINED, text="Nej.", preliminary=False)
    db.session.commit()

    assert_error(withdraw(api, proposal.id, secret), 409, "transition_not_allowed")
    assert count_shown(api, proposal.id) == 1


def test_hidden_proposals_take_no_support(api, make_proposal, make_user, token):
    proposal = make_proposal(S.PUBLISHED)
    proposal.hidden_at = utcnow()
    db.session.commit()
    # Hidden from others altogether; the author, who still sees it, is told why.
    assert_error(support(api, proposal.id, token(make_user())), 404)
    assert_error(support(api, proposal.id, token(proposal.author)), 409, "transition_not_allowed")


def test_a_body_is_ignored(api, make_proposal, make_user, token):
    proposal = make_proposal(S.PUBLISHED)
    response = api.request(
        "PUT",
        f"/api/v1/proposals/{proposal.id}/support",
        token=token(make_user()),
        json={"support_count": 1000},
    )
    assert response.get_json()["support_count"] == 1


def test_a_supporter_withdraws_from_a_hidden_proposal(api, make_proposal, make_user, token):
    from cocreate.proposals.engagement import support_proposal

    proposal, supporter = make_proposal(S.PUBLISHED), make_user()
    support_proposal(proposal, supporter)
    proposal.hidden_at = utcnow()
    db.session.commit()
    # Someone who never supported it learns nothing of it.
    assert_error(withdraw(api, proposal.id, token(make_user())), 404, "not_found")
    response = withdraw(api, proposal.id, token(supporter))
    assert response.status_code == 200
    assert response.get_json() == {"support_count": 0, "supported": False}
    assert_error(withdraw(api, proposal.id, token(supporter)), 404, "not_found")
