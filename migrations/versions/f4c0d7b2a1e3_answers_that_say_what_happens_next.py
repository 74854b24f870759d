"""answers that say what happens next

An answer that accepts a proposal, wholly or partly, may state an estimated cost in whole
kroner and a planned period from one month to another, each month kept as its first day.
Nullable: every other answer, and those given before, state none; the checks hold the
rules the service enforces, so no other writer can break them.

Revision ID: f4c0d7b2a1e3
Revises: d2a8f5c1e7b4
Create Date: 2026-12-05 10:12:31

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "f4c0d7b2a1e3"
down_revision = "d2a8f5c1e7b4"
branch_labels = None
depends_on = None

# As the model has them; fixed here, so that a later change to the model leaves this be.
CHECKS = {
    "ck_response_cost_estimate_range": "cost_estimate BETWEEN 0 AND 10000000000",
    "ck_response_planned_period": (
        "(planned_from IS NULL) = (planned_to IS NULL) AND planned_from <= planned_to"
    ),
    "ck_response_plan_only_when_accepting": (
        "outcome IN ('accepted', 'partially_accepted') OR "
        "(cost_estimate IS NULL AND planned_from IS NULL AND planned_to IS NULL)"
    ),
}


def upgrade():
    with op.batch_alter_table("response", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cost_estimate", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("planned_from", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("planned_to", sa.Date(), nullable=True))
        for name, condition in CHECKS.items():
            batch_op.create_check_constraint(op.f(name), condition)


def downgrade():
    with op.batch_alter_table("response", schema=None) as batch_op:
        for name in CHECKS:
            batch_op.drop_constraint(op.f(name), type_="check")
        batch_op.drop_column("planned_to")
        batch_op.drop_column("planned_from")
        batch_op.drop_column("cost_estimate")
