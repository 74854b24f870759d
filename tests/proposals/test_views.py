"""The proposal pages through the test client."""

import re

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from cocreate.accounts.roles import Role
from cocreate.core.types import local_today
from cocreate.departments.answers import mark_implemented
from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import Proposal

S = ProposalStatus


def count_proposals() -> int:
    return db.session.scalar(select(func.count(Proposal.id)))


def test_list_shows_public_proposals_only(client, make_proposal):
    public = make_proposal(S.PUBLISHED, title="Flere bænke i parken")
    hidden = make_proposal(S.SUBMITTED, title="Endnu ikke godkendt")
    draft = make_proposal(S.DRAFT, title="Hemmelig kladde")
    page = client.get("/proposals").get_data(as_text=True)
    assert public.title in page
    assert hidden.title not in page and draft.title not in page
    assert "<script>" not in page


def test_list_filters_by_theme_department_and_status(client, make_proposal, make_theme):
    bikes, schools = make_theme(title="Cykler"), make_theme(title="Skoler")
    on_bikes = make_proposal(S.PUBLISHED, themes=[bikes], title="Cykelparkering ved stationen")
    on_schools = make_proposal(S.ACCEPTED, themes=[schools], title="Lektiecafé på biblioteket")
    by_theme = client.get(f"/proposals?theme={bikes.slug}").get_data(as_text=True)
    assert on_bikes.title in by_theme and on_schools.title not in by_theme
    by_department = client.get(f"/proposals?department={schools.department.slug}").get_data(
        as_text=True
    )
    assert on_schools.title in by_department and on_bikes.title not in by_department
    by_status = client.get("/proposals?status=accepted").get_data(as_text=True)
    assert on_schools.title in by_status and on_bikes.title not in by_status


@pytest.mark.parametrize(
    "query", ["status=draft", "status=nonsense", "theme=no-such", "sort=random"]
)
def test_list_refuses_unknown_filters_with_a_message(client, make_proposal, query):
    response = client.get(f"/proposals?{query}")
    assert response.status_code == 400
    assert "Filtrene kunne ikke bruges" in response.get_data(as_text=True)


def test_list_paginates(client, app, make_proposal, make_theme):
    theme = make_theme()
    for _ in range(app.config["PER_PAGE"] + 1):
        make_proposal(S.PUBLISHED, themes=[theme])
    first = client.get("/proposals").get_data(as_text=True)
    assert 'aria-current="page">1<' in first
    second = client.get("/proposals?page=2")
    assert second.status_code == 200 and 'aria-current="page">2<' in second.get_data(as_text=True)


def _queries_for(client, count_queries, url):
    with count_queries() as counter:
        assert client.get(url).status_code == 200
    return counter.count


def test_list_page_runs_the_same_queries_for_few_and_many_rows(
    client, count_queries, make_proposal, make_theme
):
    theme = make_theme()
    make_proposal(S.PUBLISHED, themes=[theme])
    few = _queries_for(client, count_queries, "/proposals")
    for status in (S.PUBLISHED, S.UNDER_REVIEW, S.ACCEPTED, S.DECLINED, S.IMPLEMENTED) * 2:
        make_proposal(status, themes=[theme, make_theme()])
    assert _queries_for(client, count_queries, "/proposals") == few


def test_detail_page_runs_the_same_queries_however_long_the_history(
    client, count_queries, make_proposal, make_milestone, make_progress_update, make_user
):
    # Both carried out, so the page has the same parts; one went there in three steps,
    # the other through a follow-up of milestones and progress updates.
    short = make_proposal(S.IMPLEMENTED)
    long = make_proposal(S.ACCEPTED)
    for _ in range(3):
        make_milestone(long, done_on=local_today())
        make_progress_update(long)
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[long.department])
    mark_implemented(long, staff, "Nu er det gjort.")
    db.session.commit()

    assert _queries_for(client, count_queries, f"/proposals/{short.id}") == _queries_for(
        client, count_queries, f"/proposals/{long.id}"
    )


def test_detail_shows_history_and_answer_sanitised(client, make_proposal):
    proposal = make_proposal(S.ACCEPTED)
    page = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    assert "Godkendt af moderator" in page
    assert f"Sendt til {proposal.department.name}" in page
    assert "Svar fra kommunen" in page
    assert "<script>" not in page and "<img src=x" not in page and 'href="javascript:' not in page


