"""Resetting a forgotten password by a link that works once, for two hours."""

from datetime import timedelta

from sqlalchemy import select

from cocreate.accounts.services import find_user_by_email
from cocreate.core.outbox import OutboxMessage
from cocreate.core.relay import relay_due_messages
from cocreate.core.types import utcnow
from cocreate.extensions import db
from tests.accounts.conftest import link_in
from tests.accounts.markup import check_page
from tests.factories import PASSWORD

NEW_PASSWORD = "a brand new passphrase"


def _new_password(client, link, password=NEW_PASSWORD, confirm=None):
    return client.post(link, data={"password": password, "password_confirm": confirm or password})


def test_same_answer_whether_or_not_the_account_exists(client, make_user, outbox):
    user = make_user()
    check_page(client.get("/reset-password").text)
    known = client.post("/reset-password", data={"email": user.email})
    unknown = client.post("/reset-password", data={"email": "nobody@example.dk"})
    assert known.status_code == unknown.status_code == 302
    assert known.headers["Location"] == unknown.headers["Location"] == "/check-mail/reset"
    assert [message["To"] for message in outbox()] == [user.email]
    assert "2 timer" in client.get("/check-mail/reset").text


def test_reset_sets_the_password_once_and_ends_other_sessions(app, client, make_user, outbox):
    user = make_user()
    elsewhere = app.test_client()
    with elsewhere.session_transaction() as session:
        session["_user_id"] = user.get_id()
    assert elsewhere.get("/profile").status_code == 200

    client.post("/reset-password", data={"email": user.email})
    link = link_in(outbox()[0], "reset")
    form = client.get(link)
    fields = check_page(form.text)
    assert fields["password"]["autocomplete"] == "new-password"
    response = _new_password(client, link)
    assert response.headers["Location"] == "/login"

    assert (
        client.post("/login", data={"email": user.email, "password": PASSWORD}).status_code == 200
    )
    logged_in = client.post("/login", data={"email": user.email, "password": NEW_PASSWORD})
    assert logged_in.status_code == 302
    assert elsewhere.get("/profile").status_code == 302

    # Single use: the password change moved the session version on.
    used = client.get(link)
    assert used.status_code == 400
    assert "allerede brugt" in used.text
    assert _new_password(client, link, "yet another passphrase").status_code == 400
    db.session.refresh(user)
    assert user.check_password(NEW_PASSWORD)


def test_mismatched_new_passwords_change_nothing(client, make_user, outbox):
    user = make_user()
    client.post("/reset-password", data={"email": user.email})
    link = link_in(outbox()[0], "reset")
    response = _new_password(client, link, NEW_PASSWORD, NEW_PASSWORD + "x")
    assert response.status_code == 200
    assert "De to adgangskoder er ikke ens." in response.text
    short = _new_password(client, link, "kort")
    assert "mellem 10 og 200 tegn" in short.text
    db.session.refresh(user)
    assert user.check_password(PASSWORD)
    assert client.get(link).status_code == 200


def test_link_expires_after_two_hours(client, make_user, old_token):
    user = make_user()
    fresh_enough = old_token("reset", user, 2 * 3600 - 60)
    expired = old_token("reset", user, 2 * 3600 + 60)
    assert client.get(f"/reset-password/{fresh_enough}").status_code == 200
    response = _new_password(client, f"/reset-password/{expired}")
    assert response.status_code == 400
    assert "udløbet" in response.text
    db.session.refresh(user)
    assert user.check_password(PASSWORD)


def test_tampered_or_confirm_link_is_refused(client, make_user, old_token):
    user = make_user()
    token = old_token("reset", user, 0)
    for bad in (token[:-3] + "xyz", old_token("confirm", user, 0), "garbage"):
        assert _new_password(client, f"/reset-password/{bad}").status_code == 400
    db.session.refresh(user)
    assert user.check_password(PASSWORD)


def test_reset_confirms_an_unconfirmed_account(client, outbox):
    client.post(
        "/register",
        data={
            "name": "Ole",
            "email": "ole@example.dk",
            "password": PASSWORD,
            "password_confirm": PASSWORD,
            "accept_terms": "y",
        },
    )
    client.post("/reset-password", data={"email": "ole@example.dk"})
    _new_password(client, link_in(outbox()[-1], "reset"))
    assert find_user_by_email("ole@example.dk").confirmed_at is not None


def test_links_in_mail_ignore_the_requests_host(client, make_user, outbox):
    user = make_user()
    client.post(
        "/reset-password",
        data={"email": user.email},
        headers={"Host": "evil.example", "X-Forwarded-Host": "evil2.example"},
    )
    [message] = outbox()
    text = message.get_body(("plain",)).get_content()
    assert "evil" not in text
    assert "http://cocreate.test/reset-password/" in text


def test_a_mail_server_that_fails_keeps_the_account_and_the_mail(client, outbox, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr("cocreate.accounts.mail.send_email", refuse)
    response = client.post(
        "/register",
        data={
            "name": "Karen Jensen",
            "email": "karen@example.dk",
            "password": PASSWORD,
            "password_confirm": PASSWORD,
            "accept_terms": "y",
        },
    )
    assert response.status_code == 302
    assert find_user_by_email("karen@example.dk") is not None
    [waiting] = db.session.scalars(select(OutboxMessage)).all()
    assert waiting.done_at is None and "no mail server" in waiting.last_error
    assert outbox() == []
    # The mail server is back: the outbox delivers the confirmation link after all.
    monkeypatch.undo()
    waiting.due_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    relay_due_messages()
    [message] = outbox()
    assert message["To"] == "karen@example.dk"
