"""Moderators hide a public proposal and show it again; who still sees it, and where."""

import pytest
from sqlalchemy import select

from cocreate.accounts.roles import Role
from cocreate.core.audit import AuditEntry
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.extensions import db
from cocreate.moderation.hiding import hide_proposal, restore_proposal
from cocreate.moderation.permissions import can_hide_proposal
from cocreate.proposals.lifecycle import PUBLIC_STATUSES, ProposalStatus
from cocreate.proposals.permissions import can_view_proposal

S = ProposalStatus
REASON = "Forslaget indeholder en navngiven nabos adresse."


@pytest.fixture
def published(make_proposal):
    return make_proposal(S.PUBLISHED, title="Skjult forslag om hækken")


@pytest.fixture
def moderator(make_user):
    return make_user(Role.MODERATOR)


def _hide(proposal, moderator):
    hide_proposal(proposal, moderator, REASON)
    db.session.commit()
    return proposal


@pytest.mark.parametrize("status", sorted(PUBLIC_STATUSES))
def test_moderators_hide_public_proposals(make_proposal, moderator, status):
    proposal = make_proposal(status)
    version = proposal.version
    assert can_hide_proposal(moderator, proposal)
    _hide(proposal, moderator)
    assert proposal.hidden_at is not None and proposal.hidden_reason == REASON
    assert proposal.status == status and proposal.version == version + 1


@pytest.mark.parametrize("status", sorted(set(S) - PUBLIC_STATUSES))
def test_only_public_proposals_are_hidden(make_proposal, moderator, status):
    proposal = make_proposal(status)
    assert not can_hide_proposal(moderator, proposal)
    with pytest.raises(TransitionNotAllowed):
        hide_proposal(proposal, moderator, REASON)


def test_who_hides(published, make_user, make_proposal, moderator):
    own = make_proposal(S.PUBLISHED, author=moderator)
    for user, proposal in ((make_user(), published), (published.author, published)):
        with pytest.raises(PermissionDenied, match="Kun moderatorer"):
            hide_proposal(proposal, user, REASON)
    with pytest.raises(PermissionDenied, match="dit eget"):
        hide_proposal(own, moderator, REASON)
    assert published.hidden_at is None and own.hidden_at is None


def test_a_reason_is_required_and_twice_is_refused(published, moderator):
    with pytest.raises(ValidationFailed) as refused:
        hide_proposal(published, moderator, "  ")
    assert list(refused.value.fields) == ["reason"]
    db.session.rollback()
    assert published.hidden_at is None
    with pytest.raises(TransitionNotAllowed, match="ikke skjult"):
        restore_proposal(published, moderator)
    _hide(published, moderator)
    with pytest.raises(TransitionNotAllowed, match="allerede skjult"):
        hide_proposal(published, moderator, REASON)


def test_restore_and_the_audit_log(published, moderator):
    _hide(published, moderator)
    restore_proposal(published, moderator)
    db.session.commit()
    assert published.hidden_at is None and published.hidden_reason == ""
    entries = db.session.scalars(
        select(AuditEntry).where(AuditEntry.subject_type == "proposal").order_by(AuditEntry.id)
    ).all()
    assert [e.action for e in entries][-2:] == ["proposal.hidden", "proposal.restored"]
    assert entries[-2].after["reason"] == REASON and entries[-2].actor_id == moderator.id


def test_who_still_sees_a_hidden_proposal(published, moderator, make_user, make_department):
    _hide(published, moderator)
    own_staff = make_user(Role.DEPARTMENT_STAFF, departments=[published.department])
    other_staff = make_user(Role.DEPARTMENT_STAFF, departments=[make_department()])
    seeing = [published.author, moderator, own_staff, make_user(Role.ADMIN)]
    assert all(can_view_proposal(user, published) for user in seeing)
    assert not any(can_view_proposal(u, published) for u in (None, make_user(), other_staff))


def test_the_public_sees_a_notice_and_no_content(client, login, published, moderator, make_user):
    _hide(published, moderator)
    for who in (None, make_user()):
        if who is not None:
            login(who)
        response = client.get(f"/proposals/{published.id}")
        page = response.get_data(as_text=True)
        assert response.status_code == 200
        assert "<h1>Forslaget er skjult</h1>" in page
        assert "hækken" not in page and "adresse" not in page
    assert client.get(f"/api/v1/proposals/{published.id}").status_code == 404
    assert client.get(f"/api/v1/proposals/{published.id}/comments").status_code == 404


def test_the_author_sees_it_with_the_reason(client, login, published, moderator):
    _hide(published, moderator)
    login(published.author)
    page = client.get(f"/proposals/{published.id}").get_data(as_text=True)
    assert "Forslaget er skjult for offentligheden" in page
    assert REASON in page and "hækken" in page
    assert "Forslaget er skjult og kan ikke kommenteres." in page
    assert "Vis forslaget for alle igen" not in page


def test_hidden_proposals_leave_the_public_lists(client, published, make_proposal, moderator):
    shown = make_proposal(S.PUBLISHED, title="Synligt forslag om bænke")
    _hide(published, moderator)
    for path in ("/", "/proposals"):
        page = client.get(path).get_data(as_text=True)
        assert "Synligt forslag" in page and "hækken" not in page
    data = client.get("/api/v1/proposals").get_json()
    assert [item["id"] for item in data["items"]] == [shown.id] and data["total"] == 1


def test_hide_and_restore_on_the_proposal_page(client, login, published, moderator, make_user):
    login(make_user())
    path = f"/moderation/proposals/{published.id}/hide"
    assert client.post(path, data={"reason": REASON}).status_code == 403
    login(moderator)
    page = client.get(f"/proposals/{published.id}").get_data(as_text=True)
    assert 'id="hide-reason"' in page and 'for="hide-reason"' in page
    assert client.post(path, data={"reason": ""}).status_code == 302
    page = client.get(f"/proposals/{published.id}").get_data(as_text=True)
    assert "Skriv, hvorfor forslaget skjules." in page
    db.session.expire_all()
    assert published.hidden_at is None
    client.post(path, data={"reason": REASON})
    page = client.get(f"/proposals/{published.id}").get_data(as_text=True)
    assert "Forslaget er skjult for offentligheden." in page and REASON in page
    queue = client.get("/moderation/flags").get_data(as_text=True)
    assert "Skjult forslag om hækken" in queue and REASON in queue
    client.post(f"/moderation/proposals/{published.id}/restore")
    page = client.get(f"/proposals/{published.id}").get_data(as_text=True)
    assert "Forslaget er synligt for alle igen." in page
    db.session.expire_all()
    assert published.hidden_at is None
