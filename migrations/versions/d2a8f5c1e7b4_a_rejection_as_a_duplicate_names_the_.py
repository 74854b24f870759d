"""a rejection as a duplicate names the original

A moderator who rejects a proposal as a duplicate names the public proposal it repeats, so
that its author is shown the original and offered to support it. Nullable: every other
decision, and those made before, name none.

Revision ID: d2a8f5c1e7b4
Revises: c4d1e7a9b352
Create Date: 2026-12-04 18:11:09

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "d2a8f5c1e7b4"
down_revision = "c4d1e7a9b352"
branch_labels = None
depends_on = None

FOREIGN_KEY = "fk_moderation_decision_original_id_proposal"


def upgrade():
    with op.batch_alter_table("moderation_decision") as batch:
        batch.add_column(sa.Column("original_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(FOREIGN_KEY, "proposal", ["original_id"], ["id"])


def downgrade():
    with op.batch_alter_table("moderation_decision") as batch:
        batch.drop_constraint(FOREIGN_KEY, type_="foreignkey")
        batch.drop_column("original_id")
