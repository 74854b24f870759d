"""getStats: the barometer's figures, and a 400 naming each wrong filter."""

import pytest

from cocreate.proposals.lifecycle import ProposalStatus


@pytest.mark.parametrize(
    "query, field",
    [
        ("from=yesterday", "from"),
        ("to=2026-02-30", "to"),
        ("from=2026-05-01&to=2026-04-01", "to"),
        ("theme=nope", "theme"),
        ("department=nope", "department"),
        ("to=9999-12-31", "to"),
        ("from=1999-12-31", "from"),
        ("from=2010-01-01&to=2026-01-01", "to"),
        ("theme=%C2%B2", "theme"),
        ("theme=a%00b", "theme"),
    ],
)
def test_bad_filters_are_refused_naming_the_field(api, query, field):
    response = api.get(f"/api/v1/stats?{query}")
    assert response.status_code == 400
    assert field in response.get_json()["error"]["fields"]


def test_figures_by_theme_and_department(api, make_proposal):
    proposal = make_proposal(ProposalStatus.ACCEPTED)
    theme = proposal.themes[0]
    data = api.get(f"/api/v1/stats?theme={theme.slug}").get_json()
    assert data["min_cases"] == 5
    (figures,) = data["themes"]
    assert figures["key"] == theme.slug and figures["received"] == 1
    assert figures["answered"] == 1 and figures["accepted"] == 1
    assert figures["answered_in_time"] == {
        "count": 1,
        "of": 1,
        "percent": None,
        "too_few_cases": True,
    }
    assert [d["key"] for d in data["departments"]] == [proposal.department.slug] or data[
        "departments"
    ]


def test_ratings_and_participation_are_in_the_figures(api, make_proposal):
    proposal = make_proposal(ProposalStatus.ACCEPTED)

    total = api.get("/api/v1/stats").get_json()["total"]

    assert total["answer_rating"]["cases"] == 0 and total["answer_rating"]["mean"] is None
    assert [d["score"] for d in total["handling_rating"]["distribution"]] == [1, 2, 3, 4, 5]
    assert total["participation"]["citizens"] == 1  # the author
    assert total["participation"]["proposals_by_organisations"]["count"] == 0
    assert proposal.organisation_id is None
