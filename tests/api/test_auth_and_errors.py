"""Bearer tokens, and the error shape for whatever a client sends."""

import pytest

from cocreate.accounts.roles import Role
from cocreate.core.types import utcnow
from cocreate.extensions import db
from tests.api.contract import assert_error

NEW = {"title": "Bænke ved søen", "summary": "Flere bænke.", "body": "Tekst", "theme_ids": []}


@pytest.fixture
def body(make_theme):
    return {**NEW, "theme_ids": [make_theme().id]}


def test_no_token_where_an_account_is_needed(api, body):
    response = api.post("/api/v1/proposals", json=body)
    assert_error(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize(
    ("header", "challenge"),
    [
        ("Bearer cc_not-a-token", 'Bearer error="invalid_token"'),
        ("Bearer ", 'Bearer error="invalid_request"'),
        ("Basic dXNlcjpwYXNz", 'Bearer error="invalid_request"'),
        ("cc_token-without-scheme", 'Bearer error="invalid_request"'),
    ],
)
def test_a_bad_token_is_refused_even_where_anyone_may_read(api, header, challenge):
    for path in ("/api/v1/themes", "/api/v1/proposals"):
        response = api.get(path, headers={"Authorization": header})
        assert_error(response, 401, "unauthorized")
        assert response.headers["WWW-Authenticate"] == challenge


def test_revoked_token_and_inactive_account_are_refused(api, make_user, token, body):
    user = make_user()
    secret = token(user)
    assert api.post("/api/v1/proposals", token=secret, json=body).status_code == 201
    user.is_active_account = False
    db.session.commit()
    assert_error(api.post("/api/v1/proposals", token=secret, json=body), 401)
    other = make_user()
    revoked = token(other)
    from cocreate.accounts.models import ApiToken

    for row in db.session.scalars(db.select(ApiToken).where(ApiToken.user_id == other.id)):
        row.revoked_at = utcnow()
    db.session.commit()
    assert_error(api.get("/api/v1/themes", token=revoked), 401)


def test_scheme_is_case_insensitive(api, make_user, token):
    secret = token(make_user())
    assert (
        api.get("/api/v1/themes", headers={"Authorization": f"bearer {secret}"}).status_code == 200
    )


def test_session_cookie_is_never_used(api, login, make_user, make_proposal, body):
    author = login(make_user())
    hidden = make_proposal(author=author)
    assert_error(api.post("/api/v1/proposals", json=body), 401)
    assert_error(api.get(f"/api/v1/proposals/{hidden.id}"), 404, "not_found")
    assert "Set-Cookie" not in api.get("/api/v1/themes").headers


def test_token_from_the_command_line_works(api, runner, make_user, body):
    user = make_user(email="cli@example.dk")
    result = runner.invoke(args=["api-token", "cli@example.dk"])
    assert result.exit_code == 0, result.output
    secret = result.output.strip().splitlines()[-1]
    response = api.post("/api/v1/proposals", token=secret, json=body)
    assert response.status_code == 201
    assert (
        api.get(response.headers["Location"], token=secret).get_json()["id"]
        == (response.get_json()["id"])
    )
    assert user.id


def test_no_csrf_token_needed(app, api, make_user, token, body, monkeypatch):
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    response = api.post("/api/v1/proposals", token=token(make_user()), json=body)
    assert response.status_code == 201


def test_unknown_routes_and_methods(api):
    assert_error(api.get("/api/v1/nothing-here"), 404, "not_found")
    assert_error(api.get("/api/v1/proposals/"), 404, "not_found")
    assert_error(api.get("/api/v1/proposals/abc"), 404, "not_found")
    assert_error(api.get("/api/v1/proposals/99999999999999999999999"), 404, "not_found")
    assert_error(api.request("DELETE", "/api/v1/themes"), 405, "method_not_allowed")
    assert_error(api.request("PUT", "/api/v1/proposals/1"), 405, "method_not_allowed")


def test_method_not_allowed_names_the_allowed_methods(api):
    response = api.request("DELETE", "/api/v1/themes")
    allowed = {method.strip() for method in response.headers.get("Allow", "").split(",")}
    assert allowed == {"GET", "HEAD", "OPTIONS"}


def test_body_must_be_a_json_object(api, make_user, token):
    secret = token(make_user())
    post = lambda **kw: api.post("/api/v1/proposals", token=secret, **kw)  # noqa: E731
    assert_error(post(data="{not json", content_type="application/json"), 400, "bad_request")
    assert_error(post(data=b"\xff\xfe{", content_type="application/json"), 400, "bad_request")
    assert_error(post(data="[" * 100_000, content_type="application/json"), 400, "bad_request")
    assert_error(post(data="", content_type="application/json"), 400, "bad_request")
    assert_error(post(json=["a list"]), 400, "bad_request")
    assert_error(post(json="text"), 400, "bad_request")
    wrong = "unsupported_media_type"
    assert_error(post(data='{"title": "x"}', content_type="text/plain"), 400, wrong)
    assert_error(post(data={"title": "x"}), 400, wrong)
    assert_error(post(), 400, wrong)


def test_too_large(api, make_user, token):
    big = '{"title": "' + "x" * (1024 * 1024) + '"}'
    response = api.post(
        "/api/v1/proposals",
        token=token(make_user()),
        data=big,
        content_type="application/json",
    )
    assert_error(response, 413, "too_large")


def test_every_role_uses_the_same_token_scheme(api, make_user, token):
    for role in Role:
        assert api.get("/api/v1/departments", token=token(make_user(role))).status_code == 200


def test_a_password_change_ends_the_accounts_tokens(api, make_user, token):
    from cocreate.accounts.services import change_password
    from cocreate.extensions import db

    user = make_user()
    secret = token(user)
    assert api.get("/api/v1/moderation/queue", token=secret).status_code == 403
    change_password(user, "a completely new password")
    db.session.commit()
    assert_error(api.get("/api/v1/moderation/queue", token=secret), 401, "unauthorized")
