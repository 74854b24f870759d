"""The panel's pages: the members admin, a member's requests, requesting, reviewing."""

from datetime import timedelta

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from cocreate.accounts.roles import Role
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.panel.models import PanelConflict, PanelMember, PanelReview, PanelReviewRequest
from cocreate.panel.queries import local_today
from cocreate.proposals.lifecycle import ProposalStatus
from tests.accounts.markup import check_page
from tests.panel.helpers import ask_panel, organisation, review

S = ProposalStatus


def _count(model) -> int:
    return db.session.scalar(select(func.count(model.id)))


@pytest.mark.parametrize("role", [None, Role.MODERATOR, Role.PANEL_MEMBER, Role.DEPARTMENT_STAFF])
def test_only_admins_reach_the_members_pages(client, login, make_user, make_member, role):
    member = make_member()
    login(make_user(role) if role else make_user())
    for method, path in [
        ("get", "/panel/members"),
        ("post", "/panel/members"),
        ("get", f"/panel/members/{member.id}"),
        ("post", f"/panel/members/{member.id}"),
        ("post", f"/panel/members/{member.id}/deactivate"),
    ]:
        response = getattr(client, method)(
            path, data={"email": "x@example.dk", "seat_type": "business"}
        )
        assert response.status_code == 403, (method, path)
    db.session.refresh(member)
    assert member.active and _count(PanelMember) == 1


def test_admin_adds_changes_and_deactivates(client, login, make_user):
    login(make_user(Role.ADMIN))
    user, club = make_user(email="bo@example.dk"), organisation()
    fields = check_page(client.get("/panel/members").text)
    assert {"email", "seat_type", "organisation_id"} <= set(fields)
    response = client.post(
        "/panel/members",
        data={"email": "bo@example.dk", "seat_type": "association", "organisation_id": club.id},
    )
    assert response.status_code == 302
    member = db.session.scalar(select(PanelMember))
    assert (member.user_id, member.organisation_id) == (user.id, club.id)
    page = client.get("/panel/members").text
    check_page(page)
    assert "Forening" in page and "&lt;b&gt;" in page and "<b>" not in page

    check_page(client.get(f"/panel/members/{member.id}").text)
    client.post(
        f"/panel/members/{member.id}",
        data={"seat-seat_type": "citizen_representative", "seat-organisation_id": 0},
    )
    db.session.refresh(member)
    assert member.seat_type.value == "citizen_representative" and member.organisation_id is None

    client.post(f"/panel/members/{member.id}/deactivate")
    db.session.refresh(member)
    db.session.refresh(user)
    assert not member.active and not user.has_role(Role.PANEL_MEMBER)
    assert "Udtrådt" in client.get("/panel/members").text


def test_adding_an_unknown_address_shows_the_error(client, login, make_user):
    login(make_user(Role.ADMIN))
    response = client.post(
        "/panel/members",
        data={"email": "ukendt@example.dk", "seat_type": "business", "organisation_id": 0},
    )
    assert response.status_code == 400
    assert "Der findes ingen konto med e-mailadressen ukendt@example.dk." in response.text
    check_page(response.text)
    assert _count(PanelMember) == 0
    response = client.post("/panel/members", data={"email": "", "organisation_id": 0})
    assert "Skriv en e-mailadresse." in response.text and "Vælg en type plads." in response.text


def test_requests_page_needs_the_panel(client, login, make_user):
    assert client.get("/panel").status_code == 302
    login(make_user())
    assert client.get("/panel").status_code == 403
    login(make_user(Role.ADMIN))
    page = client.get("/panel").text
    assert "/panel/members" in page and "ikke en aktiv plads" in page


