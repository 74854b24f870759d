"""The language switcher in the header: a visitor's choice in a cookie, an account's on it."""

from cocreate.extensions import db


def test_a_visitor_switches_to_english_and_stays_there(client):
    page = client.get("/proposals").get_data(as_text=True)
    assert '<html lang="da">' in page and 'lang="en">English</button>' in page
    response = client.post("/language", data={"language": "en", "next": "/proposals?sort=newest"})
    assert response.status_code == 302 and response.location == "/proposals?sort=newest"
    cookie = response.headers["Set-Cookie"]
    assert "language=en" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    page = client.get("/proposals").get_data(as_text=True)
    assert '<html lang="en">' in page and 'lang="da">Dansk</button>' in page


def test_an_accounts_choice_is_kept_on_the_account(client, login, make_user):
    user = login(make_user())
    client.post("/language", data={"language": "en", "next": "/profile"})
    db.session.refresh(user)
    assert user.language == "en"


def test_an_unknown_language_or_address_changes_nothing(client, login, make_user):
    user = login(make_user())
    before = user.language
    response = client.post("/language", data={"language": "xx", "next": "//evil.example"})
    assert response.status_code == 302 and response.location == "/"
    assert "language=" not in response.headers.get("Set-Cookie", "")
    db.session.refresh(user)
    assert user.language == before
    assert "Det sprog findes ikke her" in client.get("/").get_data(as_text=True)


def test_languages_are_named_in_themselves_never_translated(client, login, make_user):
    login(make_user())
    client.post("/language", data={"language": "en", "next": "/profile"})
    page = client.get("/profile").get_data(as_text=True)
    assert "Dansk (Danish)" not in page and ">Dansk<" in page and ">English<" in page
