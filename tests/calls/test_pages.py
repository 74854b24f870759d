"""The calls' pages: the list by phase, one call with its proposals, and the staff form."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from cocreate.accounts.roles import Role
from cocreate.calls.dates import local_date, local_time
from cocreate.calls.models import Call
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus
from tests.factories import EVIL


def test_the_list_shows_open_calls_first_with_days_left_and_hides_drafts(client, make_call):
    upcoming = make_call(title="Kommende indkaldelse", opens_at=utcnow() + timedelta(days=3))
    opened = make_call(title="Åben indkaldelse", closes_at=utcnow() + timedelta(days=5, hours=1))
    make_call(title="Hemmelig kladde", publish=False)

    page = client.get("/calls").get_data(as_text=True)

    assert page.index(opened.title) < page.index(upcoming.title)
    days = (local_date(opened.closes_at) - local_date(utcnow())).days  # calendar days here
    assert f"{days} dage tilbage" in page
    assert "Hemmelig kladde" not in page
    assert EVIL not in page


def test_a_call_s_page_shows_its_intro_dates_figures_and_public_proposals(
    client, make_call, make_proposal
):
    call = make_call(answers_by=(utcnow() + timedelta(days=60)).date())
    published = make_proposal(ProposalStatus.PUBLISHED, call=call, themes=call.themes)
    waiting = make_proposal(ProposalStatus.SUBMITTED, call=call, themes=call.themes)
    published.title, waiting.title = "Lys på stien", "Endnu ikke modereret"
    db.session.commit()

    response = client.get(f"/calls/{call.id}")
    page = response.get_data(as_text=True)

    assert response.status_code == 200
    assert "Lys på stien" in page and "Endnu ikke modereret" not in page
    assert "Send et forslag til indkaldelsen" in page
    assert f"/proposals/new?call={call.id}" in page
    assert EVIL not in page


def test_a_draft_call_is_not_found_by_the_public_but_seen_by_its_department(
    client, login, make_call, make_user
):
    call = make_call(publish=False)

    assert client.get(f"/calls/{call.id}").status_code == 404
    login(make_user(Role.DEPARTMENT_STAFF, departments=[call.department]))
    assert client.get(f"/calls/{call.id}").status_code == 200
    assert "Hemmelig" not in client.get("/calls").get_data(as_text=True)


def test_bad_filters_on_a_call_s_page_get_a_message_not_an_error(client, make_call):
    call = make_call()

    response = client.get(f"/calls/{call.id}?status=draft&sort=nonsense")

    assert response.status_code == 400
    assert "Ukendt status" in response.get_data(as_text=True)


def test_staff_start_a_call_in_local_time_through_the_form(client, login, make_theme, make_user):
    theme = make_theme()
    login(make_user(Role.DEPARTMENT_STAFF, departments=[theme.department]))
    opens = (utcnow() + timedelta(days=2)).strftime("%Y-%m-%d")
    closes = (utcnow() + timedelta(days=20)).strftime("%Y-%m-%d")

    response = client.post(
        "/calls/new",
        data={
            "title": "Hvordan gør vi skolevejen tryg?",
            "intro": "Fortæl os det.",
            "theme_ids": [theme.id],
            "department_id": theme.department_id,
            "opens_at": f"{opens}T09:00",
            "closes_at": f"{closes}T12:00",
            "answers_by": "",
            "publish": "Offentliggør",
        },
    )

    call = db.session.scalar(select(Call))
    assert response.status_code == 302 and call.is_published
    local = call.opens_at.astimezone(ZoneInfo("Europe/Copenhagen"))
    assert (local.hour, local.minute) == (9, 0)


def test_bad_input_on_the_form_is_named_by_field_and_keeps_what_was_written(
    client, login, make_theme, make_user
):
    theme = make_theme()
    login(make_user(Role.ADMIN))

    response = client.post(
        "/calls/new",
        data={
            "title": "Min titel bliver stående",
            "intro": "",
            "department_id": theme.department_id,
            "opens_at": "i morgen",
            "closes_at": "2027-03-28T02:30",
            "answers_by": "31-02-2027",
            "save_draft": "Gem som kladde",
        },
    )
    page = response.get_data(as_text=True)

    assert response.status_code == 200
    assert db.session.scalar(select(Call)) is None
    assert "Min titel bliver stående" in page
    for message in (
        "Skriv en introduktion.",
        "Skriv dato og klokkeslæt som",
        "Klokkeslættet findes ikke den dag",
        "Skriv en dato, fx",
    ):
        assert message in page


def test_a_citizen_may_not_open_the_form(client, login, make_user):
    login(make_user())

    assert client.get("/calls/new").status_code == 403


def test_the_proposal_form_starts_on_the_call_chosen_with_its_themes(
    client, login, make_call, make_user
):
    call = make_call()
    login(make_user())

    page = client.get(f"/proposals/new?call={call.id}").get_data(as_text=True)

    assert f'<option selected value="{call.id}">' in page
    assert f'value="{call.theme_ids[0]}" checked' in page


def test_an_account_follows_a_call_from_its_page_and_stops(client, login, make_call, make_user):
    call = make_call()
    login(make_user())

    followed = client.post(f"/calls/{call.id}/follow", follow_redirects=True)
    again = client.post(f"/calls/{call.id}/follow", follow_redirects=True)
    stopped = client.post(f"/calls/{call.id}/unfollow", follow_redirects=True)

    assert "Du følger nu indkaldelsen" in followed.get_data(as_text=True)
    assert "Følg ikke længere" in followed.get_data(as_text=True)
    assert "Du følger allerede indkaldelsen" in again.get_data(as_text=True)
    assert "Du følger ikke længere indkaldelsen" in stopped.get_data(as_text=True)


def test_a_visitor_cannot_follow_a_draft(client, login, make_call, make_user):
    call = make_call(publish=False)
    login(make_user())

    assert client.post(f"/calls/{call.id}/follow").status_code == 404


def test_the_pages_ask_the_same_number_of_queries_however_many_calls_and_proposals(
    client, make_call, make_proposal, make_theme, count_queries
):
    theme = make_theme()

    def counted(path: str) -> int:
        with count_queries() as counter:
            assert client.get(path).status_code == 200
        return counter.count

    first = make_call(themes=[theme])
    make_proposal(ProposalStatus.PUBLISHED, call=first, themes=[theme])
    few = (counted("/calls"), counted(f"/calls/{first.id}"), counted("/"))
    for _ in range(4):
        call = make_call(themes=[make_theme()])
        make_proposal(ProposalStatus.PUBLISHED, call=first, themes=[theme])
        make_proposal(ProposalStatus.PUBLISHED, call=call, themes=call.themes)

    assert (counted("/calls"), counted(f"/calls/{first.id}"), counted("/")) == few


def test_a_proposal_s_page_names_the_call_it_was_sent_to(client, make_call, make_proposal):
    call = make_call(title="Hvordan gør vi skolevejen tryg?")
    proposal = make_proposal(ProposalStatus.PUBLISHED, call=call, themes=call.themes)

    page = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)

    assert f'<a href="/calls/{call.id}">Hvordan gør vi skolevejen tryg?</a>' in page


def test_staff_change_a_draft_and_publish_it_from_its_form(client, login, make_call, make_user):
    call = make_call(publish=False, opens_at=utcnow() + timedelta(days=2))
    login(make_user(Role.DEPARTMENT_STAFF, departments=[call.department]))
    form = {
        "title": "Ny og bedre titel",
        "intro": call.intro,
        "theme_ids": call.theme_ids,
        "department_id": call.department_id,
        "opens_at": local_time(call.opens_at).strftime("%Y-%m-%dT%H:%M"),
        "closes_at": local_time(call.closes_at).strftime("%Y-%m-%dT%H:%M"),
        "answers_by": "",
        "publish": "Offentliggør",
    }

    response = client.post(f"/calls/{call.id}/edit", data=form)

    db.session.refresh(call)
    assert response.status_code == 302
    assert call.title == "Ny og bedre titel" and call.is_published