def test_a_member_sees_open_requests_soonest_first(
    client, login, make_proposal, make_member, moderator
):
    member = make_member()
    late, soon, later, done, mine = (
        make_proposal(S.PUBLISHED, title=title)
        for title in ("Alfa", "Bravo", "Charlie", "Delta", "Echo")
    )
    for proposal, days in ((late, 1), (soon, 2), (later, 30), (done, 3)):
        ask_panel(proposal, moderator, days)
    db.session.scalar(
        select(PanelReviewRequest).where(PanelReviewRequest.proposal_id == late.id)
    ).due_date = local_today() - timedelta(days=2)
    mine.author_id = member.user_id
    db.session.commit()
    ask_panel(mine, moderator, 5)
    review(done, member)
    ask_panel(make_proposal(S.PUBLISHED, title="Foxtrot"), moderator)
    other = make_proposal(S.ACCEPTED, title="Golf")  # answered: no longer open
    login(member.user)
    page = client.get("/panel").text
    check_page(page)
    assert page.index("Alfa") < page.index("Bravo") < page.index("Foxtrot") < page.index("Charlie")
    assert "Overskredet" in page and "Delta" not in page and other.title not in page
    inhabil = page[page.index("hvor du er inhabil") :]
    assert "Echo" in inhabil and "Inhabil" in inhabil and "forfatter til forslaget" in inhabil
    assert "Echo" not in page[: page.index("hvor du er inhabil")]


def test_moderator_requests_from_the_proposal_page(client, login, make_proposal, moderator):
    proposal = make_proposal(S.PUBLISHED)
    login(moderator)
    fields = check_page(client.get(f"/proposals/{proposal.id}").text)
    assert fields["panel-due_date"]["type"] == "date"
    path = f"/panel/proposals/{proposal.id}/request"
    page = client.get(path).text
    assert "panel-due_date" in check_page(page) and '<h2 id="panel-request-heading">' in page
    past = (local_today() - timedelta(days=1)).isoformat()
    refused = client.post(path, data={"panel-due_date": past})
    assert refused.status_code == 400 and "Fristen kan ikke ligge før i dag." in refused.text
    check_page(refused.text)
    assert "Skriv en dato" in client.post(path, data={"panel-due_date": "i morgen"}).text
    assert _count(PanelReviewRequest) == 0
    due = local_today() + timedelta(days=7)
    response = client.post(path, data={"panel-due_date": due.strftime("%d-%m-%Y")})
    assert response.status_code == 302 and response.location.endswith(f"/proposals/{proposal.id}")
    assert db.session.scalar(select(PanelReviewRequest)).due_date == due
    page = client.get(f"/proposals/{proposal.id}").text
    assert "Aktørpanelet er bedt om at vurdere forslaget senest" in page
    assert "panel-due_date" not in page
    again = client.post(path, data={"panel-due_date": due.isoformat()}, follow_redirects=True)
    assert "allerede bedt" in again.text and _count(PanelReviewRequest) == 1


def test_staff_request_from_the_handling_page(client, login, make_proposal, make_user):
    proposal = make_proposal(S.PUBLISHED)
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])
    login(staff)
    fields = check_page(client.get(f"/departments/proposals/{proposal.id}").text)
    assert "panel-due_date" in fields
    client.post(
        f"/panel/proposals/{proposal.id}/request",
        data={"panel-due_date": local_today().isoformat()},
    )
    assert _count(PanelReviewRequest) == 1


def test_others_cannot_request(client, login, make_proposal, make_user):
    proposal = make_proposal(S.PUBLISHED)
    login(make_user(Role.PANEL_MEMBER))
    assert "panel-due_date" not in client.get(f"/proposals/{proposal.id}").text
    path = f"/panel/proposals/{proposal.id}/request"
    assert client.post(path, data={"panel-due_date": local_today().isoformat()}).status_code == 403
    assert (
        client.get(f"/panel/proposals/{make_proposal(S.SUBMITTED).id}/request").status_code == 404
    )
    login(make_user(Role.MODERATOR))
    answered = client.get(f"/panel/proposals/{make_proposal(S.DECLINED).id}/request").text
    assert "panel-due_date" not in check_page(answered) and "Afslået" in answered


