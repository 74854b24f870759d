"""likeness of proposals for finding the similar ones

Each search row gets the meaningful stems of the proposal's title and summary; SQLite
finds candidates through an FTS5 trigram table kept in step by triggers, PostgreSQL through
pg_trgm under a GIN index. Existing proposals get their likeness here, as the similar
package reads them today; `cocreate search reindex` writes them anew after it changes.

Revision ID: c4d1e7a9b352
Revises: b7d41e0c9a21
Create Date: 2026-12-04 05:20:00

"""

import sqlalchemy as sa
from alembic import op

from cocreate.proposals.search.models import (
    LIKENESS_FTS_TABLE,
    LIKENESS_INDEX,
    index_ddl,
    likeness_ddl,
)
from cocreate.proposals.similar.likeness import key_of

# revision identifiers, used by Alembic.
revision = "c4d1e7a9b352"
down_revision = "b7d41e0c9a21"
branch_labels = None
depends_on = None

BATCH = 1000
TRIGGERS = ("proposal_likeness_added", "proposal_likeness_removed", "proposal_likeness_changed")


def upgrade():
    with op.batch_alter_table("proposal_search") as batch:
        batch.add_column(sa.Column("likeness", sa.Text(), nullable=False, server_default=""))
    _key_existing()
    for statement in likeness_ddl(op.get_bind().dialect.name):
        op.execute(statement)
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"INSERT INTO {LIKENESS_FTS_TABLE}({LIKENESS_FTS_TABLE}) VALUES ('rebuild')")


def _key_existing():
    connection = op.get_bind()
    proposals = connection.execute(
        sa.text("SELECT id, title, summary FROM proposal ORDER BY id")
    ).all()
    update = sa.text("UPDATE proposal_search SET likeness = :likeness WHERE proposal_id = :id")
    for start in range(0, len(proposals), BATCH):
        batch = proposals[start : start + BATCH]
        connection.execute(
            update,
            [{"id": row.id, "likeness": key_of(row.title, row.summary).text} for row in batch],
        )


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        for trigger in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute(f"DROP TABLE IF EXISTS {LIKENESS_FTS_TABLE}")
    else:
        op.execute(f"DROP INDEX IF EXISTS {LIKENESS_INDEX}")
    with op.batch_alter_table("proposal_search") as batch:
        batch.drop_column("likeness")
    if op.get_bind().dialect.name == "sqlite":
        # The batch rebuilt proposal_search, and its search triggers went with the old table.
        for statement in index_ddl("sqlite"):
            op.execute(statement)
