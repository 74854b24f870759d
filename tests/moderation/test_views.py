"""The moderation queue and decision page through the test client."""

from datetime import timedelta

from sqlalchemy import func, select

from cocreate.extensions import db
from cocreate.moderation.models import ModerationDecision
from cocreate.proposals.lifecycle import ProposalStatus

S = ProposalStatus


def test_queue_is_for_moderators(client, login, make_user):
    assert client.get("/moderation").status_code == 302
    login(make_user())
    assert client.get("/moderation").status_code == 403
    login(make_user("moderator"))
    assert client.get("/moderation").status_code == 200


def test_queue_shows_waiting_proposals_oldest_first_with_the_count(
    client, login, make_user, make_proposal
):
    newer, older = (
        make_proposal(S.SUBMITTED, title="Nyere"),
        make_proposal(S.SUBMITTED, title="Ældre"),
    )
    older.submitted_at = newer.submitted_at - timedelta(days=2)
    make_proposal(S.PUBLISHED, title="Allerede godkendt")
    db.session.commit()
    login(make_user("moderator"))
    page = client.get("/moderation").get_data(as_text=True)
    assert page.index("Ældre") < page.index("Nyere")
    assert "Allerede godkendt" not in page
    assert '<span class="count-large">2</span>' in page


def test_approve_routes_to_the_first_themes_department_by_default(
    client, login, make_user, make_proposal
):
    proposal = make_proposal(S.SUBMITTED)
    login(make_user("moderator"))
    form = client.get(f"/moderation/{proposal.id}").get_data(as_text=True)
    assert f'<option selected value="{proposal.themes[0].department_id}">' in form
    response = client.post(
        f"/moderation/{proposal.id}",
        data={"decision": "approve", "department_id": proposal.themes[0].department_id},
    )
    assert response.status_code == 302
    db.session.refresh(proposal)
    assert proposal.status == S.PUBLISHED
    assert proposal.department_id == proposal.themes[0].department_id


def test_approve_to_another_department(client, login, make_user, make_proposal, make_department):
    proposal, other = make_proposal(S.SUBMITTED), make_department(name="Staben")
    login(make_user("moderator"))
    client.post(
        f"/moderation/{proposal.id}", data={"decision": "approve", "department_id": other.id}
    )
    db.session.refresh(proposal)
    assert proposal.department_id == other.id


def test_reject_needs_a_reason_and_request_changes_a_note(client, login, make_user, make_proposal):
    proposal = make_proposal(S.SUBMITTED)
    login(make_user("moderator"))
    rejected = client.post(f"/moderation/{proposal.id}", data={"decision": "reject", "reason": ""})
    assert "Vælg en begrundelse for afvisningen." in rejected.get_data(as_text=True)
    changes = client.post(
        f"/moderation/{proposal.id}", data={"decision": "request_changes", "changes_note": ""}
    )
    assert "Skriv til forfatteren" in changes.get_data(as_text=True)
    db.session.refresh(proposal)
    assert proposal.status == S.SUBMITTED
    assert db.session.scalar(select(func.count(ModerationDecision.id))) == 0


def test_reject_with_a_reason_the_author_sees(client, login, make_user, make_proposal):
    proposal = make_proposal(S.SUBMITTED)
    login(make_user("moderator"))
    client.post(
        f"/moderation/{proposal.id}",
        data={
            "decision": "reject",
            "reason": "outside_remit",
            "rejection_note": "Det er statens område.",
        },
    )
    login(proposal.author)
    page = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    assert "Ligger uden for kommunens område" in page and "Det er statens område." in page


def test_a_second_decision_is_told_and_records_nothing(client, login, make_user, make_proposal):
    proposal = make_proposal(S.PUBLISHED)
    login(make_user("moderator"))
    response = client.post(
        f"/moderation/{proposal.id}",
        data={"decision": "reject", "reason": "spam"},
        follow_redirects=True,
    )
    assert "forslaget har status «Offentliggjort»" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(ModerationDecision.id))) == 1


def test_unknown_department_is_a_form_error(client, login, make_user, make_proposal):
    proposal = make_proposal(S.SUBMITTED)
    login(make_user("moderator"))
    response = client.post(
        f"/moderation/{proposal.id}", data={"decision": "approve", "department_id": "999999"}
    )
    assert response.status_code == 200 and "Vælg en af mulighederne." in response.get_data(
        as_text=True
    )
    db.session.refresh(proposal)
    assert proposal.status == S.SUBMITTED


def test_moderators_cannot_open_drafts(client, login, make_user, make_proposal):
    draft = make_proposal(S.DRAFT)
    login(make_user("moderator"))
    assert client.get(f"/moderation/{draft.id}").status_code == 404


def test_a_decision_on_text_changed_since_it_was_read_is_refused(
    client, login, make_user, make_proposal
):
    proposal = make_proposal(S.SUBMITTED)
    seen = proposal.version
    proposal.title = "Ændret af forfatteren efter moderatoren åbnede det"
    db.session.commit()
    login(make_user("moderator"))
    response = client.post(
        f"/moderation/{proposal.id}",
        data={"decision": "approve", "version": str(seen)},
        follow_redirects=True,
    )
    assert "Læs det igen" in response.get_data(as_text=True)
    db.session.refresh(proposal)
    assert proposal.status == S.SUBMITTED


def test_each_decision_shows_its_own_fields_marked_as_they_are_required(
    client, login, make_user, make_proposal
):
    proposal = make_proposal(S.SUBMITTED)
    login(make_user("moderator"))
    page = client.get(f"/moderation/{proposal.id}").get_data(as_text=True)
    # The options in order: approve, request changes, reject; each controls its fields.
    parts = page.split('<div class="form-group-radio hidden-content-wrapper">')[1:]
    approve, changes, reject = (part[: part.find("</fieldset>")] for part in parts)
    for number, part in enumerate((approve, changes, reject)):
        assert f'data-controls="#decision-{number}-fields"' in part
    assert 'name="department_id"' in approve and "(frivilligt)" in approve
    assert 'name="changes_note"' in changes and "(frivilligt)" not in changes
    assert 'name="reason"' in reject and 'name="rejection_note"' in reject
    assert 'name="department_id"' not in reject + changes


def test_a_rejection_ignores_what_was_written_for_another_decision(
    client, login, make_user, make_proposal
):
    proposal = make_proposal(S.SUBMITTED)
    login(make_user("moderator"))
    client.post(
        f"/moderation/{proposal.id}",
        data={
            "decision": "reject",
            "reason": "spam",
            "changes_note": "Skrevet, før jeg skiftede mening.",
            "rejection_note": "Det er reklame.",
        },
    )
    decision = db.session.scalars(select(ModerationDecision)).one()
    assert decision.note == "Det er reklame."
