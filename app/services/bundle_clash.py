"""A personnummer in a bundle that another person here already has: set aside for review.

Two laptops may register the same human independently (different ids, same personnummer). The
column is unique among all people, deleted ones included, so writing such a record would break
the import; refusing the whole bundle instead would block every later bundle from that partner.
So, after the merge and before anything is written, every incoming person whose personnummer
would be written anew and is held by another person — here (live or deleted) or in another
record of the same bundle — keeps the value this vault has (nothing, for a new row), and the
incoming number goes to the review list for staff to decide (merge the two people, or correct
one of them).

A number held here counts even when the holder's own record in the same bundle moves it away:
rows are written in an order this module does not control, and SQLite checks uniqueness row by
row, so only a number free beforehand is safe to write. Such a move comes back as one review.

The value kept for a new row gets the lowest possible clock, so the number the partner wrote
still wins everywhere else and comes back here with the next bundle — where it is set aside
again under the same clock, which the review list already holds (one item, not one a bundle).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.exchange.merge import Merged, ReviewItem, clock_text, field_clock, normal
from app.exchange.records import TABLES, ZERO_CLOCK, ValidRecord, to_record

FIELD = "personnummer"
TABLE = "person"
CHUNK = 500
_UNWRITTEN = f"{ZERO_CLOCK}/"  # loses to any real write (stamp, then an empty unit id)


def set_aside_pnr_clashes(s: Session, merged: dict[tuple[str, str], Merged]) -> list[ReviewItem]:
    """Replace, in ``merged``, every person record whose personnummer would clash, so that
    the number is not written; each such record's ``reviews`` gains the item returned here
    (the import stores a record's reviews as it stores the other merge conflicts)."""
    # The numbers each new or changed person would hold after the import.
    wanted: dict[str, list[str]] = {}
    for (table, row_id), result in merged.items():
        if table != TABLE or result.kind == "same":
            continue
        number = result.record.fields.get(FIELD)
        if number is not None:
            wanted.setdefault(number, []).append(row_id)
    if not wanted:
        return []
    holders = _holders(s, wanted)
    clashing: list[str] = []
    for number, ids in wanted.items():
        held_by = holders.get(number)
        for row_id in ids:
            if held_by == row_id:
                continue  # its own number, already stored: nothing is written anew
            if held_by is not None or len(ids) > 1:
                clashing.append(row_id)
    if not clashing:
        return []
    local = _local(s, [i for i in clashing if merged[(TABLE, i)].kind == "changed"])
    items: list[ReviewItem] = []
    for row_id in sorted(clashing):
        key = (TABLE, row_id)
        merged[key], item = _set_aside(merged[key], local.get(row_id))
        items.append(item)
    return items


def _holders(s: Session, wanted: dict[str, list[str]]) -> dict[str, str]:
    """personnummer → the id of the person here holding it, for the numbers wanted."""
    person = TABLES[TABLE]
    column = person.c[FIELD]
    # A vault without numbers (the first import into a new vault): no lookups at all.
    if s.execute(select(person.c.id).where(column.is_not(None)).limit(1)).first() is None:
        return {}
    numbers = sorted(wanted)
    out: dict[str, str] = {}
    for start in range(0, len(numbers), CHUNK):
        chunk = numbers[start:start + CHUNK]
        for row_id, number in s.execute(select(person.c.id, column).where(column.in_(chunk))):
            out[number] = row_id
    return out


def _local(s: Session, ids: Iterable[str]) -> dict[str, ValidRecord]:
    """The rows stored here, as records (for the value and clock a changed row keeps)."""
    person = TABLES[TABLE]
    id_list = sorted(ids)
    out: dict[str, ValidRecord] = {}
    for start in range(0, len(id_list), CHUNK):
        chunk = id_list[start:start + CHUNK]
        for row in s.execute(select(person).where(person.c.id.in_(chunk))).mappings():
            out[row["id"]] = ValidRecord(**to_record(TABLE, dict(row)))
    return out


def _set_aside(result: Merged, local: ValidRecord | None) -> tuple[Merged, ReviewItem]:
    record = normal(result.record)  # a complete clock map, so one field's clock can change
    assert record.field_clocks is not None
    incoming_clock = field_clock(result.record, FIELD)
    fields = dict(record.fields)
    clocks = dict(record.field_clocks)
    if result.kind == "new" or local is None:
        kept = None
        fields[FIELD], clocks[FIELD] = None, _UNWRITTEN
    else:
        kept = local.fields.get(FIELD)
        fields[FIELD], clocks[FIELD] = kept, clock_text(field_clock(local, FIELD))
    item = ReviewItem(table=TABLE, record_id=record.id, field=FIELD, kept_value=kept,
                      other_value=result.record.fields[FIELD],
                      other_clock=clock_text(incoming_clock), other_unit=incoming_clock[1])
    reviews = (*result.reviews, item)
    changed = tuple(n for n in result.changed_fields if n != FIELD)
    if result.kind == "changed" and local is not None and not changed:
        # The number was all that changed: the row stays exactly as stored.
        return Merged(record=local, kind="same", changed_fields=(), reviews=reviews), item
    kept_record = replace(record, fields=fields, field_clocks=clocks)
    return replace(result, record=kept_record, changed_fields=changed, reviews=reviews), item
