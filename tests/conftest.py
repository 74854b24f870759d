"""Fixtures: app, db (emptied after each test), client, login, outbox, query counter.

Tests commit for real and the tables are emptied afterwards, rather than each test
running inside a rolled-back transaction: the concurrency tests need two real
transactions, and the same fixture then behaves alike on SQLite and PostgreSQL.
"""

import os
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import event

from cocreate import create_app
from cocreate.extensions import db as _db

pytest_plugins = ["tests.factories"]


def _database_url(tmp_path_factory) -> str:
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    return "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.db")


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    outbox = tmp_path_factory.mktemp("outbox")
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": _database_url(tmp_path_factory).replace(
                "postgresql://", "postgresql+psycopg://"
            ),
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "MAIL_SERVER": None,
            "MAIL_OUTBOX_DIR": str(outbox),
            "SERVER_NAME": "cocreate.test",
            "PUBLIC_URL": "http://cocreate.test",
            # Background work runs inline; tests/notifications hand it to Redis on purpose.
            "REDIS_URL": None,
            "CACHE_TYPE": "SimpleCache",
            # Figures are computed afresh in each test; tests/stats keep them on purpose.
            "BAROMETER_CACHE_SECONDS": 0,
        }
    )
    with app.app_context():
        _db.drop_all()
        _db.create_all()
    yield app
    with app.app_context():
        _db.engine.dispose()


@pytest.fixture(autouse=True)
def db(app):
    """Give each test an app context and empty tables when it ends."""
    with app.app_context():
        yield _db
        _db.session.rollback()
        _db.session.remove()
        with _db.engine.begin() as connection:
            for table in reversed(_db.metadata.sorted_tables):
                connection.execute(table.delete())


class IsolatedClient(FlaskClient):
    """Give every request its own app context, so `g` and the session start fresh.

    Without this the test's own app context would be reused by each request, and what
    Flask-Login cached in `g` in one request would leak into the next.
    """

    def open(self, *args, **kwargs):
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture
def client(app):
    app.test_client_class = IsolatedClient
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def login(client):
    """Log the client in as the given account without going through the form."""

    def _login(user):
        with client.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True
        return user

    return _login


@pytest.fixture
def outbox(app):
    """The messages written to the mail outbox during the test, parsed."""
    folder = Path(app.config["MAIL_OUTBOX_DIR"])
    for old in folder.glob("*.eml"):
        old.unlink()

    def _messages():
        files = sorted(folder.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)
        return [BytesParser(policy=policy.default).parsebytes(p.read_bytes()) for p in files]

    return _messages


@pytest.fixture
def count_queries(app):
    """Count the SQL statements run inside a `with count_queries() as counter:` block."""

    class Counter:
        def __init__(self):
            self.count = 0
            self.statements = []

        def __call__(self, conn, cursor, statement, *args):
            self.count += 1
            self.statements.append(statement)

        def __enter__(self):
            event.listen(_db.engine, "before_cursor_execute", self)
            return self

        def __exit__(self, *exc):
            event.remove(_db.engine, "before_cursor_execute", self)

    return Counter
