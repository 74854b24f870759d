"""The comment thread on the proposal page, and its forms, through the test client."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from cocreate.accounts.roles import Role
from cocreate.departments.answers import respond_to_proposal
from cocreate.extensions import db
from cocreate.proposals.comments.flags import flag_comment
from cocreate.proposals.comments.services import delete_comment
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import COMMENT_MAX, Comment, Outcome

S = ProposalStatus


@pytest.fixture
def published(make_proposal):
    return make_proposal(S.PUBLISHED)


def _page(client, proposal) -> str:
    response = client.get(f"/proposals/{proposal.id}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _comments() -> list[Comment]:
    return list(db.session.scalars(select(Comment).order_by(Comment.id)))


def test_the_public_reads_the_thread_and_is_asked_to_log_in(client, published, make_comment):
    comment = make_comment(published, body="Første **kommentar** <script>alert(1)</script>")
    make_comment(published, parent=comment, body="Et svar")
    page = _page(client, published)
    assert "Kommentarer" in page and "(2)" in page
    assert "Første <strong>kommentar</strong>" in page and "Et svar" in page
    assert "<script>alert(1)</script>" not in page
    assert 'class="nobullet-list comment-replies"' in page
    assert "Log ind for at kommentere" in page
    assert 'name="body"' not in page and "Anmeld" not in page


def test_write_a_comment(client, login, make_user, published):
    login(make_user())
    page = _page(client, published)
    assert 'id="comment-body"' in page and "Send kommentar" in page
    response = client.post(f"/proposals/{published.id}/comments", data={"body": "Godt *set*."})
    [comment] = _comments()
    assert response.status_code == 302
    assert response.location.endswith(f"/proposals/{published.id}#comment-{comment.id}")
    page = _page(client, published)
    assert "Din kommentar er offentliggjort." in page
    assert f'id="comment-{comment.id}"' in page and "Godt <em>set</em>." in page


@pytest.mark.parametrize(
    ("body", "message"), [("  ", "Skriv din kommentar."), ("x" * 5001, "5000")]
)
def test_bad_text_shows_the_form_again_with_the_text_kept(
    client, login, make_user, published, body, message
):
    login(make_user())
    response = client.post(f"/proposals/{published.id}/comments", data={"body": body})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "<h1>Skriv en kommentar</h1>" in page and message in page
    assert 'href="#body"' in page and 'id="body"' in page
    assert body.strip()[:20] in page
    assert _comments() == []


def test_no_comment_on_a_draft_or_a_rejected_proposal(client, login, make_proposal):
    said = {
        S.DRAFT: "Forslaget kan kommenteres, når det er offentliggjort.",
        S.REJECTED: "Forslaget er afvist og kan ikke kommenteres.",
    }
    for status, words in said.items():
        proposal = make_proposal(status)
        login(proposal.author)
        page = _page(client, proposal)
        assert words in page
        response = client.post(f"/proposals/{proposal.id}/comments", data={"body": "Hej"})
        assert response.status_code == 302
        assert "kun kommenteres, når det er offentliggjort" in _page(client, proposal)
    assert _comments() == []


def test_strangers_cannot_comment_on_what_they_cannot_see(client, login, make_user, make_proposal):
    proposal = make_proposal(S.SUBMITTED)
    login(make_user())
    assert (
        client.post(f"/proposals/{proposal.id}/comments", data={"body": "Hej"}).status_code == 404
    )
    assert client.post("/proposals/999999/comments", data={"body": "Hej"}).status_code == 404
    assert _comments() == []


def test_anonymous_posts_go_to_login(client, published):
    response = client.post(f"/proposals/{published.id}/comments", data={"body": "Hej"})
    assert response.status_code == 302 and "/login" in response.location


def test_reply_and_no_reply_to_a_reply(client, login, make_user, published, make_comment):
    comment = make_comment(published)
    login(make_user())
    page = _page(client, published)
    assert f'id="reply-{comment.id}-body"' in page
    response = client.post(f"/comments/{comment.id}/replies", data={"body": "Enig."})
    reply = _comments()[-1]
    assert response.status_code == 302 and reply.parent_id == comment.id
    page = _page(client, published)
    assert f'id="reply-{reply.id}-body"' not in page
    response = client.post(f"/comments/{reply.id}/replies", data={"body": "Og så?"})
    assert response.status_code == 302
    assert "Du kan svare på en kommentar, men ikke på et svar." in _page(client, published)
    assert len(_comments()) == 2


def test_edit_within_the_window_and_not_after(client, login, published, make_comment):
    comment = make_comment(published, body="Førstr udkast")
    login(comment.author)
    assert f'id="edit-{comment.id}-body"' in _page(client, published)
    form = client.get(f"/comments/{comment.id}/edit").get_data(as_text=True)
    assert "<h1>Ret din kommentar</h1>" in form and "Førstr udkast" in form
    assert client.post(f"/comments/{comment.id}/edit", data={"body": ""}).status_code == 422
    response = client.post(f"/comments/{comment.id}/edit", data={"body": "Første udkast"})
    assert response.status_code == 302
    assert "Første udkast" in _page(client, published)
    comment.created_at -= timedelta(minutes=16)
    db.session.commit()
    assert f'id="edit-{comment.id}-body"' not in _page(client, published)
    response = client.post(f"/comments/{comment.id}/edit", data={"body": "For sent"})
    assert response.status_code == 302
    assert "kun redigeres de første 15 minutter" in _page(client, published)
    db.session.expire_all()
    assert comment.body == "Første udkast"


def test_only_the_author_edits_or_deletes(client, login, make_user, published, make_comment):
    comment = make_comment(published)
    login(make_user())
    assert client.get(f"/comments/{comment.id}/edit").status_code == 403
    client.post(f"/comments/{comment.id}/delete")
    db.session.expire_all()
    assert comment.deleted_at is None


def test_delete_leaves_a_placeholder(client, login, published, make_comment):
    comment = make_comment(published, body="Fortryder dette")
    make_comment(published, parent=comment, body="Et svar bliver")
    login(comment.author)
    assert client.post(f"/comments/{comment.id}/delete").status_code == 302
    page = _page(client, published)
    assert "Din kommentar er slettet." in page and "Kommentaren er slettet." in page
    assert "Fortryder dette" not in page and "Et svar bliver" in page
    assert "(1)" in page


def test_flag_a_comment_once(client, login, make_user, published, make_comment):
    comment = make_comment(published)
    login(make_user())
    assert f'id="flag-reason-{comment.id}"' in _page(client, published)
    assert client.post(f"/comments/{comment.id}/flag", data={"reason": ""}).status_code == 302
    assert "Vælg en grund til anmeldelsen." in _page(client, published)
    client.post(f"/comments/{comment.id}/flag", data={"reason": "spam"})
    page = _page(client, published)
    assert "Moderatorerne får besked" in page and "Du har anmeldt kommentaren." in page
    client.post(f"/comments/{comment.id}/flag", data={"reason": "offensive"})
    assert "Du har allerede anmeldt denne kommentar." in _page(client, published)
    db.session.expire_all()
    assert comment.flag_count == 1


def test_official_replies_and_organisations_are_marked(
    client, published, make_user, make_comment, make_organisation
):
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[published.department])
    make_comment(published, author=staff, body="Tak for forslaget.")
    member = make_user()
    unverified = make_organisation(members=[member])
    verified = make_organisation(members=[member], verified=True)
    make_comment(published, author=member, organisation_id=unverified.id)
    make_comment(published, author=member, organisation_id=verified.id)
    page = _page(client, published)
    assert f"Officielt svar fra {published.department.name}" in page
    assert page.count("Ikke verificeret") == 1 and page.count(">Verificeret<") == 1


def test_comments_on_a_preliminary_answer_are_grouped_with_it(
    client, published, make_user, make_comment
):
    make_comment(published, body="Før svaret")
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[published.department])
    answer = respond_to_proposal(
        published, staff, outcome=Outcome.DECLINED, text="Nok nej.", preliminary=True
    )
    db.session.commit()
    make_comment(published, body="Om svaret")
    page = _page(client, published)
    heading = f'id="comments-on-response-{answer.id}"'
    assert heading in page and f'href="#response-{answer.id}"' in page
    assert page.index("Før svaret") < page.index(heading) < page.index("Om svaret")


def test_hidden_and_removed_comments_are_placeholders_but_the_author_sees_why(
    client, login, app, make_user, published, make_comment
):
    comment = make_comment(published, body="Anmeldt tekst")
    for _ in range(app.config["COMMENT_FLAG_THRESHOLD"]):
        flag_comment(comment, make_user(), "offensive")
    db.session.commit()
    page = _page(client, published)
    assert "Anmeldt tekst" not in page and "Kommentaren er skjult" in page
    login(comment.author)
    page = _page(client, published)
    assert "Anmeldt tekst" in page and "Din kommentar er skjult for andre" in page


def test_page_queries_stay_the_same_with_many_comments(
    client, login, count_queries, make_user, make_proposal, make_comment, make_organisation
):
    viewer = make_user()
    make_organisation(members=[viewer])
    few, many = make_proposal(S.PUBLISHED), make_proposal(S.PUBLISHED)
    make_comment(few)
    organisation = make_organisation(verified=True)
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[many.department])
    for n in range(20):
        author = organisation.memberships[0].user if n % 3 == 0 else make_user()
        top = make_comment(
            many, author=author, organisation_id=organisation.id if n % 3 == 0 else None
        )
        make_comment(many, author=staff, parent=top)
        if n % 5 == 0:
            flag_comment(top, viewer, "spam")
        if n % 7 == 0:
            delete_comment(top, top.author)
    db.session.commit()
    for who in (None, viewer):
        if who is not None:
            login(who)
        counts = []
        for proposal in (few, many):
            with count_queries() as counter:
                assert client.get(f"/proposals/{proposal.id}").status_code == 200
            counts.append(counter.count)
        assert counts[0] == counts[1], who


def test_every_form_field_on_the_page_has_a_unique_id(
    client, login, make_user, published, make_comment
):
    viewer = make_user()
    for _ in range(3):
        make_comment(published, parent=make_comment(published))
    make_comment(published, author=viewer)
    login(viewer)
    page = _page(client, published)
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert db.session.scalar(select(func.count()).select_from(Comment)) == 7
    assert f'data-maxlength="{COMMENT_MAX}"' in page
