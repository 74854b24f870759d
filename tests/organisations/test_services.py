"""Organisations: registering, leaving, verification by staff, and proposing on their behalf."""

import pytest
from flask_login import AnonymousUserMixin
from sqlalchemy import select

from cocreate.accounts.models import Organisation, OrganisationKind, OrganisationMembership
from cocreate.accounts.permissions import can_act_for, can_verify_organisation
from cocreate.accounts.roles import Role
from cocreate.core.audit import AuditEntry
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.extensions import db
from cocreate.organisations import services as organisations
from cocreate.organisations.services import (
    leave_organisation,
    register_organisation,
    verify_organisation,
)
from cocreate.proposals.models import Proposal
from cocreate.proposals.services import create_proposal
from tests.organisations.helpers import audit_actions, count

BUSINESS, ASSOCIATION = OrganisationKind.BUSINESS, OrganisationKind.ASSOCIATION


def test_register_an_association_makes_the_account_its_unverified_member(make_user):
    founder = make_user()
    organisation = register_organisation(founder, kind=ASSOCIATION, name="  Grønne Hænder ")
    db.session.commit()

    assert organisation.name == "Grønne Hænder" and organisation.cvr is None
    assert not organisation.is_verified
    assert [m.user for m in organisation.members] == [founder]
    assert organisation.memberships[0].accepted_at is not None  # the founder is in at once
    assert can_act_for(founder, organisation)
    assert not can_act_for(make_user(), organisation)
    assert audit_actions(organisation) == ["organisation.registered"]


def test_register_a_business_with_its_cvr_number_as_typed(make_user):
    organisation = register_organisation(
        make_user(), kind=BUSINESS, name="Novo Nordisk A/S", cvr=" 2425 6790 "
    )
    assert organisation.cvr == "24256790"


@pytest.mark.parametrize(
    ("kind", "cvr", "field"),
    [
        (BUSINESS, "24256791", "cvr"),  # wrong check digit
        (BUSINESS, "2425679", "cvr"),
        (BUSINESS, "", "cvr"),
        (ASSOCIATION, "24256790", "cvr"),  # associations are registered without one
    ],
)
def test_a_bad_cvr_number_is_refused_and_nothing_is_created(make_user, kind, cvr, field):
    founder = make_user()
    with pytest.raises(ValidationFailed) as refused:
        register_organisation(founder, kind=kind, name="Firma ApS", cvr=cvr)
    db.session.rollback()
    assert list(refused.value.fields) == [field]
    assert count(Organisation) == 0 and count(OrganisationMembership) == 0
    assert count(AuditEntry) == 0


def test_a_cvr_number_is_registered_once(make_organisation, make_user):
    make_organisation(BUSINESS, cvr="24256790")
    with pytest.raises(ValidationFailed) as refused:
        register_organisation(make_user(), kind=BUSINESS, name="Kopi", cvr="24256790")
    assert "24256790" in refused.value.fields["cvr"]


def test_the_unique_key_refuses_a_cvr_number_taken_by_a_racing_request(
    make_organisation, make_user, monkeypatch
):
    """Two requests that both looked before either inserted: the database decides."""
    make_organisation(BUSINESS, cvr="24256790")
    monkeypatch.setattr(organisations, "_checked_cvr", lambda kind, cvr: cvr)
    with pytest.raises(ValidationFailed) as refused:
        register_organisation(make_user(), kind=BUSINESS, name="Kopi", cvr="24256790")
    assert list(refused.value.fields) == ["cvr"]
    assert count(Organisation) == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "  "}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"description": "x" * 1001}, "description"),
    ],
)
def test_name_and_description_are_checked(make_user, changes, field):
    with pytest.raises(ValidationFailed) as refused:
        register_organisation(make_user(), **{"kind": ASSOCIATION, "name": "Klub", **changes})
    assert field in refused.value.fields


def test_only_an_account_registers(make_user):
    with pytest.raises(PermissionDenied):
        register_organisation(AnonymousUserMixin(), kind=ASSOCIATION, name="Klub")


def test_a_member_leaves_but_the_last_one_stays(make_organisation, make_user):
    founder, other = make_user(), make_user()
    organisation = make_organisation(members=[founder, other])

    leave_organisation(organisation, other)
    db.session.commit()
    assert [m.user_id for m in organisation.memberships] == [founder.id]
    assert not can_act_for(db.session.get(type(other), other.id), organisation)

    with pytest.raises(TransitionNotAllowed):
        leave_organisation(organisation, founder)
    with pytest.raises(PermissionDenied):
        leave_organisation(organisation, other)


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.ADMIN])
def test_staff_verify_an_organisation(make_organisation, make_user, role):
    organisation, staff = make_organisation(BUSINESS), make_user(role)
    assert can_verify_organisation(staff, organisation)

    verify_organisation(organisation, staff)
    db.session.commit()

    assert organisation.is_verified and organisation.verified_by_id == staff.id
    assert audit_actions(organisation)[-1] == "organisation.verified"
    entry = db.session.scalar(
        select(AuditEntry).where(AuditEntry.action == "organisation.verified")
    )
    assert entry.actor_id == staff.id and entry.after == {"verified": True}
    with pytest.raises(TransitionNotAllowed):
        verify_organisation(organisation, make_user(role))


@pytest.mark.parametrize("role", [None, Role.DEPARTMENT_STAFF, Role.PANEL_MEMBER])
def test_others_do_not_verify(make_organisation, make_user, role):
    organisation = make_organisation()
    someone = make_user(*([role] if role else []))
    assert not can_verify_organisation(someone)
    with pytest.raises(PermissionDenied):
        verify_organisation(organisation, someone)
    assert not organisation.is_verified


def test_a_moderator_does_not_verify_their_own_organisation(make_organisation, make_user):
    moderator = make_user(Role.MODERATOR)
    organisation = make_organisation(members=[moderator])
    with pytest.raises(PermissionDenied):
        verify_organisation(organisation, moderator)
    assert not organisation.is_verified


@pytest.mark.parametrize("verified", [True, False])
def test_a_member_proposes_for_the_organisation_verified_or_not(
    make_organisation, make_user, make_theme, verified
):
    member = make_user()
    organisation = make_organisation(members=[member], verified=verified)
    proposal = create_proposal(
        member,
        title="Fælles køkkenhave",
        summary="Kort",
        body="Lang",
        theme_ids=[make_theme().id],
        organisation_id=organisation.id,
    )
    assert proposal.organisation == organisation


@pytest.mark.parametrize("organisation_id", ["stranger's", 2**31 - 1])
def test_only_members_propose_for_an_organisation(
    make_organisation, make_user, make_theme, organisation_id
):
    organisation = make_organisation(verified=True)
    if organisation_id == "stranger's":
        organisation_id = organisation.id
    with pytest.raises(ValidationFailed) as refused:
        create_proposal(
            make_user(),
            title="Fælles køkkenhave",
            summary="Kort",
            body="Lang",
            theme_ids=[make_theme().id],
            organisation_id=organisation_id,
        )
    assert list(refused.value.fields) == ["organisation_id"]
    db.session.rollback()
    assert count(Proposal) == 0
