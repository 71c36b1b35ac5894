"""Rows as bundle records, and incoming records checked before anything touches the database.

A record is one JSON object per line of a bundle's payload::

    {"table": "person", "id": "<uuid>", "hlc": "<stamp>", "origin_unit": "<uuid>",
     "deleted": false, "field_clocks": {"field": "<stamp>/<unit>"} | null,
     "fields": {"column": <JSON value>, ...}}

Dates and datetimes travel as ISO text, enums as their values, JSON columns as JSON. The ORM's
table metadata is the one source of the column names and types, so a column added by a
migration travels (and is checked) without touching this file. A partner's profile may leave
fields out; the fields present are always checked, and a record for a row the receiver does
not hold must carry every required field (``require_complete``).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum as PyEnum
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Enum, Integer, String, Table

from app.errors import BundleRejected
from app.exchange.hlc import Stamp
from app.i18n import _
from app.models import Base, Partner, SyncMixin

# A partner row is this laptop's own trust decision (a pinned signing key): a bundle that
# could add or change partners would let its sender vouch for new senders. Everything else
# mergeable travels, letter templates included: a colleague prints the same letters and a
# letter row names its template's name and version; templates hold no personal data. What a
# given partner may receive is narrowed further by its minimisation profile.
NEVER_TRAVELS = frozenset({Partner.__tablename__})

# Columns that describe a write, not what was written; they travel at the record's top level.
BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "hlc", "origin_unit", "deleted",
                         "field_clocks"})

# Tables whose rows record events (a notification delivered, a letter printed): merging only
# ever adds their rows. No table is merged by removing rows — a delete is a tombstone — but for
# these the rule is part of the law of the register, so it is named here for the screens.
GROW_ONLY = frozenset({"notification", "notification_person", "letter"})

ZERO_CLOCK = "0000000000000-000000"


def _travelling_tables() -> dict[str, Table]:
    tables: dict[str, Table] = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if (issubclass(cls, SyncMixin)
                and cls.__tablename__ not in NEVER_TRAVELS):  # type: ignore[attr-defined]
            tables[cls.__tablename__] = cls.__table__  # type: ignore[attr-defined]
    return dict(sorted(tables.items()))


TABLES: dict[str, Table] = _travelling_tables()


def field_names(table: str) -> tuple[str, ...]:
    """The fields of a travelling table, in column order (``deleted`` not among them)."""
    return tuple(c.name for c in TABLES[table].columns if c.name not in BOOKKEEPING)


def required_fields(table: str) -> tuple[str, ...]:
    """Fields a new row cannot do without: not nullable and no default to fall back on."""
    return tuple(
        c.name for c in TABLES[table].columns
        if c.name not in BOOKKEEPING and not c.nullable and c.default is None
        and c.server_default is None
    )


@dataclass(frozen=True)
class ValidRecord:
    """An incoming record that passed every check; ``fields`` are in their JSON form."""

    table: str
    id: str
    hlc: str
    origin_unit: str
    deleted: bool
    field_clocks: Mapping[str, str] | None
    fields: Mapping[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"table": self.table, "id": self.id, "hlc": self.hlc,
                "origin_unit": self.origin_unit, "deleted": self.deleted,
                "field_clocks": None if self.field_clocks is None else dict(self.field_clocks),
                "fields": dict(self.fields)}

    def python_fields(self) -> dict[str, Any]:
        """The fields as the ORM and Core take them (dates as dates, JSON as lists/dicts)."""
        columns = TABLES[self.table].columns
        return {name: from_json(columns[name], value) for name, value in self.fields.items()}


# ---- rows → records -------------------------------------------------------------------------

def to_json(value: Any) -> Any:
    """One column value in its bundle form."""
    if isinstance(value, PyEnum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def from_json(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    return value


def to_record(table: str, row: Mapping[str, Any],
              fields: Collection[str] | None = None) -> dict[str, Any]:
    """A row (column → value, as the database gives it) as a record.

    ``fields`` narrows what leaves (a partner's profile); the field clocks are narrowed with
    it, so a record never says when a withheld field was written.
    """
    names = [n for n in field_names(table) if fields is None or n in fields]
    clocks = row.get("field_clocks")
    row_clock = f"{row['hlc']}/{row['origin_unit']}"
    return {
        "table": table,
        "id": row["id"],
        "hlc": row["hlc"],
        "origin_unit": row["origin_unit"],
        "deleted": bool(row["deleted"]),
        # A field missing from a stored map (a column added later) carries the row's clock.
        "field_clocks": None if not clocks else {
            n: clocks.get(n, row_clock) for n in [*names, "deleted"]},
        "fields": {n: to_json(row[n]) for n in names},
    }


# ---- records → checked records ---------------------------------------------------------------

def _reject(position: int, reason: str) -> BundleRejected:
    return BundleRejected("bad_record", _("Bunten innehåller en felaktig post (nr {n}): {reason}")
                          .format(n=position, reason=reason))


def _is_uuid(text: Any) -> bool:
    if not isinstance(text, str) or len(text) != 36:
        return False
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


def _is_stamp(text: Any) -> bool:
    if not isinstance(text, str):
        return False
    try:
        Stamp.parse(text)
    except ValueError:
        return False
    return True


def is_field_clock(text: Any) -> bool:
    """``"<stamp>/<unit id>"``; the unit may be empty for rows made before units existed."""
    if not isinstance(text, str):
        return False
    stamp, sep, unit = text.partition("/")
    return bool(sep) and _is_stamp(stamp) and (unit == "" or _is_uuid(unit))


def _value_problem(column: Column[Any], value: Any) -> str | None:
    """Why ``value`` cannot be stored in ``column``, or None."""
    kind = column.type
    if value is None:
        return None if column.nullable else _("värde saknas")
    if isinstance(kind, Enum):
        return None if value in kind.enums else _("okänt värde")
    if isinstance(kind, String):  # Text included
        if not isinstance(value, str):
            return _("ska vara text")
        if kind.length is not None and len(value) > kind.length:
            return _("för lång text")
        if column.foreign_keys and not _is_uuid(value):
            return _("ska vara ett id")
        return None
    if isinstance(kind, Boolean):
        return None if isinstance(value, bool) else _("ska vara sant eller falskt")
    if isinstance(kind, Integer):
        ok = isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**63
        return None if ok else _("ska vara ett heltal")
    if isinstance(kind, DateTime | Date):
        if not isinstance(value, str):
            return _("ska vara ett datum")
        try:
            parsed = (datetime if isinstance(kind, DateTime) else date).fromisoformat(value)
        except ValueError:
            return _("ska vara ett datum")
        if isinstance(parsed, datetime) and parsed.tzinfo is not None:
            return _("ska vara ett datum")
        return None
    if isinstance(kind, JSON):
        return None if isinstance(value, list | dict) else _("ska vara en lista")
    return _("okänd kolumntyp")


_TOP = frozenset({"table", "id", "hlc", "origin_unit", "deleted", "field_clocks", "fields"})


def validate_record(record: Any, position: int) -> ValidRecord:
    """Check one decoded payload line; ``position`` (from 1) names it in the message."""
    if not isinstance(record, dict) or set(record) != _TOP:
        raise _reject(position, _("fel uppbyggnad"))
    table = record["table"]
    if not isinstance(table, str) or table not in TABLES:
        raise _reject(position, _("tabellen får inte tas emot"))
    if not _is_uuid(record["id"]):
        raise _reject(position, _("ogiltigt id"))
    if not _is_stamp(record["hlc"]):
        raise _reject(position, _("ogiltig klocka"))
    origin = record["origin_unit"]
    if not (origin == "" or _is_uuid(origin)):
        raise _reject(position, _("ogiltig avsändarenhet"))
    if not isinstance(record["deleted"], bool):
        raise _reject(position, _("ogiltig borttagningsmarkering"))
    fields = record["fields"]
    if not isinstance(fields, dict):
        raise _reject(position, _("fel uppbyggnad"))
    columns = TABLES[table].columns
    known = set(field_names(table))
    for name, value in fields.items():
        if name not in known:
            raise _reject(position, _("okänt fält {field}").format(field=name))
        problem = _value_problem(columns[name], value)
        if problem is not None:
            raise _reject(position, f"{name}: {problem}")
    clocks = record["field_clocks"]
    # Complete for what travelled: every field present, and the tombstone, has its clock.
    if clocks is not None and (not isinstance(clocks, dict)
                               or set(clocks) != {*fields, "deleted"}
                               or not all(is_field_clock(c) for c in clocks.values())):
        raise _reject(position, _("ogiltiga fältklockor"))
    return ValidRecord(table=table, id=record["id"], hlc=record["hlc"], origin_unit=origin,
                       deleted=record["deleted"], field_clocks=clocks, fields=dict(fields))


def require_complete(record: ValidRecord, position: int) -> None:
    """A record that would create a row here must carry every field the row needs."""
    missing = [n for n in required_fields(record.table) if n not in record.fields]
    if missing:
        raise _reject(position, _("fält saknas för en ny post: {fields}").format(
            fields=", ".join(missing)))
