"""Reading a bundle's records and writing the merged rows through the Core, not the ORM.

One ORM object per row cost most of an import at 100,000 people, so the rows go to the
driver's ``executemany`` as tuples converted by each column type's bind processor (as
``app/services/bulk.py`` does for demo data). The rows keep the sender's stamps as they are —
the before-flush hook never sees them — so what the hook would still do is done here: times
of writing, derived sort keys. Tables are written parents first (the metadata's dependency
order) because foreign keys are checked per statement.

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
import json
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, cast

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Enum, Table
from sqlalchemy.orm import Session

from app.errors import BundleRejected
from app.exchange.bundle import OpenedBundle, check_expiry, check_schema
from app.exchange.merge import Merged
from app.exchange.records import BOOKKEEPING, TABLES, ValidRecord, validate_record
from app.i18n import _
from app.models import Base
from app.models.collation import swedish_sort_key
from app.services.db import utcnow
from app.vault.engine import translate_error

BATCH = 5000
_MISSING = object()


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


def read_records(opened: OpenedBundle, *, supported_schemas: set[str],
                 now: datetime, tick: Tick | None = None) -> list[ValidRecord]:
    """Schema → expiry → every record read and validated as it is decoded, so the payload is
    never held a second time as plain dicts. Raises before anything is written."""
    check_schema(opened.manifest, supported_schemas)
    check_expiry(opened.manifest, now)
    if tick is None:
        return [validate_record(r, n) for n, r in enumerate(opened.records(), start=1)]
    out = []
    for n, record in enumerate(opened.records(), start=1):
        out.append(validate_record(record, n))
        if n % TICK_EVERY == 0:
            tick(n)
    tick(len(out))
    return out


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


def _derive(table: str) -> Callable[[dict[str, Any]], None] | None:
    # The columns the models compute in ``refresh_derived``.
    if table == "person":
        return lambda r: r.__setitem__(
            "sort_name", swedish_sort_key(f"{r['last_name']} {r['first_name']}"))
    if table == "group":
        return lambda r: r.__setitem__("sort_name", swedish_sort_key(r["name"]))
    return None


@cache
def _parsers(table: str) -> dict[str, Callable[[str], Any]]:
    """The columns whose JSON form differs from what the Core takes: dates and times
    (``ValidRecord.python_fields`` per row, with the column lookups made once per table)."""
    out: dict[str, Callable[[str], Any]] = {}
    for column in TABLES[table].columns:
        if isinstance(column.type, DateTime):
            out[column.name] = datetime.fromisoformat
        elif isinstance(column.type, Date):
            out[column.name] = date.fromisoformat
    return out


def _values(record: ValidRecord) -> dict[str, Any]:
    values = dict(record.fields)
    for name, parse in _parsers(record.table).items():
        if values.get(name) is not None:
            values[name] = parse(values[name])
    values.update(hlc=record.hlc, origin_unit=record.origin_unit, deleted=record.deleted,
                  field_clocks=None if record.field_clocks is None
                  else dict(record.field_clocks))
    return values


def _by_id(record: ValidRecord) -> str:
    return record.id


# A JSON column's stored text is ``json.dumps(value, ensure_ascii=False)`` (the engine's
# serializer); one encoder built once writes exactly that without a new one per value.
_JSON_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_ISO_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{6})?")
_ISO_DATE = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _json_converter() -> Callable[[Any], Any]:
    return _JSON_ENCODE


def _converter(column: Column[Any], proc: Any) -> Callable[[Any], Any] | None:
    """A record value (JSON form, never None) → what the driver stores, exactly as the
    column's bind processor stores the parsed value. Validated dates in their usual ISO form
    are rewritten as text instead of parsed and formatted again."""
    if isinstance(column.type, DateTime):
        def when(value: str) -> Any:
            match = _ISO_DATETIME.fullmatch(value)
            if match is not None:
                return f"{value[:10]} {value[11:19]}{match.group(1) or '.000000'}"
            return proc(datetime.fromisoformat(value))
        return when
    if isinstance(column.type, Date):
        return lambda v: v if _ISO_DATE.fullmatch(v) else proc(date.fromisoformat(v))
    if isinstance(column.type, JSON):
        return _JSON_ENCODE
    if isinstance(column.type, Enum | Boolean):
        # A checked enum value is already its stored value, and the driver stores a bool as
        # 1/0 exactly as the processor's int() would: no call per value.
        return None
    return cast(Callable[[Any], Any] | None, proc)


def _default(column: Column[Any], proc: Any) -> Callable[[], Any]:
    """The stored value of a column a record left out: its default, converted per row so a
    callable default (a fresh list) is never shared."""
    default = column.default
    if default is not None and getattr(default, "is_callable", False):
        make = default.arg  # type: ignore[attr-defined]
    else:
        scalar = getattr(default, "arg", None)

        def make(_ctx: Any) -> Any:
            return scalar

    def stored() -> Any:
        value = make(None)
        return proc(value) if proc is not None and value is not None else value
    return stored


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


@dataclass
class _Batch:
    """Rows for one statement. ``last`` closes a table's run of inserts (its search rows)."""

    table: str
    sql: str
    rows: list[Any]
    insert: bool
    last: bool
    total: int  # rows of this run (all batches)


