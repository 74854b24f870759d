"""listProposals: public proposals only, filtered, sorted, one page at a time."""

import pytest

from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus
from tests.api.contract import assert_error

S = ProposalStatus


def test_only_public_proposals_are_listed(api, make_proposal):
    public = {make_proposal(status).id for status in (S.PUBLISHED, S.ACCEPTED, S.UNDER_REVIEW)}
    for status in (S.DRAFT, S.SUBMITTED, S.REJECTED, S.CHANGES_REQUESTED, S.WITHDRAWN):
        make_proposal(status)
    body = api.get("/api/v1/proposals").get_json()
    assert {item["id"] for item in body["items"]} == public
    assert (body["total"], body["page"], body["per_page"]) == (3, 1, 20)


def test_filters(api, make_proposal, make_theme):
    theme = make_theme()
    on_theme = make_proposal(S.PUBLISHED, themes=[theme], title="Legeplads i parken")
    answered = make_proposal(S.ACCEPTED, title="Cykelparkering ved stationen")

    def ids(query):
        return [item["id"] for item in api.get(f"/api/v1/proposals?{query}").get_json()["items"]]

    assert ids(f"theme={theme.id}") == [on_theme.id]
    assert ids(f"theme={theme.slug}") == [on_theme.id]
    assert ids(f"department={answered.department.slug}") == [answered.id]
    assert ids(f"department={answered.department_id}") == [answered.id]
    assert ids("status=accepted") == [answered.id]
    assert ids("q=LEGEPLADS") == [on_theme.id]
    assert ids("q=100%25") == []


def test_sorting_and_pages(api, make_proposal):
    proposals = [make_proposal(S.PUBLISHED) for _ in range(3)]
    proposals[0].support_count = 5
    proposals[2].comment_count = 7
    db.session.commit()

    def ids(query):
        return [item["id"] for item in api.get(f"/api/v1/proposals?{query}").get_json()["items"]]

    newest_first = [p.id for p in reversed(proposals)]
    assert ids("") == newest_first
    assert ids("sort=newest") == newest_first
    assert ids("sort=most_supported")[0] == proposals[0].id
    assert ids("sort=most_commented")[0] == proposals[2].id
    page = api.get("/api/v1/proposals?per_page=2&page=2").get_json()
    assert [item["id"] for item in page["items"]] == newest_first[2:]
    assert (page["total"], page["page"], page["per_page"]) == (3, 2, 2)
    beyond = api.get("/api/v1/proposals?page=9").get_json()
    assert beyond["items"] == [] and beyond["total"] == 3


@pytest.mark.parametrize(
    ("query", "fields"),
    [
        ("page=0", ["page"]),
        ("page=-1", ["page"]),
        ("page=abc", ["page"]),
        ("page=1.5", ["page"]),
        ("page=99999999999999999999", ["page"]),
        ("per_page=0", ["per_page"]),
        ("per_page=101", ["per_page"]),
        ("per_page=%D9%A3", ["per_page"]),
        ("sort=oldest", ["sort"]),
        ("status=draft", ["status"]),
        ("status=nonsense", ["status"]),
        ("theme=no-such-theme", ["theme"]),
        ("theme=999999", ["theme"]),
        ("theme=99999999999999999999", ["theme"]),
        ("theme=%C2%B2", ["theme"]),
        ("theme=" + "1" * 5000, ["theme"]),
        ("department=no-such-department", ["department"]),
        ("department=%00", ["department"]),
        ("q=" + "x" * 201, ["q"]),
        ("q=a%00b", ["q"]),
        ("page=0&per_page=500&sort=x&status=y&theme=z&department=w", None),
    ],
)
def test_bad_query_values_are_named(api, query, fields):
    everything = ["page", "per_page", "sort", "status", "theme", "department"]
    response = api.get(f"/api/v1/proposals?{query}")
    assert_error(response, 422, "validation_failed", fields if fields is not None else everything)


def test_empty_values_mean_no_filter(api, make_proposal):
    make_proposal(S.PUBLISHED)
    response = api.get("/api/v1/proposals?q=&theme=&department=&status=&sort=&page=&per_page=")
    assert response.get_json()["total"] == 1


def test_query_count_does_not_grow_with_the_page(api, make_proposal, count_queries):
    make_proposal(S.PUBLISHED)
    with count_queries() as few:
        api.get("/api/v1/proposals")
    for _ in range(5):
        make_proposal(S.PUBLISHED, themes=None)
    with count_queries() as many:
        assert len(api.get("/api/v1/proposals").get_json()["items"]) == 6
    assert many.count == few.count
