"""An imported row is stored byte for byte as the sender stored it (dates, times, enums, JSON
as the ORM writes them), and the search index follows the imported people."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.exchange.records import TABLES
from app.services import bundle_apply, bundle_rows
from app.services.demo import fill_demo
from app.services.session import Services
from tests.security.bundle_vaults import pair, second_vault


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Services]:
    yield from second_vault(tmp_path)


def _raw(svc: Services, table: str) -> dict[str, tuple[Any, ...]]:
    # The receiver's own times of writing and sort keys are its own; everything else is text
    # exactly as stored, so a date written in another form would show here.
    names = [c.name for c in TABLES[table].columns
             if c.name not in ("created_at", "updated_at") and not c.name.startswith("sort_")
             and c.name != "field_clocks"]
    quoted = ", ".join(f'"{n}"' for n in names)
    with svc.db.read() as s:
        rows = s.execute(text(f'SELECT {quoted} FROM "{table}"')).all()
    at = names.index("id")
    return {r[at]: tuple(r) for r in rows}


def test_imported_rows_are_stored_as_the_sender_stored_them(services: Services,
                                                            other: Services,
                                                            tmp_path: Path) -> None:
    fill_demo(services, people=100, seed=5)
    to_b, _to_a = pair(services, other)
    result = services.bundles.export(to_b.id, tmp_path / "b.age", legal_basis="Samma grupp")
    other.bundles.import_bundle(result.path)
    for table in TABLES:
        assert _raw(other, table) == _raw(services, table), table
    with services.db.read() as s:
        stamp = s.execute(text("SELECT created_at FROM person LIMIT 1")).scalar_one()
    with other.db.read() as s:
        mine = s.execute(text("SELECT created_at FROM person LIMIT 1")).scalar_one()
    assert len(mine) == len(stamp)  # the receiver's own time, in the ORM's stored form


def test_imported_people_are_found_by_search(services: Services, other: Services,
                                             tmp_path: Path) -> None:
    services.people.create({"first_name": "Zlatko", "last_name": "Östergren"})
    fill_demo(services, people=100, seed=6)
    to_b, _to_a = pair(services, other)
    result = services.bundles.export(to_b.id, tmp_path / "b.age", legal_basis="Samma grupp")
    assert not other.people.search("Östergren", log=False)
    other.bundles.import_bundle(result.path)
    found = other.people.search("Östergren", log=False)
    assert [(p.first_name, p.last_name) for p in found] == [("Zlatko", "Östergren")]
    assert other.people.search("zlat", log=False)


def _search_rows(svc: Services) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]], list[Any]]:
    with svc.db.read() as s:
        people = set(s.execute(text("SELECT person_id, names, pnr FROM person_fts")).all())
        groups = set(s.execute(text("SELECT group_id, names FROM group_fts")).all())
        triggers = s.execute(text(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') "
            "ORDER BY name")).all()
    return people, groups, [tuple(t) for t in triggers]


def test_the_search_rows_of_an_import_are_those_the_triggers_make(
        services: Services, other: Services, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # New rows are indexed in one statement built from the insert trigger, which is set
    # aside meanwhile (and an empty table's indexes are built after its rows): the search
    # index must hold exactly what the sender's triggers made, and the triggers and indexes
    # must be back as they were.
    fill_demo(services, people=100, seed=7)
    services.people.create({"first_name": "Åke", "last_name": "Ödman",
                            "personnummer": "19811218-9876"})
    other.people.create({"first_name": "Lokal", "last_name": "Person"})
    to_b, _to_a = pair(services, other)
    monkeypatch.setattr(bundle_apply, "BULK_INDEXES_FROM", 10)  # a small bulk load
    _people, _groups, triggers_before = _search_rows(other)
    result = services.bundles.export(to_b.id, tmp_path / "b.age", legal_basis="Samma grupp")
    other.bundles.import_bundle(result.path)
    sent_people, sent_groups, _t = _search_rows(services)
    got_people, got_groups, triggers_after = _search_rows(other)
    assert sent_people < got_people and len(got_people) == len(sent_people) + 1
    assert got_groups == sent_groups
    assert triggers_after == triggers_before
    with other.db.read() as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
    assert other.people.search("811218", log=False)  # a personnummer fragment
    # The trigger feeds the index again for the next person written here.
    other.people.create({"first_name": "Efter", "last_name": "Importen"})
    assert other.people.search("Importen", log=False)


def test_an_import_failing_mid_table_leaves_the_triggers_and_the_index(
        services: Services, other: Services, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The person insert fails after its first batch went in, while the trigger is set
    # aside: the transaction takes rows and the dropped trigger back together.
    fill_demo(services, people=100, seed=8)
    other.people.create({"first_name": "Lokal", "last_name": "Person"})
    to_b, _to_a = pair(services, other)
    before = _search_rows(other)
    result = services.bundles.export(to_b.id, tmp_path / "b.age", legal_basis="Samma grupp")
    monkeypatch.setattr(bundle_rows, "BATCH", 10)
    monkeypatch.setattr(bundle_apply, "BULK_INDEXES_FROM", 5)  # indexes set aside too
    real = bundle_rows.Rows.insert

    def failing(self: Any, table: Any, records: Any) -> Any:
        for n, batch in enumerate(real(self, table, records)):
            if table.name == "person" and n == 2:
                raise RuntimeError("the stick was pulled out")
            yield batch
    monkeypatch.setattr(bundle_rows.Rows, "insert", failing)
    with pytest.raises(RuntimeError):
        other.bundles.import_bundle(result.path)
    assert _search_rows(other) == before
    with other.db.read() as s:
        assert s.execute(text("SELECT count(*) FROM person")).scalar_one() == 1
    monkeypatch.undo()
    other.people.create({"first_name": "Efter", "last_name": "Felet"})
    assert other.people.search("Felet", log=False)
    other.bundles.import_bundle(result.path)  # and the same bundle goes in afterwards
    assert other.people.search("Lokal", log=False)


def test_a_personnummer_held_here_by_another_person_goes_to_review(
        services: Services, other: Services, tmp_path: Path) -> None:
    # Two laptops registered the same human independently: the bundle goes in, the number
    # waits in the review list instead of refusing everything from that partner.
    sent = services.people.create({"first_name": "Åke", "last_name": "Ödman",
                                   "personnummer": "19811218-9876"})
    services.people.create({"first_name": "Utan", "last_name": "Krock"})
    mine = other.people.create({"first_name": "Åke", "last_name": "Ödman",
                                "personnummer": "19811218-9876"})
    to_b, _to_a = pair(services, other)
    result = services.bundles.export(to_b.id, tmp_path / "b.age", legal_basis="Samma grupp")
    preview = other.bundles.import_bundle(result.path)
    assert {t.table: t.conflicts for t in preview.tables}["person"] == 1
    items = other.reviews.open_items()
    assert [(i.record_id, i.field) for i in items] == [(sent.id, "personnummer")]
    assert "9876" not in str(items[0].other_value)  # shown masked
    assert other.people.get(mine.id).personnummer_masked == mine.personnummer_masked
    assert other.people.search("Krock", log=False)


def test_indexes_stay_when_the_table_holds_more_than_is_coming(
        services: Services, other: Services, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A few rows into a full table keep the indexes (no rebuild of a big index); a run into
    # an empty table sets them aside. Either way the same rows and indexes come out.
    fill_demo(other, people=100, seed=9)
    for n in range(3):
        other.people.create({"first_name": "Lokal", "last_name": f"Nr {n}"})
    fill_demo(services, people=100, seed=10)
    to_b, _to_a = pair(services, other)
    result = services.bundles.export(to_b.id, tmp_path / "b.age", legal_basis="Samma grupp")
    dropped: list[str] = []
    real = bundle_apply._BulkLoad.__enter__

    def watch(self: Any) -> Any:
        dropped.extend(f"{self.table}.{name}" for name, _sql in self.indexes)
        return real(self)
    monkeypatch.setattr(bundle_apply._BulkLoad, "__enter__", watch)
    monkeypatch.setattr(bundle_apply, "BULK_INDEXES_FROM", 50)
    before = _search_rows(other)[2]
    other.bundles.import_bundle(result.path)
    assert _search_rows(other)[2] == before
    # 100 people arrive where 103 are held: person keeps its indexes.
    assert not any(d.startswith("person.") for d in dropped)
    with other.db.read() as s:
        check = s.execute(text("PRAGMA integrity_check")).scalar_one()
    assert check == "ok"
