"""Danish search over public proposals and their comments, on the site and in the API."""

import pytest
from sqlalchemy import delete, select

from cocreate.accounts.roles import Role
from cocreate.extensions import db
from cocreate.moderation.hiding import hide_proposal, restore_proposal
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.search.models import ProposalSearch
from cocreate.proposals.services import update_proposal

PUBLISHED = ProposalStatus.PUBLISHED


@pytest.fixture
def publish(make_proposal):
    def _publish(title, summary="Et forslag.", body="Mere om det.", **kw):
        return make_proposal(PUBLISHED, title=title, summary=summary, body=body, **kw)

    return _publish


def found(client, q, **args) -> list[int]:
    """The ids the API's list gives for the search, in its order."""
    response = client.get("/api/v1/proposals", query_string={"q": q, **args})
    assert response.status_code == 200, response.json
    return [item["id"] for item in response.json["items"]]


@pytest.mark.parametrize(
    ("written", "searched"),
    [
        ("En ny cykelsti langs åen", "cykelstier"),
        ("Fart på skolevej", "skolevejen"),
        ("Ældre borgere skal have bænke", "ældre"),
        ("Ældre borgere skal have bænke", "ÆLDRE"),
        ("En café ved havnen", "cafe"),
        ("En cafe ved havnen", "Café"),
        ("En ny cykelsti langs åen", "cykel"),
        ("Åbne legepladser", "åbne"),
    ],
)
def test_danish_words_are_found_in_their_other_forms(client, publish, written, searched):
    wanted = publish(written)
    publish("Noget helt andet om parkering")

    assert found(client, searched) == [wanted.id]


def test_every_word_must_be_found_in_the_title_summary_description_or_comments(
    client, publish, make_comment
):
    lamps = publish("Lys i parken", summary="Flere lamper.", body="Det er mørkt om vinteren.")
    benches = publish("Bænke i parken")
    make_comment(benches, body="Gerne med ryglæn og plads til barnevogne.")

    assert sorted(found(client, "parken")) == sorted([benches.id, lamps.id])
    assert found(client, "parken vinteren") == [lamps.id]
    assert found(client, "barnevogn") == [benches.id]
    assert found(client, "parken sne") == []


def test_the_index_follows_edits_hidden_comments_and_hidden_proposals(
    client, publish, make_proposal, make_user, make_comment
):
    draft = make_proposal(ProposalStatus.DRAFT, title="Vandposter", summary="Drikkevand.")
    update_proposal(
        draft,
        draft.author,
        title="Drikkevandsposter i byen",
        summary="Vand til alle.",
        body="Ved legepladserne.",
        theme_ids=[t.id for t in draft.themes],
    )
    db.session.commit()
    row = db.session.get(ProposalSearch, draft.id)
    assert "legepladserne" in row.words and "vandposter" not in row.words

    proposal = publish("Hundeskove")
    comment = make_comment(proposal, body="Husk affaldsspande ved indgangen.")
    assert found(client, "affaldsspande") == [proposal.id]
    comment.hidden_at = comment.created_at
    db.session.commit()
    assert found(client, "affaldsspande") == []

    moderator = make_user(Role.MODERATOR)
    hide_proposal(proposal, moderator, "Spam")
    db.session.commit()
    assert found(client, "hundeskove") == []
    restore_proposal(proposal, moderator)
    db.session.commit()
    assert found(client, "hundeskove") == [proposal.id]


def test_best_match_comes_first_and_newest_when_chosen(client, publish):
    often = publish("Cykelparkering", summary="Cykelparkering ved stationen, cykelparkering.")
    once = publish("Bedre busser", summary="Og måske cykelparkering.")

    assert found(client, "cykelparkering") == [often.id, once.id]
    assert found(client, "cykelparkering", sort="newest") == [once.id, often.id]
    assert found(client, "", sort="best_match")[:2] == [once.id, often.id]  # no words: newest


def test_the_site_marks_the_words_in_the_passage_and_lets_no_markup_through(client, publish):
    publish("Affald", summary="<b>Flere</b> skraldespande <script>alert(1)</script> i byen.")

    page = client.get("/proposals", query_string={"q": "skraldespand"}).text

    assert "<mark>skraldespande</mark>" in page
    assert "<script>alert(1)</script>" not in page and "&lt;b&gt;Flere&lt;/b&gt;" in page
    assert '<option value="best_match" selected>' in page


def test_the_site_marks_the_words_in_the_title_too_escaped(client, publish):
    publish("Cykelstier <i>langs</i> havnen", summary="Tryg vej til skole.")

    page = client.get("/proposals", query_string={"q": "cykelsti havn"}).text

    assert "<mark>Cykelstier</mark> &lt;i&gt;langs&lt;/i&gt; <mark>havnen</mark></a>" in page


@pytest.mark.parametrize(
    "q",
    [
        '"cykel',
        "cykel OR sti",
        "cykel AND NOT sti",
        "cykel* NEAR(sti)",
        "((cykel",
        "'; DROP TABLE proposal; --",
        "stems:cykel",
        "🚲 cykel",
        "🚲",
        "og i at",
        "-cykel ^sti",
        "a" * 200,
    ],
)
def test_any_search_gives_a_result_never_an_error(client, publish, q):
    publish("En cykelsti")

    assert client.get("/proposals", query_string={"q": q}).status_code == 200
    assert client.get("/api/v1/proposals", query_string={"q": q}).status_code == 200


def test_a_search_too_long_is_refused_by_name(client):
    response = client.get("/api/v1/proposals", query_string={"q": "cykel " * 2000})

    assert response.status_code == 422
    assert "q" in response.json["error"]["fields"]
    assert client.get("/proposals", query_string={"q": "x" * 10_000}).status_code == 400


def test_reindex_rebuilds_the_index(app, client, publish):
    wanted = publish("Solceller på skolerne")
    db.session.execute(delete(ProposalSearch))
    db.session.commit()
    assert found(client, "solceller") == []

    result = app.test_cli_runner().invoke(args=["search", "reindex"])

    assert result.exit_code == 0, result.output
    assert "indexed" in result.output
    assert found(client, "solceller") == [wanted.id]
    assert db.session.scalar(
        select(ProposalSearch.stems).where(ProposalSearch.proposal_id == wanted.id)
    )


def test_a_row_keeps_at_most_its_share_of_words():
    from cocreate.proposals.search.words import WORDS_MAX, indexed

    row = indexed(["ord " * (WORDS_MAX + 10)])

    assert len(row["words"].split()) == WORDS_MAX