@pytest.mark.parametrize(
    "status", [S.DRAFT, S.SUBMITTED, S.CHANGES_REQUESTED, S.REJECTED, S.WITHDRAWN]
)
def test_non_public_proposals_are_not_found_by_strangers(
    client, login, make_user, make_proposal, status
):
    proposal = make_proposal(status)
    assert client.get(f"/proposals/{proposal.id}").status_code == 404
    login(make_user())
    assert client.get(f"/proposals/{proposal.id}").status_code == 404
    login(proposal.author)
    assert client.get(f"/proposals/{proposal.id}").status_code == 200


def test_new_proposal_requires_an_account(client):
    response = client.get("/proposals/new")
    assert response.status_code == 302 and "/login" in response.location


def test_submit_a_new_proposal(client, login, make_user, make_theme):
    author, theme = login(make_user()), make_theme()
    response = client.post(
        "/proposals/new",
        data={
            "title": "Grønne tage",
            "summary": "Kort",
            "body": "**Lang**",
            "theme_ids": [theme.id],
            "submit": "1",
        },
    )
    proposal = db.session.scalar(select(Proposal))
    assert response.status_code == 302 and response.location.endswith(f"/proposals/{proposal.id}")
    assert proposal.status == S.SUBMITTED and proposal.author_id == author.id
    assert proposal.body_html.strip() == "<p><strong>Lang</strong></p>"


def test_save_a_draft(client, login, make_user, make_theme):
    login(make_user())
    theme = make_theme()
    client.post(
        "/proposals/new",
        data={
            "title": "Kladde",
            "summary": "Kort",
            "body": "Tekst",
            "theme_ids": [theme.id],
            "save_draft": "1",
        },
    )
    assert db.session.scalar(select(Proposal)).status == S.DRAFT


