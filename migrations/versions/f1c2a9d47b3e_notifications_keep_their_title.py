"""notifications keep their proposal's title

A notification's words no longer look the proposal up when they are read: the title is
kept with the other params at the event, as names and notes are. Notifications written
before that get the title their proposal has now.

Revision ID: f1c2a9d47b3e
Revises: e85d4d2ace84
Create Date: 2026-12-03 09:40:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "f1c2a9d47b3e"
down_revision = "e85d4d2ace84"
branch_labels = None
depends_on = None

notification = sa.table(
    "notification",
    sa.column("id", sa.Integer),
    sa.column("proposal_id", sa.Integer),
    sa.column("params", sa.JSON),
)
proposal = sa.table("proposal", sa.column("id", sa.Integer), sa.column("title", sa.String))
BATCH = 1000


def upgrade():
    connection = op.get_bind()
    last = 0
    while True:
        rows = connection.execute(
            sa.select(notification.c.id, notification.c.params, proposal.c.title)
            .join(proposal, proposal.c.id == notification.c.proposal_id)
            .where(notification.c.id > last)
            .order_by(notification.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        for notification_id, params, title in rows:
            if "title" not in (params or {}):
                connection.execute(
                    notification.update()
                    .where(notification.c.id == notification_id)
                    .values(params={**(params or {}), "title": title})
                )
        last = rows[-1].id


def downgrade():
    # The titles do no harm to the older code, which looks them up itself.
    pass
