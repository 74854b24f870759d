"""The follow-up on the proposal's page: for everyone to read, for the owning department's
staff to keep; bad input shows the page again with its message, and nothing is saved."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from cocreate.accounts.roles import Role
from cocreate.core.types import local_today
from cocreate.departments.models import Milestone, ProgressUpdate
from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus

S = ProposalStatus


@pytest.fixture
def accepted(make_proposal, make_user):
    proposal = make_proposal(S.ACCEPTED)
    return proposal, make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])


def _page(client, proposal) -> str:
    response = client.get(f"/proposals/{proposal.id}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _follow_up_part(page: str) -> str:
    start = page.index('id="follow-up"')
    return page[start : page.index("</section>", start)]


def test_everyone_reads_the_progress_the_timeline_and_the_updates(
    client, accepted, make_milestone, make_progress_update
):
    proposal, staff = accepted
    today = local_today()
    make_milestone(
        proposal,
        staff,
        title="Tegninger",
        planned_on=today - timedelta(days=20),
        done_on=today - timedelta(days=2),
    )
    make_milestone(proposal, staff, title="Udbud", planned_on=today - timedelta(days=3))
    make_milestone(proposal, staff, title="Anlæg", planned_on=today + timedelta(days=40))
    make_progress_update(proposal, staff, text="Første nyt")
    make_progress_update(proposal, staff, text="Andet nyt")

    part = _follow_up_part(_page(client, proposal))
    assert "1 af 3 milepæle er nået" in part and "33 %" in part
    assert re.search(r'<progress[^>]*max="100"[^>]*value="33"', part)
    assert part.index("Tegninger") < part.index("Udbud") < part.index("Anlæg")
    # The overdue milestone says so in words, not by its colour alone.
    udbud = part[part.index("Udbud") : part.index("Anlæg")]
    assert "Forsinket" in udbud and "ikke nået endnu" in udbud
    assert "Nået" in part[part.index("Tegninger") : part.index("Udbud")]
    # Updates newest first; markup shown as text.
    assert part.index("Andet nyt") < part.index("Første nyt")
    assert "<script>" not in part and "&lt;script&gt;" in part
    # No forms for a visitor.
    assert "<form" not in part


def test_the_history_tells_updates_and_reached_milestones(
    client, accepted, make_milestone, make_progress_update
):
    proposal, staff = accepted
    make_milestone(proposal, staff, title="Tegninger", done_on=local_today())
    update = make_progress_update(proposal, staff)
    page = _page(client, proposal)
    history = page[page.index('class="history"') :]
    assert "Milepælen «Tegninger» er nået" in history
    assert f"#update-{update.id}" in history and f'id="update-{update.id}"' in page


def test_an_accepted_proposal_without_a_follow_up_says_so(client, accepted):
    proposal, _staff = accepted
    assert "endnu ikke lagt milepæle" in _follow_up_part(_page(client, proposal))


def test_a_carried_out_proposal_without_a_follow_up_shows_none(client, make_proposal):
    assert 'id="follow-up"' not in _page(client, make_proposal(S.IMPLEMENTED))


@pytest.mark.parametrize("status", [S.PUBLISHED, S.UNDER_REVIEW, S.DECLINED])
def test_a_proposal_not_accepted_has_no_follow_up_even_for_its_staff(
    client, login, make_proposal, make_user, status
):
    proposal = make_proposal(status)
    login(make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department]))
    assert 'id="follow-up"' not in _page(client, proposal)
    path = f"/departments/proposals/{proposal.id}"
    assert client.post(f"{path}/milestones", data={}).status_code == 403
    assert client.post(f"{path}/updates", data={"update-text": "Nyt"}).status_code == 403


def test_staff_of_the_owning_department_see_the_forms_and_others_do_not(
    client, login, accepted, make_milestone, make_user, make_department
):
    proposal, staff = accepted
    milestone = make_milestone(proposal, staff)
    for outsider in (
        make_user(),
        make_user(Role.DEPARTMENT_STAFF, departments=[make_department()]),
        make_user(Role.ADMIN),
    ):
        login(outsider)
        assert "<form" not in _follow_up_part(_page(client, proposal))
        path = f"/departments/proposals/{proposal.id}/milestones/{milestone.id}/done"
        assert client.post(path).status_code == 403
    login(staff)
    part = _follow_up_part(_page(client, proposal))
    assert f'action="/departments/proposals/{proposal.id}/milestones"' in part
    assert f'action="/departments/proposals/{proposal.id}/updates"' in part
    assert f"/milestones/{milestone.id}/done" in part
    assert f'id="milestone-{milestone.id}-planned_on"' in part


def test_staff_add_a_milestone_and_post_an_update(client, login, accepted):
    proposal, staff = accepted
    login(staff)
    path = f"/departments/proposals/{proposal.id}"
    planned = local_today() + timedelta(days=14)
    response = client.post(
        f"{path}/milestones",
        data={
            "milestone-title": "Skiltene er sat op",
            "milestone-description": "Ved skolen",
            "milestone-planned_on": planned.strftime("%d-%m-%Y"),
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/proposals/{proposal.id}#follow-up")
    assert (
        client.post(f"{path}/updates", data={"update-text": "**Godt** i gang"}).status_code == 302
    )

    page = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    (milestone,) = db.session.scalars(select(Milestone)).all()
    assert (milestone.title, milestone.planned_on) == ("Skiltene er sat op", planned)
    assert "<strong>Godt</strong> i gang" in page
    assert "0 af 1 milepæl er nået" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"milestone-title": "", "milestone-planned_on": "2030-01-01"},
            "Skriv, hvad milepælen er.",
        ),
        ({"milestone-title": "Trin", "milestone-planned_on": ""}, "Skriv en dato"),
        ({"milestone-title": "Trin", "milestone-planned_on": "31-02-2027"}, "Skriv en dato"),
        ({"milestone-title": "Trin", "milestone-planned_on": "3000-01-01"}, "inden for ti år"),
        (
            {"milestone-title": "x" * 161, "milestone-planned_on": "2030-01-01"},
            "Må højst være 160 tegn.",
        ),
    ],
)
def test_a_bad_milestone_shows_the_page_again_and_saves_nothing(
    client, login, accepted, data, message
):
    proposal, staff = accepted
    login(staff)
    response = client.post(f"/departments/proposals/{proposal.id}/milestones", data=data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page and 'aria-invalid="true"' in page
    assert "<h1>" in page and proposal.title.split("<")[0] in page  # the proposal's page
    assert _count(Milestone) == 0


def test_a_bad_change_opens_that_milestone_s_form_with_its_errors(
    client, login, accepted, make_milestone
):
    proposal, staff = accepted
    milestone = make_milestone(proposal, staff, title="Trin")
    login(staff)
    tomorrow = (local_today() + timedelta(days=1)).isoformat()
    prefix = f"milestone-{milestone.id}"
    response = client.post(
        f"/departments/proposals/{proposal.id}/milestones/{milestone.id}",
        data={
            f"{prefix}-title": "Nyt navn",
            f"{prefix}-planned_on": milestone.planned_on.isoformat(),
            f"{prefix}-done_on": tomorrow,
        },
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "senere end i dag" in page
    assert re.search(r'<details class="details" open>\s*<summary[^>]*>Ret milepælen', page)
    assert f'value="{tomorrow}"' in page  # what was typed is kept
    db.session.expire_all()
    assert (milestone.title, milestone.done_on) == ("Trin", None)


def test_an_empty_update_shows_the_page_again_and_saves_nothing(client, login, accepted):
    proposal, staff = accepted
    login(staff)
    response = client.post(
        f"/departments/proposals/{proposal.id}/updates", data={"update-text": " "}
    )
    assert response.status_code == 400
    assert "Skriv, hvordan det går." in response.get_data(as_text=True)
    assert _count(ProgressUpdate) == 0


def test_a_milestone_of_another_proposal_is_not_found(
    client, login, accepted, make_proposal, make_milestone
):
    proposal, staff = accepted
    other = make_proposal(S.ACCEPTED)
    elsewhere = make_milestone(other)
    login(staff)
    path = f"/departments/proposals/{proposal.id}/milestones/{elsewhere.id}"
    assert client.post(f"{path}/done").status_code == 404
    assert client.post(path, data={}).status_code == 404
    db.session.expire_all()
    assert elsewhere.done_on is None


def test_reaching_the_last_milestone_offers_to_mark_the_proposal_implemented(
    client, login, accepted, make_milestone
):
    proposal, staff = accepted
    first = make_milestone(proposal, staff, title="Første")
    last = make_milestone(proposal, staff, title="Sidste")
    login(staff)
    path = f"/departments/proposals/{proposal.id}/milestones"

    client.post(f"{path}/{first.id}/done")
    page = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    assert "Alle milepæle er nået" not in page
    response = client.post(f"{path}/{last.id}/done", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Milepælen «Sidste» er nået." in page
    assert "Alle milepæle er nået" in page  # said after the redirect, and offered below
    assert f'action="/departments/proposals/{proposal.id}/implemented"' in page
    db.session.expire_all()
    assert proposal.status == S.ACCEPTED  # offered, not done for them

    response = client.post(f"/departments/proposals/{proposal.id}/implemented", data={})
    assert response.status_code == 302
    db.session.expire_all()
    assert proposal.status == S.IMPLEMENTED
    page = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    assert "Alle milepæle er nået" not in page  # nothing more to offer
    assert "2 af 2 milepæle er nået" in page


def test_marking_a_reached_milestone_again_keeps_its_date(client, login, accepted, make_milestone):
    proposal, staff = accepted
    earlier = local_today() - timedelta(days=3)
    milestone = make_milestone(proposal, staff, done_on=earlier)
    login(staff)
    client.post(f"/departments/proposals/{proposal.id}/milestones/{milestone.id}/done")
    db.session.expire_all()
    assert milestone.done_on == earlier


def _fill(proposal, staff, make_milestone, make_progress_update, milestones, updates):
    today = local_today()
    for n in range(milestones):
        done = today - timedelta(days=1) if n % 2 else None
        make_milestone(
            proposal, staff, title=f"Trin {n}", planned_on=today + timedelta(n - 5), done_on=done
        )
    for n in range(updates):
        make_progress_update(proposal, staff, text=f"Nyt nr. {n}")


@pytest.mark.parametrize("as_staff", [False, True])
def test_the_page_costs_the_same_queries_with_20_milestones_and_50_updates(
    client,
    login,
    make_proposal,
    make_theme,
    make_user,
    make_milestone,
    make_progress_update,
    count_queries,
    as_staff,
):
    theme = make_theme()
    small, large = (make_proposal(S.ACCEPTED, themes=[theme]) for _ in range(2))
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[theme.department])
    _fill(small, staff, make_milestone, make_progress_update, 1, 1)
    _fill(large, staff, make_milestone, make_progress_update, 20, 50)
    if as_staff:
        login(staff)
    counts = []
    for proposal in (small, large):
        _page(client, proposal)  # the first request of a session may warm caches
        with count_queries() as counter:
            page = _page(client, proposal)
        counts.append(counter.count)
    assert "Nyt nr. 49" in page and "Trin 19" in page
    assert counts[0] == counts[1]
