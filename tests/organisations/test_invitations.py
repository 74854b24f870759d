"""Inviting members: no account joins an organisation without saying yes.

Until it accepts, an invited account is no member anywhere: not on the member list, not
when proposing, commenting or verifying, and not in the panel's conflict-of-interest rule.
"""

from datetime import timedelta

import pytest
from sqlalchemy import select

from cocreate.accounts.models import OrganisationMembership
from cocreate.accounts.organisations import organisations_inviting, organisations_of
from cocreate.accounts.permissions import (
    can_act_for,
    can_answer_membership_invitation,
    can_manage_members,
    can_verify_organisation,
)
from cocreate.accounts.roles import Role
from cocreate.core.audit import AuditEntry
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.extensions import db
from cocreate.organisations.services import (
    accept_membership,
    decline_membership,
    invite_member,
    leave_organisation,
    verify_organisation,
)
from cocreate.panel.conflicts import ConflictKind
from cocreate.panel.membership import add_panel_member
from cocreate.panel.models import PanelConflict, SeatType
from cocreate.panel.queries import local_today, member_standing
from cocreate.panel.services import create_panel_review, request_panel_review
from cocreate.proposals.comments.services import create_comment
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import Comment, Proposal
from cocreate.proposals.services import create_proposal
from tests.organisations.helpers import audit_actions, count, invite


def test_an_invited_account_is_no_member_until_it_accepts(make_organisation, make_user):
    founder, other = make_user(), make_user(email="Hanne@Example.dk")
    organisation = make_organisation(members=[founder])

    invitation = invite_member(organisation, founder, "  HANNE@example.dk ")
    db.session.commit()

    assert invitation.user == other and invitation.accepted_at is None
    assert [m.user for m in organisation.members] == [founder]
    assert not can_act_for(other, organisation) and not can_manage_members(other, organisation)
    assert can_answer_membership_invitation(other, organisation)
    assert not can_answer_membership_invitation(founder, organisation)
    assert organisations_of(other) == [] and organisations_inviting(other) == [organisation]
    assert audit_actions(organisation)[-1] == "organisation.member_invited"

    accept_membership(organisation, other)
    db.session.commit()

    assert {m.user_id for m in organisation.members} == {founder.id, other.id}
    assert can_act_for(other, organisation) and can_manage_members(other, organisation)
    assert not can_answer_membership_invitation(other, organisation)
    assert organisations_of(other) == [organisation] and organisations_inviting(other) == []
    entry = db.session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()))
    assert (entry.action, entry.actor_id) == ("organisation.invitation_accepted", other.id)
    assert entry.after == {"user_id": other.id}


def test_declining_removes_the_invitation_and_a_new_one_can_follow(make_organisation, make_user):
    organisation, other = make_organisation(), make_user()
    invite(organisation, other)

    decline_membership(organisation, other)
    db.session.commit()

    assert count(OrganisationMembership) == 1
    assert not can_answer_membership_invitation(other, organisation)
    assert not can_act_for(other, organisation) and organisations_inviting(other) == []
    assert audit_actions(organisation)[-2:] == [
        "organisation.member_invited",
        "organisation.invitation_declined",
    ]
    invite(organisation, other)  # asking again later is allowed
    assert organisations_inviting(other) == [organisation]


@pytest.mark.parametrize("answer", [accept_membership, decline_membership])
def test_only_an_open_invitation_is_answered(make_organisation, make_user, answer):
    founder, stranger = make_user(), make_user()
    organisation = make_organisation(members=[founder])
    for someone in (founder, stranger):  # a member already, and someone never invited
        with pytest.raises(PermissionDenied):
            answer(organisation, someone)
    assert count(OrganisationMembership) == 1
    assert audit_actions(organisation) == ["organisation.registered"]


def _unconfirmed(make_user):
    user = make_user(email="ny@example.dk")
    user.confirmed_at = None
    db.session.commit()
    return user.email


def _deactivated(make_user):
    user = make_user(email="lukket@example.dk")
    user.is_active_account = False
    db.session.commit()
    return user.email


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("ingen@example.dk", "Der findes ingen konto med e-mailadressen ingen@example.dk."),
        (_unconfirmed, "Der findes ingen konto med e-mailadressen ny@example.dk."),
        (_deactivated, "Der findes ingen konto med e-mailadressen lukket@example.dk."),
        ("", "Skriv e-mailadressen på den konto, du vil invitere."),
        ("   ", "Skriv e-mailadressen på den konto, du vil invitere."),
    ],
)
def test_inviting_an_unknown_or_unconfirmed_address_is_refused_by_field(
    make_organisation, make_user, email, message
):
    organisation = make_organisation()
    if callable(email):
        email = email(make_user)
    with pytest.raises(ValidationFailed) as refused:
        invite_member(organisation, organisation.members[0].user, email)
    assert refused.value.fields == {"email": message}
    db.session.rollback()
    assert count(OrganisationMembership) == 1
    assert audit_actions(organisation) == ["organisation.registered"]


