"""Supporting and following through the site, and the page of what an account follows."""

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.proposals.engagement import support_proposal
from cocreate.proposals.follows import follow_proposal, follow_theme
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import Follow, Proposal, Support
from cocreate.proposals.services import withdraw_proposal

S = ProposalStatus


def supports(proposal) -> int:
    return db.session.scalar(
        select(func.count()).select_from(Support).where(Support.proposal_id == proposal.id)
    )


def stored_count(proposal) -> int:
    return db.session.scalar(select(Proposal.support_count).where(Proposal.id == proposal.id))


def follows(user) -> set[int | None]:
    return set(db.session.scalars(select(Follow.proposal_id).where(Follow.user_id == user.id)))


def page_of(client, proposal) -> str:
    return client.get(f"/proposals/{proposal.id}").get_data(as_text=True)


def test_visitors_see_the_count_and_a_way_to_log_in(client, make_user, make_proposal):
    proposal = make_proposal(S.PUBLISHED)
    for _ in range(2):
        support_proposal(proposal, make_user())
    db.session.commit()

    page = page_of(client, proposal)

    assert "2 støtter" in page
    assert "Log ind for at støtte" in page
    assert f'action="/proposals/{proposal.id}/support"' not in page


def test_answered_proposals_show_the_count_without_buttons(client, login, make_user, make_proposal):
    proposal = make_proposal(S.ACCEPTED)
    assert "Log ind for at støtte" not in page_of(client, proposal)
    login(make_user())
    page = page_of(client, proposal)
    assert "0 støtter" in page and "kan ikke længere støttes" in page
    assert f"/proposals/{proposal.id}/support" not in page


def test_support_and_withdraw(client, login, make_user, make_proposal):
    proposal = make_proposal(S.PUBLISHED)
    citizen = login(make_user())
    assert "Støt forslaget" in page_of(client, proposal)

    response = client.post(f"/proposals/{proposal.id}/support")
    assert response.status_code == 302
    assert response.location.endswith(f"/proposals/{proposal.id}#engagement")
    page = page_of(client, proposal)
    assert "Tak for din støtte" in page
    assert "1 støtte" in page and "Du støtter forslaget." in page
    assert "Træk din støtte tilbage" in page and "Støt forslaget</button>" not in page

    again = client.post(f"/proposals/{proposal.id}/support", follow_redirects=True)
    assert "Du støtter allerede forslaget" in again.get_data(as_text=True)
    assert supports(proposal) == stored_count(proposal) == 1

    client.post(f"/proposals/{proposal.id}/support/withdraw")
    assert "Din støtte er trukket tilbage" in page_of(client, proposal)
    assert supports(proposal) == stored_count(proposal) == 0
    assert citizen.id not in {s.user_id for s in db.session.scalars(select(Support))}


def test_refusals_are_shown_and_change_nothing(client, login, make_user, make_proposal):
    answered, hidden = make_proposal(S.DECLINED), make_proposal(S.PUBLISHED)
    hidden.hidden_at = utcnow()
    db.session.commit()
    login(make_user())

    page = client.post(f"/proposals/{answered.id}/support", follow_redirects=True)
    assert "kan kun støttes" in page.get_data(as_text=True)
    login(hidden.author)  # the author still sees a hidden proposal
    page = client.post(f"/proposals/{hidden.id}/support", follow_redirects=True)
    assert "skjult" in page.get_data(as_text=True)

    assert supports(answered) == supports(hidden) == 0


def test_support_needs_an_account_and_a_visible_proposal(client, login, make_user, make_proposal):
    published, draft = make_proposal(S.PUBLISHED), make_proposal(S.DRAFT)
    response = client.post(f"/proposals/{published.id}/support")
    assert response.status_code == 302 and "/login" in response.location
    login(make_user())
    for path in ("support", "support/withdraw", "follow"):
        assert client.post(f"/proposals/{draft.id}/{path}").status_code == 404
    assert client.post("/proposals/99999999/unfollow").status_code == 404
    assert supports(published) == supports(draft) == 0


def test_follow_and_unfollow(client, login, make_user, make_proposal):
    proposal = make_proposal(S.UNDER_REVIEW)
    citizen = login(make_user())

    client.post(f"/proposals/{proposal.id}/follow")
    page = page_of(client, proposal)
    assert "Du følger nu forslaget" in page and "Du følger forslaget." in page
    again = client.post(f"/proposals/{proposal.id}/follow", follow_redirects=True)
    assert "Du følger allerede forslaget" in again.get_data(as_text=True)
    assert follows(citizen) == {proposal.id}

    client.post(f"/proposals/{proposal.id}/unfollow")
    assert "Du følger ikke længere forslaget" in page_of(client, proposal)
    assert follows(citizen) == set()


