"""A personnummer arriving in a bundle that another person already has is set aside for review,
not written: against a live person here, a deleted one, another record of the same bundle, and
a changed record whose new number clashes. Without a clash nothing is touched. The merged rows
are written afterwards as an import writes them, so the unique index is proven satisfied."""

from __future__ import annotations

import time
import uuid
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.exchange.merge import Merged, clock_text, field_clock, merge, merge_all, normal
from app.exchange.records import TABLES, ZERO_CLOCK, ValidRecord, to_record
from app.models import Person
from app.services.bundle_apply import write_merged
from app.services.bundle_clash import set_aside_pnr_clashes
from app.services.session import Services

PNR_A = "198001010191"
PNR_B = "198502020293"
PNR_C = "199003030393"
PARTNER = "7a7a7a7a-0000-4000-8000-000000000000"


def _stamp(after: str | None = None) -> str:
    """A stamp a minute after ``after`` (or now): the partner wrote later."""
    base = int(after.partition("-")[0]) if after else int(time.time() * 1000)
    return f"{base + 60_000:013d}-000000"


def _new_person(pnr: str | None, **fields: Any) -> ValidRecord:
    values = {"first_name": "Bo", "last_name": "Lind", "personnummer": pnr,
              "id_kind": "personnummer" if pnr else None, "city": "Lund", **fields}
    return ValidRecord(table="person", id=str(uuid.uuid4()), hlc=_stamp(),
                       origin_unit=PARTNER, deleted=False, field_clocks=None, fields=values)


def _stored(s: Session, ids: list[str]) -> dict[tuple[str, str], ValidRecord]:
    person = TABLES["person"]
    rows = s.execute(select(person).where(person.c.id.in_(ids))).mappings()
    return {("person", r["id"]): ValidRecord(**to_record("person", dict(r))) for r in rows}


def _changed(local: ValidRecord, **changes: Any) -> ValidRecord:
    """The partner's later write of ``changes`` to a row both hold."""
    stamp = _stamp(local.hlc)
    clocks = dict(normal(local).field_clocks or {})
    clocks.update({name: f"{stamp}/{PARTNER}" for name in changes})
    return ValidRecord(table="person", id=local.id, hlc=stamp, origin_unit=PARTNER,
                       deleted=local.deleted, field_clocks=clocks,
                       fields={**local.fields, **changes})


def _merge(s: Session, incoming: list[ValidRecord]) -> dict[tuple[str, str], Merged]:
    return merge_all(_stored(s, [r.id for r in incoming]), incoming)


def _write(s: Session, merged: dict[tuple[str, str], Merged]) -> None:
    s.info["keep_stamps"] = True
    write_merged(s, merged)  # raises BundleRejected if the unique index were broken


def _pnr(s: Session, person_id: str) -> str | None:
    return s.execute(select(Person.personnummer).where(Person.id == person_id)).scalar_one()


def _without_pnr(fields: Any) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if k != "personnummer"}


def _assert_set_aside_new(result: Merged, incoming: ValidRecord) -> None:
    record = result.record
    assert result.kind == "new" and record.fields["personnummer"] is None
    assert record.field_clocks is not None and record.field_clocks["personnummer"] == (
        f"{ZERO_CLOCK}/")
    # Nothing else changed: every other field and its clock as the partner sent them.
    assert _without_pnr(record.fields) == _without_pnr(incoming.fields)
    assert {k: v for k, v in record.field_clocks.items() if k != "personnummer"} == {
        name: clock_text(field_clock(incoming, name)) for name in [*incoming.fields, "deleted"]
        if name != "personnummer"}
    assert (record.id, record.hlc, record.origin_unit, record.deleted) == (
        incoming.id, incoming.hlc, incoming.origin_unit, incoming.deleted)


def test_a_number_a_live_person_here_has_is_set_aside(services: Services) -> None:
    here = services.people.create({"first_name": "Anna", "last_name": "Ek",
                                   "personnummer": PNR_A})
    incoming = _new_person(PNR_A)
    with services.db.write() as s:
        merged = _merge(s, [incoming])
        items = set_aside_pnr_clashes(s, merged)
        result = merged[("person", incoming.id)]
        _assert_set_aside_new(result, incoming)
        [item] = items
        assert result.reviews == (item,)
        assert (item.table, item.record_id, item.field) == ("person", incoming.id,
                                                            "personnummer")
        assert (item.kept_value, item.other_value) == (None, PNR_A)
        assert item.other_clock == f"{incoming.hlc}/{PARTNER}" and item.other_unit == PARTNER
        _write(s, merged)
        assert _pnr(s, incoming.id) is None and _pnr(s, here.id) == PNR_A
    assert services.people.get(incoming.id).city == "Lund"


def test_a_number_a_deleted_person_here_has_is_set_aside(services: Services) -> None:
    gone = services.people.create({"first_name": "Anna", "last_name": "Ek",
                                   "personnummer": PNR_A})
    services.people.delete(gone.id)
    incoming = _new_person(PNR_A)
    with services.db.write() as s:
        merged = _merge(s, [incoming])
        [item] = set_aside_pnr_clashes(s, merged)
        _assert_set_aside_new(merged[("person", incoming.id)], incoming)
        assert (item.record_id, item.kept_value, item.other_value) == (incoming.id, None, PNR_A)
        _write(s, merged)
        assert _pnr(s, incoming.id) is None and _pnr(s, gone.id) == PNR_A


