"""The account list, and granting roles and departments with an audit trail."""

from sqlalchemy import select

from cocreate.accounts.roles import Role
from cocreate.extensions import db
from tests.accounts.markup import check_page
from tests.factories import EVIL


def test_search_by_name_or_email(client, login, make_user):
    login(make_user(Role.ADMIN, name="Admin Person"))
    make_user(name="Karen Jensen", email="kj@example.dk")
    make_user(name="Ole Hansen", email="karen.ole@example.dk")
    make_user(name="Bo Berg", email="bo@example.dk")
    page = client.get("/admin/users", query_string={"q": "karen"}).text
    check_page(page)
    assert "Karen Jensen" in page and "Ole Hansen" in page
    assert "Bo Berg" not in page
    assert "2 konti fundet" in page
    # Wildcards are taken literally.
    assert "0 konti fundet" in client.get("/admin/users", query_string={"q": "%"}).text


def test_user_list_is_paginated(app, client, login, make_user, cheap_passwords):
    login(make_user(Role.ADMIN, name="Aaa Admin"))
    for n in range(app.config["PER_PAGE"] + 3):
        make_user(name=f"Borger {n:02d}")
    first = client.get("/admin/users").text
    assert 'class="pagination' in first
    assert "Borger 00" in first and "Borger 22" not in first
    second = client.get("/admin/users", query_string={"page": 2}).text
    assert "Borger 22" in second and "Borger 00" not in second
    check_page(second)


def test_user_list_query_count_does_not_grow(
    client, login, make_user, make_department, count_queries
):
    login(make_user(Role.ADMIN))
    department = make_department()

    def measure() -> int:
        db.session.remove()
        with count_queries() as counter:
            assert client.get("/admin/users").status_code == 200
        return counter.count

    make_user(Role.MODERATOR, departments=[department])
    few = measure()
    for _ in range(12):
        make_user(Role.DEPARTMENT_STAFF, Role.PANEL_MEMBER, departments=[make_department()])
    many = measure()
    assert many == few
    assert few <= 9  # the session, the page (count and rows), the header's bell


def test_the_user_page_escapes_names(client, login, make_user):
    login(make_user(Role.ADMIN))
    target = make_user()
    page = client.get(f"/admin/users/{target.id}").text
    check_page(page)
    assert EVIL not in page


def test_an_admin_deactivates_an_account_which_then_cannot_log_in_and_back(
    client, app, login, make_user
):
    from cocreate.core.audit import AuditEntry

    admin, citizen = make_user(Role.ADMIN), make_user()
    other = app.test_client()
    with other.session_transaction() as session:
        session["_user_id"] = citizen.get_id()
    assert other.get("/profile").status_code == 200
    login(admin)
    response = client.post(f"/admin/users/{citizen.id}/deactivate")
    assert response.status_code == 302
    db.session.refresh(citizen)
    assert not citizen.is_active_account
    assert other.get("/profile").status_code == 302  # the session it had has ended
    assert "Konto deaktiveret" in client.get("/admin/audit").get_data(as_text=True)
    client.post(f"/admin/users/{citizen.id}/reactivate")
    db.session.refresh(citizen)
    assert citizen.is_active_account
    actions = db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions[-2:] == ["user.deactivated", "user.reactivated"]


def test_an_admin_cannot_deactivate_their_own_account(client, login, make_user):
    admin = login(make_user(Role.ADMIN))
    response = client.post(f"/admin/users/{admin.id}/deactivate", follow_redirects=True)
    assert "Du kan ikke deaktivere din egen konto." in response.get_data(as_text=True)
    db.session.refresh(admin)
    assert admin.is_active_account