def test_authors_see_that_they_follow_their_proposal(client, login, make_proposal):
    proposal = make_proposal(S.DRAFT)
    login(proposal.author)
    page = page_of(client, proposal)
    assert "Du følger forslaget." in page and "Følg ikke længere" in page
    assert "støtte" not in page.split('id="engagement"')[1].split("</section>")[0]


def test_following_page_lists_proposals_and_themes(
    client, login, make_user, make_proposal, make_theme
):
    citizen = login(make_user())
    public, theme = make_proposal(S.PUBLISHED, title="Lys på stien"), make_theme(title="Natur")
    gone = make_proposal(S.PUBLISHED, title="Senere trukket tilbage")
    for proposal in (public, gone):
        follow_proposal(proposal, citizen)
    follow_theme(theme, citizen)
    withdraw_proposal(gone, gone.author)
    db.session.commit()

    assert "/my/following" in client.get("/my/proposals").get_data(as_text=True)
    page = client.get("/my/following").get_data(as_text=True)
    assert "Lys på stien" in page and "Natur" in page
    assert "Senere trukket tilbage" not in page and "ikke længere offentligt" in page
    assert "<script>" not in page

    response = client.post(f"/proposals/{gone.id}/unfollow", data={"next": "/my/following"})
    assert response.location.endswith("/my/following")
    response = client.post(f"/themes/{theme.slug}/unfollow", data={"next": "/my/following"})
    assert response.location.endswith("/my/following")
    page = client.get("/my/following").get_data(as_text=True)
    assert "ikke længere offentligt" not in page and "Du følger ingen temaer" in page


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil"])
def test_only_paths_on_the_site_are_followed_back(client, login, make_user, make_proposal, target):
    proposal = make_proposal(S.PUBLISHED)
    login(make_user())
    response = client.post(f"/proposals/{proposal.id}/follow", data={"next": target})
    assert response.location.endswith(f"/proposals/{proposal.id}#engagement")


def test_following_page_needs_an_account(client):
    response = client.get("/my/following")
    assert response.status_code == 302 and "/login" in response.location


def _queries_for(client, count_queries, url):
    with count_queries() as counter:
        assert client.get(url).status_code == 200
    return counter.count


def test_pages_run_the_same_queries_with_many_supports_and_follows(
    client, login, count_queries, make_user, make_proposal, make_theme
):
    viewer = make_user()
    theme = make_theme()
    few = make_proposal(S.PUBLISHED, themes=[theme])
    follow_proposal(few, viewer)
    db.session.commit()
    login(viewer)
    urls = ("/proposals", f"/proposals/{few.id}", "/my/following", "/proposals?sort=most_supported")
    before = [_queries_for(client, count_queries, url) for url in urls]

    many = make_proposal(S.UNDER_REVIEW, themes=[theme, make_theme()])
    for proposal in (few, many):
        for supporter in [viewer, *(make_user() for _ in range(3))]:
            support_proposal(proposal, supporter)
        follow_proposal(proposal, viewer)
    for _ in range(3):
        follow_theme(make_theme(), viewer)
    db.session.commit()

    assert [_queries_for(client, count_queries, url) for url in urls] == before
    assert _queries_for(client, count_queries, f"/proposals/{many.id}") == before[1]


def test_most_supported_comes_first(client, make_user, make_proposal, make_theme):
    theme = make_theme()
    titles = ["Ingen støtter", "Mest støttet", "Lidt støttet"]
    proposals = [make_proposal(S.PUBLISHED, themes=[theme], title=title) for title in titles]
    for proposal, count in zip(proposals, (0, 3, 1), strict=True):
        for _ in range(count):
            support_proposal(proposal, make_user())
    db.session.commit()

    page = client.get("/proposals?sort=most_supported").get_data(as_text=True)

    positions = [page.index(str(escape(title))) for title in titles]
    assert positions[1] < positions[2] < positions[0]
    assert "3 støtter" in page and "1 støtte" in page


def test_a_supporter_takes_the_support_back_from_a_hidden_proposal(
    client, login, make_user, make_proposal
):
    proposal = make_proposal(S.PUBLISHED)
    supporter, stranger = make_user(), make_user()
    support_proposal(proposal, supporter)
    proposal.hidden_at = utcnow()
    db.session.commit()
    path = f"/proposals/{proposal.id}/support/withdraw"

    login(stranger)  # never supported it and may not see it: nothing to find
    assert client.post(path).status_code == 404
    assert "Træk din støtte tilbage" not in page_of(client, proposal)
    login(supporter)
    page = page_of(client, proposal)
    assert "Forslaget er skjult" in page and "Træk din støtte tilbage" in page
    assert "cykelstier" not in page  # the title stays hidden
    response = client.post(path, follow_redirects=True)
    assert response.status_code == 200
    assert "Din støtte er trukket tilbage" in response.get_data(as_text=True)
    assert supports(proposal) == stored_count(proposal) == 0
    assert client.post(path).status_code == 404  # no longer a supporter
