"""The themes page and following a theme from it."""

from sqlalchemy import select

from cocreate.extensions import db
from cocreate.proposals.follows import follow_theme
from cocreate.proposals.models import Follow


def followed(user) -> set[int | None]:
    return set(db.session.scalars(select(Follow.theme_id).where(Follow.user_id == user.id)))


def test_visitors_see_the_themes_without_follow_buttons(client, make_theme):
    theme = make_theme(title="Grøn omstilling")
    page = client.get("/themes").get_data(as_text=True)
    assert "Grøn omstilling" in page
    assert f"/themes/{theme.slug}/follow" not in page


def test_follow_and_unfollow_a_theme(client, login, make_user, make_theme):
    theme, other = make_theme(), make_theme()
    citizen = login(make_user())
    assert f'action="/themes/{theme.slug}/follow"' in client.get("/themes").get_data(as_text=True)

    response = client.post(f"/themes/{theme.slug}/follow")
    assert response.status_code == 302
    assert response.location.endswith(f"/themes#theme-{theme.id}")
    page = client.get("/themes").get_data(as_text=True)
    assert "Du følger nu temaet" in page and "Du følger temaet." in page
    assert f'action="/themes/{theme.slug}/unfollow"' in page
    assert f'action="/themes/{other.slug}/follow"' in page
    again = client.post(f"/themes/{theme.slug}/follow", follow_redirects=True)
    assert "Du følger allerede temaet" in again.get_data(as_text=True)
    assert followed(citizen) == {theme.id}

    client.post(f"/themes/{theme.slug}/unfollow")
    assert "Du følger ikke længere temaet" in client.get("/themes").get_data(as_text=True)
    assert followed(citizen) == set()


def test_following_needs_an_account_and_a_theme(client, login, make_user, make_theme):
    theme = make_theme()
    response = client.post(f"/themes/{theme.slug}/follow")
    assert response.status_code == 302 and "/login" in response.location
    login(make_user())
    assert client.post("/themes/no-such-theme/follow").status_code == 404
    assert client.post("/themes/no-such-theme/unfollow").status_code == 404
    assert db.session.scalar(select(Follow.id)) is None


def test_themes_page_runs_the_same_queries_for_few_and_many(
    client, login, count_queries, make_user, make_theme
):
    viewer = login(make_user())
    follow_theme(make_theme(), viewer)
    db.session.commit()

    def queries():
        with count_queries() as counter:
            assert client.get("/themes").status_code == 200
        return counter.count

    few = queries()
    for _ in range(4):
        follow_theme(make_theme(), viewer)
        make_theme()
    db.session.commit()
    assert queries() == few
