"""Fixtures for the API: the served OpenAPI document, tokens, and a checking client."""

import pytest

from cocreate.accounts.roles import Role
from cocreate.accounts.services import issue_api_token
from cocreate.extensions import db
from tests.api.contract import assert_conforms


@pytest.fixture(autouse=True)
def _fast_accounts(cheap_passwords):
    """No test here logs in with a password; tokens are what the API takes."""


@pytest.fixture(scope="session")
def spec(app):
    """The document as /api/v1/openapi.json serves it."""
    response = app.test_client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


@pytest.fixture
def token():
    """Issue a bearer token for the account and return its secret."""

    def _token(user) -> str:
        secret = issue_api_token(user)
        db.session.commit()
        return secret

    return _token


class ApiClient:
    """The test client, checking every answer against the schema the document declares."""

    def __init__(self, client, spec):
        self.client = client
        self.spec = spec

    def request(self, method, path, *, token=None, json=None, headers=None, **kw):
        headers = dict(headers or {})
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        response = self.client.open(path, method=method, json=json, headers=headers, **kw)
        assert_conforms(self.spec, method, path.split("?")[0], response)
        return response

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, **kw):
        return self.request("POST", path, **kw)


@pytest.fixture
def api(client, spec):
    return ApiClient(client, spec)


@pytest.fixture
def moderator(make_user):
    return make_user(Role.MODERATOR)


@pytest.fixture
def staff_of(make_user):
    """An account on the staff of the proposal's department."""

    def _staff(proposal):
        return make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])

    return _staff
