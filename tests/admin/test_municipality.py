"""The admin keeps the municipality: strategies, themes, departments and their staff, audited."""

import pytest
from sqlalchemy import select

from cocreate.accounts.roles import Role
from cocreate.core.audit import AuditEntry
from cocreate.extensions import db
from cocreate.strategy.models import Department, Strategy, Theme
from tests.accounts.markup import check_page


@pytest.fixture
def admin(login, make_user):
    return login(make_user(Role.ADMIN, name="Anne Admin"))


def _entries(subject) -> list[tuple[str, dict | None, dict | None]]:
    rows = select(AuditEntry).where(
        AuditEntry.subject_type == subject.__tablename__, AuditEntry.subject_id == subject.id
    )
    return [(e.action, e.before, e.after) for e in db.session.scalars(rows.order_by(AuditEntry.id))]


@pytest.mark.parametrize("kind", ["strategies", "themes", "departments"])
def test_only_admins_open_the_municipality_pages(client, login, make_user, kind):
    listed = "/admin/strategies" if kind == "themes" else f"/admin/{kind}"
    assert client.get(listed).status_code in (302, 401, 403)
    login(make_user(Role.MODERATOR, Role.DEPARTMENT_STAFF))
    assert client.get(listed).status_code == 403
    assert client.get(f"/admin/{kind}/new").status_code == 403
    assert client.post(f"/admin/{kind}/new", data={"title": "x", "name": "x"}).status_code == 403
    assert not any(db.session.scalar(select(m)) for m in (Strategy, Theme, Department))


def test_a_new_strategy_gets_an_address_from_its_danish_name(client, admin):
    response = client.post(
        "/admin/strategies/new",
        data={"title": "  Børn først – Strategi 2030 ", "title_en": "Children first", "period": ""},
    )

    assert response.headers["Location"] == "/admin/strategies"
    strategy = db.session.scalar(select(Strategy))
    assert (strategy.slug, strategy.title) == (
        "boern-foerst-strategi-2030",
        "Børn først – Strategi 2030",
    )
    assert _entries(strategy)[0][0] == "strategy.created"
    page = client.get("/admin/strategies").text
    check_page(page)
    assert "Børn først – Strategi 2030" in page


def test_a_second_strategy_of_the_same_name_is_numbered(client, admin):
    for _ in range(2):
        client.post("/admin/strategies/new", data={"title": "Klima"})

    assert sorted(db.session.scalars(select(Strategy.slug))) == ["klima", "klima-2"]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"title": "   "}, "title", "Skriv strategiens navn."),
        ({"title": "x" * 201}, "title", "Må højst være 200 tegn."),
        ({"title": "Klima", "title_en": "y" * 201}, "title_en", "Må højst være 200 tegn."),
        ({"title": "Klima", "slug": "Klima Plan"}, "slug", "Brug kun små bogstaver"),
        ({"title": "Klima", "slug": "taken"}, "slug", "Adressenavnet er allerede brugt."),
    ],
)
def test_a_strategy_that_does_not_hold_is_refused_and_kept_on_the_form(
    client, admin, data, field, message
):
    db.session.add(Strategy(slug="taken", title="Andet"))
    db.session.commit()

    response = client.post("/admin/strategies/new", data=data)

    assert response.status_code == 200
    fields = check_page(response.text)
    assert message in response.text
    assert fields[field]["aria-invalid"] == "true"
    assert db.session.scalar(select(Strategy).where(Strategy.slug != "taken")) is None
    if data.get("title", "").strip():
        assert data["title"][:50] in response.text  # nothing the admin wrote is lost