class _Rows:
    """Turns merged records into statements and row tuples: pure Python, no database."""

    def __init__(self, dialect: Any, now: datetime) -> None:
        self.dialect = dialect
        self.now = now

    def processors(self, table: Table, names: Sequence[str]) -> list[Any]:
        return [table.c[n].type._cached_bind_processor(self.dialect) for n in names]

    def insert(self, table: Table, records: list[ValidRecord]) -> Iterator[_Batch]:
        columns = list(table.columns)
        names = [c.name for c in columns]
        procs = self.processors(table, names)
        by_name = dict(zip(names, procs, strict=True))
        # Per column, what a record's value becomes: the times of writing are one value for
        # the whole import, so they are converted once; the rest by their column's converter.
        written = by_name["created_at"](self.now)
        fields_at = [(n, _converter(c, p), _default(c, p)) for n, c, p
                     in zip(names, columns, procs, strict=True) if n not in BOOKKEEPING]
        deleted, clocks = by_name["deleted"] or bool, _json_converter()
        derive = _derive(table.name)
        order = ["id", "created_at", "updated_at", "hlc", "origin_unit", "deleted",
                 "field_clocks", *(n for n, _c, _d in fields_at)]
        quoted = ", ".join(f'"{n}"' for n in order)
        marks = ", ".join("?" for _n in order)
        sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})'
        names_at = [n for n, _c, _d in fields_at]
        converts = [(i, c) for i, (_n, c, _d) in enumerate(fields_at) if c is not None]
        defaults = [d for _n, _c, d in fields_at]
        # One C call for a complete record (itemgetter of one name gives no tuple: wrapped).
        take_all: Callable[[Any], Any] = (
            operator.itemgetter(*names_at) if len(names_at) > 1
            else (lambda f: tuple(f[n] for n in names_at)))
        ordered = sorted(records, key=_by_id)  # the id index fills in order
        for start in range(0, len(ordered), BATCH):
            rows = []
            for record in ordered[start:start + BATCH]:
                fields = record.fields
                if derive is not None:
                    fields = dict(fields)
                    derive(fields)
                # Every key of a checked record is a known field: all there, or some missing.
                complete = len(fields) == len(names_at)
                values = (list(take_all(fields)) if complete
                          else [fields.get(n, _MISSING) for n in names_at])
                for i, convert in converts:
                    value = values[i]
                    if value is not None and value is not _MISSING:
                        values[i] = convert(value)
                if not complete:  # a field the sender's profile left out
                    values = [defaults[i]() if v is _MISSING else v
                              for i, v in enumerate(values)]
                rows.append((record.id, written, written, record.hlc, record.origin_unit,
                             deleted(record.deleted),
                             None if record.field_clocks is None
                             else clocks(record.field_clocks), *values))
            yield _Batch(table.name, sql, rows, insert=True,
                         last=start + BATCH >= len(ordered), total=len(ordered))

    def update(self, table: Table, records: list[ValidRecord]) -> Iterator[_Batch]:
        derive = _derive(table.name)
        # Records of one table may carry different fields (profiles): one statement per shape.
        shapes: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        for record in records:
            values = _values(record)
            values["updated_at"] = self.now
            if derive is not None:
                derive(values)
            names = tuple(values)
            procs = self.processors(table, names)
            row = [proc(values[n]) if proc is not None and values[n] is not None else values[n]
                   for n, proc in zip(names, procs, strict=True)]
            shapes.setdefault(names, []).append((*row, record.id))
        for names, rows in shapes.items():
            sets = ", ".join(f'"{n}" = ?' for n in names)
            yield _Batch(table.name, f'UPDATE "{table.name}" SET {sets} WHERE id = ?', rows,
                         insert=False, last=False, total=len(rows))


def _plan(rows: _Rows, new: dict[str, list[ValidRecord]],
          changed: dict[str, list[ValidRecord]]) -> Iterator[_Batch]:
    # Parents before children: foreign keys are checked per statement.
    for table in Base.metadata.sorted_tables:
        if table.name not in TABLES:
            continue
        if table.name in changed:
            yield from rows.update(table, changed[table.name])
        if table.name in new:
            yield from rows.insert(table, new[table.name])


def write_merged(session: Session, merged: dict[tuple[str, str], Merged],
                 tick: Tick | None = None) -> None:
    """Insert the new rows and update the changed ones, parents before children; ``tick``
    hears the rows written so far after each batch."""
    new: dict[str, list[ValidRecord]] = {}
    changed: dict[str, list[ValidRecord]] = {}
    for (name, _id), result in merged.items():
        if result.kind == "new":
            new.setdefault(name, []).append(result.record)
        elif result.kind == "changed":
            changed.setdefault(name, []).append(result.record)
    connection = session.connection()
    dialect = connection.dialect
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    integrity = dialect.loaded_dbapi.IntegrityError
    feed: _BulkLoad | None = None
    written = 0
    try:
        for batch in _plan(_Rows(dialect, utcnow()), new, changed):
            if batch.insert and feed is None:
                feed = _BulkLoad(cursor, batch.table, batch.total).__enter__()
            cursor.executemany(batch.sql, batch.rows)
            written += len(batch.rows)
            if tick is not None:
                tick(written)
            if feed is not None and batch.last:
                feed.__exit__(None)
                feed = None
    except integrity:
        raise BundleRejected("bad_record", _(
            "Bunten krockar med uppgifter här (något som ska vara unikt finns redan); "
            "inget lästes in.")) from None
    except Exception as exc:
        translated = translate_error(exc)
        if translated is None:
            raise
        raise translated from exc
    finally:
        cursor.close()
