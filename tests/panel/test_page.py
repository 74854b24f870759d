"""The panel's part of the proposal page: who sees the summary, escaping, constant queries."""

import pytest

from cocreate.accounts.roles import Role
from cocreate.departments.answers import respond_to_proposal
from cocreate.extensions import db
from cocreate.proposals.models import Outcome
from tests.accounts.markup import check_page
from tests.factories import EVIL
from tests.panel.helpers import review, seat

SUMMARY = "medlemmer har vurderet forslaget"


def _answer(proposal, make_user, preliminary=False):
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])
    respond_to_proposal(
        proposal, staff, outcome=Outcome.ACCEPTED, text="Vi gør det.", preliminary=preliminary
    )
    db.session.commit()


@pytest.fixture
def reviewed(requested, make_member):
    review(requested, make_member(), comment=f"Første afsnit {EVIL}\n\nAndet afsnit")
    review(requested, make_member(), recommendation="not_recommended")
    return requested


def test_staff_see_the_summary_at_once_the_public_after_the_answer(
    client, login, make_user, reviewed
):
    path = f"/proposals/{reviewed.id}"
    public = client.get(path).text
    assert SUMMARY not in public and "Første afsnit" not in public
    assert "Aktørpanelet er bedt om at vurdere forslaget" in public
    for role in (Role.MODERATOR, Role.ADMIN):
        login(make_user(role))
        page = client.get(path).text
        assert f"2 {SUMMARY}" in page, role
    for user in (make_user(), make_user(Role.PANEL_MEMBER), seat(reviewed.author).user):
        login(user)
        page = client.get(path).text
        assert SUMMARY not in page and "Første afsnit" not in page
    _answer(reviewed, make_user, preliminary=True)
    assert SUMMARY not in client.get(path).text  # a preliminary answer is not the answer
    reviewed.responses[0].comment_window_ends_at = reviewed.responses[0].created_at
    db.session.commit()
    _answer(reviewed, make_user)
    with client.session_transaction() as session:
        session.clear()
    page = client.get(path).text
    check_page(page)
    assert f"2 {SUMMARY}" in page and "Anbefales ikke: 1" in page and "Anbefales: 1" in page
    # value 4 and 4 → "4,0" in Danish
    assert "4,0" in page
    assert "<p>Første afsnit" in page and "<p>Andet afsnit</p>" in page
    assert "<script>" not in page and "<img src=x" not in page and "&lt;script&gt;" in page


def test_the_page_runs_the_same_queries_with_no_review_or_many(
    client, login, make_proposal, make_member, make_user, moderator, count_queries
):
    from tests.panel.helpers import ask_panel

    few, many = make_proposal("published"), make_proposal("published")
    for proposal, reviews in ((few, 0), (many, 6)):
        ask_panel(proposal, moderator)
        for _ in range(reviews):
            review(proposal, make_member())
    login(make_member().user)  # sees their own standing

    def queries(proposal):
        with count_queries() as counter:
            assert client.get(f"/proposals/{proposal.id}").status_code == 200
        return counter.count

    assert queries(few) == queries(many)
    login(moderator)
    assert queries(few) == queries(many)


def test_a_member_sees_their_own_review_and_no_others_before_the_answer(
    client, login, make_user, requested, make_member
):
    mine, other = make_member(), make_member()
    review(requested, mine, comment="Min egen vurdering")
    review(requested, other, comment="En andens vurdering", recommendation="not_recommended")
    path = f"/proposals/{requested.id}"
    login(mine.user)
    page = client.get(path).text
    check_page(page)
    assert "Din vurdering" in page and "<p>Min egen vurdering</p>" in page
    assert "En andens vurdering" not in page and SUMMARY not in page
    assert "Anbefales ikke" not in page
    login(other.user)
    page = client.get(path).text
    assert "En andens vurdering" in page and "Min egen vurdering" not in page
    login(make_member().user)  # has not reviewed: sees no review at all
    page = client.get(path).text
    assert "Din vurdering" not in page and "vurdering</p>" not in page
    _answer(requested, make_user)
    login(mine.user)
    page = client.get(path).text
    assert f"2 {SUMMARY}" in page and "En andens vurdering" in page
    assert "Din vurdering" not in page


def test_paragraphs_survive_the_line_endings_browsers_send(
    client, make_user, requested, make_member
):
    made = review(requested, make_member(), comment="Første\r\n\r\nAnden\r\nlinje\r\n \r\nTredje")
    assert made.comment == "Første\n\nAnden\nlinje\n \nTredje"
    # A comment stored before line endings were normalised shows its paragraphs too.
    old = review(requested, make_member(), comment="Gammel")
    old.comment = "Gammelt første\r\n\r\nGammelt andet"
    db.session.commit()
    _answer(requested, make_user)
    page = client.get(f"/proposals/{requested.id}").text
    check_page(page)
    assert "<p>Første</p><p>Anden<br>linje</p><p>Tredje</p>" in page
    assert "<p>Gammelt første</p><p>Gammelt andet</p>" in page
