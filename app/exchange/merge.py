"""Merging an incoming record into the row this vault holds, field by field.

Every field (the tombstone ``deleted`` among them) carries a clock ``(stamp, unit id)``; per
field the greater clock wins, so the result depends only on the set of writes seen and not on
the order bundles arrive in or how often: merging is commutative, associative and idempotent,
and every laptop that has seen the same writes holds the same row. Two different values under
the same clock cannot come from honest laptops (one unit never reuses a stamp); the greater
value in canonical JSON wins then, so even that stays deterministic.

Rows are never removed by a merge: a delete is a tombstone that wins only if it is newer than
the other side's writes to ``deleted``, and a row missing from a bundle is simply not touched.

Fields that matter to a person (``REVIEW_FIELDS``) are not silently overwritten: when both
sides hold the row and disagree, the losing value comes back as a ``ReviewItem``. The winner is
still applied (so laptops converge); a person then keeps it or chooses the other value, which
is a new write with a new clock.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from app.exchange.records import ValidRecord

# The one list of fields whose disagreement a person must see. Frivård status and its period
# decide what a person may be offered; membership decides who is told the message; consent
# decides what may be shared at all (OSL 12:2).
REVIEW_FIELDS: dict[str, frozenset[str]] = {
    "person": frozenset({"frivard_status", "frivard_from", "frivard_to"}),
    "membership": frozenset({"role", "valid_from", "valid_to", "deleted"}),
    "consent": frozenset({"given_on", "withdrawn_on", "shared_with", "withheld", "deleted"}),
}

Clock = tuple[str, str]  # (stamp, unit id): compared as a pair, stamps sort as text


def parse_clock(text: str) -> Clock:
    stamp, _sep, unit = text.partition("/")
    return stamp, unit


def clock_text(clock: Clock) -> str:
    return f"{clock[0]}/{clock[1]}"


def field_clock(record: ValidRecord, name: str) -> Clock:
    """The clock of one field; without a map every field carries the row's clock."""
    if record.field_clocks is not None and name in record.field_clocks:
        return parse_clock(record.field_clocks[name])
    return record.hlc, record.origin_unit


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _value(record: ValidRecord, name: str) -> Any:
    return record.deleted if name == "deleted" else record.fields[name]


def _names(record: ValidRecord) -> list[str]:
    return [*record.fields, "deleted"]


def normal(record: ValidRecord) -> ValidRecord:
    """The same record with a complete clock map: two records are the same data exactly when
    their normal forms are equal."""
    clocks = {name: clock_text(field_clock(record, name)) for name in _names(record)}
    return ValidRecord(table=record.table, id=record.id, hlc=record.hlc,
                       origin_unit=record.origin_unit, deleted=record.deleted,
                       field_clocks=clocks, fields=dict(record.fields))


@dataclass(frozen=True)
class ReviewItem:
    """A value that lost a merge on a field that matters to a person."""

    table: str
    record_id: str
    field: str
    kept_value: Any
    other_value: Any
    other_clock: str  # "<stamp>/<unit id>" of the losing write
    other_unit: str


@dataclass(slots=True)
class Merged:  # not frozen, for speed (see ValidRecord); treated as immutable
    """The row after the merge. ``kind``: ``new`` (we did not hold it), ``changed`` (some
    field or clock moved) or ``same`` (nothing to write). ``changed_fields`` names what moved
    in a held row; a new row lists none (all of it is new)."""

    record: ValidRecord
    kind: Literal["new", "changed", "same"]
    changed_fields: tuple[str, ...]
    reviews: tuple[ReviewItem, ...]


def _wins(a: tuple[Clock, Any], b: tuple[Clock, Any]) -> bool:
    """Does write ``a`` beat write ``b``? Clock first, then the value as a last resort."""
    return (a[0], _canonical(a[1])) > (b[0], _canonical(b[1]))


