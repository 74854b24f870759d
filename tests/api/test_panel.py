"""requestPanelReview, createPanelReview and getProposal's panel_summary, against the document."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from cocreate.accounts.roles import Role
from cocreate.extensions import db
from cocreate.panel.models import PanelReview, PanelReviewRequest
from cocreate.panel.queries import local_today
from cocreate.proposals.lifecycle import ProposalStatus
from tests.api.contract import assert_error
from tests.panel.helpers import GOOD_SCORES, ask_panel, coauthor, organisation, review, seat

S = ProposalStatus


def ask(api, proposal, secret, **body):
    return api.post(f"/api/v1/proposals/{proposal.id}/panel-requests", token=secret, json=body)


def rate(api, proposal, secret, **body):
    body = {"scores": GOOD_SCORES, "recommendation": "recommend", "comment": "Godt."} | body
    return api.post(f"/api/v1/proposals/{proposal.id}/reviews", token=secret, json=body)


def _count(model) -> int:
    return db.session.scalar(select(func.count(model.id)))


@pytest.fixture
def published(make_proposal):
    return make_proposal(S.PUBLISHED)


@pytest.fixture
def requested(published, moderator):
    ask_panel(published, moderator)
    return published


def test_request_a_review(api, published, moderator, token):
    due = (local_today() + timedelta(days=14)).isoformat()
    response = ask(api, published, token(moderator), due_date=due)
    assert response.status_code == 201
    data = response.get_json()
    assert (data["proposal_id"], data["due_date"]) == (published.id, due)
    assert db.session.get(PanelReviewRequest, data["id"]) is not None


def test_owning_staff_may_ask_others_may_not(
    api, published, staff_of, make_user, make_department, make_proposal, token
):
    today = local_today().isoformat()
    assert_error(ask(api, published, None, due_date=today), 401, "unauthorized")
    for user in (
        make_user(),
        published.author,
        make_user(Role.PANEL_MEMBER),
        make_user(Role.DEPARTMENT_STAFF, departments=[make_department()]),
    ):
        assert_error(ask(api, published, token(user), due_date=today), 403, "forbidden")
    submitted = make_proposal(S.SUBMITTED)
    assert_error(ask(api, submitted, token(make_user()), due_date=today), 404, "not_found")
    assert _count(PanelReviewRequest) == 0
    assert ask(api, published, token(staff_of(published)), due_date=today).status_code == 201


@pytest.mark.parametrize(
    "due_date", [None, "", "i morgen", "2030-13-01", "2030-02-30", "20300101", "2030-1-1", 20300101]
)
def test_malformed_due_dates_are_named(api, published, moderator, token, due_date):
    response = ask(api, published, token(moderator), due_date=due_date)
    assert_error(response, 422, "validation_failed", ["due_date"])
    assert _count(PanelReviewRequest) == 0


@pytest.mark.parametrize("days", [-1, 366])
def test_past_or_far_due_dates_are_named(api, published, moderator, token, days):
    due = (local_today() + timedelta(days=days)).isoformat()
    assert_error(ask(api, published, token(moderator), due_date=due), 422, fields=["due_date"])
    assert_error(ask(api, published, token(moderator)), 422, fields=["due_date"])
    assert _count(PanelReviewRequest) == 0


def test_asking_twice_or_after_the_answer_is_409(api, requested, make_proposal, moderator, token):
    today = local_today().isoformat()
    assert_error(ask(api, requested, token(moderator), due_date=today), 409)
    answered = make_proposal(S.ACCEPTED)
    assert_error(ask(api, answered, token(moderator), due_date=today), 409)
    assert _count(PanelReviewRequest) == 1


def test_a_member_reviews(api, requested, make_user, token):
    member = seat(make_user(), seat_type="association", organisation=organisation())
    response = rate(api, requested, token(member.user), comment="<b>Godt</b>")
    assert response.status_code == 201
    data = response.get_json()
    assert data["scores"] == GOOD_SCORES and data["recommendation"] == "recommend"
    assert data["seat_type"] == "association" and data["comment"] == "<b>Godt</b>"
    again = rate(api, requested, token(member.user))
    assert_error(again, 409)
    assert "allerede" in again.get_json()["error"]["message"]
    assert _count(PanelReview) == 1


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"scores": {**GOOD_SCORES, "value": 0}}, ["scores.value"]),
        ({"scores": {**GOOD_SCORES, "value": 6}}, ["scores.value"]),
        (
            {"scores": {**GOOD_SCORES, "cocreation": 6, "strategy_fit": 0}},
            ["scores.cocreation", "scores.strategy_fit"],
        ),
        ({"scores": {**GOOD_SCORES, "feasibility": "5"}}, ["scores.feasibility"]),
        ({"scores": {**GOOD_SCORES, "feasibility": None}}, ["scores.feasibility"]),
        ({"scores": {**GOOD_SCORES, "extra": 3}}, ["scores"]),
        ({"scores": [4, 3, 5, 2]}, ["scores"]),
        ({"scores": None}, ["scores"]),
        ({"recommendation": "maybe"}, ["recommendation"]),
        ({"comment": ""}, ["comment"]),
        ({"comment": "x" * 5_001}, ["comment"]),
        (
            {"scores": {**GOOD_SCORES, "value": 0}, "comment": "  "},
            ["scores.value", "comment"],
        ),
    ],
)
def test_bad_reviews_are_named(api, requested, make_user, token, body, fields):
    member = seat(make_user())
    assert_error(rate(api, requested, token(member.user), **body), 422, "validation_failed", fields)
    assert _count(PanelReview) == 0


def test_who_may_review(api, requested, make_user, make_proposal, moderator, token):
    assert_error(rate(api, requested, None), 401, "unauthorized")
    for user in (make_user(), moderator, make_user(Role.PANEL_MEMBER)):
        assert_error(rate(api, requested, token(user)), 403, "forbidden")
    member = seat(make_user())
    assert_error(rate(api, make_proposal(S.PUBLISHED), token(member.user)), 409)  # not asked
    assert_error(rate(api, make_proposal(S.SUBMITTED), token(member.user)), 404, "not_found")
    assert _count(PanelReview) == 0


@pytest.mark.parametrize("tie", ["author", "coauthor", "organisation"])
def test_conflicts_of_interest_are_403_naming_the_conflict(api, requested, make_user, token, tie):
    user = requested.author if tie == "author" else make_user()
    member = seat(user)
    if tie == "coauthor":
        coauthor(requested, user)
    if tie == "organisation":
        requested.organisation = organisation(user)
        db.session.commit()
    response = rate(api, requested, token(member.user))
    assert_error(response, 403, "forbidden")
    message = response.get_json()["error"]["message"]
    expected = {
        "author": "Du er forfatter til forslaget.",
        "coauthor": "Du er medforfatter til forslaget.",
        "organisation": "som står bag forslaget",
    }[tie]
    assert "inhabil" in message and expected in message
    assert _count(PanelReview) == 0


def test_panel_summary_in_get_proposal(api, requested, make_user, moderator, staff_of, token):
    path = f"/api/v1/proposals/{requested.id}"
    reviewer = seat(make_user())
    review(
        requested,
        reviewer,
        scores={"value": 1, "feasibility": 2, "cocreation": 3, "strategy_fit": 4},
    )
    review(
        requested,
        seat(make_user()),
        scores={"value": 2, "feasibility": 2, "cocreation": 4, "strategy_fit": 5},
        recommendation="not_recommended",
    )
    expected = {
        "review_count": 2,
        "mean_scores": {"value": 1.5, "feasibility": 2.0, "cocreation": 3.5, "strategy_fit": 4.5},
        "recommendations": {"recommend": 1, "recommend_with_changes": 0, "not_recommended": 1},
    }
    assert api.get(path).get_json()["panel_summary"] is None
    # The panel's members wait for the answer like everyone: even one who has reviewed.
    author = seat(requested.author).user  # a member who wrote the proposal
    for user in (make_user(), make_user(Role.PANEL_MEMBER), reviewer.user, author):
        assert api.get(path, token=token(user)).get_json()["panel_summary"] is None
    staff = staff_of(requested)
    for user in (moderator, staff, make_user(Role.ADMIN)):
        assert api.get(path, token=token(user)).get_json()["panel_summary"] == expected
    api.post(f"{path}/responses", token=token(staff), json={"outcome": "declined", "text": "Nej."})
    assert api.get(path).get_json()["panel_summary"] == expected
