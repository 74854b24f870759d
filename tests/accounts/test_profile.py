"""The profile: name, language, password, roles and departments; and the terms page."""

from cocreate.accounts.roles import Role
from cocreate.extensions import db
from tests.accounts.markup import check_page
from tests.factories import EVIL, PASSWORD

NEW_PASSWORD = "a brand new passphrase"


def _password_change(current=PASSWORD, new=NEW_PASSWORD, confirm=None):
    return {
        "password-current_password": current,
        "password-password": new,
        "password-password_confirm": confirm or new,
        "password-submit": "1",
    }


def test_profile_needs_login(client):
    response = client.get("/profile")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


def test_profile_shows_roles_and_departments(client, login, make_user, make_department):
    department = make_department(name="Teknik og Miljø")
    user = login(make_user(Role.DEPARTMENT_STAFF, departments=[department]))
    page = client.get("/profile").text
    fields = check_page(page)
    assert fields["profile-name"]["autocomplete"] == "name"
    assert fields["password-current_password"]["autocomplete"] == "current-password"
    assert fields["password-password"]["autocomplete"] == "new-password"
    assert fields["password-password_confirm"]["autocomplete"] == "new-password"
    assert user.email in page
    assert "Medarbejder i forvaltning" in page and "Borger" in page
    assert "Teknik og Miljø" in page
    assert EVIL not in page


def test_change_name_and_language(client, login, make_user):
    user = login(make_user())
    response = client.post(
        "/profile",
        data={"profile-name": "Mette Hansen", "profile-language": "en", "profile-submit": "1"},
    )
    assert response.status_code == 302
    db.session.refresh(user)
    assert (user.name, user.language) == ("Mette Hansen", "en")
    assert '<html lang="en">' in client.get("/profile").text


def test_bad_profile_changes_nothing(client, login, make_user):
    user = login(make_user(name="Mette"))
    response = client.post(
        "/profile", data={"profile-name": "", "profile-language": "xx", "profile-submit": "1"}
    )
    assert response.status_code == 200
    assert "Skriv dit navn." in response.text
    assert "Vælg dansk eller engelsk." in response.text
    check_page(response.text)
    db.session.refresh(user)
    assert (user.name, user.language) == ("Mette", "da")


def test_change_password_keeps_this_session_and_ends_the_others(app, client, login, make_user):
    user = login(make_user())
    elsewhere = app.test_client()
    with elsewhere.session_transaction() as session:
        session["_user_id"] = user.get_id()

    response = client.post("/profile", data=_password_change())
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.check_password(NEW_PASSWORD)
    assert client.get("/profile").status_code == 200
    assert elsewhere.get("/profile").status_code == 302


def test_change_password_needs_the_current_one(client, login, make_user):
    user = login(make_user(name="Mette"))
    wrong = client.post("/profile", data=_password_change(current="not my password"))
    assert wrong.status_code == 200
    assert "Den nuværende adgangskode er forkert." in wrong.text
    assert 'id="password-current_password-error"' in wrong.text
    mismatch = client.post("/profile", data=_password_change(confirm="something else!"))
    assert "De to adgangskoder er ikke ens." in mismatch.text
    db.session.refresh(user)
    assert user.check_password(PASSWORD)
    # The other form on the page keeps the account's values.
    assert 'value="Mette"' in wrong.text


def test_terms_page(client):
    page = client.get("/terms").text
    check_page(page)
    assert "Det er offentligt" in page
    assert "e-mailadresse" in page
