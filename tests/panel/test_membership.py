"""Admins manage the panel's seats; the panel role follows the seat."""

import pytest
from sqlalchemy import select

from cocreate.accounts.models import OrganisationKind, RoleGrant
from cocreate.accounts.roles import Role
from cocreate.core.audit import AuditEntry
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.extensions import db
from cocreate.panel.membership import (
    add_panel_member,
    change_panel_seat,
    deactivate_panel_member,
)
from cocreate.panel.models import PanelMember, SeatType
from tests.panel.helpers import organisation


@pytest.fixture
def admin(make_user):
    return make_user(Role.ADMIN)


def _actions(subject_type: str, subject_id: int) -> list[str]:
    return list(
        db.session.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.subject_type == subject_type, AuditEntry.subject_id == subject_id)
            .order_by(AuditEntry.id)
        )
    )


def test_add_a_member_by_email_grants_the_role(admin, make_user):
    user = make_user(email="Anna@Example.dk")
    club = organisation()
    member = add_panel_member(
        admin, email=" anna@example.DK ", seat_type="association", organisation_id=club.id
    )
    db.session.commit()
    assert (member.user_id, member.seat_type, member.organisation_id) == (
        user.id,
        SeatType.ASSOCIATION,
        club.id,
    )
    assert member.active and user.has_role(Role.PANEL_MEMBER)
    assert _actions("panel_member", member.id) == ["panel.member_added"]
    assert _actions("user_account", user.id) == ["user.role_granted"]


@pytest.mark.parametrize(
    ("email", "seat", "organisation_kind", "field"),
    [
        ("nobody@example.dk", "citizen_representative", None, "email"),
        ("{user}", "chair", None, "seat_type"),
        ("{user}", "citizen_representative", OrganisationKind.ASSOCIATION, "organisation_id"),
        ("{user}", "business", OrganisationKind.ASSOCIATION, "organisation_id"),
        ("{user}", "association", OrganisationKind.BUSINESS, "organisation_id"),
        ("{user}", "association", "unknown", "organisation_id"),
    ],
)
def test_bad_seats_are_refused(admin, make_user, email, seat, organisation_kind, field):
    user = make_user()
    organisation_id = None
    if organisation_kind == "unknown":
        organisation_id = 999_999
    elif organisation_kind is not None:
        organisation_id = organisation(kind=organisation_kind).id
    with pytest.raises(ValidationFailed) as refused:
        add_panel_member(
            admin,
            email=email.format(user=user.email),
            seat_type=seat,
            organisation_id=organisation_id,
        )
    assert list(refused.value.fields) == [field]
    db.session.rollback()
    assert db.session.scalar(select(PanelMember)) is None
    assert not db.session.get(type(user), user.id).has_role(Role.PANEL_MEMBER)


def test_a_member_cannot_be_added_twice(admin, make_user):
    user = make_user()
    add_panel_member(admin, email=user.email, seat_type="citizen_representative")
    with pytest.raises(ValidationFailed) as refused:
        add_panel_member(admin, email=user.email, seat_type="business")
    assert list(refused.value.fields) == ["email"]


def test_only_admins_manage_the_panel(make_user):
    user = make_user()
    for role in (None, Role.MODERATOR, Role.PANEL_MEMBER, Role.DEPARTMENT_STAFF):
        actor = make_user(role) if role else make_user()
        with pytest.raises(PermissionDenied):
            add_panel_member(actor, email=user.email, seat_type="citizen_representative")
    assert db.session.scalar(select(PanelMember)) is None


def test_change_seat_and_deactivate_then_rejoin(admin, make_user):
    user = make_user()
    member = add_panel_member(admin, email=user.email, seat_type="citizen_representative")
    company = organisation(kind=OrganisationKind.BUSINESS)
    change_panel_seat(member, admin, seat_type="business", organisation_id=company.id)
    assert (member.seat_type, member.organisation_id) == (SeatType.BUSINESS, company.id)
    deactivate_panel_member(member, admin)
    db.session.commit()
    assert not member.active and not user.has_role(Role.PANEL_MEMBER)
    with pytest.raises(TransitionNotAllowed):
        deactivate_panel_member(member, admin)
    again = add_panel_member(admin, email=user.email, seat_type="citizen_representative")
    assert again.id == member.id and again.active and again.organisation_id is None
    assert user.has_role(Role.PANEL_MEMBER)
    assert _actions("panel_member", member.id) == [
        "panel.member_added",
        "panel.seat_changed",
        "panel.member_deactivated",
        "panel.member_added",
    ]
    assert _actions("user_account", user.id) == [
        "user.role_granted",
        "user.role_revoked",
        "user.role_granted",
    ]
    changed = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "panel.seat_changed"))
    assert changed.before["seat_type"] == "citizen_representative"
    assert changed.after == {"active": True, "seat_type": "business", "organisation_id": company.id}


def test_the_demo_panel_members_hold_seats():
    from cocreate.demo.data import demo_content
    from cocreate.demo.seed import seed_demo_municipality

    seed_demo_municipality(demo_content())
    seated = {member.user_id for member in db.session.scalars(select(PanelMember))}
    holders = {
        grant.user_id
        for grant in db.session.scalars(
            select(RoleGrant).where(RoleGrant.role == Role.PANEL_MEMBER)
        )
    }
    assert seated == holders and len(seated) >= 1


def test_revoking_the_panel_role_on_the_admin_page_ends_the_seat(admin, make_user):
    from cocreate.admin.services import revoke_role_as_admin

    user = make_user()
    member = add_panel_member(
        admin, email=user.email, seat_type=SeatType.CITIZEN_REPRESENTATIVE.value
    )
    db.session.commit()
    revoke_role_as_admin(admin, user, Role.PANEL_MEMBER)
    db.session.commit()
    db.session.refresh(member)
    assert not member.active and not user.has_role(Role.PANEL_MEMBER)


def test_one_query_tells_a_seat_held_now(admin, make_user):
    """active_seat_of serves the panel's pages and the admin's role changes alike."""
    from cocreate.panel import membership, queries
    from cocreate.panel.queries import active_seat_of

    user = make_user()
    assert active_seat_of(user) is None
    member = add_panel_member(admin, email=user.email, seat_type=SeatType.CITIZEN_REPRESENTATIVE)
    db.session.commit()
    assert active_seat_of(user) is member
    deactivate_panel_member(member, admin)
    db.session.commit()
    assert active_seat_of(user) is None
    assert not hasattr(queries, "active_member") and not hasattr(membership, "active_seat_of")
