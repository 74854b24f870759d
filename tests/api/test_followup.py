"""addMilestone, updateMilestone and createProgressUpdate: the owning department's staff
only, on accepted proposals; the follow-up in getProposal; bad input named by field."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from cocreate.accounts.roles import Role
from cocreate.core.types import local_today
from cocreate.departments.models import Milestone, ProgressUpdate
from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus
from tests.api.contract import assert_error
from tests.api.test_no_server_errors import ODD_VALUES

S = ProposalStatus


def add(api, proposal, secret, **body):
    return api.post(f"/api/v1/proposals/{proposal.id}/milestones", token=secret, json=body)


def change(api, proposal, milestone_id, secret, **body):
    path = f"/api/v1/proposals/{proposal.id}/milestones/{milestone_id}"
    return api.request("PATCH", path, token=secret, json=body)


def post_update(api, proposal, secret, **body):
    return api.post(f"/api/v1/proposals/{proposal.id}/updates", token=secret, json=body)


def _day(days: int) -> str:
    return (local_today() + timedelta(days=days)).isoformat()


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def accepted(make_proposal):
    return make_proposal(S.ACCEPTED)


@pytest.fixture
def secret(accepted, staff_of, token):
    return token(staff_of(accepted))


def test_staff_plan_reach_and_report_and_get_proposal_tells_it(api, accepted, secret):
    response = add(api, accepted, secret, title="Tegninger", planned_on=_day(-3))
    assert response.status_code == 201
    planned = response.get_json()
    assert planned == {
        "id": planned["id"],
        "title": "Tegninger",
        "description": "",
        "planned_on": _day(-3),
        "done_on": None,
        "overdue": True,
    }
    second = add(api, accepted, secret, title="Anlæg", description="Etape 1", planned_on=_day(30))
    assert second.status_code == 201

    data = api.get(f"/api/v1/proposals/{accepted.id}").get_json()
    assert [m["title"] for m in data["milestones"]] == ["Tegninger", "Anlæg"]
    assert data["progress"] == 0

    reached = change(api, accepted, planned["id"], secret, done_on=_day(0))
    assert reached.status_code == 200
    assert reached.get_json()["done_on"] == _day(0) and reached.get_json()["overdue"] is False
    update = post_update(api, accepted, secret, text="**Tegningerne** er klar. <script>x</script>")
    assert update.status_code == 201
    assert update.get_json()["text_html"].startswith("<p><strong>Tegningerne</strong> er klar.")
    assert "<script>" not in update.get_json()["text_html"]

    data = api.get(f"/api/v1/proposals/{accepted.id}").get_json()
    assert data["progress"] == 50
    *_earlier, milestone_event, update_event = data["history"]
    assert milestone_event == {
        "type": "milestone",
        "at": milestone_event["at"],
        "actor": None,
        "milestone_id": planned["id"],
        "title": "Tegninger",
        "done_on": _day(0),
    }
    assert update_event["type"] == "progress_update"
    assert update_event["update_id"] == update.get_json()["id"]
    assert update_event["text_html"] == update.get_json()["text_html"]


def test_a_change_leaves_out_what_it_does_not_name_and_null_undoes(api, accepted, secret):
    milestone = add(api, accepted, secret, title="Trin", planned_on=_day(5)).get_json()
    change(api, accepted, milestone["id"], secret, done_on=_day(0))
    response = change(api, accepted, milestone["id"], secret, title="Første trin", done_on=None)
    assert response.get_json() == milestone | {"title": "Første trin", "done_on": None}
    assert change(api, accepted, milestone["id"], secret).get_json()["title"] == "Første trin"


def test_a_proposal_without_a_follow_up_has_none(api, make_proposal):
    for status in (S.PUBLISHED, S.ACCEPTED):
        data = api.get(f"/api/v1/proposals/{make_proposal(status).id}").get_json()
        assert (data["milestones"], data["progress"]) == ([], None)


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, ["title", "planned_on"]),
        ({"title": "", "planned_on": "2030-01-01"}, ["title"]),
        ({"title": None, "planned_on": None}, ["title", "planned_on"]),
        ({"title": "Trin", "planned_on": "2030-13-01"}, ["planned_on"]),
        ({"title": "Trin", "planned_on": "01-01-2030"}, ["planned_on"]),
        ({"title": "Trin", "planned_on": 20300101}, ["planned_on"]),
        ({"title": "Trin", "planned_on": "3000-01-01"}, ["planned_on"]),
        ({"title": "x" * 161, "planned_on": "2030-01-01"}, ["title"]),
        ({"title": "Trin", "description": 5, "planned_on": "2030-01-01"}, ["description"]),
        ({"title": "Trin", "description": "x" * 2001, "planned_on": "2030-01-01"}, ["description"]),
        ({"title": "Trin\x00", "planned_on": "2030-01-01"}, ["title"]),
    ],
)
def test_a_bad_milestone_is_named_and_nothing_changes(api, accepted, secret, body, fields):
    assert_error(add(api, accepted, secret, **body), 422, "validation_failed", fields)
    assert _count(Milestone) == 0


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"done_on": "tomorrow"}, ["done_on"]),
        ({"done_on": 1}, ["done_on"]),  # tomorrow: not reached yet
        ({"planned_on": None}, ["planned_on"]),
        ({"title": None, "done_on": "i morgen"}, ["title", "done_on"]),
        ({"planned_on": 11 * 365, "done_on": 1}, ["planned_on", "done_on"]),
        ({"title": "  "}, ["title"]),
    ],
)
def test_a_bad_change_is_named_and_nothing_changes(api, accepted, secret, body, fields):
    milestone = add(api, accepted, secret, title="Trin", planned_on=_day(5)).get_json()
    body = {key: _day(value) if isinstance(value, int) else value for key, value in body.items()}
    assert_error(change(api, accepted, milestone["id"], secret, **body), 422, fields=fields)
    data = api.get(f"/api/v1/proposals/{accepted.id}").get_json()
    assert data["milestones"] == [milestone]


@pytest.mark.parametrize("text", ["", "   ", "x" * 5001, None, ["nyt"]])
def test_a_bad_progress_update_is_named(api, accepted, secret, text):
    assert_error(post_update(api, accepted, secret, text=text), 422, fields=["text"])
    assert _count(ProgressUpdate) == 0


def test_a_milestone_of_another_proposal_is_not_found(
    api, accepted, secret, make_proposal, staff_of, token
):
    other = make_proposal(S.ACCEPTED)
    elsewhere = add(api, other, token(staff_of(other)), title="Trin", planned_on=_day(5))
    elsewhere_id = elsewhere.get_json()["id"]
    assert_error(change(api, accepted, elsewhere_id, secret, done_on=_day(0)), 404, "not_found")
    assert_error(change(api, accepted, 2147483647, secret, done_on=_day(0)), 404, "not_found")
    assert api.get(f"/api/v1/proposals/{other.id}").get_json()["milestones"][0]["done_on"] is None


def test_who_may_keep_the_follow_up(api, accepted, secret, make_user, make_department, token):
    milestone = add(api, accepted, secret, title="Trin", planned_on=_day(5)).get_json()
    attempts = {
        "add": lambda key: add(api, accepted, key, title="Trin", planned_on=_day(5)),
        "change": lambda key: change(api, accepted, milestone["id"], key, done_on=_day(0)),
        "update": lambda key: post_update(api, accepted, key, text="Nyt"),
    }
    outsiders = [
        make_user(),
        accepted.author,
        make_user(Role.DEPARTMENT_STAFF, departments=[make_department()]),
        make_user(Role.MODERATOR),
        make_user(Role.ADMIN),
    ]
    for name, attempt in attempts.items():
        assert_error(attempt(None), 401, "unauthorized")
        for outsider in outsiders:
            assert_error(attempt(token(outsider)), 403, "forbidden"), name
    assert (_count(Milestone), _count(ProgressUpdate)) == (1, 0)


@pytest.mark.parametrize("status", [S.PUBLISHED, S.UNDER_REVIEW, S.DECLINED])
def test_a_proposal_not_accepted_takes_no_follow_up(
    api, make_proposal, staff_of, token, make_user, status
):
    proposal = make_proposal(status)
    own = token(staff_of(proposal))
    refused = add(api, proposal, own, title="Trin", planned_on=_day(5))
    assert_error(refused, 409, "transition_not_allowed")
    assert_error(post_update(api, proposal, own, text="Nyt"), 409, "transition_not_allowed")
    # Someone outside the owning department hears that, whatever the state.
    assert_error(post_update(api, proposal, token(make_user()), text="Nyt"), 403, "forbidden")
    assert (_count(Milestone), _count(ProgressUpdate)) == (0, 0)


def test_a_proposal_the_account_may_not_see_is_not_found(api, make_proposal, staff_of, token):
    draft = make_proposal(S.DRAFT)
    response = add(
        api, draft, token(staff_of(make_proposal(S.ACCEPTED))), title="T", planned_on=_day(5)
    )
    assert_error(response, 404, "not_found")


def test_get_proposal_costs_the_same_queries_with_20_milestones_and_50_updates(
    api, make_proposal, make_theme, make_user, make_milestone, make_progress_update, count_queries
):
    theme = make_theme()
    small, large = (make_proposal(S.ACCEPTED, themes=[theme]) for _ in range(2))
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[theme.department])
    for proposal, milestones, updates in ((small, 1, 1), (large, 20, 50)):
        for n in range(milestones):
            done = local_today() if n % 2 else None
            make_milestone(proposal, staff, planned_on=local_today() + timedelta(n), done_on=done)
        for n in range(updates):
            make_progress_update(proposal, staff, text=f"Nyt nr. {n}")
    counts = []
    for proposal in (small, large):
        with count_queries() as counter:
            data = api.get(f"/api/v1/proposals/{proposal.id}").get_json()
        counts.append(counter.count)
    assert len(data["milestones"]) == 20 and data["progress"] == 50
    assert sum(event["type"] == "progress_update" for event in data["history"]) == 50
    assert counts[0] == counts[1]


def test_the_document_declares_the_bodies(spec):
    schemas = spec["components"]["schemas"]
    assert set(schemas["NewMilestone"]["required"]) == {"title", "planned_on"}
    assert schemas["MilestoneChanges"]["required"] == []
    assert schemas["MilestoneChanges"]["properties"]["done_on"]["type"] == ["string", "null"]
    assert schemas["NewProgressUpdate"]["required"] == ["text"]
    assert schemas["NewProgressUpdate"]["properties"]["text"]["maxLength"] == 5000
    proposal = schemas["Proposal"]["properties"]
    assert proposal["milestones"]["items"] == {"$ref": "#/components/schemas/Milestone"}
    assert proposal["progress"]["type"] == ["integer", "null"]


def test_odd_values_never_answer_a_server_error(api, accepted, secret):
    milestone = add(api, accepted, secret, title="Trin", planned_on=_day(5)).get_json()
    cases = {
        "add": (
            lambda body: add(api, accepted, secret, **body),
            {"title": "T", "planned_on": _day(5)},
        ),
        "change": (
            lambda body: change(api, accepted, milestone["id"], secret, **body),
            {"title": "T", "description": "", "planned_on": _day(5), "done_on": _day(0)},
        ),
        "update": (lambda body: post_update(api, accepted, secret, **body), {"text": "Nyt"}),
    }
    for name, (send, body) in cases.items():
        assert send(body).status_code in (200, 201), name
        for field in body:
            for value in ODD_VALUES:
                response = send({**body, field: value})
                assert response.status_code < 500, (name, field, value)
