"""Where similar proposals are shown: on the form's preview (without JavaScript) and
through findSimilarProposals (as the author types)."""

import pytest

from cocreate.accounts.roles import Role
from cocreate.extensions import db
from cocreate.moderation.hiding import hide_proposal
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models.proposal import SUMMARY_MAX, TITLE_MAX
from tests.factories import EVIL

BENCHES = "Flere bænke ved Sølvsøen"


@pytest.fixture
def benches(make_proposal):
    return make_proposal(
        ProposalStatus.PUBLISHED,
        title=f"{BENCHES} {EVIL}",
        summary="Ældre gående har brug for steder at sidde rundt om Sølvsøen.",
    )


def _similar(client, **query):
    return client.get("/api/v1/proposals/similar", query_string=query)


def test_a_public_proposal_of_the_same_idea_is_found_with_its_state(client, benches):
    response = _similar(client, title="Siddepladser rundt om Sølvsøen", summary="Flere bænke.")

    assert response.status_code == 200
    (found,) = response.get_json()["items"]
    assert found["id"] == benches.id and found["title"] == benches.title
    assert found["status"] == "published" and found["support_count"] == 0
    assert found["url"].endswith(f"/proposals/{benches.id}")


def test_a_different_idea_in_the_same_place_is_not_found(client, benches):
    response = _similar(client, title="Flere skraldespande ved Sølvsøen")

    assert response.get_json()["items"] == []


def test_proposals_the_public_may_not_see_are_never_found(
    client, make_proposal, make_user, benches
):
    make_proposal(ProposalStatus.SUBMITTED, title=BENCHES)
    make_proposal(ProposalStatus.DRAFT, title=BENCHES)
    hide_proposal(benches, make_user(Role.MODERATOR), "Spam")
    db.session.commit()

    assert _similar(client, title=BENCHES).get_json()["items"] == []


@pytest.mark.parametrize(
    "title", ['"bænke" OR NOT (', "bænke* NEAR/2 sø", "'; DROP TABLE proposal; --", "🪑🪑", "og i"]
)
def test_search_syntax_and_odd_titles_give_a_list(client, benches, title):
    response = _similar(client, title=title)

    assert response.status_code == 200
    assert isinstance(response.get_json()["items"], list)


@pytest.mark.parametrize(
    "query",
    [{}, {"title": "x" * (TITLE_MAX + 1)}, {"title": BENCHES, "summary": "x" * (SUMMARY_MAX + 1)}],
)
def test_a_missing_or_too_long_text_is_refused_naming_the_field(client, query):
    response = _similar(client, **query)

    assert response.status_code == 422
    fields = response.get_json()["error"]["fields"]
    assert set(fields) <= {"title", "summary"} and fields


def test_the_preview_shows_similar_proposals_without_javascript(
    client, login, make_user, make_theme, benches
):
    theme = make_theme()
    login(make_user())
    page = client.post(
        "/proposals/new",
        data={
            "title": "Siddepladser rundt om Sølvsøen",
            "summary": "Flere bænke.",
            "body": "Min mor kan ikke gå hele turen.",
            "main_theme_id": str(theme.id),
            "preview": "Forhåndsvis",
        },
    ).get_data(as_text=True)

    assert "Findes din idé allerede?" in page
    assert f'href="/proposals/{benches.id}"' in page
    assert EVIL not in page  # the title is escaped
