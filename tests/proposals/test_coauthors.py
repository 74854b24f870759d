"""Co-authors: invitations by e-mail address, answers, editing rights, and the proposal page."""

import pytest
from sqlalchemy import func, select

from cocreate.accounts.roles import Role
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.extensions import db
from cocreate.moderation.models import Decision
from cocreate.moderation.services import decide_proposal
from cocreate.proposals.coauthors import accept_invitation, decline_invitation, invite_coauthor
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import CoauthorStatus, Follow, ProposalCoauthor
from cocreate.proposals.permissions import (
    can_edit_proposal,
    can_submit_proposal,
    can_view_proposal,
    can_withdraw_proposal,
)
from cocreate.proposals.services import submit_proposal, update_proposal, withdraw_proposal

S = ProposalStatus


def invitations() -> int:
    return db.session.scalar(select(func.count(ProposalCoauthor.id)))


def follows(user, proposal) -> bool:
    found = select(Follow.id).where(Follow.user_id == user.id, Follow.proposal_id == proposal.id)
    return db.session.scalar(found) is not None


def edit(proposal, actor, **changes):
    content = {
        "title": "Ny titel",
        "summary": "Nyt resumé",
        "body": "Ny tekst",
        "theme_ids": proposal.theme_ids,
    }
    return update_proposal(proposal, actor, **{**content, **changes})


@pytest.mark.parametrize(
    "status", [S.DRAFT, S.SUBMITTED, S.CHANGES_REQUESTED, S.PUBLISHED, S.UNDER_REVIEW]
)
def test_the_author_invites_while_the_proposal_is_open(make_proposal, make_user, status):
    proposal, invitee = make_proposal(status), make_user(email="Karen@Example.dk")
    invitation = invite_coauthor(proposal, proposal.author, " KAREN@example.dk ")
    db.session.commit()
    assert invitation.user == invitee and invitation.status == CoauthorStatus.INVITED
    assert invitation.invited_by_id == proposal.author_id
    # The invitee reads the proposal to decide, but does not edit it yet.
    assert can_view_proposal(invitee, proposal)
    assert not can_edit_proposal(invitee, proposal)


@pytest.mark.parametrize(
    "status", [S.REJECTED, S.ACCEPTED, S.PARTIALLY_ACCEPTED, S.DECLINED, S.IMPLEMENTED, S.WITHDRAWN]
)
def test_no_invitations_after_an_answer_a_rejection_or_a_withdrawal(
    make_proposal, make_user, status
):
    proposal, invitee = make_proposal(status), make_user()
    with pytest.raises(TransitionNotAllowed):
        invite_coauthor(proposal, proposal.author, invitee.email)
    assert invitations() == 0


def test_only_the_author_invites(make_proposal, make_user):
    proposal, coauthor, invitee = make_proposal(S.DRAFT), make_user(), make_user()
    invite_coauthor(proposal, proposal.author, coauthor.email)
    accept_invitation(proposal, coauthor)
    for someone in (coauthor, make_user(), None):
        with pytest.raises(PermissionDenied):
            invite_coauthor(proposal, someone, invitee.email)
    assert invitations() == 1


def test_an_unknown_address_is_refused_by_field_and_nothing_changes(make_proposal):
    proposal = make_proposal(S.DRAFT)
    for email in ("ingen@example.dk", "", "  "):
        with pytest.raises(ValidationFailed) as refused:
            invite_coauthor(proposal, proposal.author, email)
        assert list(refused.value.fields) == ["email"]
    db.session.rollback()
    assert invitations() == 0


def test_the_message_for_an_unknown_address_names_it(make_proposal):
    proposal = make_proposal(S.DRAFT)
    with pytest.raises(ValidationFailed) as refused:
        invite_coauthor(proposal, proposal.author, "ingen@example.dk")
    assert refused.value.fields["email"] == (
        "Der findes ingen konto med e-mailadressen ingen@example.dk."
    )


def test_the_author_themself_and_someone_already_invited_are_refused(make_proposal, make_user):
    proposal, invitee, decliner = make_proposal(S.DRAFT), make_user(), make_user()
    with pytest.raises(ValidationFailed) as refused:
        invite_coauthor(proposal, proposal.author, proposal.author.email)
    assert "selv forfatter" in refused.value.fields["email"]

    invite_coauthor(proposal, proposal.author, invitee.email)
    invite_coauthor(proposal, proposal.author, decliner.email)
    decline_invitation(proposal, decliner)
    db.session.commit()
    for someone, words in ((invitee, "allerede inviteret"), (decliner, "takket nej")):
        with pytest.raises(ValidationFailed) as refused:
            invite_coauthor(proposal, proposal.author, someone.email)
        assert words in refused.value.fields["email"]
    accept_invitation(proposal, invitee)
    with pytest.raises(ValidationFailed) as refused:
        invite_coauthor(proposal, proposal.author, invitee.email)
    assert "allerede medforfatter" in refused.value.fields["email"]
    assert invitations() == 2


