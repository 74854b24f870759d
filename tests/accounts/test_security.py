"""CSRF protection and rate limits, each on an app of its own with the protection on."""

import re

from sqlalchemy import func, select

from cocreate.accounts.models import User
from cocreate.extensions import db, limiter
from tests.factories import PASSWORD

NEW = {
    "name": "Karen",
    "email": "karen@example.dk",
    "password": PASSWORD,
    "password_confirm": PASSWORD,
    "accept_terms": "y",
}


def test_post_without_csrf_token_is_refused_and_changes_nothing(make_app, make_user):
    client = make_app(WTF_CSRF_ENABLED=True).test_client()
    response = client.post("/register", data=NEW)
    assert response.status_code == 400
    assert "mangler sin sikkerhedsnøgle" in response.text
    assert db.session.scalar(select(func.count()).select_from(User)) == 0

    user = make_user()
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
    assert client.post("/logout").status_code == 400
    assert client.get("/profile").status_code == 200


def test_post_with_csrf_token_goes_through(make_app, outbox):
    client = make_app(WTF_CSRF_ENABLED=True).test_client()
    page = client.get("/register").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post("/register", data={**NEW, "csrf_token": token})
    assert response.status_code == 302
    assert len(outbox()) == 1


def test_too_many_login_attempts_get_a_clear_page(make_app):
    client = make_app(RATELIMIT_ENABLED=True).test_client()
    try:
        attempt = {"email": "karen@example.dk", "password": "guess"}
        answers = [client.post("/login", data=attempt).status_code for _ in range(10)]
        assert answers == [200] * 10
        refused = client.post("/login", data=attempt)
        assert refused.status_code == 429
        assert "For mange forsøg. Vent lidt, og prøv igen." in refused.text
        # Only posting is limited: the form itself can still be read.
        assert client.get("/login").status_code == 200
    finally:
        # The limiter is one object for every app in the process: switch it back off.
        limiter.reset()
        limiter.enabled = False
