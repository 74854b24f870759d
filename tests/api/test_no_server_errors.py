"""Never a 500: odd values in every field and query argument get a documented 4xx."""

import pytest

from cocreate.proposals.lifecycle import ProposalStatus

S = ProposalStatus
ODD_VALUES = [
    None,
    True,
    0,
    -1,
    2**31,
    2**63,
    10**40,
    1.5,
    "",
    " ",
    "\x00",
    "\ud800",
    "ø" * 25_000,
    "<script>alert(1)</script>",
    [],
    [None],
    [1, "a"],
    {},
    {"nested": [1]},
]
QUERY_VALUES = [
    "",
    "0",
    "-1",
    "1e3",
    "99999999999999999999",
    "%00",
    "%C2%B2",
    "%E2%80%8B",
    "x" * 300,
]


@pytest.fixture
def bodies(make_proposal, make_theme, make_department):
    """A valid body for each write operation, the proposal it acts on, and who acts."""
    theme, department = make_theme(), make_department()
    submitted, published = make_proposal(S.SUBMITTED), make_proposal(S.PUBLISHED)
    return {
        "/api/v1/proposals": (
            {"title": "T", "summary": "S", "body": "B", "theme_ids": [theme.id]},
            "citizen",
        ),
        f"/api/v1/proposals/{submitted.id}/moderation": (
            {"decision": "approve", "reason": None, "note": "", "department_id": department.id},
            "moderator",
        ),
        f"/api/v1/proposals/{published.id}/transfer": (
            {"department_id": department.id, "reason": "R"},
            published.department,
        ),
        f"/api/v1/proposals/{published.id}/comments": (
            {"body": "B", "parent_id": None, "organisation_id": None},
            "citizen",
        ),
        f"/api/v1/proposals/{published.id}/responses": (
            {"outcome": "accepted", "text": "T", "preliminary": True},
            published.department,
        ),
    }


def test_odd_values_in_bodies(api, bodies, make_user, token):
    for path, (body, who) in bodies.items():
        if isinstance(who, str):
            secret = token(make_user(who))
        else:
            secret = token(make_user("department_staff", departments=[who]))
        for field in body:
            for value in ODD_VALUES:
                response = api.post(path, token=secret, json={**body, field: value})
                assert response.status_code < 500, (path, field, value)


def test_odd_query_arguments(api, make_user, token):
    secret = token(make_user("moderator"))
    for name in ("q", "theme", "department", "status", "sort", "page", "per_page"):
        for value in QUERY_VALUES:
            response = api.get(f"/api/v1/proposals?{name}={value}")
            assert response.status_code in (200, 422), (name, value)
    for name in ("page", "per_page"):
        for value in QUERY_VALUES:
            response = api.get(f"/api/v1/moderation/queue?{name}={value}", token=secret)
            assert response.status_code in (200, 422), (name, value)
