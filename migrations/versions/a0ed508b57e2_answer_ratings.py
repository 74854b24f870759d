"""ratings of the final answer

Authors and supporters rate the answer and the handling, 1 to 5 each, one row per account
and proposal; the comment is for the owning department only. A new table, nothing backfilled.

Revision ID: a0ed508b57e2
Revises: 5b7e0c2d9a41
Create Date: 2026-12-03 21:54:18.684563

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "a0ed508b57e2"
down_revision = "5b7e0c2d9a41"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "answer_rating",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("answer_score", sa.Integer(), nullable=False),
        sa.Column("process_score", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), server_default="", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "answer_score BETWEEN 1 AND 5", name=op.f("ck_answer_rating_answer_score_range")
        ),
        sa.CheckConstraint(
            "process_score BETWEEN 1 AND 5", name=op.f("ck_answer_rating_process_score_range")
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposal.id"],
            name=op.f("fk_answer_rating_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_answer_rating_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answer_rating")),
        sa.UniqueConstraint(
            "proposal_id", "user_id", name=op.f("uq_answer_rating_proposal_id_user_id")
        ),
    )
    with op.batch_alter_table("answer_rating", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_answer_rating_user_id"), ["user_id"], unique=False)


def downgrade():
    with op.batch_alter_table("answer_rating", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_answer_rating_user_id"))

    op.drop_table("answer_rating")
