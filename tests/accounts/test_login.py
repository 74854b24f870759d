"""Logging in: one answer for every wrong guess, and redirects only within the site."""

import re

import pytest

from cocreate.accounts.views import safe_next
from cocreate.extensions import db
from tests.accounts.markup import check_page
from tests.factories import PASSWORD

WRONG = "E-mailadressen eller adgangskoden er forkert."


def _comparable(page: str) -> str:
    """The page without its CSRF tokens, which carry a timestamp."""
    return re.sub(r'name="csrf_token" value="[^"]*"', "", page)


def test_login_page_markup(client):
    fields = check_page(client.get("/login").text)
    assert fields["email"]["autocomplete"] == "email"
    assert fields["password"]["autocomplete"] == "current-password"


def test_wrong_password_and_unknown_email_get_the_same_answer(client, make_user):
    user = make_user()
    wrong_password = client.post("/login", data={"email": user.email, "password": "forkert!!!!"})
    unknown = client.post("/login", data={"email": "nobody@example.dk", "password": PASSWORD})
    for response in (wrong_password, unknown):
        assert response.status_code == 200
        assert WRONG in response.text
        check_page(response.text)
    assert _comparable(wrong_password.text.replace(user.email, "nobody@example.dk")) == _comparable(
        unknown.text
    )
    assert client.get("/profile").status_code == 302


def test_email_is_matched_without_regard_to_case(client, make_user):
    user = make_user(email="anna@example.dk")
    response = client.post("/login", data={"email": "ANNA@example.DK", "password": PASSWORD})
    assert response.status_code == 302
    with client.session_transaction() as session:
        assert session["_user_id"] == user.get_id()


def test_empty_login_form_shows_errors(client):
    response = client.post("/login", data={})
    assert response.status_code == 200
    assert "Skriv din e-mailadresse." in response.text
    assert "Skriv din adgangskode." in response.text


def test_closed_account_cannot_log_in(client, make_user):
    user = make_user()
    user.is_active_account = False
    db.session.commit()
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert "Kontoen er lukket" in response.text
    assert client.get("/profile").status_code == 302


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/proposals?page=2", "/proposals?page=2"),
        ("/proposals/7", "/proposals/7"),
        ("https://evil.example", "/"),
        ("//evil.example/x", "/"),
        ("/\\evil.example", "/"),
        ("/\t/evil.example", "/"),
        ("http:/evil.example", "/"),
        ("javascript:alert(1)", "/"),
        ("proposals", "/"),
        ("", "/"),
    ],
)
def test_next_only_leads_within_the_site(client, make_user, target, expected):
    user = make_user()
    response = client.post(
        "/login", query_string={"next": target}, data={"email": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == expected


def test_the_login_form_keeps_next(client):
    page = client.get("/login", query_string={"next": "/proposals/7"}).text
    assert 'action="/login?next=/proposals/7"' in page
    evil = client.get("/login", query_string={"next": "https://evil.example"}).text
    assert '<form method="post" action="/login" novalidate>' in evil


def test_safe_next_refuses_other_sites():
    assert safe_next(None) is None
    assert safe_next("/ok") == "/ok"
    assert safe_next("///evil.example") is None
    assert safe_next("/x\r\nLocation: https://evil.example") is None


def test_logged_in_visitor_skips_the_form(client, login, make_user):
    login(make_user())
    response = client.get("/login", query_string={"next": "/proposals"})
    assert response.headers["Location"] == "/proposals"
