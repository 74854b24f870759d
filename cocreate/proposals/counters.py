"""The counts kept on a proposal's row (supports, comments), moved atomically."""

from sqlalchemy import select, update
from sqlalchemy.orm.attributes import set_committed_value

from cocreate.extensions import db
from cocreate.proposals.models import Proposal


def move_count(proposal_id: int, column: str, change: int) -> int:
    """Move a stored count by change in one UPDATE; return it, keeping a loaded row in step.

    A Core statement, so that simultaneous changes add up in the database instead of
    overwriting each other, and so that the proposal's version is left alone: a support
    or a comment is not an edit, and must not make an author's edit or a moderator's
    decision fail as a concurrent change.
    """
    db.session.flush()
    table = Proposal.__table__
    if change:
        count = db.session.execute(
            update(table)
            .where(table.c.id == proposal_id)
            .values({column: table.c[column] + change})
            .returning(table.c[column])
        ).scalar_one()
    else:
        count = db.session.scalar(select(table.c[column]).where(table.c.id == proposal_id))
    loaded = db.session.identity_map.get(db.session.identity_key(Proposal, proposal_id))
    if loaded is not None:
        set_committed_value(loaded, column, count)
    return count
