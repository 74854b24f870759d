"""english names for strategies, themes and departments

Each name and description gets an English twin, empty until an admin writes it; pages in
English read the Danish where it is empty.

Revision ID: ac1fd2d876dd
Revises: f1c2a9d47b3e
Create Date: 2026-12-03 17:17:58

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "ac1fd2d876dd"
down_revision = "f1c2a9d47b3e"
branch_labels = None
depends_on = None

# table: (its name column, that column's length)
NAMED = {"department": ("name", 120), "strategy": ("title", 200), "theme": ("title", 200)}


def upgrade():
    for table, (name, length) in NAMED.items():
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(
                sa.Column(f"{name}_en", sa.String(length), server_default="", nullable=False)
            )
            batch_op.add_column(
                sa.Column("description_en", sa.Text(), server_default="", nullable=False)
            )


def downgrade():
    for table, (name, _length) in NAMED.items():
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("description_en")
            batch_op.drop_column(f"{name}_en")
