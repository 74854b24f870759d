"""Only admins reach the admin pages; everyone else gets 403 and changes nothing."""

import pytest

from cocreate.accounts.roles import Role
from cocreate.core.audit import AuditEntry
from cocreate.extensions import db
from tests.accounts.markup import check_page

OTHERS = [None, (), (Role.MODERATOR,), (Role.DEPARTMENT_STAFF,), (Role.PANEL_MEMBER,)]


def _requests(user_id: int, department_id: int):
    base = f"/admin/users/{user_id}"
    return [
        ("get", "/admin"),
        ("get", "/admin/users"),
        ("get", base),
        ("get", "/admin/audit"),
        ("post", f"{base}/roles/admin/grant"),
        ("post", f"{base}/roles/moderator/revoke"),
        ("post", f"{base}/departments"),
        ("post", f"{base}/departments/{department_id}/remove"),
    ]


@pytest.mark.parametrize(
    "roles", OTHERS, ids=["anonymous", "citizen", "moderator", "staff", "panel"]
)
def test_everyone_but_admins_is_refused(client, login, make_user, make_department, roles):
    department = make_department()
    target = make_user(Role.MODERATOR, departments=[department])
    if roles is not None:
        login(make_user(*roles))
    for method, path in _requests(target.id, department.id):
        response = getattr(client, method)(path, data={"department_id": department.id})
        assert response.status_code == 403, (method, path)
    assert "Ingen adgang" in response.text
    db.session.refresh(target)
    assert target.roles == {Role.CITIZEN, Role.MODERATOR}
    assert target.department_ids == {department.id}
    assert db.session.query(AuditEntry).filter_by(subject_id=target.id).count() == 2


def test_admin_reaches_every_page(client, login, make_user):
    admin = login(make_user(Role.ADMIN))
    for path in ("/admin", "/admin/users", f"/admin/users/{admin.id}", "/admin/audit"):
        response = client.get(path)
        assert response.status_code == 200, path
        check_page(response.text)


def test_dashboard_links_to_the_admin_pages(client, login, make_user):
    login(make_user(Role.ADMIN))
    page = client.get("/admin").text
    assert 'href="/admin/users"' in page and 'href="/admin/audit"' in page


def test_unknown_account_or_role_is_404(client, login, make_user):
    admin = login(make_user(Role.ADMIN))
    assert client.get("/admin/users/999999").status_code == 404
    assert client.post(f"/admin/users/{admin.id}/roles/citizen/revoke").status_code == 404
    assert client.post(f"/admin/users/{admin.id}/roles/emperor/grant").status_code == 404
