"""Reading a bundle's records and writing the merged rows through the Core, not the ORM.

One ORM object per row cost most of an import at 100,000 people, so the rows are written by
plain statements (``bundle_rows``: new rows as JSON batches, changed ones as updates). The
rows keep the sender's stamps as they are — the before-flush hook never sees them — so what
the hook would still do is done there: times of writing, derived sort keys. Tables are written
parents first (the metadata's dependency order) because foreign keys are checked per statement.

The search tables (FTS5) are fed by an insert trigger per row, which cost more than the rows
themselves (3 s of 5 s for 100,000 people). For a batch of new rows the trigger is dropped
inside the import's transaction, the rows are inserted, the search rows are made by one
``INSERT … SELECT`` built from the trigger's own statement, and the trigger is created again
from its stored text; a (nearly) empty table's indexes are likewise built once after its rows
(``_BulkLoad``). All of it in the same transaction, so a failed import rolls the schema back
with the data, and the migrations stay the one definition of what is indexed.
"""

from __future__ import annotations

import contextlib
import gc
import queue
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy.orm import Session

from app.errors import BundleRejected
from app.exchange.bundle import OpenedBundle, check_expiry, check_schema
from app.exchange.merge import Merged
from app.exchange.records import ValidRecord, validate_record
from app.i18n import _
from app.services import bundle_rows
from app.services.db import utcnow
from app.vault.engine import translate_error


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector off while a bundle is read and written.

    An import makes a few objects per record and keeps them all until it commits (a million
    at 100,000 people), so the collector's full passes kept walking an ever larger heap: 2.3
    of 15 s. None of these objects form cycles; reference counting frees them as before, and
    whatever cycles others make meanwhile are collected when the collector is back on."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


Tick = Callable[[int], None]  # records handled so far in this phase; may raise Cancelled
TICK_EVERY = 5000


def read_runs(opened: OpenedBundle, *, supported_schemas: set[str],
              now: datetime, tick: Tick | None = None) -> Iterator[list[ValidRecord]]:
    """Schema → expiry → every record read and checked as it is decoded (the payload is
    never held a second time as plain dicts), in runs of one table's consecutive records.
    Raises at the first record that fails."""
    check_schema(opened.manifest, supported_schemas)
    check_expiry(opened.manifest, now)
    run: list[ValidRecord] = []
    table = None
    n = 0
    for n, record in enumerate(opened.records(), start=1):
        valid = validate_record(record, n)
        if valid.table != table:
            if run:
                yield run
            run, table = [], valid.table
        run.append(valid)
        if tick is not None and n % TICK_EVERY == 0:
            tick(n)
    if run:
        yield run
    if tick is not None:
        tick(n)


def top_stamp(records: Iterable[ValidRecord]) -> str | None:
    """The greatest stamp in any record (stamps sort as text: no parsing per field)."""
    top: str | None = None
    for record in records:
        best = record.hlc
        if record.field_clocks:
            best = max(best, max(c.partition("/")[0] for c in record.field_clocks.values()))
        if top is None or best > top:
            top = best
    return top


# ``CREATE TRIGGER x AFTER INSERT ON t BEGIN INSERT INTO fts(cols) VALUES (exprs); END``, as
# the migration writes it; any other shape keeps its trigger (slower, still right).
_INSERT_TRIGGER = re.compile(
    r'CREATE TRIGGER (\w+) AFTER INSERT ON "?(\w+)"? BEGIN '
    r"(INSERT INTO \w+\([\w, ]+\)) VALUES \((.*)\); END", re.DOTALL)


# Below this many new rows, or when the table already holds more rows than are coming, the
# indexes stay (rebuilding a big index for a few rows costs more than it saves).
BULK_INDEXES_FROM = 1000


class _BulkLoad:
    """What is set aside while a run of new rows goes into one table, and put back after.

    The insert triggers feeding the search tables: their search rows are then made by one
    statement. And, when the table is (nearly) empty, its secondary indexes: one sorted
    build after the rows is faster than a random insert per row and index (about 1.5 s of an
    import at 100,000 people). A unique index made again checks the new rows like the
    insert would have; its failure is an IntegrityError like the insert's."""

    def __init__(self, cursor: Any, table: str, coming: int) -> None:
        self.cursor = cursor
        self.table = table
        self.triggers: list[tuple[str, str, str]] = []  # (name, stored SQL, batch SQL)
        self.indexes: list[tuple[str, str]] = []  # (name, stored SQL)
        rows = cursor.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') "
            "AND tbl_name = ? AND sql IS NOT NULL", (table,)).fetchall()
        for kind, name, sql in rows:
            if kind == "index":
                self.indexes.append((name, sql))
                continue
            match = _INSERT_TRIGGER.fullmatch(sql)
            if match is None or match.group(1) != name:
                continue
            select_sql = match.group(4).replace("NEW.", "")
            self.triggers.append((name, sql, f'{match.group(3)} SELECT {select_sql} '
                                             f'FROM "{table}" WHERE rowid > ?'))
        if self.indexes and (coming < BULK_INDEXES_FROM or cursor.execute(
                f'SELECT count(*) > ? FROM "{table}"', (coming,)).fetchone()[0]):
            self.indexes = []

    def __enter__(self) -> _BulkLoad:
        self.floor = self.cursor.execute(
            f'SELECT coalesce(max(rowid), 0) FROM "{self.table}"').fetchone()[0]
        for name, _sql, _batch in self.triggers:
            self.cursor.execute(f'DROP TRIGGER "{name}"')
        for name, _sql in self.indexes:
            self.cursor.execute(f'DROP INDEX "{name}"')
        return self

    def __exit__(self, kind: Any, *_rest: Any) -> None:  # a batch may end outside a with
        if kind is not None:
            return  # the transaction rolls back, the dropped triggers and indexes with it
        for _name, sql in self.indexes:
            self.cursor.execute(sql)
        for _name, sql, batch in self.triggers:
            # New rows get rowids above every old one: the batch indexes exactly them.
            self.cursor.execute(batch, (self.floor,))
            self.cursor.execute(sql)


