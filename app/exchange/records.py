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

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum as PyEnum
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Enum, Integer, String, Table

from app.errors import BundleRejected
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
GROW_ONLY = frozenset({"notification", "notification_person", "letter", "referral_event"})

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


@cache
def field_names(table: str) -> tuple[str, ...]:
    """The fields of a travelling table, in column order (``deleted`` not among them)."""
    return tuple(c.name for c in TABLES[table].columns if c.name not in BOOKKEEPING)


@cache
def required_fields(table: str) -> tuple[str, ...]:
    """Fields a new row cannot do without: not nullable and no default to fall back on."""
    return tuple(
        c.name for c in TABLES[table].columns
        if c.name not in BOOKKEEPING and not c.nullable and c.default is None
        and c.server_default is None
    )


@dataclass(slots=True)
class ValidRecord:
    """An incoming record that passed every check; ``fields`` are in their JSON form.

    Treated as immutable (``dataclasses.replace`` makes a changed copy), but not frozen: a
    frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, a third of a
    second per 300,000 records at import."""

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


# An id is a uuid in its canonical text form (what ``str(uuid.UUID(...))`` gives back): a
# pattern checks that shape many times faster than parsing, and tells the same ids apart.
_UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_STAMP = "[0-9]{13}-[0-9]{6}"  # ``Stamp.parse``'s shape, ASCII digits only (stamps sort as text)
_uuid_match = re.compile(_UUID).fullmatch
_stamp_match = re.compile(_STAMP).fullmatch
_clock_match = re.compile(f"{_STAMP}/(?:{_UUID})?").fullmatch


def _is_uuid(text: Any) -> bool:
    return isinstance(text, str) and _uuid_match(text) is not None


def _is_stamp(text: Any) -> bool:
    return isinstance(text, str) and _stamp_match(text) is not None


def is_field_clock(text: Any) -> bool:
    """``"<stamp>/<unit id>"``; the unit may be empty for rows made before units existed."""
    return isinstance(text, str) and _clock_match(text) is not None


Check = Callable[[Any], "str | None"]


def _type_check(column: Column[Any]) -> Check:
    """Why a value (never None) cannot be stored in ``column``, or None; chosen once per
    column so a record costs one call per field."""
    kind = column.type
    if isinstance(kind, Enum):  # before String: an Enum is a String
        allowed = tuple(kind.enums)
        return lambda v: None if v in allowed else _("okänt värde")
    if isinstance(kind, String):  # Text included
        length, is_id = kind.length, bool(column.foreign_keys)

        def text(v: Any) -> str | None:
            if not isinstance(v, str):
                return _("ska vara text")
            if length is not None and len(v) > length:
                return _("för lång text")
            if is_id and _uuid_match(v) is None:
                return _("ska vara ett id")
            return None
        return text
    if isinstance(kind, Boolean):
        return lambda v: None if isinstance(v, bool) else _("ska vara sant eller falskt")
    if isinstance(kind, Integer):
        return lambda v: (None if isinstance(v, int) and not isinstance(v, bool)
                          and abs(v) < 2**63 else _("ska vara ett heltal"))
    if isinstance(kind, DateTime | Date):
        parse = datetime.fromisoformat if isinstance(kind, DateTime) else date.fromisoformat

        def when(v: Any) -> str | None:
            if not isinstance(v, str):
                return _("ska vara ett datum")
            try:
                parsed = parse(v)
            except ValueError:
                return _("ska vara ett datum")
            if isinstance(parsed, datetime) and parsed.tzinfo is not None:
                return _("ska vara ett datum")
            return None
        return when
    if isinstance(kind, JSON):
        return lambda v: None if isinstance(v, list | dict) else _("ska vara en lista")
    return lambda v: _("okänd kolumntyp")


def _value_problem(column: Column[Any], value: Any) -> str | None:
    """Why ``value`` cannot be stored in ``column``, or None."""
    if value is None:
        return None if column.nullable else _("värde saknas")
    return _type_check(column)(value)


@cache
def _field_checks(table: str) -> dict[str, tuple[bool, Check]]:
    """Per field: may it be null, and the check of a value that is not."""
    columns = TABLES[table].columns
    return {name: (bool(columns[name].nullable), _type_check(columns[name]))
            for name in field_names(table)}


_TOP = frozenset({"table", "id", "hlc", "origin_unit", "deleted", "field_clocks", "fields"})


