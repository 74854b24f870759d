"""Granting and revoking roles and departments, each visible in the audit log."""

from sqlalchemy import select

from cocreate.accounts.roles import Role
from cocreate.core.audit import AuditEntry
from cocreate.extensions import db
from cocreate.panel.models import PanelMember, SeatType
from tests.accounts.markup import check_page


def test_grant_and_revoke_role_show_in_the_audit_log(client, login, make_user):
    admin = login(make_user(Role.ADMIN, name="Anne Admin"))
    target = make_user(name="Ole Hansen")

    granted = client.post(f"/admin/users/{target.id}/roles/moderator/grant")
    assert granted.headers["Location"] == f"/admin/users/{target.id}"
    assert "har nu rollen Moderator" in client.get(granted.headers["Location"]).text
    db.session.refresh(target)
    assert Role.MODERATOR in target.roles

    client.post(f"/admin/users/{target.id}/roles/moderator/revoke")
    db.session.refresh(target)
    assert target.roles == {Role.CITIZEN}

    entries = db.session.query(AuditEntry).filter_by(subject_id=target.id).all()
    assert [(e.action, e.actor_id) for e in entries] == [
        ("user.role_granted", admin.id),
        ("user.role_revoked", admin.id),
    ]

    log = client.get("/admin/audit").text
    check_page(log)
    assert "Rolle tildelt" in log and "Rolle fjernet" in log
    assert "Anne Admin" in log
    assert f'href="/admin/users/{target.id}"' in log
    assert "Borger → Borger, Moderator" in log and "citizen" not in log
    # Newest first.
    assert log.index("Rolle fjernet</td>") < log.index("Rolle tildelt</td>")


def test_revoking_a_role_not_held_records_nothing(client, login, make_user):
    login(make_user(Role.ADMIN))
    target = make_user()
    client.post(f"/admin/users/{target.id}/roles/moderator/revoke")
    assert db.session.query(AuditEntry).filter_by(subject_id=target.id).count() == 0


def test_admin_cannot_remove_their_own_admin_role(client, login, make_user):
    admin = login(make_user(Role.ADMIN))
    response = client.post(f"/admin/users/{admin.id}/roles/admin/revoke", follow_redirects=True)
    assert "Du kan ikke fjerne din egen administratorrolle" in response.text
    db.session.refresh(admin)
    assert Role.ADMIN in admin.roles
    # Another admin may.
    other = make_user(Role.ADMIN)
    client.post(f"/admin/users/{other.id}/roles/admin/revoke")
    db.session.refresh(other)
    assert Role.ADMIN not in other.roles


def test_add_and_remove_department_with_the_staff_role(client, login, make_user, make_department):
    """Staff of a department need the staff role to act; out of the last one, they lose it."""
    admin = login(make_user(Role.ADMIN))
    department = make_department(name="Børn og Kultur")
    target = make_user()
    page = client.get(f"/admin/users/{target.id}").text
    assert "Børn og Kultur" in page

    client.post(f"/admin/users/{target.id}/departments", data={"department_id": department.id})
    db.session.refresh(target)
    assert target.department_ids == {department.id}
    assert target.has_role(Role.DEPARTMENT_STAFF)
    page = client.get(f"/admin/users/{target.id}").text
    check_page(page)
    assert f"/admin/users/{target.id}/departments/{department.id}/remove" in page

    client.post(f"/admin/users/{target.id}/departments/{department.id}/remove")
    db.session.refresh(target)
    assert target.department_ids == set()
    assert not target.has_role(Role.DEPARTMENT_STAFF)
    staff = ["citizen", "department_staff"]
    actions = [
        (e.action, e.actor_id, e.before, e.after)
        for e in db.session.query(AuditEntry)
        .filter_by(subject_id=target.id)
        .order_by(AuditEntry.id)
    ]
    assert actions == [
        ("user.department_added", admin.id, None, {"department_id": department.id}),
        ("user.role_granted", admin.id, {"roles": ["citizen"]}, {"roles": staff}),
        ("user.department_removed", admin.id, {"department_id": department.id}, None),
        ("user.role_revoked", admin.id, {"roles": staff}, {"roles": ["citizen"]}),
    ]


def test_adding_without_a_department_says_so(client, login, make_user, make_department):
    login(make_user(Role.ADMIN))
    make_department()
    target = make_user()
    for value in ("0", "abc", "999999"):
        response = client.post(
            f"/admin/users/{target.id}/departments",
            data={"department_id": value},
            follow_redirects=True,
        )
        assert "Vælg en forvaltning." in response.text
    db.session.refresh(target)
    assert target.department_ids == set()


def test_audit_log_filters_by_action(client, login, make_user, make_department):
    login(make_user(Role.ADMIN))
    make_user(Role.MODERATOR, departments=[make_department()])
    everything = client.get("/admin/audit").text
    assert "Rolle tildelt" in everything and "Tilføjet til forvaltning" in everything
    roles_only = client.get("/admin/audit", query_string={"action": "user.role_granted"}).text
    check_page(roles_only)
    assert "Tilføjet til forvaltning</td>" not in roles_only
    assert roles_only.count("Rolle tildelt</td>") == 2  # the admin's and the moderator's


def test_the_panel_role_comes_and_goes_with_a_seat(client, login, make_user):
    """Holding the panel role and holding a seat are one thing on the admin pages too."""
    login(make_user(Role.ADMIN))
    target = make_user()

    client.post(f"/admin/users/{target.id}/roles/panel_member/grant")
    seat = db.session.scalar(select(PanelMember).where(PanelMember.user_id == target.id))
    assert (seat.active, seat.seat_type) == (True, SeatType.CITIZEN_REPRESENTATIVE)
    db.session.refresh(target)
    assert Role.PANEL_MEMBER in target.roles

    client.post(f"/admin/users/{target.id}/roles/panel_member/revoke")
    db.session.refresh(seat)
    db.session.refresh(target)
    assert not seat.active and Role.PANEL_MEMBER not in target.roles

    # Appointed again: the seat they had comes back.
    seat.seat_type = SeatType.ASSOCIATION
    db.session.commit()
    client.post(f"/admin/users/{target.id}/roles/panel_member/grant")
    db.session.refresh(seat)
    assert (seat.active, seat.seat_type) == (True, SeatType.ASSOCIATION)
