"""Reading a bundle's records and writing the merged rows through the Core, not the ORM.

One ORM object per row cost most of an import at 100,000 people, so the rows go to the
driver's ``executemany`` as tuples converted by each column type's bind processor (as
``app/services/bulk.py`` does for demo data). The rows keep the sender's stamps as they are —
the before-flush hook never sees them — so what the hook would still do is done here: times
of writing, derived sort keys. Tables are written parents first (the metadata's dependency
order) because foreign keys are checked per statement. The FTS tables follow by trigger.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Date, DateTime, Table
from sqlalchemy.orm import Session

from app.errors import BundleRejected
from app.exchange.bundle import OpenedBundle, check_expiry, check_schema
from app.exchange.merge import Merged
from app.exchange.records import TABLES, ValidRecord, validate_record
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


class _Writer:
    def __init__(self, session: Session) -> None:
        connection = session.connection()
        self.dialect = connection.dialect
        self.cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]

    def processors(self, table: Table, names: list[str]) -> list[Any]:
        return [table.c[n].type._cached_bind_processor(self.dialect) for n in names]

    def run(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        for start in range(0, len(rows), BATCH):
            self.cursor.executemany(sql, rows[start:start + BATCH])

    def insert(self, table: Table, records: list[ValidRecord], now: datetime) -> None:
        names = [c.name for c in table.columns]
        procs = self.processors(table, names)
        derive = _derive(table.name)
        defaults = []
        for column in table.columns:
            default = column.default
            if default is not None and getattr(default, "is_callable", False):
                defaults.append((default.arg, None))  # type: ignore[attr-defined]
            else:
                defaults.append((None, getattr(default, "arg", None)))
        rows = []
        for record in records:
            values = _values(record)
            values.update(id=record.id, created_at=now, updated_at=now)
            if derive is not None:
                derive(values)
            row = []
            for name, proc, (make, scalar) in zip(names, procs, defaults, strict=True):
                value = values.get(name, _MISSING)
                if value is _MISSING:  # a field the sender's profile left out
                    value = make(None) if make is not None else scalar
                row.append(proc(value) if proc is not None and value is not None else value)
            rows.append(tuple(row))
        quoted = ", ".join(f'"{n}"' for n in names)
        marks = ", ".join("?" for _n in names)
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
