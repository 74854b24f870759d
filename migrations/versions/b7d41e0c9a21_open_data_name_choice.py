"""Accounts choose whether open data names them

Revision ID: b7d41e0c9a21
Revises: a0ed508b57e2
"""

import sqlalchemy as sa
from alembic import op

revision = "b7d41e0c9a21"
down_revision = "a0ed508b57e2"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("user_account") as batch_op:
        batch_op.add_column(
            sa.Column(
                "show_name_in_open_data", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )


def downgrade():
    with op.batch_alter_table("user_account") as batch_op:
        batch_op.drop_column("show_name_in_open_data")