def test_a_theme_is_placed_last_and_its_department_can_change(
    client, admin, make_theme, make_department
):
    first = make_theme(title="Trafik")
    other = make_department(name="Børn og Kultur")

    client.post(
        "/admin/themes/new",
        data={
            "strategy_id": first.strategy_id,
            "title": "Skoleveje",
            "department_id": first.department_id,
        },
    )
    theme = db.session.scalar(select(Theme).where(Theme.title == "Skoleveje"))
    assert (theme.slug, theme.position) == ("skoleveje", first.position + 1)

    response = client.post(
        f"/admin/themes/{theme.id}",
        data={
            "strategy_id": theme.strategy_id,
            "title": "Trygge skoleveje",
            "title_en": "Safe routes to school",
            "department_id": other.id,
            "position": "0",
        },
    )

    assert response.headers["Location"] == "/admin/strategies"
    db.session.refresh(theme)
    assert (theme.title, theme.department_id, theme.position) == ("Trygge skoleveje", other.id, 0)
    changed = _entries(theme)[-1]
    assert changed[0] == "theme.changed"
    assert changed[1] == {
        "title": "Skoleveje",
        "title_en": "",
        "department_id": first.department_id,
        "position": 1,
    }
    audit = client.get("/admin/audit").text
    assert "Tema ændret" in audit and "Temaet Trygge skoleveje" in audit
    assert "Børn og Kultur" in audit and "department_id" not in audit


def test_a_theme_without_a_strategy_or_department_says_what_is_missing(client, admin):
    response = client.post(
        "/admin/themes/new", data={"strategy_id": "abc", "title": "Skoleveje", "department_id": "0"}
    )

    assert response.status_code == 200
    assert "Vælg en strategi." in response.text and "Vælg en forvaltning." in response.text
    assert db.session.scalar(select(Theme)) is None


def test_saving_a_theme_unchanged_writes_nothing_to_the_audit_log(client, admin, make_theme):
    theme = make_theme(title="Trafik")
    data = {
        "strategy_id": theme.strategy_id,
        "title": "Trafik",
        "department_id": theme.department_id,
        "position": theme.position,
    }

    client.post(f"/admin/themes/{theme.id}", data=data)

    assert _entries(theme) == []


def test_a_new_department_opens_its_page_and_reads_in_english_there(client, admin, login):
    response = client.post(
        "/admin/departments/new",
        data={"name": "Teknik og Miljø", "name_en": "Technical Services", "description": "Veje."},
    )

    department = db.session.scalar(select(Department))
    assert response.headers["Location"] == f"/admin/departments/{department.id}"
    assert department.slug == "teknik-og-miljoe"
    assert _entries(department)[0][0] == "department.created"
    page = client.get(response.headers["Location"]).text
    check_page(page)
    assert "Forvaltningen har ingen medarbejdere endnu." in page
    admin.language = "en"
    db.session.commit()
    assert "Technical Services" in client.get("/departments").text


def test_staff_are_added_by_email_made_heads_and_removed(client, admin, make_user, make_department):
    department = make_department(name="Staben")
    person = make_user(name="Pia Poulsen", email="pia@example.org")
    staff_page = f"/admin/departments/{department.id}"

    unknown = client.post(f"{staff_page}/staff", data={"email": "nobody@example.org"})
    assert "Der er ingen konto med den e-mailadresse." in unknown.text
    assert "nobody@example.org" in unknown.text

    added = client.post(f"{staff_page}/staff", data={"email": " PIA@example.org "})
    assert added.headers["Location"] == f"{staff_page}#staff"
    db.session.refresh(person)
    assert person.department_ids == {department.id} and person.has_role(Role.DEPARTMENT_STAFF)
    again = client.post(f"{staff_page}/staff", data={"email": "pia@example.org"})
    assert "Pia Poulsen er allerede med i forvaltningen." in again.text

    client.post(f"{staff_page}/staff/{person.id}/head")
    db.session.refresh(person)
    assert person.memberships[0].is_head
    assert "Pia Poulsen" in client.get("/admin/departments").text

    client.post(f"{staff_page}/staff/{person.id}/remove")
    db.session.refresh(person)
    assert person.department_ids == set() and not person.has_role(Role.DEPARTMENT_STAFF)
    assert [action for action, _before, _after in _entries(person)] == [
        "user.department_added",
        "user.role_granted",
        "user.department_head_changed",
        "user.department_removed",
        "user.role_revoked",
    ]


def test_making_a_head_of_someone_not_on_the_staff_is_refused(
    client, admin, make_user, make_department
):
    department, person = make_department(), make_user(name="Ole")

    response = client.post(
        f"/admin/departments/{department.id}/staff/{person.id}/head", follow_redirects=True
    )

    assert "Ole er ikke med i forvaltningen." in response.text
    assert person.memberships == []
