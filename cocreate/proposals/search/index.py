"""Keeping the search index current: every commit that changed a proposal or a comment
rewrites those proposals' rows, so no service has to remember it."""

from sqlalchemy import delete, event, inspect, select
from sqlalchemy.orm import Session

from cocreate.proposals.models import Comment, Proposal
from cocreate.proposals.search.models import ProposalSearch
from cocreate.proposals.search.words import indexed
from cocreate.proposals.similar.likeness import key_of

# Where a session keeps the ids of proposals whose rows are to be rewritten at commit.
PENDING = "search_pending_proposals"
BATCH = 500


def texts_of(proposal: Proposal, comment_bodies: list[str]) -> list[str]:
    """What a proposal's search row is made of: what it says, and what it is told."""
    return [proposal.title, proposal.summary, proposal.body, *comment_bodies]


def reindex(session: Session, proposal_ids: set[int]) -> None:
    """Rewrite the rows of these proposals (and drop those of proposals gone)."""
    ids = sorted(proposal_ids)
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        proposals = session.scalars(select(Proposal).where(Proposal.id.in_(batch))).all()
        bodies: dict[int, list[str]] = {}
        for proposal_id, body in session.execute(
            select(Comment.proposal_id, Comment.body)
            .where(Comment.proposal_id.in_(batch), Comment.is_visible)
            .order_by(Comment.id)
        ):
            bodies.setdefault(proposal_id, []).append(body)
        session.execute(delete(ProposalSearch).where(ProposalSearch.proposal_id.in_(batch)))
        rows = [
            {
                "proposal_id": p.id,
                "likeness": key_of(p.title, p.summary).text,
                **indexed(texts_of(p, bodies.get(p.id, []))),
            }
            for p in proposals
        ]
        if rows:
            session.execute(ProposalSearch.__table__.insert(), rows)


def index_unindexed(session: Session) -> int:
    """Index the proposals written without the session (in bulk); how many there were."""
    ids = set(
        session.scalars(
            select(Proposal.id).where(~Proposal.id.in_(select(ProposalSearch.proposal_id)))
        )
    )
    reindex(session, ids)
    return len(ids)


def reindex_all(session: Session) -> int:
    """Rebuild the whole index; the number of proposals indexed."""
    session.execute(delete(ProposalSearch))
    ids = set(session.scalars(select(Proposal.id)))
    reindex(session, ids)
    return len(ids)


# What a row is made of: a change to anything else (a support, a status) leaves it as it is.
INDEXED = {
    Proposal: ("title", "summary", "body"),
    Comment: ("body", "hidden_at", "removed_at", "deleted_at"),
}


@event.listens_for(Session, "after_flush")
def _note_changes(session: Session, _context) -> None:
    pending = session.info.setdefault(PENDING, set())
    for instance in (*session.new, *session.deleted):
        if type(instance) in INDEXED:
            pending.add(_proposal_id(instance))
    for instance in session.dirty:
        fields = INDEXED.get(type(instance), ())
        state = inspect(instance)
        if any(state.attrs[field].history.has_changes() for field in fields):
            pending.add(_proposal_id(instance))


def _proposal_id(instance) -> int:
    return instance.id if isinstance(instance, Proposal) else instance.proposal_id


@event.listens_for(Session, "before_commit")
def _rewrite_changed(session: Session) -> None:
    session.flush()
    pending = session.info.pop(PENDING, set())
    if pending:
        reindex(session, pending)


@event.listens_for(Session, "after_rollback")
def _forget_changes(session: Session) -> None:
    session.info.pop(PENDING, None)
