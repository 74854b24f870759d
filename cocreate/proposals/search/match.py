"""Finding proposals by the words of a search, on SQLite (FTS5) and PostgreSQL (tsvector).

A search's words are folded like the index's; every word must be found, each as a word
or the start of one ("cykel" finds "cykelsti"), so a word still being typed matches.
Only letters and digits reach the databases' query languages: quotes, operators and
brackets in a search are just spaces.
"""

from sqlalchemy import Float, Integer, Select, func, literal_column, text

from cocreate.extensions import db
from cocreate.proposals.models import Proposal
from cocreate.proposals.search.models import DOCUMENT_COLUMN, FTS_TABLE, ProposalSearch
from cocreate.proposals.search.words import stem, words

# More words than this add nothing a person means; the rest are left out.
TERMS_MAX = 12


def search_words(q: str) -> list[str]:
    """The search's folded words, each once, in order."""
    return list(dict.fromkeys(words(q)))[:TERMS_MAX]


def matching(statement: Select, q: str) -> tuple[Select, object]:
    """The statement narrowed to proposals with every word of q, and how well each
    matches (smaller is better), to order by."""
    terms = search_words(q)
    if db.engine.dialect.name == "postgresql":
        return _on_postgresql(statement, terms)
    return _on_sqlite(statement, terms)


def _on_sqlite(statement: Select, terms: list[str]):
    query = " ".join(f'"{stem(term)}"*' for term in terms)
    matched = (
        text(
            f"SELECT rowid AS proposal_id, bm25({FTS_TABLE}) AS rank"
            f" FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :query"
        )
        .bindparams(query=query)
        .columns(proposal_id=Integer, rank=Float)
        .subquery("matched")
    )
    return statement.join(matched, matched.c.proposal_id == Proposal.id), matched.c.rank


def _on_postgresql(statement: Select, terms: list[str]):
    query = func.to_tsquery("danish", " & ".join(f"{term}:*" for term in terms))
    document = literal_column(f"{ProposalSearch.__tablename__}.{DOCUMENT_COLUMN}")
    narrowed = statement.join(ProposalSearch, ProposalSearch.proposal_id == Proposal.id).where(
        document.op("@@")(query)
    )
    return narrowed, -func.ts_rank(document, query)
