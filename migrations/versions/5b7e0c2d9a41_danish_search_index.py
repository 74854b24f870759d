"""danish search index over proposals and their comments

One row per proposal with its folded words and their Snowball stems; SQLite searches
the stems through an FTS5 table kept in step by triggers, PostgreSQL a stored tsvector
(danish configuration) under a GIN index. Existing proposals are indexed here.

Revision ID: 5b7e0c2d9a41
Revises: ac1fd2d876dd
Create Date: 2026-12-03 18:05:00

"""

import sqlalchemy as sa
from alembic import op

from cocreate.proposals.search.models import FTS_TABLE, index_ddl
from cocreate.proposals.search.words import indexed

# revision identifiers, used by Alembic.
revision = "5b7e0c2d9a41"
down_revision = "ac1fd2d876dd"
branch_labels = None
depends_on = None

BATCH = 1000


def upgrade():
    op.create_table(
        "proposal_search",
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        sa.Column("stems", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposal.id"],
            name=op.f("fk_proposal_search_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("proposal_id", name=op.f("pk_proposal_search")),
    )
    for statement in index_ddl(op.get_bind().dialect.name):
        op.execute(statement)
    _index_existing()


def _index_existing():
    connection = op.get_bind()
    search = sa.table(
        "proposal_search",
        sa.column("proposal_id", sa.Integer),
        sa.column("words", sa.Text),
        sa.column("stems", sa.Text),
    )
    proposals = connection.execute(
        sa.text("SELECT id, title, summary, body FROM proposal ORDER BY id")
    ).all()
    for start in range(0, len(proposals), BATCH):
        batch = proposals[start : start + BATCH]
        comments: dict[int, list[str]] = {}
        for proposal_id, body in connection.execute(
            sa.text(
                "SELECT proposal_id, body FROM comment WHERE proposal_id IN :ids"
                " AND deleted_at IS NULL AND hidden_at IS NULL AND removed_at IS NULL"
                " ORDER BY id"
            ).bindparams(sa.bindparam("ids", expanding=True)),
            {"ids": [row.id for row in batch]},
        ):
            comments.setdefault(proposal_id, []).append(body)
        rows = [
            {
                "proposal_id": row.id,
                **indexed([row.title, row.summary, row.body, *comments.get(row.id, [])]),
            }
            for row in batch
        ]
        op.bulk_insert(search, rows)


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    op.drop_table("proposal_search")
