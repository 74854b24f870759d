"""The main menu offers what the visitor's predicates open, and only that."""

import pytest

from cocreate.accounts.roles import Role


def _menu(client) -> str:
    page = client.get("/").get_data(as_text=True)
    return page[page.index("<nav") : page.index("</nav>")]


@pytest.mark.parametrize(
    ("role", "label", "path"),
    [
        (Role.MODERATOR, "Moderation", "/moderation"),
        (Role.ADMIN, "Forvaltning", "/departments"),
        (Role.ADMIN, "Aktørpanel", "/panel"),
        (Role.ADMIN, "Administration", "/admin"),
    ],
)
def test_each_menu_entry_opens_for_whom_it_is_shown(client, login, make_user, role, label, path):
    login(make_user(role))
    assert f'href="{path}"' in _menu(client) and label in _menu(client)
    assert client.get(path).status_code == 200


def test_an_admin_is_offered_the_department_inboxes_they_may_open(
    client, login, make_user, make_department
):
    department = make_department()
    login(make_user(Role.ADMIN))
    assert 'href="/departments"' in _menu(client)
    assert client.get(f"/departments/{department.slug}").status_code == 200
    assert "Indbakke" in client.get(f"/departments/{department.slug}").get_data(as_text=True)


def test_staff_role_without_a_department_gets_no_inbox_entry(client, login, make_user):
    login(make_user(Role.DEPARTMENT_STAFF))
    assert 'href="/departments"' not in _menu(client)


def test_a_citizen_sees_only_the_public_entries_and_their_own(client, login, make_user):
    login(make_user())
    menu = _menu(client)
    assert 'href="/my/proposals"' in menu
    for path in ("/moderation", "/departments", "/panel", "/admin", "/organisations/verify"):
        assert f'href="{path}"' not in menu


def test_staff_of_one_department_are_taken_straight_to_its_inbox(
    client, login, make_user, make_department
):
    department = make_department()
    login(make_user(Role.DEPARTMENT_STAFF, departments=[department]))
    assert f'href="/departments/{department.slug}"' in _menu(client)
    assert "Indbakke" in client.get(f"/departments/{department.slug}").get_data(as_text=True)


def test_staff_of_several_departments_choose_among_them(client, login, make_user, make_department):
    login(make_user(Role.DEPARTMENT_STAFF, departments=[make_department(), make_department()]))
    assert 'href="/departments"' in _menu(client)


def test_the_themes_are_in_the_menu_for_everyone(client):
    assert 'href="/themes"' in _menu(client) and "Temaer" in _menu(client)


def test_the_header_names_the_municipality_once(app, client):
    page = client.get("/login").get_data(as_text=True)
    header = page[page.index("<header") : page.index("</header>")]
    assert header.count(f">{app.config['MUNICIPALITY_NAME']}<") == 1


def test_logging_in_from_the_phones_menu_comes_back_to_the_page(client):
    page = client.get("/proposals").get_data(as_text=True)
    drawer = page[page.index('class="mobile-drawer"') :]
    assert 'href="/login?next=/proposals?"' in drawer