def test_inviting_a_member_or_an_invited_account_again_is_refused(make_organisation, make_user):
    founder, member, invited = make_user(), make_user(name="Mads"), make_user(name="Ida")
    organisation = make_organisation(members=[founder, member])
    invite(organisation, invited)
    before = audit_actions(organisation)

    for someone, message in [
        (member, "Mads er allerede medlem."),
        (founder, f"{founder.name} er allerede medlem."),  # the one who invites
        (invited, "Ida er allerede inviteret."),
    ]:
        with pytest.raises(ValidationFailed) as refused:
            invite_member(organisation, founder, someone.email.upper())
        assert refused.value.fields == {"email": message}
        db.session.rollback()
    assert count(OrganisationMembership) == 3
    assert audit_actions(organisation) == before


def test_only_members_who_accepted_invite_others(make_organisation, make_user):
    organisation, stranger, invited = make_organisation(), make_user(), make_user()
    invite(organisation, invited)
    for someone in (stranger, invited, make_user(Role.ADMIN)):
        with pytest.raises(PermissionDenied):
            invite_member(organisation, someone, make_user().email)
    assert count(OrganisationMembership) == 2


def test_an_open_invitation_does_not_let_the_last_member_leave(make_organisation, make_user):
    founder, invited = make_user(), make_user()
    organisation = make_organisation(members=[founder])
    invite(organisation, invited)

    with pytest.raises(TransitionNotAllowed) as refused:
        leave_organisation(organisation, founder)
    assert "eneste medlem" in refused.value.message
    with pytest.raises(PermissionDenied):  # the invitee declines rather than leaves
        leave_organisation(organisation, invited)
    db.session.rollback()
    assert count(OrganisationMembership) == 2


def test_an_invitee_neither_proposes_nor_comments_for_the_organisation(
    make_organisation, make_user, make_theme, make_proposal
):
    organisation, invited = make_organisation(verified=True), make_user()
    invite(organisation, invited)
    published = make_proposal(ProposalStatus.PUBLISHED)

    with pytest.raises(ValidationFailed) as refused:
        create_proposal(
            invited,
            title="Fælles køkkenhave",
            summary="Kort",
            body="Lang",
            theme_ids=[make_theme().id],
            organisation_id=organisation.id,
        )
    assert list(refused.value.fields) == ["organisation_id"]
    db.session.rollback()
    with pytest.raises(ValidationFailed) as refused:
        create_comment(published, invited, body="Enig!", organisation_id=organisation.id)
    assert list(refused.value.fields) == ["organisation_id"]
    db.session.rollback()
    assert count(Proposal) == 1 and count(Comment) == 0

    accept_membership(organisation, invited)
    comment = create_comment(published, invited, body="Enig!", organisation_id=organisation.id)
    assert comment.organisation == organisation


def test_an_invitation_does_not_stop_a_moderator_verifying(make_organisation, make_user):
    """Only a membership the moderator accepted makes the organisation their own."""
    organisation, moderator = make_organisation(), make_user(Role.MODERATOR)
    invite(organisation, moderator)
    assert can_verify_organisation(moderator, organisation)

    accept_membership(organisation, moderator)
    db.session.commit()
    assert not can_verify_organisation(moderator, organisation)
    verify_organisation(organisation, make_user(Role.ADMIN))  # staff who are no members can
    assert organisation.is_verified


def _seat(admin, user):
    member = add_panel_member(admin, email=user.email, seat_type=SeatType.CITIZEN_REPRESENTATIVE)
    db.session.commit()
    return member


def test_an_invited_panel_member_has_no_conflict_of_interest(
    make_organisation, make_user, make_proposal
):
    """A proposer cannot make a critical panel member conflicted by inviting them."""
    admin, proposer = make_user(Role.ADMIN, Role.MODERATOR), make_user()
    friend, critic = make_user(), make_user()
    organisation = make_organisation(members=[proposer, friend])
    proposal = make_proposal(ProposalStatus.PUBLISHED, author=proposer, organisation=organisation)
    friend_seat, critic_seat = _seat(admin, friend), _seat(admin, critic)
    invite_member(organisation, proposer, critic.email)
    db.session.commit()

    request_panel_review(proposal, admin, due_date=local_today() + timedelta(days=7))
    db.session.commit()

    declared = set(
        db.session.scalars(
            select(PanelConflict.member_id).where(PanelConflict.proposal_id == proposal.id)
        )
    )
    assert friend_seat.id in declared and critic_seat.id not in declared
    assert member_standing(critic, proposal).conflict is None
    assert member_standing(friend, proposal).conflict.kind == ConflictKind.ORGANISATION
    review = create_panel_review(
        proposal,
        critic,
        scores={"value": 1, "feasibility": 2, "cocreation": 1, "strategy_fit": 2},
        recommendation="not_recommended",
        comment="Ikke gennemtænkt.",
    )
    assert review.member_id == critic_seat.id


def test_an_accepted_membership_is_a_conflict_of_interest(
    make_organisation, make_user, make_proposal
):
    admin, proposer, joiner = make_user(Role.ADMIN), make_user(), make_user()
    organisation = make_organisation(members=[proposer])
    proposal = make_proposal(ProposalStatus.PUBLISHED, author=proposer, organisation=organisation)
    _seat(admin, joiner)
    invite(organisation, joiner)
    assert member_standing(joiner, proposal).conflict is None

    accept_membership(organisation, joiner)
    db.session.commit()
    conflict = member_standing(joiner, proposal).conflict
    assert conflict.kind == ConflictKind.ORGANISATION
