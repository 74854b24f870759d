"""Finding the public proposals that are probably the same idea as a title and summary.

The database narrows the public proposals to a few candidates through its own index
(PostgreSQL: pg_trgm's `%` under a GIN index, the most alike first; SQLite: an FTS5
trigram table ranked by bm25); `likeness` then scores each candidate the same way on both,
and those above the threshold are the similar ones.
"""

from typing import NamedTuple

from sqlalchemy import Float, Integer, Select, func, select, text
from sqlalchemy.orm import selectinload

from cocreate.extensions import db
from cocreate.proposals.models import Proposal
from cocreate.proposals.search.models import LIKENESS_FTS_TABLE, ProposalSearch
from cocreate.proposals.similar.likeness import Key, key_of, likeness

SHOWN = 5
# How many candidates the database gives for scoring.
CANDIDATES = 30
# Below this score two proposals are more likely different ideas (measured on the
# labelled pairs in tests/proposals/similar/, bench/similar.py).
THRESHOLD = 0.22
# pg_trgm's `%` finds keys at least this alike; the score decides which of them are shown.
TRIGRAM_FLOOR = 0.15
# A query term shorter than a trigram matches nothing in the trigram table.
TRIGRAM = 3


class Similar(NamedTuple):
    proposal: Proposal
    score: float


def similar_proposals(
    title: str, summary: str = "", *, excluding: int | None = None, limit: int = SHOWN
) -> list[Similar]:
    """Up to `limit` public proposals that are probably the same idea, the likeliest first."""
    key = key_of(title, summary)
    if not key.terms:
        return []
    public = select(Proposal.id).where(Proposal.is_public)
    if excluding is not None:
        public = public.where(Proposal.id != excluding)
    if db.engine.dialect.name == "postgresql":
        ids = _on_postgresql(key, public)
    else:
        ids = _on_sqlite(key, public)
    if not ids:
        return []
    found = db.session.scalars(
        select(Proposal)
        .where(Proposal.id.in_(ids))
        .options(selectinload(Proposal.theme_links), selectinload(Proposal.responses))
    ).all()
    scored = [Similar(p, likeness(key, key_of(p.title, p.summary))) for p in found]
    shown = [similar for similar in scored if similar.score >= THRESHOLD]
    shown.sort(key=lambda similar: (-similar.score, -similar.proposal.id))
    return shown[:limit]


def _on_sqlite(key: Key, public: Select) -> list[int]:
    terms = [term for term in key.terms if len(term) >= TRIGRAM]
    if not terms:
        return []
    matched = (
        text(
            f"SELECT rowid AS proposal_id, bm25({LIKENESS_FTS_TABLE}) AS rank"
            f" FROM {LIKENESS_FTS_TABLE} WHERE {LIKENESS_FTS_TABLE} MATCH :query"
        )
        .bindparams(query=" OR ".join(f'"{term}"' for term in terms))
        .columns(proposal_id=Integer, rank=Float)
        .subquery("matched")
    )
    statement = (
        public.join(matched, matched.c.proposal_id == Proposal.id)
        .order_by(matched.c.rank)
        .limit(CANDIDATES)
    )
    return list(db.session.scalars(statement))


def _on_postgresql(key: Key, public: Select) -> list[int]:
    # `%` takes its threshold from the transaction's setting; SET LOCAL ends with it.
    db.session.execute(text(f"SET LOCAL pg_trgm.similarity_threshold = {TRIGRAM_FLOOR}"))
    alike = func.similarity(ProposalSearch.likeness, key.text)
    statement = (
        public.join(ProposalSearch, ProposalSearch.proposal_id == Proposal.id)
        .where(ProposalSearch.likeness.op("%")(key.text))
        .order_by(alike.desc(), Proposal.id.desc())
        .limit(CANDIDATES)
    )
    return list(db.session.scalars(statement))
