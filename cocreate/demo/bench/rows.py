"""Rows waiting to be inserted in bulk, with the ids that link them handed out beforehand."""

from collections import Counter, defaultdict

from sqlalchemy import func, select, text

from cocreate.extensions import db


class Rows:
    """Rows per model; ids run on from each table's highest, read once at the start so
    that nothing but the writer uses the connection while the set is being written."""

    def __init__(self):
        models = [m.class_ for m in db.Model.registry.mappers if "id" in m.class_.__table__.c]
        self._next_id = {
            model: (db.session.scalar(select(func.max(model.id))) or 0) + 1 for model in models
        }
        self._waiting: dict[type, list[dict]] = defaultdict(list)
        self.written: Counter[str] = Counter()
        # Parents before children: the order in which the schema's tables depend on each other.
        self._order = {table.name: n for n, table in enumerate(db.metadata.sorted_tables)}

    def add(self, model, row: dict) -> dict:
        """Keep the row for the next batch; give it an id if the model has one."""
        if model in self._next_id:
            row["id"] = self._next_id[model]
            self._next_id[model] += 1
        self._waiting[model].append(row)
        return row

    def take(self) -> list[tuple[type, list[dict]]]:
        """The waiting rows by model, parents first, counted as written."""
        batches = sorted(self._waiting.items(), key=lambda item: self._order[item[0].__tablename__])
        for model, batch in batches:
            self.written[model.__tablename__] += len(batch)
        self._waiting = defaultdict(list)
        return batches

    def move_sequences(self) -> None:
        """Explicit ids pass PostgreSQL's sequences by; move each past its table's highest."""
        if db.engine.dialect.name != "postgresql":
            return
        for model, next_id in self._next_id.items():
            if self.written[model.__tablename__]:
                db.session.execute(
                    text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :highest)"),
                    {"table": model.__tablename__, "highest": next_id - 1},
                )