def test_two_incoming_people_with_one_number_are_both_set_aside(services: Services) -> None:
    first, second = _new_person(PNR_B), _new_person(PNR_B, first_name="Bosse")
    alone = _new_person(PNR_C)
    with services.db.write() as s:
        merged = _merge(s, [first, second, alone])
        items = set_aside_pnr_clashes(s, merged)
        assert sorted(i.record_id for i in items) == sorted([first.id, second.id])
        assert {(i.kept_value, i.other_value) for i in items} == {(None, PNR_B)}
        _assert_set_aside_new(merged[("person", first.id)], first)
        _assert_set_aside_new(merged[("person", second.id)], second)
        assert merged[("person", alone.id)].record is alone  # no clash: untouched
        _write(s, merged)
        assert [_pnr(s, r.id) for r in (first, second, alone)] == [None, None, PNR_C]


def test_a_changed_record_keeps_the_number_stored_here(services: Services) -> None:
    mine = services.people.create({"first_name": "Cia", "last_name": "Berg",
                                   "personnummer": PNR_A, "city": "Lund"})
    services.people.create({"first_name": "Anna", "last_name": "Ek", "personnummer": PNR_B})
    with services.db.read() as s:
        local = _stored(s, [mine.id])[("person", mine.id)]
    incoming = _changed(local, personnummer=PNR_B, city="Malmö")
    with services.db.write() as s:
        merged = _merge(s, [incoming])
        [item] = set_aside_pnr_clashes(s, merged)
        result = merged[("person", mine.id)]
        assert result.kind == "changed" and result.changed_fields == ("city",)
        assert result.record.fields == {**local.fields, "city": "Malmö"}
        assert result.record.field_clocks is not None
        assert result.record.field_clocks["personnummer"] == clock_text(
            field_clock(local, "personnummer"))
        assert result.record.field_clocks["city"] == f"{incoming.hlc}/{PARTNER}"
        assert (item.kept_value, item.other_value) == (PNR_A, PNR_B)
        assert item.other_clock == f"{incoming.hlc}/{PARTNER}"
        assert result.reviews == (item,)
        _write(s, merged)
        assert _pnr(s, mine.id) == PNR_A
    assert services.people.get(mine.id).city == "Malmö"


def test_a_change_of_the_number_alone_leaves_the_row_as_stored(services: Services) -> None:
    mine = services.people.create({"first_name": "Cia", "last_name": "Berg",
                                   "personnummer": PNR_A})
    services.people.create({"first_name": "Anna", "last_name": "Ek", "personnummer": PNR_B})
    with services.db.read() as s:
        local = _stored(s, [mine.id])[("person", mine.id)]
    with services.db.write() as s:
        merged = _merge(s, [_changed(local, personnummer=PNR_B)])
        [item] = set_aside_pnr_clashes(s, merged)
        result = merged[("person", mine.id)]
        assert (result.kind, result.record, result.changed_fields) == ("same", local, ())
        assert result.reviews == (item,) and item.kept_value == PNR_A


def test_without_a_clash_nothing_is_touched(services: Services) -> None:
    mine = services.people.create({"first_name": "Cia", "last_name": "Berg",
                                   "personnummer": PNR_A, "city": "Lund"})
    with services.db.read() as s:
        local = _stored(s, [mine.id])[("person", mine.id)]
    # Its own number again (with another field), a new person with a free number, one without.
    incoming = [_changed(local, city="Malmö"), _new_person(PNR_C), _new_person(None)]
    with services.db.write() as s:
        merged = _merge(s, incoming)
        before = dict(merged)
        assert set_aside_pnr_clashes(s, merged) == []
        assert merged == before
        assert all(merged[k] is before[k] for k in before)
        _write(s, merged)
        assert _pnr(s, incoming[1].id) == PNR_C


def test_a_number_kept_here_is_only_its_own_holder_s(services: Services) -> None:
    """A changed record holding its own stored number beside a new record with that number:
    only the new record is set aside."""
    mine = services.people.create({"first_name": "Cia", "last_name": "Berg",
                                   "personnummer": PNR_A})
    with services.db.read() as s:
        local = _stored(s, [mine.id])[("person", mine.id)]
    same_number = _new_person(PNR_A)
    with services.db.write() as s:
        merged = _merge(s, [_changed(local, city="Malmö"), same_number])
        [item] = set_aside_pnr_clashes(s, merged)
        assert item.record_id == same_number.id
        assert merged[("person", mine.id)].record.fields["personnummer"] == PNR_A
        _write(s, merged)


@pytest.mark.parametrize("kind", ["new", "changed"])
def test_the_partners_number_still_wins_on_the_partners_laptop(services: Services,
                                                               kind: str) -> None:
    """What this laptop keeps never overwrites the partner's number when it travels back:
    the partner keeps its value, and nothing here pretends to be a newer write."""
    services.people.create({"first_name": "Anna", "last_name": "Ek", "personnummer": PNR_B})
    if kind == "new":
        incoming = _new_person(PNR_B)
    else:
        mine = services.people.create({"first_name": "Cia", "last_name": "Berg",
                                       "personnummer": PNR_A})
        with services.db.read() as s:
            incoming = _changed(_stored(s, [mine.id])[("person", mine.id)],
                                personnummer=PNR_B)
    with services.db.write() as s:
        merged = _merge(s, [incoming])
        set_aside_pnr_clashes(s, merged)
        ours = merged[("person", incoming.id)].record
        s.rollback()
    assert merge(incoming, ours).record.fields["personnummer"] == PNR_B
    # And the next bundle with the same write is set aside the same way, the same item.
    with services.db.write() as s:
        again = _merge(s, [incoming])
        [item] = set_aside_pnr_clashes(s, again)
        assert again[("person", incoming.id)].record == ours
        assert item.other_clock == f"{incoming.hlc}/{PARTNER}"
        s.rollback()
