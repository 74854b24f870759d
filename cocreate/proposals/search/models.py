"""The search index: one row per proposal with its words, and what each database builds
on it (SQLite: an FTS5 table over the stems; PostgreSQL: a stored tsvector with GIN).

The parts built by DDL are not models; `compared_by_alembic` keeps Alembic's comparison away
from them, and the migration builds them the same way (`index_ddl`).
"""

from sqlalchemy import DDL, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from cocreate.core.types import belongs_to
from cocreate.extensions import db


class ProposalSearch(db.Model):
    __tablename__ = "proposal_search"

    proposal_id: Mapped[int] = belongs_to("proposal", primary_key=True)
    # Title, summary, description and visible comments: folded words (PostgreSQL stems
    # them itself with its danish configuration) and their Snowball stems (for FTS5).
    words: Mapped[str] = mapped_column(Text, default="")
    stems: Mapped[str] = mapped_column(Text, default="")
    # The meaningful stems of title and summary alone, in ASCII, for finding proposals
    # that are probably the same idea (proposals/similar/).
    likeness: Mapped[str] = mapped_column(Text, default="", server_default="")


FTS_TABLE = "proposal_search_fts"
DOCUMENT_COLUMN = "document"
DOCUMENT_INDEX = "ix_proposal_search_document"
LIKENESS_FTS_TABLE = "proposal_likeness_fts"
LIKENESS_INDEX = "ix_proposal_search_likeness"

SQLITE_CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(stems,"
    " content='proposal_search', content_rowid='proposal_id',"
    " tokenize='unicode61 remove_diacritics 0')",
    f"CREATE TRIGGER IF NOT EXISTS proposal_search_added AFTER INSERT ON proposal_search BEGIN"
    f" INSERT INTO {FTS_TABLE}(rowid, stems) VALUES (new.proposal_id, new.stems); END",
    f"CREATE TRIGGER IF NOT EXISTS proposal_search_removed AFTER DELETE ON proposal_search"
    f" BEGIN INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, stems)"
    f" VALUES ('delete', old.proposal_id, old.stems); END",
    f"CREATE TRIGGER IF NOT EXISTS proposal_search_changed AFTER UPDATE ON proposal_search"
    f" BEGIN INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, stems)"
    f" VALUES ('delete', old.proposal_id, old.stems);"
    f" INSERT INTO {FTS_TABLE}(rowid, stems) VALUES (new.proposal_id, new.stems); END",
]
# Likeness: trigrams of the words, so that a part of a compound is found ("skole" in
# "skolevej") as pg_trgm finds it on PostgreSQL.
SQLITE_LIKENESS_CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {LIKENESS_FTS_TABLE} USING fts5(likeness,"
    " content='proposal_search', content_rowid='proposal_id', tokenize='trigram')",
    f"CREATE TRIGGER IF NOT EXISTS proposal_likeness_added AFTER INSERT ON proposal_search"
    f" BEGIN INSERT INTO {LIKENESS_FTS_TABLE}(rowid, likeness)"
    f" VALUES (new.proposal_id, new.likeness); END",
    f"CREATE TRIGGER IF NOT EXISTS proposal_likeness_removed AFTER DELETE ON proposal_search"
    f" BEGIN INSERT INTO {LIKENESS_FTS_TABLE}({LIKENESS_FTS_TABLE}, rowid, likeness)"
    f" VALUES ('delete', old.proposal_id, old.likeness); END",
    f"CREATE TRIGGER IF NOT EXISTS proposal_likeness_changed AFTER UPDATE ON proposal_search"
    f" BEGIN INSERT INTO {LIKENESS_FTS_TABLE}({LIKENESS_FTS_TABLE}, rowid, likeness)"
    f" VALUES ('delete', old.proposal_id, old.likeness);"
    f" INSERT INTO {LIKENESS_FTS_TABLE}(rowid, likeness) VALUES (new.proposal_id, new.likeness);"
    " END",
]
SQLITE_DROP = [f"DROP TABLE IF EXISTS {FTS_TABLE}", f"DROP TABLE IF EXISTS {LIKENESS_FTS_TABLE}"]
POSTGRESQL_CREATE = [
    f"ALTER TABLE proposal_search ADD COLUMN {DOCUMENT_COLUMN} tsvector"
    " GENERATED ALWAYS AS (to_tsvector('danish', words)) STORED",
    f"CREATE INDEX {DOCUMENT_INDEX} ON proposal_search USING gin ({DOCUMENT_COLUMN})",
]
POSTGRESQL_LIKENESS_CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX {LIKENESS_INDEX} ON proposal_search USING gin (likeness gin_trgm_ops)",
]


def index_ddl(dialect: str) -> list[str]:
    """What builds the database's own search index on the proposal_search table."""
    return SQLITE_CREATE if dialect == "sqlite" else POSTGRESQL_CREATE


def likeness_ddl(dialect: str) -> list[str]:
    """What builds the database's own index of likeness on the proposal_search table."""
    return SQLITE_LIKENESS_CREATE if dialect == "sqlite" else POSTGRESQL_LIKENESS_CREATE


for statement in (*SQLITE_CREATE, *SQLITE_LIKENESS_CREATE):
    event.listen(
        ProposalSearch.__table__, "after_create", DDL(statement).execute_if(dialect="sqlite")
    )
for statement in SQLITE_DROP:
    event.listen(
        ProposalSearch.__table__, "before_drop", DDL(statement).execute_if(dialect="sqlite")
    )
for statement in (*POSTGRESQL_CREATE, *POSTGRESQL_LIKENESS_CREATE):
    event.listen(
        ProposalSearch.__table__,
        "after_create",
        DDL(statement).execute_if(dialect="postgresql"),
    )


def compared_by_alembic(object_, name, type_, reflected, compare_to) -> bool:
    """Alembic's include_object: leave out what index_ddl builds beside the models."""
    if type_ == "table" and name and name.startswith((FTS_TABLE, LIKENESS_FTS_TABLE)):
        return False
    if type_ == "column" and name == DOCUMENT_COLUMN and object_.table.name == "proposal_search":
        return False
    return not (type_ == "index" and name in (DOCUMENT_INDEX, LIKENESS_INDEX))
