"""An imported row is stored byte for byte as the sender stored it (dates, times, enums, JSON
as the ORM writes them), and the search index follows the imported people."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.exchange.records import TABLES
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
