"""The barometer page: its form's errors, its accessible chart and constant queries."""

import pytest

from cocreate.proposals.lifecycle import ProposalStatus


def test_page_has_an_accessible_chart_and_its_table(client, make_proposal):
    make_proposal(ProposalStatus.PUBLISHED)
    html = client.get("/barometer").get_data(as_text=True)
    assert 'role="img"' in html and '<title id="trend-title">' in html and "<desc" in html
    assert 'aria-labelledby="trend-title trend-desc"' in html
    assert "<caption>" in html and "for få sager" in html


@pytest.mark.parametrize(
    "query, message",
    [
        ("from=2026-13-01", "ÅÅÅÅ-MM-DD"),
        ("from=2026-05-01&to=2026-04-01", "før startdatoen"),
        ("theme=nope", "Ukendt tema"),
        ("department=nope", "Ukendt forvaltning"),
        ("to=9999-12-31", "Vælg en dato fra 2000-01-01"),
        ("from=0001-01-01&to=2026-01-01", "Vælg en dato fra 2000-01-01"),
        ("from=2010-01-01&to=2026-01-01", "højst være 10 år"),
        ("theme=%C2%B2", "Ukendt tema"),
        ("department=%D9%A1%D9%A2", "Ukendt forvaltning"),
    ],
)
def test_bad_filters_give_a_message(client, query, message):
    response = client.get(f"/barometer?{query}")
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)


def test_queries_do_not_grow_with_proposals(client, make_proposal, make_theme, count_queries):
    theme = make_theme()

    def counted():
        with count_queries() as counter:
            assert client.get("/barometer").status_code == 200
        return len(counter.statements)

    for _ in range(3):
        make_proposal(ProposalStatus.PUBLISHED, themes=[theme])
    few = counted()
    for _ in range(27):
        make_proposal(ProposalStatus.PUBLISHED, themes=[theme])
    assert counted() == few


def test_figures_are_kept_a_while_for_every_reader_of_a_language(
    app, client, make_proposal, count_queries, monkeypatch
):
    from cocreate.extensions import cache
    from cocreate.proposals.lifecycle import ProposalStatus

    monkeypatch.setitem(app.config, "BAROMETER_CACHE_SECONDS", 60)
    cache.clear()
    make_proposal(ProposalStatus.PUBLISHED)
    first = client.get("/api/v1/stats").get_json()
    make_proposal(ProposalStatus.PUBLISHED)

    with count_queries() as counter:
        kept = client.get("/api/v1/stats").get_json()
    english = client.get("/api/v1/stats", headers={"Accept-Language": "en"}).get_json()

    assert kept == first and kept["total"]["received"] == 1
    assert counter.count == 0
    assert english["total"]["received"] == 2  # another language's figures are its own
    cache.clear()


def test_figures_past_their_time_are_served_at_once_and_computed_again_behind(
    app, client, make_proposal, monkeypatch
):
    from datetime import timedelta

    from sqlalchemy import func, select

    from cocreate.core.outbox import OutboxMessage
    from cocreate.core.types import utcnow
    from cocreate.extensions import cache, db
    from cocreate.proposals.lifecycle import ProposalStatus
    from cocreate.stats.barometer import Period
    from cocreate.stats.kept import REFRESH, Wanted

    monkeypatch.setitem(app.config, "BAROMETER_CACHE_SECONDS", 60)
    cache.clear()
    make_proposal(ProposalStatus.PUBLISHED)
    client.get("/api/v1/stats")
    period = Period.default(utcnow().date())
    key = Wanted("da", period.start.isoformat(), period.end.isoformat()).key
    computed_at, figures = cache.get(key)
    cache.set(key, (computed_at - timedelta(seconds=61), figures))
    make_proposal(ProposalStatus.PUBLISHED)

    served = client.get("/api/v1/stats").get_json()
    refreshed = client.get("/api/v1/stats").get_json()
    client.get("/api/v1/stats")

    assert served["total"]["received"] == 1  # at once, as kept
    assert refreshed["total"]["received"] == 2  # computed again by the job (inline here)
    jobs = select(func.count()).where(OutboxMessage.job == REFRESH)
    assert db.session.scalar(jobs) == 1  # and the fresh copy is not computed again
    cache.clear()