def test_a_member_reviews_through_the_page(client, login, requested, make_member):
    member = make_member()
    login(member.user)
    link = client.get(f"/proposals/{requested.id}").text
    assert f"/panel/proposals/{requested.id}/review" in link
    fields = check_page(client.get(f"/panel/proposals/{requested.id}/review").text)
    assert {
        "value",
        "feasibility",
        "cocreation",
        "strategy_fit",
        "recommendation",
        "comment",
    } <= set(fields)
    path = f"/panel/proposals/{requested.id}/review"
    bad = client.post(path, data={"value": "6", "feasibility": "0", "recommendation": "maybe"})
    assert bad.status_code == 400 and "Giv et point fra 1 til 5." in bad.text
    check_page(bad.text)
    body = {"value": 5, "feasibility": 4, "cocreation": 3, "strategy_fit": 2}
    response = client.post(path, data={**body, "recommendation": "recommend", "comment": "Ja tak."})
    assert response.status_code == 302 and response.location.endswith("/panel")
    made = db.session.scalar(select(PanelReview))
    assert made.scores == body and made.comment == "Ja tak."
    assert "Du har vurderet forslaget" in client.get(path).text
    client.post(path, data={**body, "recommendation": "recommend", "comment": "Igen."})
    assert _count(PanelReview) == 1


def test_a_conflicted_member_is_refused_with_the_reason(client, login, requested, make_member):
    member = make_member()
    club = organisation(member.user)
    requested.organisation = club
    db.session.commit()
    login(member.user)
    path = f"/panel/proposals/{requested.id}/review"
    assert "Inhabil" in client.get(path).text and "comment" not in check_page(client.get(path).text)
    body = {"value": 5, "feasibility": 4, "cocreation": 3, "strategy_fit": 2}
    response = client.post(
        path, data={**body, "recommendation": "recommend", "comment": "Ja."}, follow_redirects=True
    )
    assert "Du er inhabil og kan ikke vurdere forslaget." in response.text
    assert _count(PanelReview) == 0


def test_a_member_declares_a_conflict(client, login, requested, make_member):
    member = make_member()
    login(member.user)
    path = f"/panel/proposals/{requested.id}/conflict"
    fields = check_page(client.get(path).text)
    assert "reason" in fields
    assert client.post(path, data={"reason": ""}).status_code == 400
    response = client.post(path, data={"reason": "Jeg er nabo til projektet."})
    assert response.status_code == 302
    assert db.session.scalar(select(PanelConflict)).reason == "Jeg er nabo til projektet."
    page = client.get("/panel").text
    assert "Jeg er nabo til projektet." in page and "Inhabil" in page


def test_a_review_typed_in_a_browser_keeps_its_paragraphs(client, login, requested, make_member):
    login(make_member().user)
    body = {"value": 5, "feasibility": 4, "cocreation": 3, "strategy_fit": 2}
    comment = "Første afsnit.\r\n\r\nAndet afsnit."  # as a browser sends a textarea
    client.post(
        f"/panel/proposals/{requested.id}/review",
        data={**body, "recommendation": "recommend", "comment": comment},
    )
    made = db.session.scalar(select(PanelReview))
    assert made.comment == "Første afsnit.\n\nAndet afsnit."
    assert made.paragraphs == ["Første afsnit.", "Andet afsnit."]


def test_hidden_proposals_leave_the_members_requests(
    client, login, make_proposal, make_member, moderator
):
    member = make_member()
    shown, hidden = (make_proposal(S.PUBLISHED, title=t) for t in ("Synligt", "Skjult"))
    ask_panel(shown, moderator)
    ask_panel(hidden, moderator)
    hidden.hidden_at = utcnow()
    db.session.commit()
    login(member.user)
    page = client.get("/panel").text
    check_page(page)
    assert "Synligt" in page and "Skjult" not in page
    hidden.hidden_at = None  # shown again: back on the list
    db.session.commit()
    assert "Skjult" in client.get("/panel").text


def test_the_review_page_shows_the_proposal_and_the_rubrics_ends(
    client, login, requested, make_member
):
    from cocreate.panel.models import RUBRIC, SCORE_CRITERIA

    assert list(RUBRIC) == list(SCORE_CRITERIA)
    login(make_member().user)
    page = client.get(f"/panel/proposals/{requested.id}/review").text
    form = page[page.index(f'action="/panel/proposals/{requested.id}/review"') :]
    assert str(escape(requested.summary)) in page[: -len(form)]
    assert "Læs hele beskrivelsen" in page
    for lowest, highest in RUBRIC.values():
        assert f"1: {escape(lowest)}" in form and f"5: {escape(highest)}" in form
    # One row of five for each score, each scale described by the meaning of its ends.
    assert form.count('class="score-scale"') == 4
    assert 'aria-describedby="value-scale"' in form
