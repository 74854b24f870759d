"""A theme's page: its strategy and department, its public proposals by state, the answers."""

from cocreate.accounts.roles import Role
from cocreate.extensions import db
from cocreate.moderation.hiding import hide_proposal
from cocreate.proposals.lifecycle import ProposalStatus
from tests.factories import EVIL

S = ProposalStatus
ENGLISH = {"Accept-Language": "en-GB,en;q=0.9"}


def test_unknown_theme_is_not_found(client):
    assert client.get("/themes/no-such-theme").status_code == 404


def test_counts_lists_and_answers_only_what_is_public(client, make_theme, make_proposal):
    theme = make_theme(description=f"Om temaet {EVIL}")
    made = {
        S.PUBLISHED: 2, S.UNDER_REVIEW: 1, S.ACCEPTED: 1, S.DECLINED: 1, S.IMPLEMENTED: 1,
        S.DRAFT: 1, S.SUBMITTED: 1, S.REJECTED: 1, S.WITHDRAWN: 1,
    }  # fmt: skip
    proposals = {
        status: [
            make_proposal(status, themes=[theme], title=f"{status.value} nr {i}") for i in range(n)
        ]
        for status, n in made.items()
    }
    make_proposal(S.PUBLISHED, title="Et andet tema")
    page = client.get(f"/themes/{theme.slug}").get_data(as_text=True)
    assert "6 offentlige forslag" in page
    for status, count in ((S.PUBLISHED, 2), (S.UNDER_REVIEW, 1), (S.PARTIALLY_ACCEPTED, 0)):
        assert (
            f'theme-state-count">{count}</span> <span class="theme-state-label">{status.label}'
            in page
        )
    for status in (S.DRAFT, S.SUBMITTED, S.REJECTED, S.WITHDRAWN):
        assert f"{status.value} nr 0" not in page
    assert "Et andet tema" not in page
    assert "Svar fra forvaltningen" in page and "Nu er det gjort." in page
    implemented = proposals[S.IMPLEMENTED][0]
    assert f"/proposals/{implemented.id}#response-" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert f'href="/proposals?theme={theme.slug}"' in page


def test_a_hidden_proposal_is_neither_counted_nor_listed(
    client, make_theme, make_proposal, make_user
):
    theme = make_theme()
    make_proposal(S.PUBLISHED, themes=[theme], title="Synligt")
    hidden = make_proposal(S.ACCEPTED, themes=[theme], title="Skjult")
    hide_proposal(hidden, make_user(Role.MODERATOR), "Krænkende")
    db.session.commit()
    page = client.get(f"/themes/{theme.slug}").get_data(as_text=True)
    assert "1 offentligt forslag" in page and "Synligt" in page and "Skjult" not in page


def test_english_page_shows_english_names(client, make_theme, make_department):
    department = make_department(name="Teknik og Miljø", name_en="Technical and Environment")
    theme = make_theme(department=department, title="Grøn by", title_en="Green city")
    theme.strategy.title_en = "Goals and strategies"
    db.session.commit()
    page = client.get(f"/themes/{theme.slug}", headers=ENGLISH).get_data(as_text=True)
    assert "Green city" in page and "Technical and Environment" in page
    assert "Goals and strategies" in page and "Grøn by" not in page


def test_follow_button_for_accounts_only(client, login, make_user, make_theme):
    theme = make_theme()
    assert f"/themes/{theme.slug}/follow" not in client.get(f"/themes/{theme.slug}").get_data(
        as_text=True
    )
    login(make_user())
    page = client.get(f"/themes/{theme.slug}").get_data(as_text=True)
    assert f'action="/themes/{theme.slug}/follow"' in page
    assert f'name="next" value="/themes/{theme.slug}"' in page
    response = client.post(f"/themes/{theme.slug}/follow", data={"next": f"/themes/{theme.slug}"})
    assert response.location.endswith(f"/themes/{theme.slug}")
    page = client.get(f"/themes/{theme.slug}").get_data(as_text=True)
    assert f'action="/themes/{theme.slug}/unfollow"' in page and "Du følger temaet." in page


def test_same_queries_for_3_and_30_proposals(client, count_queries, make_theme, make_proposal):
    theme = make_theme()

    def queries():
        with count_queries() as counter:
            assert client.get(f"/themes/{theme.slug}").status_code == 200
        return counter.count

    for status in (S.PUBLISHED, S.ACCEPTED, S.DECLINED):
        make_proposal(status, themes=[theme])
    few = queries()
    for i in range(27):
        make_proposal((S.PUBLISHED, S.IMPLEMENTED, S.PARTIALLY_ACCEPTED)[i % 3], themes=[theme])
    assert queries() == few
