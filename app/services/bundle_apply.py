"""Reading a bundle's records and writing the merged rows through the Core, not the ORM.

One ORM object per row cost most of an import at 100,000 people, so the rows go to the
driver's ``executemany`` as tuples converted by each column type's bind processor (as
``app/services/bulk.py`` does for demo data). The rows keep the sender's stamps as they are —
the before-flush hook never sees them — so what the hook would still do is done here: times
of writing, derived sort keys. Tables are written parents first (the metadata's dependency
order) because foreign keys are checked per statement. The FTS tables follow by trigger.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from functools import cache
from typing import Any, cast

from sqlalchemy import JSON, Column, Date, DateTime, Table
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


def read_records(opened: OpenedBundle, *, supported_schemas: set[str],
                 now: datetime) -> list[ValidRecord]:
    """Schema → expiry → every record read and validated as it is decoded, so the payload is
    never held a second time as plain dicts. Raises before anything is written."""
    check_schema(opened.manifest, supported_schemas)
    check_expiry(opened.manifest, now)
    return [validate_record(r, n) for n, r in enumerate(opened.records(), start=1)]


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


class _Writer:
    def __init__(self, session: Session) -> None:
        connection = session.connection()
        self.dialect = connection.dialect
        self.cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]

    def processors(self, table: Table, names: list[str]) -> list[Any]:
        return [table.c[n].type._cached_bind_processor(self.dialect) for n in names]

    def run(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        for start in range(0, len(rows), BATCH):
            self.cursor.executemany(sql, rows[start:start + BATCH])

    def insert(self, table: Table, records: list[ValidRecord], now: datetime) -> None:
        columns = list(table.columns)
        names = [c.name for c in columns]
        procs = self.processors(table, names)
        by_name = dict(zip(names, procs, strict=True))
        # Per column, what a record's value becomes: the times of writing are one value for
        # the whole import, so they are converted once; the rest by their column's converter.
        written = by_name["created_at"](now)
        fields_at = [(n, _converter(c, p), _default(c, p)) for n, c, p
                     in zip(names, columns, procs, strict=True) if n not in BOOKKEEPING]
        deleted, clocks = by_name["deleted"] or bool, _json_converter()
        derive = _derive(table.name)
        rows = []
        for record in sorted(records, key=_by_id):  # the id index fills in order
            fields = record.fields
            if derive is not None:
                fields = dict(fields)
                derive(fields)
            row: list[Any] = [record.id, written, written, record.hlc, record.origin_unit,
                              deleted(record.deleted),
                              None if record.field_clocks is None
                              else clocks(record.field_clocks)]
            for name, convert, default in fields_at:
                value = fields.get(name, _MISSING)
                if value is _MISSING:  # a field the sender's profile left out
                    row.append(default())
                else:
                    row.append(convert(value) if convert is not None and value is not None
                               else value)
            rows.append(row)
        order = ["id", "created_at", "updated_at", "hlc", "origin_unit", "deleted",
                 "field_clocks", *(n for n, _c, _d in fields_at)]
        quoted = ", ".join(f'"{n}"' for n in order)
        marks = ", ".join("?" for _n in order)
        self.run(f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})', rows)

    def update(self, table: Table, records: list[ValidRecord], now: datetime) -> None:
        derive = _derive(table.name)
        # Records of one table may carry different fields (profiles): one statement per shape.
        shapes: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        for record in records:
            values = _values(record)
            values["updated_at"] = now
            if derive is not None:
                derive(values)
            names = tuple(values)
            procs = self.processors(table, list(names))
            row = [proc(values[n]) if proc is not None and values[n] is not None else values[n]
                   for n, proc in zip(names, procs, strict=True)]
            shapes.setdefault(names, []).append((*row, record.id))
        for names, rows in shapes.items():
            sets = ", ".join(f'"{n}" = ?' for n in names)
            self.run(f'UPDATE "{table.name}" SET {sets} WHERE id = ?', rows)


def write_merged(session: Session, merged: dict[tuple[str, str], Merged]) -> None:
    """Insert the new rows and update the changed ones, parents before children."""
    new: dict[str, list[ValidRecord]] = {}
    changed: dict[str, list[ValidRecord]] = {}
    for (name, _id), result in merged.items():
        if result.kind == "new":
            new.setdefault(name, []).append(result.record)
        elif result.kind == "changed":
            changed.setdefault(name, []).append(result.record)
    writer = _Writer(session)
    integrity = writer.dialect.loaded_dbapi.IntegrityError
    now = utcnow()
    try:
        for table in Base.metadata.sorted_tables:
            if table.name not in TABLES:
                continue
            if table.name in changed:
                writer.update(table, changed[table.name], now)
            if table.name in new:
                writer.insert(table, new[table.name], now)
    except integrity:
        raise BundleRejected("bad_record", _(
            "Bunten krockar med uppgifter här (t.ex. samma personnummer på två "
            "personer); inget lästes in.")) from None
    except Exception as exc:
        translated = translate_error(exc)
        if translated is None:
            raise
        raise translated from exc
    finally:
        writer.cursor.close()
