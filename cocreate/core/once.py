"""Rows that exist at most once per key, safe when many requests race to add them."""

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite

from cocreate.extensions import db

_INSERT = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def insert_once(table: Table, **values) -> bool:
    """Insert the row unless its unique key is taken; tell whether it was inserted.

    The database settles the race with INSERT ... ON CONFLICT DO NOTHING: two requests
    at once never make two rows and neither fails, where a look-then-insert would let
    both through or end one of them with an IntegrityError.
    """
    insert = _INSERT[db.engine.dialect.name]
    statement = insert(table).values(**values).on_conflict_do_nothing()
    # A row comes back only when one was inserted (rowcount is not reliable with RETURNING).
    inserted = db.session.execute(statement.returning(*table.primary_key.columns)).first()
    return inserted is not None


def upsert(table: Table, keys: tuple[str, ...], **values) -> None:
    """Insert the row, or update it where its unique key (the columns keys) is taken."""
    insert = _INSERT[db.engine.dialect.name]
    changes = {name: value for name, value in values.items() if name not in keys}
    statement = insert(table).values(**values)
    db.session.execute(statement.on_conflict_do_update(index_elements=keys, set_=changes))
