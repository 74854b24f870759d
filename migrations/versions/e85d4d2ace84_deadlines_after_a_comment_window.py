"""deadlines after a comment window, hand-off failures apart from attempts

A department gives its final answer a number of days after a preliminary answer's comment
window closes (default 7). The outbox counts hand-offs the queue refused apart from the
job's own failed attempts, so that an outage of Redis never uses up a message's attempts.

Revision ID: e85d4d2ace84
Revises: 7348c1108798
Create Date: 2026-12-03 08:07:40.958432

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "e85d4d2ace84"
down_revision = "7348c1108798"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("department", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("sla_after_window_days", sa.Integer(), server_default="7", nullable=False)
        )

    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("hand_off_failures", sa.Integer(), server_default="0", nullable=False)
        )

    # The outbox's own purge moved to core; a purge already queued runs under the new name.
    outbox = sa.table("outbox_message", sa.column("job", sa.String))
    op.execute(
        outbox.update()
        .where(outbox.c.job == "notifications.purge_done")
        .values(job="outbox.purge_done")
    )


def downgrade():
    outbox = sa.table("outbox_message", sa.column("job", sa.String))
    op.execute(
        outbox.update()
        .where(outbox.c.job == "outbox.purge_done")
        .values(job="notifications.purge_done")
    )
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.drop_column("hand_off_failures")

    with op.batch_alter_table("department", schema=None) as batch_op:
        batch_op.drop_column("sla_after_window_days")
