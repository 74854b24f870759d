"""With CSRF protection on, as in production: every form post without its token is refused
as such, and one with its token goes through. (The rest of the suite runs without the
check, so this is where a view that the check cannot handle would show.)"""

import re

import pytest
from flask.testing import FlaskClient

from cocreate import create_app
from cocreate.accounts.roles import Role
from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus


@pytest.fixture
def protected(app):
    """An app on the suite's database with the CSRF check on, and a client for it."""
    settings = {key: app.config[key] for key in ("TESTING", "SECRET_KEY", "SERVER_NAME")}
    checked = create_app(
        {
            **settings,
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "MAIL_OUTBOX_DIR": app.config["MAIL_OUTBOX_DIR"],
            "PUBLIC_URL": app.config["PUBLIC_URL"],
            "MAIL_SERVER": None,
            "REDIS_URL": None,
            "RATELIMIT_ENABLED": False,
            "WTF_CSRF_ENABLED": True,
        }
    )
    yield checked
    with checked.app_context():
        db.engine.dispose()


def _sample(rule) -> dict:
    return {
        name: 1 if converter.__class__.__name__ == "RowIdConverter" else "x"
        for name, converter in rule._converters.items()
    }


def test_every_form_post_without_its_token_is_refused_as_such(protected):
    client = protected.test_client()
    for rule in protected.url_map.iter_rules():
        if "POST" not in rule.methods or rule.rule.startswith("/api/"):
            continue
        if rule.endpoint == "notifications.unsubscribe":
            continue  # a signed link is its authority: mail programs post it without a form
        path = rule.build(_sample(rule), append_unknown=False)[1]
        response = client.post(path)
        assert response.status_code == 400, (rule.endpoint, response.status_code)
        assert "sikkerhedsnøgle" in response.get_data(as_text=True), rule.endpoint


def _token(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def test_staff_take_a_step_and_citizens_support_with_their_token(
    protected, make_proposal, make_user
):
    proposal = make_proposal(ProposalStatus.PUBLISHED)
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])
    client: FlaskClient = protected.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = staff.get_id()
    page = client.get(f"/departments/proposals/{proposal.id}").get_data(as_text=True)
    response = client.post(
        f"/departments/proposals/{proposal.id}/acknowledge",
        data={"csrf_token": _token(page), "acknowledge-message": "Vi svarer inden 1. marts."},
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    page = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    response = client.post(f"/proposals/{proposal.id}/follow", data={"csrf_token": _token(page)})
    assert response.status_code == 302
