"""Open data: only public proposals, no personal data unless chosen, streamed in batches."""

import csv
import io
import json
from datetime import date

from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.stats import open_data
from cocreate.stats.open_data import COLUMN_NAMES, LICENCE, LICENCE_URL


def _csv(client):
    response = client.get("/open-data/proposals.csv")
    assert response.status_code == 200
    text = response.get_data().decode("utf-8-sig")
    return response, list(csv.DictReader(io.StringIO(text)))


def _json(client):
    response = client.get("/open-data/proposals.json")
    assert response.status_code == 200
    return response, json.loads(response.get_data(as_text=True))


def test_only_public_proposals_are_in_both_files(client, make_proposal):
    shown = make_proposal(ProposalStatus.PUBLISHED)
    answered = make_proposal(ProposalStatus.ACCEPTED)
    hidden = make_proposal(ProposalStatus.PUBLISHED)
    hidden.hidden_at = utcnow()
    db.session.commit()
    for status in ("draft", "submitted", "rejected", "changes_requested", "withdrawn"):
        make_proposal(status)
    _, rows = _csv(client)
    _, document = _json(client)
    expected = {shown.id, answered.id}
    assert {int(row["id"]) for row in rows} == expected
    assert {row["id"] for row in document["proposals"]} == expected


def test_columns_are_exactly_the_documented_ones(client, make_proposal):
    make_proposal(ProposalStatus.ACCEPTED)
    response, rows = _csv(client)
    assert rows and list(rows[0]) == COLUMN_NAMES
    assert response.get_data().startswith(b"\xef\xbb\xbf")
    _, document = _json(client)
    assert list(document["proposals"][0]) == COLUMN_NAMES
    page = client.get("/open-data").get_data(as_text=True)
    for name in COLUMN_NAMES:
        assert f"<code>{name}</code>" in page
    assert LICENCE_URL in page


def test_answer_and_themes_are_in_the_row(client, make_proposal):
    proposal = make_proposal(ProposalStatus.ACCEPTED)
    _, document = _json(client)
    row = document["proposals"][0]
    assert row["answer_outcome"] == "accepted"
    assert row["answer_text"].startswith("Svar fra forvaltningen")
    assert row["themes"] == [link.theme.slug for link in proposal.theme_links]
    assert row["department"] == proposal.department.slug
    _, rows = _csv(client)
    assert rows[0]["themes"] == "; ".join(row["themes"])


def test_licence_is_named_in_the_files(client, make_proposal):
    make_proposal(ProposalStatus.PUBLISHED)
    response, document = _json(client)
    assert document["licence"] == LICENCE == "CC BY 4.0"
    assert document["licence_url"] == LICENCE_URL
    assert document["source"].endswith("/open-data")
    for url in ("/open-data/proposals.json", "/open-data/proposals.csv"):
        response = client.get(url)
        assert response.headers["Link"] == f'<{LICENCE_URL}>; rel="license"'
        assert "attachment" in response.headers["Content-Disposition"]
        assert response.is_streamed
        response.get_data()


def test_no_email_and_names_only_when_chosen(client, make_user, make_proposal, make_organisation):
    quiet = make_user(name="Anna Anonym")
    named = make_user(name="Bo Synlig")
    named.show_name_in_open_data = True
    db.session.commit()
    make_proposal(ProposalStatus.PUBLISHED, author=quiet)
    make_proposal(ProposalStatus.PUBLISHED, author=named)
    organisation = make_organisation(members=[quiet], name="Cykelforeningen")
    make_proposal(ProposalStatus.PUBLISHED, author=quiet, organisation=organisation)
    for url in ("/open-data/proposals.csv", "/open-data/proposals.json"):
        body = client.get(url).get_data(as_text=True)
        assert "@" not in body
        assert "Anna Anonym" not in body
        assert "Bo Synlig" in body
        assert "Cykelforeningen" in body


def test_queries_grow_per_batch_not_per_row(client, make_proposal, count_queries, monkeypatch):
    monkeypatch.setattr(open_data, "BATCH_SIZE", 5)

    def queries(url):
        with count_queries() as counter:
            client.get(url).get_data()
        return counter.count

    def with_proposals(total):
        while len(made) < total:
            made.append(make_proposal(ProposalStatus.ACCEPTED))
        return {url: queries(url) for url in URLS}

    made = []
    assert with_proposals(3) == with_proposals(4)  # one batch
    assert with_proposals(11) == with_proposals(14)  # three batches


URLS = ("/open-data/proposals.csv", "/open-data/proposals.json")


def test_profile_saves_the_open_data_choice(client, login, make_user):
    user = login(make_user())
    page = client.get("/profile").get_data(as_text=True)
    assert "profile-show_name_in_open_data" in page
    response = client.post(
        "/profile",
        data={
            "profile-name": "Ny Navn",
            "profile-language": "da",
            "profile-show_name_in_open_data": "y",
            "profile-submit": "1",
        },
    )
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.show_name_in_open_data is True


def test_an_acknowledgement_message_is_not_the_final_answer(client, make_proposal, make_user):
    from cocreate.accounts.roles import Role
    from cocreate.departments.services import acknowledge_proposal

    proposal = make_proposal(ProposalStatus.PUBLISHED)
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])
    acknowledge_proposal(proposal, staff, "Vi forventer at svare i marts.")
    db.session.commit()

    _, document = _json(client)

    row = document["proposals"][0]
    assert row["answer_outcome"] is None and row["answer_text"] is None
    assert row["acknowledged_at"] is not None


def test_a_cell_a_spreadsheet_would_read_as_a_formula_stays_text(client, make_proposal):
    make_proposal(ProposalStatus.PUBLISHED, title='=HYPERLINK("http://evil.example","klik")')

    _, rows = _csv(client)

    assert rows[0]["title"] == '\'=HYPERLINK("http://evil.example","klik")'
    _, document = _json(client)
    assert document["proposals"][0]["title"].startswith("=")  # JSON is data, not a sheet


def test_the_final_acceptance_s_cost_and_months_are_in_the_row(client, make_proposal):
    plan = {
        "cost_estimate": 250_000,
        "planned_from": date(2027, 3, 1),
        "planned_to": date(2027, 6, 1),
    }
    planned = make_proposal(ProposalStatus.IMPLEMENTED, plan=plan)
    unplanned = make_proposal(ProposalStatus.DECLINED)

    _, document = _json(client)

    rows = {row["id"]: row for row in document["proposals"]}
    told = ("cost_estimate", "planned_from", "planned_to")
    assert [rows[planned.id][name] for name in told] == [250_000, "2027-03", "2027-06"]
    assert [rows[unplanned.id][name] for name in told] == [None, None, None]
    _, csv_rows = _csv(client)
    row = next(row for row in csv_rows if row["id"] == str(planned.id))
    assert [row[name] for name in told] == ["250000", "2027-03", "2027-06"]
