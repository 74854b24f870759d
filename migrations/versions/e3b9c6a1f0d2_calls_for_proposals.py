"""calls for proposals

A call (indkaldelse) asks for proposals on one or more themes between two moments; a
draft call has no published_at. Accounts may follow a call. A proposal may name the call
it was sent to (nullable: proposals outside any call, and every proposal before, name
none).

Revision ID: e3b9c6a1f0d2
Revises: a5d1e8c3b7f4
Create Date: 2026-12-04 21:20:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "e3b9c6a1f0d2"
down_revision = "a5d1e8c3b7f4"
branch_labels = None
depends_on = None

PROPOSAL_CALL = "fk_proposal_call_id_call"


def upgrade():
    op.create_table(
        "call",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=160), nullable=False),
        sa.Column("intro", sa.Text(), nullable=False),
        sa.Column("intro_html", sa.Text(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("opens_at", sa.DateTime(), nullable=False),
        sa.Column("closes_at", sa.DateTime(), nullable=False),
        sa.Column("answers_by", sa.Date(), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("opens_at < closes_at", name=op.f("ck_call_opens_before_closing")),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["user_account.id"], name=op.f("fk_call_created_by_id_user_account")
        ),
        sa.ForeignKeyConstraint(
            ["department_id"], ["department.id"], name=op.f("fk_call_department_id_department")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call")),
    )
    with op.batch_alter_table("call") as batch:
        batch.create_index(batch.f("ix_call_closes_at"), ["closes_at"], unique=False)
        batch.create_index(batch.f("ix_call_department_id"), ["department_id"], unique=False)
        batch.create_index(batch.f("ix_call_opens_at"), ["opens_at"], unique=False)
    op.create_table(
        "call_theme",
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"], ["call.id"], name=op.f("fk_call_theme_call_id_call"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"], ["theme.id"], name=op.f("fk_call_theme_theme_id_theme")
        ),
        sa.PrimaryKeyConstraint("call_id", "theme_id", name=op.f("pk_call_theme")),
    )
    with op.batch_alter_table("call_theme") as batch:
        batch.create_index(batch.f("ix_call_theme_theme_id"), ["theme_id"], unique=False)
    op.create_table(
        "call_follow",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"], ["call.id"], name=op.f("fk_call_follow_call_id_call"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_call_follow_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_follow")),
        sa.UniqueConstraint("user_id", "call_id", name=op.f("uq_call_follow_user_id_call_id")),
    )
    with op.batch_alter_table("call_follow") as batch:
        batch.create_index(batch.f("ix_call_follow_call_id"), ["call_id"], unique=False)
        batch.create_index(batch.f("ix_call_follow_user_id"), ["user_id"], unique=False)
    with op.batch_alter_table("proposal") as batch:
        batch.add_column(sa.Column("call_id", sa.Integer(), nullable=True))
        batch.create_index(batch.f("ix_proposal_call_id"), ["call_id"], unique=False)
        batch.create_foreign_key(PROPOSAL_CALL, "call", ["call_id"], ["id"])


def downgrade():
    with op.batch_alter_table("proposal") as batch:
        batch.drop_constraint(PROPOSAL_CALL, type_="foreignkey")
        batch.drop_index(batch.f("ix_proposal_call_id"))
        batch.drop_column("call_id")
    with op.batch_alter_table("call_follow") as batch:
        batch.drop_index(batch.f("ix_call_follow_user_id"))
        batch.drop_index(batch.f("ix_call_follow_call_id"))
    op.drop_table("call_follow")
    with op.batch_alter_table("call_theme") as batch:
        batch.drop_index(batch.f("ix_call_theme_theme_id"))
    op.drop_table("call_theme")
    with op.batch_alter_table("call") as batch:
        batch.drop_index(batch.f("ix_call_opens_at"))
        batch.drop_index(batch.f("ix_call_department_id"))
        batch.drop_index(batch.f("ix_call_closes_at"))
    op.drop_table("call")