@cache
def _fields_ok(table: str) -> Callable[[dict[str, Any]], bool]:
    """A check of a record's fields made for one table: True only if every field passes
    ``_field_checks`` (False sends the record through those checks for the message).

    Generated as one function with the column rules written out — no call, lookup or
    message per field — because this runs for every field of every record (3 million at
    100,000 people). It may only say True when the per-field checks would; a property test
    holds the two together."""
    columns = TABLES[table].columns
    names = field_names(table)
    env: dict[str, Any] = {"KNOWN": frozenset(names), "MISSING": object(),
                           "uuid": _uuid_match, "dt": datetime.fromisoformat,
                           "d": date.fromisoformat, "Error": ValueError}
    lines = ["def ok(f):",
             "    if not f.keys() <= KNOWN:",
             "        return False"]
    for i, name in enumerate(names):
        column = columns[name]
        kind = column.type
        lines.append(f"    v = f.get({name!r}, MISSING)")
        lines.append("    if v is None:")
        lines.append(f"        {'pass' if column.nullable else 'return False'}")
        if isinstance(kind, Enum):
            env[f"E{i}"] = frozenset(kind.enums)
            test = f"v.__class__ is not str or v not in E{i}"
        elif isinstance(kind, String):
            parts = ["v.__class__ is not str"]
            if kind.length is not None:
                parts.append(f"len(v) > {int(kind.length)}")
            if column.foreign_keys:
                parts.append("uuid(v) is None")
            test = " or ".join(parts)
        elif isinstance(kind, Boolean):
            test = "v is not True and v is not False"
        elif isinstance(kind, Integer):
            test = "v.__class__ is not int or not -9223372036854775808 < v < 9223372036854775808"
        elif isinstance(kind, DateTime | Date):
            parse = "dt" if isinstance(kind, DateTime) else "d"
            lines += ["    elif v is not MISSING:",
                      "        if v.__class__ is not str:",
                      "            return False",
                      "        try:",
                      f"            p = {parse}(v)",
                      "        except Error:",
                      "            return False"]
            if isinstance(kind, DateTime):
                lines += ["        if p.tzinfo is not None:",
                          "            return False"]
            continue
        elif isinstance(kind, JSON):
            test = "v.__class__ is not list and v.__class__ is not dict"
        else:
            test = "True"
        lines += ["    elif v is not MISSING:",
                  f"        if {test}:",
                  "            return False"]
    lines.append("    return True")
    exec(compile("\n".join(lines), f"<record check: {table}>", "exec"), env)
    ok: Callable[[dict[str, Any]], bool] = env["ok"]
    return ok


def _field_problem(table: str, fields: dict[str, Any], position: int) -> None:
    """The per-field checks with their messages: raises at the first field that fails."""
    checks = _field_checks(table)
    for name, value in fields.items():
        entry = checks.get(name)
        if entry is None:
            raise _reject(position, _("okänt fält {field}").format(field=name))
        nullable, check = entry
        problem = check(value) if value is not None else (
            None if nullable else _("värde saknas"))
        if problem is not None:
            raise _reject(position, f"{name}: {problem}")


def validate_record(record: Any, position: int) -> ValidRecord:
    """Check one decoded payload line; ``position`` (from 1) names it in the message."""
    if record.__class__ is dict:
        table = record.get("table")
        if table.__class__ is str:
            make = _makers().get(table)
            if make is not None:
                made = make(record)
                if made is not None:
                    return made
    return _checked_record(record, position)


@cache
def _makers() -> dict[str, Callable[[dict[str, Any]], ValidRecord | None]]:
    return {table: _record_maker(table) for table in TABLES}


def _record_maker(table: str) -> Callable[[dict[str, Any]], ValidRecord | None]:
    """The checks of ``_checked_record`` for one table's records as one call without
    messages: the checked record if they all pass, else None (and the record goes through
    them for the message). A property test holds the two together."""
    fields_ok = _fields_ok(table)

    def make(record: dict[str, Any]) -> ValidRecord | None:
        if record.keys() != _TOP:
            return None
        rid, hlc, origin = record["id"], record["hlc"], record["origin_unit"]
        deleted, fields, clocks = record["deleted"], record["fields"], record["field_clocks"]
        if (rid.__class__ is str and _uuid_match(rid) is not None
                and hlc.__class__ is str and _stamp_match(hlc) is not None
                and (origin == "" or (origin.__class__ is str
                                      and _uuid_match(origin) is not None))
                and (deleted is True or deleted is False)
                and fields.__class__ is dict and fields_ok(fields)
                and (clocks is None or (
                    clocks.__class__ is dict and len(clocks) == len(fields) + 1
                    and "deleted" in clocks and all(n in clocks for n in fields)
                    and all(c.__class__ is str and _clock_match(c) is not None
                            for c in clocks.values())))):
            return ValidRecord(table, rid, hlc, origin, deleted, clocks, fields)
        return None
    return make


def _checked_record(record: Any, position: int) -> ValidRecord:
    """Every check of a record with its message: raises at the first that fails."""
    if not isinstance(record, dict) or record.keys() != _TOP:
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
    if not _fields_ok(table)(fields):
        _field_problem(table, fields, position)
    clocks = record["field_clocks"]
    # Complete for what travelled: every field present, and the tombstone, has its clock.
    if clocks is not None and (not isinstance(clocks, dict)
                               or len(clocks) != len(fields) + 1 or "deleted" not in clocks
                               or not all(n in clocks for n in fields)
                               or not all(is_field_clock(c) for c in clocks.values())):
        raise _reject(position, _("ogiltiga fältklockor"))
    return ValidRecord(table=table, id=record["id"], hlc=record["hlc"], origin_unit=origin,
                       deleted=record["deleted"], field_clocks=clocks, fields=fields)


def require_complete(record: ValidRecord, position: int) -> None:
    """A record that would create a row here must carry every field the row needs."""
    missing = [n for n in required_fields(record.table) if n not in record.fields]
    if missing:
        raise _reject(position, _("fält saknas för en ny post: {fields}").format(
            fields=", ".join(missing)))