class _Lane:
    """One worker thread running submitted calls in order. Calls after a failed one are
    skipped; the first error is kept for ``close``."""

    def __init__(self) -> None:
        self._ops: queue.Queue[Callable[[], object] | None] = queue.Queue()
        self.error: BaseException | None = None
        self._dropped = False
        self._thread = threading.Thread(target=self._run, name="bundle-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            op = self._ops.get()
            try:
                if op is None:
                    return
                if self.error is None and not self._dropped:
                    try:
                        op()
                    except BaseException as exc:  # raised again on the caller's thread
                        self.error = exc
            finally:
                self._ops.task_done()

    def submit(self, op: Callable[[], object]) -> None:
        self._ops.put(op)

    def drain(self) -> None:
        """Wait until every call submitted so far has run."""
        self._ops.join()

    def stop(self, *, drop: bool = False) -> None:
        """End the worker after the calls submitted so far, or (``drop``) after the one
        running now: the rest is skipped (a cancelled import answers at once)."""
        self._dropped = self._dropped or drop
        if self._thread.is_alive():
            self._ops.put(None)
            self._thread.join()


def _begin_load(loads: list[_BulkLoad], cursor: Any, table: str, coming: int) -> None:
    loads.append(_BulkLoad(cursor, table, coming).__enter__())


def _end_load(loads: list[_BulkLoad]) -> None:
    loads.pop().__exit__(None)


class RowWriter:
    """Writes merged rows while the import goes on reading and merging.

    The statements run in order on one worker thread, and this thread builds the next batch
    or checks the next records meanwhile: SQLite lets go of the interpreter lock for a whole
    batch statement, so on two cores the Python work and the database work overlap (about
    2 s of an import at 100,000 people). Only the worker touches the connection between
    ``write`` and ``drain`` (or ``close``); a failed statement stops the rest, and its error
    is raised by ``close``, after the records have all been checked — so a bad record is
    reported as such even if a write failed before it was read."""

    def __init__(self, session: Session, tick: Tick | None = None) -> None:
        connection = session.connection()
        self._dialect = connection.dialect
        self._cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        self._rows = bundle_rows.Rows(self._dialect, utcnow())
        self._lane = _Lane()
        self._loads: list[_BulkLoad] = []  # the table whose inserts are running (worker's)
        self._tick = tick
        self.written = 0

    def write(self, merged: Mapping[tuple[str, str], Merged]) -> None:
        """Hand over the new and changed rows of ``merged``, parents before children."""
        new: dict[str, list[ValidRecord]] = {}
        changed: dict[str, list[ValidRecord]] = {}
        for (name, _id), result in merged.items():
            if result.kind == "new":
                new.setdefault(name, []).append(result.record)
            elif result.kind == "changed":
                changed.setdefault(name, []).append(result.record)
        lane, cursor, in_run = self._lane, self._cursor, False
        for batch in bundle_rows.plan(self._rows, new, changed):
            if batch.insert and not in_run:
                in_run = True
                lane.submit(partial(_begin_load, self._loads, cursor, batch.table, batch.total))
            if not batch.insert:
                lane.submit(partial(cursor.executemany, batch.sql, batch.rows))
            elif (as_json := batch.as_json()) is not None:  # built here, meanwhile
                lane.submit(partial(cursor.execute, batch.sql, (as_json, batch.written)))
            else:
                lane.submit(partial(cursor.executemany, batch.plain_sql, batch.as_tuples()))
            if batch.insert and batch.last:
                in_run = False
                lane.submit(partial(_end_load, self._loads))
            self.written += len(batch.rows)
            if self._tick is not None:
                self._tick(self.written)

    def drain(self) -> None:
        """Wait for the rows handed over so far: the session may be used again."""
        self._lane.drain()

    def close(self, *, check: bool = True) -> None:
        """Wait for every row, end the worker, and (``check``) raise the first failure as
        the import's error. Without ``check`` (another error is on its way) just end."""
        self._lane.stop(drop=not check)
        self._cursor.close()
        error = self._lane.error
        if check and error is not None:
            mapped = _import_error(error, self._dialect.loaded_dbapi.IntegrityError)
            if mapped is error:
                raise error
            raise mapped from error


def _import_error(exc: BaseException, integrity: type[Exception]) -> BaseException:
    if isinstance(exc, integrity):
        if "FOREIGN KEY" in str(exc):
            return BundleRejected("bad_record", _(
                "Bunten hänvisar till uppgifter som varken finns här eller i bunten; "
                "inget lästes in."))
        return BundleRejected("bad_record", _(
            "Bunten krockar med uppgifter här (något som ska vara unikt finns redan); "
            "inget lästes in."))
    if isinstance(exc, Exception):
        translated = translate_error(exc)
        if translated is not None:
            return translated
    return exc


def write_merged(session: Session, merged: dict[tuple[str, str], Merged],
                 tick: Tick | None = None) -> None:
    """Insert the new rows and update the changed ones, parents before children; ``tick``
    hears the rows handed over so far after each batch (and may raise to stop)."""
    writer = RowWriter(session, tick)
    try:
        writer.write(merged)
    except BaseException:
        writer.close(check=False)
        raise
    writer.close()
