"""Writing batches of rows on a second thread while the next batch is being made.

The rows go in through SQLAlchemy Core's insert(Model), many at a time. On PostgreSQL
they go in by COPY instead: psycopg runs an executemany as one statement per row, which
for the three million rows of a large set took half again the time allowed, most of it
in the client; COPY needs a fraction of that on both sides. Either way each value is
first turned into what its column stores by the column type's own bind processor, as
an INSERT would.
"""

import queue
import threading

from sqlalchemy import Connection, insert


def _insert(connection: Connection, model, rows: list[dict]) -> None:
    connection.execute(insert(model), rows)


def _copy(connection: Connection, model, rows: list[dict]) -> None:
    """COPY the rows; columns they leave out get their scalar default, as with insert()."""
    table, dialect = model.__table__, connection.dialect
    given = list(rows[0])
    left_out = [
        column
        for column in table.columns
        if column.name not in given and column.default is not None and column.default.is_scalar
    ]
    processors = [(name, table.c[name].type.bind_processor(dialect)) for name in given]
    defaults = [
        processor(column.default.arg) if processor else column.default.arg
        for column, processor in ((c, c.type.bind_processor(dialect)) for c in left_out)
    ]
    preparer = dialect.identifier_preparer
    columns = ", ".join(preparer.quote(name) for name in [*given, *(c.name for c in left_out)])
    statement = f"COPY {preparer.format_table(table)} ({columns}) FROM STDIN"
    with connection.connection.driver_connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            values = [process(row[name]) if process else row[name] for name, process in processors]
            copy.write_row(values + defaults)


class Writer:
    """Takes batches of rows and writes them in order on its own thread, in the
    connection's transaction; the first failure is raised in the caller's thread."""

    def __init__(self, connection: Connection):
        self._connection = connection
        self._write = _copy if connection.dialect.name == "postgresql" else _insert
        # Two batches at most wait, so that making them cannot run far ahead of writing.
        self._queue: queue.Queue = queue.Queue(maxsize=2)
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="bench-writer", daemon=True)

    def __enter__(self) -> "Writer":
        self._thread.start()
        return self

    def put(self, batches: list[tuple[type, list[dict]]]) -> None:
        self._raise_failure()
        self._queue.put(batches)

    def __exit__(self, *exc) -> None:
        """Wait until everything handed over is written (or given up after a failure)."""
        self._queue.put(None)
        self._thread.join()
        if exc[0] is None:
            self._raise_failure()

    def _raise_failure(self) -> None:
        if self._failure is not None:
            raise self._failure

    def _run(self) -> None:
        while (batches := self._queue.get()) is not None:
            if self._failure is not None:
                continue
            try:
                for model, rows in batches:
                    if rows:
                        self._write(self._connection, model, rows)
            except Exception as failure:  # raised again in the caller's thread
                self._failure = failure
