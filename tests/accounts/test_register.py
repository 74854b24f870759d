"""Registering, confirming the e-mail address, logging in and out."""

import pytest
from sqlalchemy import func, select

from cocreate.accounts.models import User
from cocreate.accounts.services import find_user_by_email
from cocreate.extensions import db
from tests.accounts.conftest import link_in
from tests.accounts.markup import check_page
from tests.factories import EVIL, PASSWORD

NEW = {
    "name": f"Karen Jensen {EVIL}",
    "email": "Karen@Example.dk",
    "password": PASSWORD,
    "password_confirm": PASSWORD,
    "accept_terms": "y",
}


def _accounts() -> int:
    return db.session.scalar(select(func.count()).select_from(User))


def test_register_confirm_login_logout(client, outbox):
    page = client.get("/register")
    fields = check_page(page.text)
    assert fields["name"]["autocomplete"] == "name"
    assert fields["email"]["autocomplete"] == "email"
    assert fields["email"]["type"] == "email"
    assert fields["password"]["autocomplete"] == "new-password"
    assert fields["password_confirm"]["autocomplete"] == "new-password"
    assert fields["accept_terms"]["type"] == "checkbox"

    response = client.post("/register", data=NEW)
    assert response.status_code == 302
    assert response.headers["Location"] == "/check-mail/registered"
    check_page(client.get(response.headers["Location"]).text)
    user = find_user_by_email("karen@example.dk")
    assert user.email == "karen@example.dk"
    assert user.confirmed_at is None
    assert user.accepted_terms_at is not None

    [message] = outbox()
    assert message["To"] == "karen@example.dk"
    assert message["Subject"] == "Bekræft din e-mailadresse"
    html = message.get_body(("html",)).get_content()
    assert "<script>" not in html and "&lt;script&gt;" in html
    link = link_in(message, "confirm")
    assert f'href="http://cocreate.test{link}"' in html

    # Not confirmed yet: the password is right, but the account cannot log in.
    refused = client.post("/login", data={"email": NEW["email"], "password": PASSWORD})
    assert refused.status_code == 200
    assert "ikke bekræftet" in refused.text
    assert 'action="/confirm/resend"' in refused.text
    assert client.get("/profile").status_code == 302

    confirmed = client.get(link)
    assert confirmed.status_code == 302
    assert confirmed.headers["Location"] == "/login"
    db.session.refresh(user)
    assert user.confirmed_at is not None
    assert "Din e-mailadresse er bekræftet" in client.get("/login").text

    logged_in = client.post("/login", data={"email": NEW["email"], "password": PASSWORD})
    assert logged_in.status_code == 302
    assert logged_in.headers["Location"] == "/"
    assert client.get("/profile").status_code == 200

    assert client.get("/logout").status_code == 405
    logged_out = client.post("/logout")
    assert logged_out.status_code == 302
    assert client.get("/profile").status_code == 302


def test_logged_in_visitor_is_sent_to_the_profile(client, login, make_user):
    login(make_user())
    assert client.get("/register").headers["Location"] == "/profile"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (dict.fromkeys(NEW, ""), "name", "Skriv dit navn."),
        ({"name": "x" * 121}, "name", "må højst være 120 tegn"),
        ({"email": ""}, "email", "Skriv din e-mailadresse."),
        ({"email": "karen-at-example.dk"}, "email", "Skriv en gyldig e-mailadresse"),
        ({"email": "k" * 250 + "@example.dk"}, "email", "må højst være 254 tegn"),
        ({"password": "kort", "password_confirm": "kort"}, "password", "mellem 10 og 200 tegn"),
        ({"password": "x" * 201, "password_confirm": "x" * 201}, "password", "mellem 10"),
        ({"password_confirm": PASSWORD + "!"}, "password_confirm", "ikke ens"),
        ({"accept_terms": ""}, "accept_terms", "Du skal acceptere vilkårene"),
    ],
)
def test_bad_registration_creates_nothing(client, outbox, changes, field, message):
    response = client.post("/register", data={**NEW, **changes})
    assert response.status_code == 200
    assert message in response.text
    assert f'id="{field}-error"' in response.text
    assert "Der er problemer" in response.text
    check_page(response.text)
    assert _accounts() == 0
    assert outbox() == []


def test_taken_email_creates_nothing(client, outbox, make_user):
    make_user(email="karen@example.dk")
    response = client.post("/register", data=NEW)
    assert response.status_code == 200
    assert "Der findes allerede en konto med denne e-mailadresse." in response.text
    assert 'id="email-error"' in response.text
    assert _accounts() == 1
    assert outbox() == []


def test_confirm_link_that_was_tampered_with_changes_nothing(client, outbox):
    client.post("/register", data=NEW)
    link = link_in(outbox()[0], "confirm")
    response = client.get(link[:-2] + ("AA" if not link.endswith("AA") else "BB"))
    assert response.status_code == 400
    assert "Linket virker ikke" in response.text
    check_page(response.text)
    assert find_user_by_email(NEW["email"]).confirmed_at is None


def test_expired_confirm_link_changes_nothing(client, outbox, old_token):
    client.post("/register", data=NEW)
    user = find_user_by_email(NEW["email"])
    response = client.get("/confirm/" + old_token("confirm", user, 7 * 24 * 3600 + 60))
    assert response.status_code == 400
    assert "udløbet" in response.text
    assert find_user_by_email(NEW["email"]).confirmed_at is None


def test_reset_link_does_not_confirm_as_a_confirm_link(client, make_user, outbox):
    client.post("/register", data=NEW)
    client.post("/reset-password", data={"email": NEW["email"]})
    reset_link = link_in(outbox()[-1], "reset")
    response = client.get("/confirm/" + reset_link.rsplit("/", 1)[1])
    assert response.status_code == 400
    assert find_user_by_email(NEW["email"]).confirmed_at is None


def test_confirming_twice_says_so(client, outbox):
    client.post("/register", data=NEW)
    link = link_in(outbox()[0], "confirm")
    client.get(link)
    again = client.get(link, follow_redirects=True)
    assert "allerede bekræftet" in again.text


def test_confirmation_link_can_be_sent_again(client, outbox, make_user):
    client.post("/register", data=NEW)
    confirmed = make_user(email="confirmed@example.dk")
    answers = [
        client.post("/confirm/resend", data={"email": email})
        for email in (NEW["email"], "nobody@example.dk", confirmed.email)
    ]
    # The same answer whether or not the address has an unconfirmed account.
    assert {answer.headers["Location"] for answer in answers} == {"/check-mail/confirm"}
    messages = outbox()
    assert [m["To"] for m in messages] == ["karen@example.dk", "karen@example.dk"]
    client.get(link_in(messages[-1], "confirm"))
    assert find_user_by_email(NEW["email"]).confirmed_at is not None
