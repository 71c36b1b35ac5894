"""Bulk inserts for imports and demo data, straight to the driver's ``executemany``.

The ORM costs about 8× Core per row, and Core's per-row parameter handling still doubled the
import time at 100,000 people. So rows become tuples here, each value converted by the
column type's own SQLAlchemy bind processor (dates, enums, JSON and booleans are stored in
exactly the form the ORM would store them), and go to the DBAPI cursor of the session's
connection — inside the caller's transaction. These inserts skip the session's before-flush
hook, so rows are stamped here with the same fields it sets (id, clock stamp, origin unit,
times, tombstone flag, derived sort keys).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from app.models import Group, Person, VaultMeta
from app.models.base import new_id
from app.models.collation import swedish_sort_key
from app.services.db import Db, utcnow
from app.vault.engine import translate_error

BATCH = 5000
_MISSING = object()


# Columns the ORM models compute themselves (see their ``refresh_derived``): per table, per
# column, the stored value from the row's other values. Rows written past the ORM (demo data,
# bundles) use this one definition.
DERIVED: dict[str, dict[str, Callable[[Mapping[str, Any]], Any]]] = {
    Person.__tablename__: {
        "sort_name": lambda row: swedish_sort_key(f"{row['last_name']} {row['first_name']}")},
    Group.__tablename__: {"sort_name": lambda row: swedish_sort_key(row["name"])},
}


class _Plan:
    """Per-table INSERT statement, column order, defaults and bind processors."""

    def __init__(self, table: Table, dialect: Any) -> None:
        self.columns = list(table.columns)
        names = ", ".join(f'"{c.name}"' for c in self.columns)
        marks = ", ".join("?" for _c in self.columns)
        self.sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'
        self.keys = [c.key for c in self.columns]
        self.processors = [c.type._cached_bind_processor(dialect) for c in self.columns]
        # (callable, scalar) per column: callables run per row so lists are never shared.
        self.defaults: list[tuple[Callable[[Any], Any] | None, Any]] = []
        for column in self.columns:
            default = column.default
            if default is None:
                self.defaults.append((None, None))
            elif getattr(default, "is_callable", False):
                self.defaults.append((default.arg, None))  # type: ignore[attr-defined]
            else:
                self.defaults.append((None, getattr(default, "arg", None)))
        self.derived = DERIVED.get(table.name, {})

    def row_tuple(self, row: dict[str, Any]) -> tuple[Any, ...]:
        values = []
        for key, proc, (make, scalar) in zip(self.keys, self.processors, self.defaults,
                                             strict=True):
            value = row.get(key, _MISSING)
            if value is _MISSING:
                value = make(None) if make is not None else scalar
            values.append(proc(value) if proc is not None and value is not None else value)
        return tuple(values)


def stamp(db: Db, row: dict[str, Any], now: Any = None) -> dict[str, Any]:
    """Fill the merge columns of one row (in place) and return it."""
    now = now or utcnow()
    if "id" not in row:  # not setdefault: that would make (and drop) a uuid for every row
        row["id"] = new_id()
    row["hlc"] = str(db.clock.now())
    row["origin_unit"] = db.unit_id
    row.setdefault("created_at", now)
    row["updated_at"] = now
    row.setdefault("deleted", False)
    return row


def insert_rows(session: Session, table: Table, rows: Iterable[Mapping[str, Any]]) -> int:
    """Stamp and insert rows in batches inside the caller's transaction; returns the count."""
    db: Db = session.info["db"]
    connection = session.connection()
    plan = _Plan(table, connection.dialect)
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    batch: list[tuple[Any, ...]] = []
    count = 0
    now = utcnow()  # one time per call: the rows are written by one action
    try:
        for source in rows:
            row = stamp(db, dict(source), now)
            for name, derive in plan.derived.items():
                row[name] = derive(row)
            batch.append(plan.row_tuple(row))
            if len(batch) >= BATCH:
                cursor.executemany(plan.sql, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(plan.sql, batch)
            count += len(batch)
    except Exception as exc:
        # The raw cursor bypasses the engine's error translation: a full disk or a damaged
        # file must still reach the caller as the app's own error.
        translated = translate_error(exc)
        if translated is None:
            raise
        raise translated from exc
    finally:
        cursor.close()
    save_clock(session)
    return count


def save_clock(session: Session) -> None:
    db: Db = session.info["db"]
    meta = session.get(VaultMeta, "hlc_last")
    if meta is None:
        session.add(VaultMeta(key="hlc_last", value=str(db.clock.last)))
    else:
        meta.value = str(db.clock.last)