@pytest.mark.parametrize(
    "change, message",
    [
        ({"title": ""}, "Skriv en titel."),
        ({"title": "x" * 161}, "Må højst være 160 tegn."),
        ({"theme_ids": []}, "Vælg mindst ét tema."),
        ({"theme_ids": ["999999"]}, "Vælg en af mulighederne."),
        ({"body": "   "}, "Beskriv forslaget."),
    ],
)
def test_bad_input_keeps_what_was_written_and_creates_nothing(
    client, login, make_user, make_theme, change, message
):
    login(make_user())
    theme = make_theme()
    data = {
        "title": "Min titel",
        "summary": "Mit resumé",
        "body": "Min lange tekst",
        "theme_ids": [theme.id],
    }
    data.update(change)
    response = client.post("/proposals/new", data={**data, "submit": "1"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Der er problemer" in page and message in page
    assert "Min lange tekst" in page or change.get("body")
    assert count_proposals() == 0


def test_author_edits_until_approval(client, login, make_proposal):
    proposal = make_proposal(S.SUBMITTED)
    login(proposal.author)
    data = {
        "title": "Ny titel",
        "summary": "Nyt",
        "body": "Ny",
        "theme_ids": proposal.theme_ids,
        "save_draft": "1",
    }
    assert client.post(f"/proposals/{proposal.id}/edit", data=data).status_code == 302
    db.session.refresh(proposal)
    assert proposal.title == "Ny titel" and proposal.status == S.SUBMITTED


def test_editing_after_approval_is_refused_with_a_message(client, login, make_proposal):
    proposal = make_proposal(S.PUBLISHED)
    login(proposal.author)
    response = client.post(
        f"/proposals/{proposal.id}/edit", data={"title": "Ny"}, follow_redirects=True
    )
    assert "kan ikke redigeres" in response.get_data(as_text=True)
    db.session.refresh(proposal)
    assert proposal.title != "Ny"


def test_others_cannot_edit(client, login, make_user, make_proposal):
    proposal = make_proposal(S.SUBMITTED)
    login(make_user())
    assert client.get(f"/proposals/{proposal.id}/edit").status_code == 404
    login(make_user("moderator"))
    assert client.get(f"/proposals/{proposal.id}/edit").status_code == 403


def test_resubmit_after_changes_requested(client, login, make_proposal):
    proposal = make_proposal(S.CHANGES_REQUESTED)
    login(proposal.author)
    page = client.get(f"/proposals/{proposal.id}/edit").get_data(as_text=True)
    assert "Skriv venligst mere om økonomien." in page
    data = {
        "title": "Bedre",
        "summary": "Nyt",
        "body": "Ny",
        "theme_ids": proposal.theme_ids,
        "submit": "1",
    }
    client.post(f"/proposals/{proposal.id}/edit", data=data)
    db.session.refresh(proposal)
    assert proposal.status == S.SUBMITTED


def test_withdraw_before_an_answer_only(client, login, make_proposal):
    open_one, answered = make_proposal(S.PUBLISHED), make_proposal(S.ACCEPTED)
    login(open_one.author)
    client.post(f"/proposals/{open_one.id}/withdraw")
    db.session.refresh(open_one)
    assert open_one.status == S.WITHDRAWN
    login(answered.author)
    response = client.post(f"/proposals/{answered.id}/withdraw", follow_redirects=True)
    assert "kan ikke trækkes tilbage" in response.get_data(as_text=True)
    db.session.refresh(answered)
    assert answered.status == S.ACCEPTED


def test_my_proposals_lists_every_state(client, login, make_user, make_proposal):
    author = make_user()
    mine = [make_proposal(status, author=author) for status in (S.DRAFT, S.REJECTED, S.PUBLISHED)]
    login(author)
    page = client.get("/my/proposals").get_data(as_text=True)
    assert all(str(escape(p.title)) in page for p in mine)


def test_my_proposals_put_the_latest_change_first_a_step_as_much_as_an_edit(
    client, login, make_user, make_proposal
):
    author = make_user()
    older = make_proposal(S.DRAFT, author=author, title="Det ældre udkast")
    make_proposal(S.DRAFT, author=author, title="Det nyere udkast")
    login(author)
    client.post(f"/proposals/{older.id}/submit")
    page = client.get("/my/proposals").get_data(as_text=True)
    assert page.index("Det ældre udkast") < page.index("Det nyere udkast")


def test_unexpected_csrf_failure_changes_nothing(app, make_user, make_theme):
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        client = app.test_client()
        user, theme = make_user(), make_theme()
        with client.session_transaction() as session:
            session["_user_id"] = user.get_id()
        response = client.post(
            "/proposals/new",
            data={"title": "T", "summary": "S", "body": "B", "theme_ids": [theme.id]},
        )
        assert response.status_code == 400
        assert "sikkerhedsnøgle" in response.get_data(as_text=True)
        assert count_proposals() == 0
    finally:
        app.config["WTF_CSRF_ENABLED"] = False


@pytest.mark.parametrize(
    "path",
    [
        "/proposals/99999999999999999999",
        "/moderation/99999999999999999999",
        "/admin/users/99999999999999999999",
    ],
)
def test_ids_beyond_any_row_are_not_found(client, login, make_user, path):
    login(make_user("moderator", "admin"))
    assert client.get(path).status_code == 404


def test_pager_ignores_query_keys_that_are_not_filters(client, app, make_proposal, make_theme):
    theme = make_theme()
    for _ in range(app.config["PER_PAGE"] + 1):
        make_proposal(S.PUBLISHED, themes=[theme])
    response = client.get("/proposals?endpoint=x&_method=POST&_external=1")
    assert response.status_code == 200
    assert "page=2" in response.get_data(as_text=True)


def test_withdrawn_drafts_stay_the_authors_own(client, login, make_user, make_proposal):
    proposal = make_proposal(S.WITHDRAWN)
    assert proposal.submitted_at is not None  # the factory withdraws after submitting
    never_sent = make_proposal(S.DRAFT)
    login(never_sent.author)
    client.post(f"/proposals/{never_sent.id}/withdraw")
    login(make_user("moderator", "admin"))
    assert client.get(f"/proposals/{never_sent.id}").status_code == 404
    assert client.get(f"/proposals/{proposal.id}").status_code == 200


# Every page and operation that acts on one proposal, as (method, path) for a proposal id.
ONE_PROPOSAL = [
    ("GET", "/proposals/{}"),
    ("GET", "/proposals/{}/edit"),
    ("POST", "/proposals/{}/submit"),
    ("POST", "/proposals/{}/withdraw"),
    ("GET", "/proposals/{}/coauthors"),
    ("POST", "/proposals/{}/comments"),
    ("POST", "/proposals/{}/support"),
    ("POST", "/proposals/{}/follow"),
    ("POST", "/proposals/{}/invitation/accept"),
    ("GET", "/moderation/{}"),
    ("POST", "/moderation/proposals/{}/hide"),
    ("GET", "/departments/proposals/{}"),
    ("POST", "/departments/proposals/{}/acknowledge"),
    ("POST", "/departments/proposals/{}/respond"),
    ("GET", "/panel/proposals/{}/review"),
    ("GET", "/panel/proposals/{}/request"),
    ("GET", "/api/v1/proposals/{}"),
    ("GET", "/api/v1/proposals/{}/comments"),
]


def _without_tokens(response, asked: str) -> str:
    """The page without its CSRF tokens, which carry the second they were made, and
    without the address asked for (the language switcher comes back to it)."""
    page = re.sub(r'name="csrf_token" value="[^"]*"', "", response.get_data(as_text=True))
    return page.replace(asked, "ASKED")


@pytest.mark.parametrize(("method", "path"), ONE_PROPOSAL)
def test_a_proposal_one_may_not_see_is_as_missing_as_one_that_is_not_there(
    client, login, make_user, make_proposal, method, path
):
    """One loader, on the site and in the API: a draft of someone else's is a 404, and
    answers exactly as a proposal that does not exist, whoever asks."""
    draft = make_proposal(S.DRAFT)
    for role in ("moderator", "department_staff", "panel_member", "admin"):
        login(make_user(role, departments=[draft.department] if draft.department else ()))
        hidden_path, missing_path = path.format(draft.id), path.format(draft.id + 1000)
        hidden = client.open(hidden_path, method=method)
        missing = client.open(missing_path, method=method)
        assert (hidden.status_code, missing.status_code) in ((404, 404), (403, 403)), role
        assert _without_tokens(hidden, hidden_path) == _without_tokens(missing, missing_path), role


def test_how_it_works_explains_every_state_and_is_linked_from_the_footer_and_the_form(
    client, login, make_user
):
    page = client.get("/how-it-works").get_data(as_text=True)
    assert all(str(escape(status.explanation)) in page for status in S)
    assert "Se forvaltningernes frister" in page
    login(make_user())
    assert 'href="/how-it-works"' in client.get("/proposals/new").get_data(as_text=True)
    assert 'href="/how-it-works"' in client.get("/").get_data(as_text=True)


def _bench_proposal(main, *others, **fields) -> dict:
    """The form's fields for a proposal about benches, main theme `main`."""
    return {
        "title": "Bænke langs åen",
        "summary": "Flere bænke.",
        "body": "Vi mangler **bænke**.\n\n<script>x</script>",
        "main_theme_id": str(main.id),
        "theme_ids": [str(theme.id) for theme in others],
        **fields,
    }


def test_a_preview_shows_the_proposal_as_it_will_read_and_saves_nothing(
    client, login, make_user, make_theme
):
    main, other = make_theme(), make_theme()
    login(make_user())
    data = _bench_proposal(other, main, other, preview="Forhåndsvis")
    page = client.post("/proposals/new", data=data).get_data(as_text=True)
    preview = page[
        page.index('id="preview-heading"') : page.index("<form", page.index("preview-heading"))
    ]
    assert "Vi mangler <strong>bænke</strong>." in preview and "<script>" not in preview
    assert preview.index(other.title) < preview.index(main.title)  # the main theme first
    assert 'value="Bænke langs åen"' in page  # nothing written is lost
    assert db.session.scalar(select(func.count(Proposal.id))) == 0


def test_the_main_theme_decides_the_department_whatever_order_the_boxes_are_in(
    client, login, make_user, make_theme
):
    main, other = make_theme(), make_theme()
    login(make_user())
    data = _bench_proposal(other, main, submit="Send til moderation")
    assert client.post("/proposals/new", data=data).status_code == 302
    proposal = db.session.scalars(select(Proposal)).one()
    assert proposal.theme_ids == [other.id, main.id]


def test_the_form_names_each_themes_department_and_each_strategys_period(
    client, login, make_user, make_theme
):
    theme = make_theme()
    theme.strategy.period = "2025–2028"
    db.session.commit()
    login(make_user())
    page = client.get("/proposals/new").get_data(as_text=True)
    assert f"{escape(theme.title)} ({escape(theme.department.name)})" in page
    assert f"{escape(theme.strategy.title)}, 2025–2028" in page


def test_a_main_theme_that_is_not_a_theme_is_refused_and_nothing_is_saved(
    client, login, make_user, make_theme
):
    theme = make_theme()
    login(make_user())
    for nonsense in ("abc", "999999"):
        data = _bench_proposal(theme, theme, main_theme_id=nonsense, submit="Send")
        page = client.post("/proposals/new", data=data).get_data(as_text=True)
        assert "Vælg en af mulighederne." in page and 'value="Bænke langs åen"' in page
    assert db.session.scalar(select(func.count(Proposal.id))) == 0