def test_accepting_gives_editing_rights_and_a_follow_but_not_submit_or_withdraw(
    make_proposal, make_user
):
    proposal, coauthor = make_proposal(S.DRAFT), make_user()
    invite_coauthor(proposal, proposal.author, coauthor.email)
    assert not follows(coauthor, proposal)

    accepted = accept_invitation(proposal, coauthor)
    db.session.commit()

    assert accepted.status == CoauthorStatus.ACCEPTED and accepted.responded_at is not None
    assert follows(coauthor, proposal)
    assert can_edit_proposal(coauthor, proposal)
    assert not can_submit_proposal(coauthor, proposal)
    assert not can_withdraw_proposal(coauthor, proposal)
    edit(proposal, coauthor, title="Skrevet sammen")
    db.session.commit()
    assert proposal.title == "Skrevet sammen"
    with pytest.raises(PermissionDenied):
        submit_proposal(proposal, coauthor)
    with pytest.raises(PermissionDenied):
        withdraw_proposal(proposal, coauthor)


def test_a_coauthor_edits_only_while_the_author_may(make_proposal, make_user):
    proposal, coauthor = make_proposal(S.SUBMITTED), make_user()
    invite_coauthor(proposal, proposal.author, coauthor.email)
    accept_invitation(proposal, coauthor)
    edit(proposal, coauthor)
    decide_proposal(
        proposal, make_user(Role.MODERATOR), decision=Decision.APPROVE, reason=None, note=""
    )
    db.session.commit()
    with pytest.raises(TransitionNotAllowed):
        edit(proposal, coauthor)
    with pytest.raises(PermissionDenied):
        edit(proposal, make_user())


def test_declining_leaves_no_rights(make_proposal, make_user):
    proposal, invitee = make_proposal(S.DRAFT), make_user()
    invite_coauthor(proposal, proposal.author, invitee.email)
    declined = decline_invitation(proposal, invitee)
    db.session.commit()
    assert declined.status == CoauthorStatus.DECLINED
    assert not can_view_proposal(invitee, proposal) and not can_edit_proposal(invitee, proposal)
    with pytest.raises(PermissionDenied):
        accept_invitation(proposal, invitee)


def test_only_the_invitee_answers_and_only_while_the_proposal_is_open(make_proposal, make_user):
    proposal, invitee = make_proposal(S.PUBLISHED), make_user()
    invite_coauthor(proposal, proposal.author, invitee.email)
    db.session.commit()
    for someone in (make_user(), proposal.author, None):
        with pytest.raises(PermissionDenied):
            accept_invitation(proposal, someone)
    withdraw_proposal(proposal, proposal.author)
    db.session.commit()
    with pytest.raises(TransitionNotAllowed):
        accept_invitation(proposal, invitee)
    assert not can_edit_proposal(invitee, proposal)


def test_a_coauthor_keeps_the_organisation_but_does_not_choose_it(
    make_proposal, make_user, make_organisation
):
    author, coauthor = make_user(), make_user()
    organisation = make_organisation(members=[author, coauthor])
    proposal = make_proposal(S.DRAFT, author=author, organisation=organisation)
    invite_coauthor(proposal, author, coauthor.email)
    accept_invitation(proposal, coauthor)
    db.session.commit()

    edit(proposal, coauthor, organisation_id=organisation.id)
    edit(proposal, coauthor)  # leaving it out leaves it as it is
    assert proposal.organisation_id == organisation.id
    with pytest.raises(ValidationFailed) as refused:
        edit(proposal, coauthor, organisation_id=None)
    assert list(refused.value.fields) == ["organisation_id"]


def test_a_panel_member_who_reviewed_the_proposal_cannot_become_coauthor(make_proposal, make_user):
    from tests.panel.helpers import ask_panel, review, seat

    proposal = make_proposal(S.PUBLISHED)
    ask_panel(proposal, make_user(Role.MODERATOR))
    member = seat(make_user())
    review(proposal, member)
    invitation = invite_coauthor(proposal, proposal.author, member.user.email)
    db.session.commit()
    with pytest.raises(TransitionNotAllowed) as refused:
        accept_invitation(proposal, member.user)
    assert "vurderet forslaget som medlem af aktørpanelet" in refused.value.message
    db.session.rollback()
    assert invitation.status == CoauthorStatus.INVITED
    assert not can_edit_proposal(member.user, proposal)
    decline_invitation(proposal, member.user)  # saying no is still possible
    db.session.commit()
    assert invitation.status == CoauthorStatus.DECLINED
