"""Bulk inserts through SQLAlchemy Core for imports and demo data.

The ORM costs about 8× Core per row (STACK-NOTES), too slow for 100,000 people. Core inserts
skip the session's before-flush hook, so rows are stamped here with the same fields it sets
(id, clock stamp, origin unit, times, tombstone flag, derived sort keys).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from app.models import Group, Person, VaultMeta
from app.models.base import new_id
from app.models.collation import swedish_sort_key
from app.services.db import Db, utcnow

BATCH = 5000


def stamp(db: Db, row: dict[str, Any]) -> dict[str, Any]:
    """Fill the merge columns of one row (in place) and return it."""
    now = utcnow()
    if "id" not in row:  # not setdefault: that would make (and drop) a uuid for every row
        row["id"] = new_id()
    row["hlc"] = str(db.clock.now())
    row["origin_unit"] = db.unit_id
    row.setdefault("created_at", now)
    row["updated_at"] = now
    row.setdefault("deleted", False)
    return row


def derive(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """Columns the ORM models compute themselves (see ``refresh_derived``)."""
    if table is Person.__table__:
        row["sort_name"] = swedish_sort_key(f"{row['last_name']} {row['first_name']}")
    elif table is Group.__table__:
        row["sort_name"] = swedish_sort_key(row["name"])
    return row


def insert_rows(session: Session, table: Table, rows: Iterable[Mapping[str, Any]]) -> int:
    """Stamp and insert rows in batches inside the caller's transaction; returns the count."""
    db: Db = session.info["db"]
    batch: list[dict[str, Any]] = []
    count = 0
    for row in rows:
        batch.append(derive(table, stamp(db, dict(row))))
        if len(batch) >= BATCH:
            session.execute(insert(table), batch)
            count += len(batch)
            batch = []
    if batch:
        session.execute(insert(table), batch)
        count += len(batch)
    save_clock(session)
    return count


def save_clock(session: Session) -> None:
    db: Db = session.info["db"]
    meta = session.get(VaultMeta, "hlc_last")
    if meta is None:
        session.add(VaultMeta(key="hlc_last", value=str(db.clock.last)))
    else:
        meta.value = str(db.clock.last)
