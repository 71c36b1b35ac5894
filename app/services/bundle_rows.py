"""Merged bundle records as statements and rows for the database: pure Python, no database.

New rows go to SQLite as one JSON array per batch (``INSERT … SELECT … FROM json_each(?)``):
binding each value of each row through the driver cost more than SQLite's own work (about
0.4 µs a value, 7 million values at 100,000 people), while SQLite takes a batch of 5,000 rows
apart in C. A row is an array ``[id, hlc, origin_unit, deleted, field_clocks, *fields]`` of
the record's JSON values with dates and times already in their stored form; the column
types do the rest as JSON does: true/false become 1/0, a JSON column's list or map becomes its
text (``->>``), null becomes NULL. The times of writing are bound once per batch.

Changed rows are updates of the fields that moved, one statement per shape, bound as usual.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, cast

import orjson
from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Enum, Table

from app.exchange.records import BOOKKEEPING, TABLES, ValidRecord
from app.models import Base
from app.services.bulk import DERIVED
from app.vault.engine import json_text

BATCH = 5000
_MISSING = object()

_ISO_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{6})?")
_ISO_DATE = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TOP = ("id", "hlc", "origin_unit", "deleted", "field_clocks")  # a row array's first items


def _converter(column: Column[Any], proc: Any) -> Callable[[Any], Any] | None:
    """A record value (JSON form, never None) → what is stored, exactly as the column's bind
    processor stores the parsed value; None where the JSON value is already that. Validated
    dates in their usual ISO form are rewritten as text instead of parsed and formatted."""
    if isinstance(column.type, DateTime):
        def when(value: str) -> Any:
            match = _ISO_DATETIME.fullmatch(value)
            if match is not None:
                return f"{value[:10]} {value[11:19]}{match.group(1) or '.000000'}"
            return proc(datetime.fromisoformat(value))
        return when
    if isinstance(column.type, Date):
        return lambda v: v if _ISO_DATE.fullmatch(v) else proc(date.fromisoformat(v))
    if isinstance(column.type, JSON | Enum | Boolean):
        # A list or map goes to SQLite as JSON and is stored as its text; a checked enum value
        # is its stored value; true/false are stored as 1/0 either way.
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


@dataclass
class Batch:
    """One statement's rows. An insert's rows are JSON arrays for ``sql`` (bound as the
    array's text and the time of writing); ``as_tuples`` turns them into rows for
    ``plain_sql`` when a batch cannot travel as JSON. ``last`` closes a table's run of
    inserts (its search rows are made then)."""

    table: str
    sql: str
    rows: list[Any]
    insert: bool
    last: bool
    total: int  # rows of this run (all batches)
    written: str = ""
    plain_sql: str = ""
    json_at: tuple[int, ...] = ()  # positions of JSON columns in a row array

    def as_tuples(self) -> list[tuple[Any, ...]]:
        out = []
        for row in self.rows:
            values = list(row)
            for i in self.json_at:
                value = values[i]
                if value is not None and value.__class__ is not str:  # a default is text
                    values[i] = json_text(value)  # the engine's own serializer
            out.append((values[0], self.written, self.written, *values[1:]))
        return out

    def as_json(self) -> str | None:
        """The rows as one JSON text, or None when SQLite would not read them back exactly
        (a NUL inside a text, nesting deeper than the encoder goes)."""
        try:
            text = orjson.dumps(self.rows)
        except orjson.JSONEncodeError:
            return None
        return None if b"\\u0000" in text else text.decode()


@cache
def _builder(table_name: str, dialect: Any) -> Callable[[ValidRecord], list[Any]]:
    """A record → its row array, generated per table with the column rules written out (one
    call per record, no loop over columns). A record without every field raises KeyError."""
    table = TABLES[table_name]
    derived = DERIVED.get(table_name, {})
    env: dict[str, Any] = {}
    items = ["r.id", "r.hlc", "r.origin_unit", "r.deleted", "r.field_clocks"]
    for i, column in enumerate(table.columns):
        if column.name in BOOKKEEPING:
            continue
        if column.name in derived:
            env[f"D{i}"] = derived[column.name]
            items.append(f"D{i}(f)")
            continue
        convert = _converter(column, column.type._cached_bind_processor(dialect))
        if convert is None:
            items.append(f"f[{column.name!r}]")
        else:
            env[f"C{i}"] = convert
            items.append(f"(None if (v := f[{column.name!r}]) is None else C{i}(v))")
    source = "def build(r):\n    f = r.fields\n    return [" + ", ".join(items) + "]\n"
    exec(compile(source, f"<row of {table_name}>", "exec"), env)
    return cast(Callable[[ValidRecord], list[Any]], env["build"])


def _by_id(record: ValidRecord) -> str:
    return record.id


class Rows:
    """Turns merged records into statements and rows."""

    def __init__(self, dialect: Any, now: datetime) -> None:
        self.dialect = dialect
        self.now = now

    def processors(self, table: Table, names: Sequence[str]) -> list[Any]:
        return [table.c[n].type._cached_bind_processor(self.dialect) for n in names]

    def insert(self, table: Table, records: list[ValidRecord]) -> Iterator[Batch]:
        columns = [c for c in table.columns if c.name not in BOOKKEEPING]
        names = [c.name for c in columns]
        procs = self.processors(table, names)
        stored_time = table.c.created_at.type._cached_bind_processor(self.dialect)
        assert stored_time is not None  # a DateTime on SQLite is stored as text
        written = stored_time(self.now)
        order = ["id", "created_at", "updated_at", *_TOP[1:], *names]
        quoted = ", ".join(f'"{n}"' for n in order)
        # The row array skips the two times of writing: array item i is column i + 2.
        picks = ", ".join(["x->>0", "?2", "?2", *(f"x->>{i}" for i in range(1, len(order) - 2))])
        sql = (f"WITH r(x) AS MATERIALIZED (SELECT value FROM json_each(?1)) "
               f'INSERT INTO "{table.name}" ({quoted}) SELECT {picks} FROM r')
        plain_sql = (f'INSERT INTO "{table.name}" ({quoted}) '
                     f'VALUES ({", ".join("?" for _n in order)})')
        json_at = (4, *(len(_TOP) + i for i, c in enumerate(columns)
                        if isinstance(c.type, JSON)))
        build = _builder(table.name, self.dialect)
        ordered = sorted(records, key=_by_id)  # the id index fills in order
        for start in range(0, len(ordered), BATCH):
            rows = []
            for record in ordered[start:start + BATCH]:
                try:
                    rows.append(build(record))
                except KeyError:  # a field the sender's profile left out
                    rows.append(self._partial(table, columns, procs, record))
            yield Batch(table.name, sql, rows, insert=True, last=start + BATCH >= len(ordered),
                        total=len(ordered), written=written, plain_sql=plain_sql,
                        json_at=json_at)

    def _partial(self, table: Table, columns: list[Column[Any]], procs: list[Any],
                 record: ValidRecord) -> list[Any]:
        """The row array of a record without every field: what it left out gets the column's
        default (in its stored form), as the ORM would give it."""
        fields = dict(record.fields)
        for name, derive in DERIVED.get(table.name, {}).items():
            fields[name] = derive(fields)
        row: list[Any] = [record.id, record.hlc, record.origin_unit, record.deleted,
                          record.field_clocks]
        for column, proc in zip(columns, procs, strict=True):
            value = fields.get(column.name, _MISSING)
            if value is _MISSING:
                value = _default(column, proc)()
            elif value is not None:
                convert = _converter(column, proc)
                if convert is not None:
                    value = convert(value)
            row.append(value)
        return row

    def update(self, table: Table, records: list[ValidRecord]) -> Iterator[Batch]:
        derived = DERIVED.get(table.name, {})
        parsers = _parsers(table.name)
        # Records of one table may carry different fields (profiles): one statement per shape.
        shapes: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        for record in records:
            values = dict(record.fields)
            for name, parse in parsers.items():
                if values.get(name) is not None:
                    values[name] = parse(values[name])
            values.update(hlc=record.hlc, origin_unit=record.origin_unit,
                          deleted=record.deleted, updated_at=self.now,
                          field_clocks=None if record.field_clocks is None
                          else dict(record.field_clocks))
            for name, derive in derived.items():
                values[name] = derive(values)
            names = tuple(values)
            procs = self.processors(table, names)
            row = [proc(values[n]) if proc is not None and values[n] is not None else values[n]
                   for n, proc in zip(names, procs, strict=True)]
            shapes.setdefault(names, []).append((*row, record.id))
        for names, rows in shapes.items():
            sets = ", ".join(f'"{n}" = ?' for n in names)
            yield Batch(table.name, f'UPDATE "{table.name}" SET {sets} WHERE id = ?', rows,
                        insert=False, last=False, total=len(rows))


@cache
def _parsers(table: str) -> dict[str, Callable[[str], Any]]:
    """The columns whose JSON form differs from what the Core takes: dates and times."""
    out: dict[str, Callable[[str], Any]] = {}
    for column in TABLES[table].columns:
        if isinstance(column.type, DateTime):
            out[column.name] = datetime.fromisoformat
        elif isinstance(column.type, Date):
            out[column.name] = date.fromisoformat
    return out


def plan(rows: Rows, new: dict[str, list[ValidRecord]],
         changed: dict[str, list[ValidRecord]]) -> Iterator[Batch]:
    """Every statement of an import, parents before children: foreign keys are checked per
    statement."""
    for table in Base.metadata.sorted_tables:
        if table.name not in TABLES:
            continue
        if table.name in changed:
            yield from rows.update(table, changed[table.name])
        if table.name in new:
            yield from rows.insert(table, new[table.name])
