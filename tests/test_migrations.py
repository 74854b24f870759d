"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

import json
import os
import uuid

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import make_url

from cocreate import create_app
from cocreate.extensions import db
from cocreate.proposals.search.models import compared_by_alembic


def _upgrade_and_compare(url: str) -> None:
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x"})
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            options = {"compare_type": True, "include_object": compared_by_alembic}
            differences = compare_metadata(
                MigrationContext.configure(connection, opts=options), db.metadata
            )
            tables = set(inspect(connection).get_table_names())
        assert differences == []
        assert set(db.metadata.tables) <= tables
        downgrade(revision="base")
        with db.engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
        db.engine.dispose()


def test_migrations_on_sqlite(tmp_path):
    _upgrade_and_compare("sqlite:///" + str(tmp_path / "migrated.db"))


@pytest.mark.postgres
@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs DATABASE_URL on PostgreSQL (CI's second run sets it)",
)
def test_migrations_on_postgresql():
    server = make_url(os.environ["DATABASE_URL"]).set(drivername="postgresql+psycopg")
    name = f"cocreate_migrations_{uuid.uuid4().hex[:8]}"
    admin_dsn = server.set(drivername="postgresql", database="postgres").render_as_string(
        hide_password=False
    )
    with psycopg.connect(admin_dsn, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        _upgrade_and_compare(server.set(database=name).render_as_string(hide_password=False))
    finally:
        with psycopg.connect(admin_dsn, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_naming_convention_names_every_constraint():
    engine = create_engine("sqlite://")
    db.metadata.create_all(engine)
    for table in db.metadata.sorted_tables:
        for constraint in table.constraints:
            assert constraint.name, f"{table.name} has an unnamed {type(constraint).__name__}"
    engine.dispose()


def test_notifications_written_before_titles_were_kept_get_their_proposals_title(tmp_path):
    url = "sqlite:///" + str(tmp_path / "titles.db")
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x"})
    with app.app_context():
        upgrade(revision="e85d4d2ace84")
        now = "2026-12-01 09:00:00"
        with db.engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO user_account (id, email, name, password_hash, language,"
                " is_active_account, created_at, session_version)"
                f" VALUES (1, 'a@example.dk', 'A', '!', 'da', 1, '{now}', 1)"
            )
            connection.exec_driver_sql(
                "INSERT INTO proposal (id, title, summary, body, body_html, status, author_id,"
                " created_at, updated_at, status_changed_at, hidden_reason, support_count,"
                " comment_count, version)"
                f" VALUES (7, 'Flere bænke', 's', 'b', 'b', 'submitted', 1, '{now}', '{now}',"
                f" '{now}', '', 0, 0, 1)"
            )
            connection.exec_driver_sql(
                "INSERT INTO notification (id, user_id, kind, event_key, proposal_id, params,"
                f" delivery, created_at) VALUES (1, 1, 'proposal_received', 'k', 7,"
                f" '{{\"name\": \"A\"}}', 'immediately', '{now}')"
            )
        upgrade()
        with db.engine.connect() as connection:
            params = connection.exec_driver_sql("SELECT params FROM notification").scalar_one()
        assert json.loads(params) == {"name": "A", "title": "Flere bænke"}
        db.engine.dispose()


def test_a_step_down_from_similar_proposals_keeps_the_search_index_current(tmp_path):
    url = "sqlite:///" + str(tmp_path / "step.db")
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x"})
    with app.app_context():
        upgrade(revision="c4d1e7a9b352")
        downgrade(revision="b7d41e0c9a21")
        with db.engine.connect() as connection:
            triggers = set(
                connection.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                    " AND tbl_name = 'proposal_search'"
                ).scalars()
            )
        assert {"proposal_search_added", "proposal_search_changed"} <= triggers
        assert not any(name.startswith("proposal_likeness") for name in triggers)
        db.engine.dispose()
