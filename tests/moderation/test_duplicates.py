"""Rejecting a proposal as a duplicate of a public one: the moderator sees the similar
proposals and names the original; its author is shown it and offered to support it."""

import pytest

from cocreate.accounts.roles import Role
from cocreate.core.audit import AuditEntry
from cocreate.core.errors import ValidationFailed
from cocreate.core.types import ID_MAX
from cocreate.extensions import db
from cocreate.moderation.hiding import hide_proposal
from cocreate.moderation.models import Decision, RejectionReason
from cocreate.moderation.services import decide_proposal
from cocreate.proposals.engagement import supports
from cocreate.proposals.lifecycle import ProposalStatus

S = ProposalStatus
BENCHES = {"title": "Flere bænke ved Sølvsøen", "summary": "Ældre har brug for at sidde."}
DUPLICATE = RejectionReason.DUPLICATE


@pytest.fixture
def moderator(make_user):
    return make_user(Role.MODERATOR)


@pytest.fixture
def original(make_proposal):
    return make_proposal(S.PUBLISHED, **BENCHES)


@pytest.fixture
def repeat(make_proposal):
    return make_proposal(S.SUBMITTED, title="Bænke rundt om Sølvsøen", summary="Vi vil sidde.")


def _reject(proposal, moderator, **kw):
    return decide_proposal(proposal, moderator, decision=Decision.REJECT, reason=DUPLICATE, **kw)


def test_a_duplicate_names_the_public_proposal_it_repeats(moderator, original, repeat):
    record = _reject(repeat, moderator, original_id=original.id)
    db.session.commit()

    assert repeat.status == S.REJECTED and record.original == original
    audit = (
        db.session.query(AuditEntry)
        .filter_by(action="proposal.moderated")
        .order_by(AuditEntry.id.desc())
        .first()
    )
    assert audit.after["original_id"] == original.id


def test_a_duplicate_may_be_rejected_without_naming_its_original(moderator, repeat):
    record = _reject(repeat, moderator)

    assert repeat.status == S.REJECTED and record.original is None


@pytest.mark.parametrize("which", ["submitted", "hidden", "itself", "unknown", "too large"])
def test_the_original_must_be_a_public_proposal(moderator, make_proposal, original, repeat, which):
    if which == "submitted":
        original_id = make_proposal(S.SUBMITTED).id
    elif which == "hidden":
        hide_proposal(original, moderator, "Spam")
        original_id = original.id
    else:
        original_id = {"itself": repeat.id, "unknown": ID_MAX, "too large": ID_MAX + 1}[which]

    with pytest.raises(ValidationFailed) as refused:
        _reject(repeat, moderator, original_id=original_id)

    assert set(refused.value.fields) == {"original_id"}
    assert repeat.status == S.SUBMITTED


def test_another_reason_names_no_original(moderator, original, repeat):
    record = decide_proposal(
        repeat,
        moderator,
        decision=Decision.REJECT,
        reason=RejectionReason.SPAM,
        original_id=original.id,
    )

    assert record.original is None


def test_the_moderator_sees_the_similar_proposals_numbered(
    client, login, moderator, original, repeat
):
    login(moderator)
    page = client.get(f"/moderation/{repeat.id}").get_data(as_text=True)

    assert "Lignende offentlige forslag" in page
    assert f"Nr. {original.id}:" in page
    assert 'name="original_id"' in page


def test_the_author_is_shown_the_original_and_supports_it(
    client, login, moderator, original, repeat
):
    login(moderator)
    response = client.post(
        f"/moderation/{repeat.id}",
        data={"decision": "reject", "reason": "duplicate", "original_id": f"Nr. {original.id}"},
    )
    assert response.status_code == 302

    login(repeat.author)
    page = client.get(f"/proposals/{repeat.id}").get_data(as_text=True)
    assert f'href="/proposals/{original.id}"' in page
    assert f'action="/proposals/{original.id}/support"' in page
    client.post(f"/proposals/{original.id}/support")
    assert supports(repeat.author, original)
    page = client.get(f"/proposals/{repeat.id}").get_data(as_text=True)
    assert f'action="/proposals/{original.id}/support"' not in page
    assert "Du støtter det allerede." in page


@pytest.mark.parametrize("written", ["abc", "12.5", "0"])
def test_a_missing_or_unreadable_number_is_a_form_error(client, login, moderator, repeat, written):
    login(moderator)
    response = client.post(
        f"/moderation/{repeat.id}",
        data={"decision": "reject", "reason": "duplicate", "original_id": written},
    )

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'id="original_id"' in page and 'aria-invalid="true"' in page
    db.session.refresh(repeat)
    assert repeat.status == S.SUBMITTED


def test_an_original_no_longer_public_is_not_shown(client, login, moderator, original, repeat):
    _reject(repeat, moderator, original_id=original.id)
    hide_proposal(original, moderator, "Krænkende")
    db.session.commit()

    login(repeat.author)
    page = client.get(f"/proposals/{repeat.id}").get_data(as_text=True)

    assert "Afvist i moderationen" in page
    assert f'href="/proposals/{original.id}"' not in page and original.title not in page
    assert "Forslaget er afvist og kan ikke kommenteres." in page