def merge(local: ValidRecord | None, incoming: ValidRecord) -> Merged:
    """Merge ``incoming`` into ``local`` (the row this vault holds, or None)."""
    if local is None:
        return Merged(record=incoming, kind="new", changed_fields=(), reviews=())
    if (local.table, local.id) != (incoming.table, incoming.id):
        raise ValueError("merging two different rows")
    watched = REVIEW_FIELDS.get(local.table, frozenset())
    fields: dict[str, Any] = {}
    clocks: dict[str, str] = {}
    changed: list[str] = []
    reviews: list[ReviewItem] = []
    names = list(dict.fromkeys([*local.fields, *incoming.fields, "deleted"]))
    for name in names:
        mine = (field_clock(local, name), _value(local, name)) if name in _names(local) else None
        theirs = ((field_clock(incoming, name), _value(incoming, name))
                  if name in _names(incoming) else None)
        if mine is None or (theirs is not None and _wins(theirs, mine)):
            winner, loser = theirs, mine
        else:
            winner, loser = mine, theirs
        assert winner is not None
        if winner is not mine and (mine is None or winner != mine):
            changed.append(name)
        fields[name] = winner[1]
        clocks[name] = clock_text(winner[0])
        # One unit's writes are sequential: only two units disagreeing is a conflict.
        if (name in watched and loser is not None and loser[1] != winner[1]
                and loser[0][1] != winner[0][1]):
            reviews.append(ReviewItem(table=local.table, record_id=local.id, field=name,
                                      kept_value=winner[1], other_value=loser[1],
                                      other_clock=clock_text(loser[0]),
                                      other_unit=loser[0][1]))
    row_clock = max((local.hlc, local.origin_unit), (incoming.hlc, incoming.origin_unit))
    deleted = fields.pop("deleted")
    record = ValidRecord(table=local.table, id=local.id, hlc=row_clock[0],
                         origin_unit=row_clock[1], deleted=deleted, field_clocks=clocks,
                         fields=fields)
    if not changed and row_clock == (local.hlc, local.origin_unit):
        return Merged(record=local, kind="same", changed_fields=(), reviews=tuple(reviews))
    return Merged(record=record, kind="changed", changed_fields=tuple(changed),
                  reviews=tuple(reviews))


Key = tuple[str, str]  # (table, id)


def _combine(earlier: Merged, later: Merged) -> Merged:
    """Two merges of one row in a bundle, one after the other, as one: ``new`` if the row
    was new before the first (a new row stays new however often it comes)."""
    kind = "new" if earlier.kind == "new" else (
        "changed" if "changed" in (earlier.kind, later.kind) else "same")
    return Merged(record=later.record, kind=kind,  # type: ignore[arg-type]
                  changed_fields=tuple(dict.fromkeys([*earlier.changed_fields,
                                                      *later.changed_fields])),
                  reviews=earlier.reviews + later.reviews)


def merge_all(local: Mapping[Key, ValidRecord],
              incoming: list[ValidRecord]) -> dict[Key, Merged]:
    """Merge a bundle's records (duplicates allowed) into rows keyed by (table, id)."""
    current: dict[Key, ValidRecord] = {}
    results: dict[Key, Merged] = {}
    for record in incoming:
        key = (record.table, record.id)
        if key not in results and key not in local:
            # The common case of a first import: a row we do not hold, seen once so far.
            current[key] = record
            results[key] = Merged(record=record, kind="new", changed_fields=(), reviews=())
            continue
        merged = merge(current.get(key, local.get(key)), record)
        current[key] = merged.record
        earlier = results.get(key)
        results[key] = merged if earlier is None else _combine(earlier, merged)
    return results


class RunMerger:
    """``merge_all`` over a bundle taken a run at a time (one table's records, written
    before the next run is merged).

    A run is merged against the rows as they stand after the runs before it — what the
    database then holds — so its results say what to write; ``results`` adds the runs up to
    what ``merge_all`` says of the whole bundle (a property test holds the two equal)."""

    def __init__(self) -> None:
        self.results: dict[Key, Merged] = {}

    def merge(self, local: Mapping[Key, ValidRecord],
              run: list[ValidRecord]) -> dict[Key, Merged]:
        """The run merged into ``local`` (rows held here) and the earlier runs; changes
        nothing until ``keep``."""
        held = dict(local)
        if self.results:
            for record in run:
                key = (record.table, record.id)
                earlier = self.results.get(key)
                if earlier is not None:
                    held[key] = earlier.record
        return merge_all(held, run)

    def keep(self, merged: Mapping[Key, Merged]) -> None:
        for key, result in merged.items():
            earlier = self.results.get(key)
            self.results[key] = result if earlier is None else _combine(earlier, result)
