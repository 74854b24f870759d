"""Helpers for the account tests: links from the outbox, old tokens, extra apps."""

import re
import time

import pytest
from itsdangerous import TimestampSigner

from cocreate import create_app
from cocreate.accounts.tokens import make_token
from cocreate.extensions import db


def link_in(message, purpose: str) -> str:
    """The site path of the confirm or reset link in a message's plain text."""
    text = message.get_body(("plain",)).get_content()
    path = {"confirm": "confirm", "reset": "reset-password"}[purpose]
    found = re.search(rf"http://cocreate\.test(/{path}/\S+)", text)
    assert found, text
    return found.group(1)


@pytest.fixture
def old_token(monkeypatch):
    """Make a confirm or reset token as if it had been issued age seconds ago."""

    def _make(purpose: str, user, age: int) -> str:
        with monkeypatch.context() as patch:
            patch.setattr(TimestampSigner, "get_timestamp", lambda self: int(time.time()) - age)
            return make_token(purpose, user)

    return _make


@pytest.fixture
def make_app(app):
    """Build another app on the same database with some settings changed."""
    built = []

    def _make(**settings):
        other = create_app(
            {
                **{
                    key: app.config[key]
                    for key in ("TESTING", "SECRET_KEY", "SERVER_NAME", "PUBLIC_URL", "REDIS_URL")
                },
                "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
                "MAIL_SERVER": None,
                "MAIL_OUTBOX_DIR": app.config["MAIL_OUTBOX_DIR"],
                "WTF_CSRF_ENABLED": False,
                "RATELIMIT_ENABLED": False,
                "RATELIMIT_STORAGE_URI": "memory://",
                **settings,
            }
        )
        built.append(other)
        return other

    yield _make
    for other in built:
        with other.app_context():
            db.engine.dispose()
