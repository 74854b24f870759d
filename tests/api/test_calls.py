"""listCalls, getCall, createCall, and createProposal's call_id, checked against the document."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from cocreate.accounts.roles import Role
from cocreate.calls.dates import local_date
from cocreate.calls.models import Call
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.strategy.models import Department
from tests.api.contract import assert_error


@pytest.fixture
def new_call(make_theme):
    theme = make_theme()
    return {
        "title": "Hvordan gør vi skolevejen tryg?",
        "intro": "Send **jeres** forslag. <script>alert(1)</script>",
        "theme_ids": [theme.id],
        "department_id": theme.department_id,
        "opens_at": (utcnow() + timedelta(days=1)).strftime("%Y-%m-%dT09:00"),
        "closes_at": (utcnow() + timedelta(days=20)).isoformat(),
        "answers_by": (utcnow() + timedelta(days=60)).date().isoformat(),
    }


def test_staff_create_a_call_for_their_department(api, token, make_user, new_call):
    department = db.session.get(Department, new_call["department_id"])
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[department])

    response = api.post("/api/v1/calls", token=token(staff), json=new_call)

    assert response.status_code == 201
    data = response.get_json()
    assert data["phase"] == "upcoming" and data["published"] is True
    assert "<script>" not in data["intro_html"]
    assert response.headers["Location"].endswith(f"/api/v1/calls/{data['id']}")
    assert data["opens_at"].endswith(":00:00Z")  # 09:00 in Copenhagen, as UTC


def test_bad_input_names_every_field_and_writes_nothing(api, token, make_user, new_call):
    bad = {
        **new_call,
        "theme_ids": [],
        "opens_at": "i morgen",
        "closes_at": "2027-03-28T02:30",
        "answers_by": "2027-02-30",
    }

    response = api.post("/api/v1/calls", token=token(make_user(Role.ADMIN)), json=bad)

    assert_error(response, 422, fields={"opens_at", "closes_at", "answers_by"})
    assert db.session.scalar(select(Call)) is None


def test_a_call_that_closes_before_it_opens_is_refused_by_field(api, token, make_user, new_call):
    early = {**new_call, "closes_at": new_call["opens_at"]}

    response = api.post("/api/v1/calls", token=token(make_user(Role.ADMIN)), json=early)

    assert_error(response, 422, fields={"closes_at"})


def test_a_citizen_may_not_create_a_call(api, token, make_user, new_call):
    response = api.post("/api/v1/calls", token=token(make_user()), json=new_call)

    assert_error(response, 403)


def test_list_and_get_show_published_calls_by_phase(api, make_call):
    opened = make_call()
    upcoming = make_call(opens_at=utcnow() + timedelta(days=2))
    draft = make_call(publish=False)

    everything = api.get("/api/v1/calls").get_json()["items"]
    only_open = api.get("/api/v1/calls?phase=open").get_json()["items"]

    assert [c["id"] for c in everything] == [opened.id, upcoming.id]
    assert [c["id"] for c in only_open] == [opened.id]
    days = (local_date(opened.closes_at) - local_date(utcnow())).days
    assert api.get(f"/api/v1/calls/{opened.id}").get_json()["days_left"] == days == 14
    assert_error(api.get(f"/api/v1/calls/{draft.id}"), 404)


def test_unknown_filters_are_named(api):
    assert_error(api.get("/api/v1/calls?phase=soon&theme=nowhere"), 422, fields={"phase", "theme"})


def test_a_proposal_sent_to_an_open_call_goes_to_it(api, token, make_user, make_call):
    call = make_call()
    body = {
        "title": "Lys på stien",
        "summary": "Mere lys.",
        "body": "Den er mørk.",
        "theme_ids": call.theme_ids,
        "call_id": call.id,
    }

    response = api.post("/api/v1/proposals", token=token(make_user()), json=body)

    assert response.status_code == 201
    data = response.get_json()
    assert data["call_id"] == call.id


def test_a_proposal_to_a_closed_call_is_refused_naming_the_field(api, token, make_user, make_call):
    call = make_call(opens_at=utcnow() - timedelta(days=10), closes_at=utcnow() - timedelta(days=1))
    body = {
        "title": "For sent",
        "summary": "Desværre.",
        "body": "Øv.",
        "theme_ids": call.theme_ids,
        "call_id": call.id,
    }

    response = api.post("/api/v1/proposals", token=token(make_user()), json=body)

    assert_error(response, 422, fields={"call_id"})


@pytest.mark.parametrize(
    "moment", ["0001-01-01T00:30", "0001-01-01T00:00+01:00", "9999-12-31T23:59-01:00"]
)
def test_a_moment_at_the_end_of_the_calendar_is_a_field_error_not_a_crash(
    api, token, make_user, make_theme, moment
):
    theme = make_theme()
    body = {
        "title": "T",
        "intro": "I",
        "theme_ids": [theme.id],
        "department_id": theme.department_id,
        "opens_at": moment,
        "closes_at": "2027-03-28T03:00:00+02:00",
    }

    response = api.post("/api/v1/calls", token=token(make_user(Role.ADMIN)), json=body)

    assert_error(response, 422, fields={"opens_at"})
