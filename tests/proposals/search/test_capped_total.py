"""A search's matches are counted up to a cap; the page and the API say when there are more."""

import pytest

from cocreate.proposals import queries
from cocreate.proposals.lifecycle import ProposalStatus


@pytest.fixture
def parks(make_proposal, monkeypatch):
    monkeypatch.setattr(queries, "SEARCH_TOTAL_MAX", 3)
    return [make_proposal(ProposalStatus.PUBLISHED, title=f"Bænke i parken {n}") for n in range(5)]


def test_the_api_caps_the_total_of_a_search_and_says_so(client, parks):
    body = client.get("/api/v1/proposals", query_string={"q": "parken", "per_page": 2}).json
    assert (body["total"], body["total_is_estimate"]) == (3, True)
    assert len(body["items"]) == 2


def test_the_api_counts_exactly_below_the_cap_and_without_a_search(client, parks):
    body = client.get("/api/v1/proposals", query_string={"q": "parken 4"}).json
    assert (body["total"], body["total_is_estimate"]) == (1, False)
    body = client.get("/api/v1/proposals").json
    assert (body["total"], body["total_is_estimate"]) == (5, False)


def test_the_site_says_more_than_the_cap_and_suggests_more_words(client, parks):
    page = client.get("/proposals", query_string={"q": "parken"}).get_data(as_text=True)
    assert "Mere end 3 forslag" in page
    assert "Tilføj flere ord" in page
    page = client.get("/proposals", query_string={"q": "parken 4"}).get_data(as_text=True)
    assert "Mere end" not in page
