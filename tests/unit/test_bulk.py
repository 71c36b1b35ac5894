"""Bulk inserts store values in exactly the form the ORM stores them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from app.models import Person
from app.services.bulk import insert_rows
from app.services.people import clean_person
from app.services.session import Services

VALUES = {
    "first_name": "Åsa", "last_name": "Öberg", "aliases": "Lillan; Ö",
    "personnummer": "811218-9876", "phone": "070-123 45 67", "email": "asa@example.se",
    "address": "Storgatan 1", "postal_code": "211 45", "city": "Malmö",
    "frivard_status": "probation", "frivard_from": date(2025, 1, 1),
    "frivard_to": date(2026, 12, 31), "frivard_office": "Frivården Malmö",
    "responsible_officer": "K. Handläggare", "notes": "rad ett\nrad två",
}
# The number is unique, so the bulk twin goes without it (and so without what it implies).
SKIP = {"id", "hlc", "created_at", "updated_at", "personnummer", "id_kind", "birth_date"}


def _raw(services: Services, person_id: str) -> dict[str, object]:
    with services.db.engine.connect() as conn:
        row = conn.execute(text("SELECT * FROM person WHERE id = :i"), {"i": person_id})
        mapping = dict(row.mappings().one())
        conn.rollback()
    return {k: v for k, v in mapping.items() if k not in SKIP}


def test_bulk_row_matches_orm_row(services: Services) -> None:
    via_orm = services.people.create(VALUES)
    cleaned = clean_person({**VALUES, "personnummer": None})
    with services.db.write() as s:
        assert insert_rows(s, Person.__table__, [{**cleaned, "id": "bulk-1"}]) == 1
    assert _raw(services, "bulk-1") == _raw(services, via_orm.id)


def test_bulk_rows_get_defaults_stamps_and_search_index(services: Services) -> None:
    with services.db.write() as s:
        insert_rows(s, Person.__table__, [{"first_name": "Ölof", "last_name": "Zäta"},
                                          {"first_name": "Ölof", "last_name": "Åberg"}])
    found = services.people.search("ölof", log=False)
    assert [p.last_name for p in found] == ["Zäta", "Åberg"]  # Swedish order: å after z
    assert all(p.frivard_status.value == "none" and p.aliases == () for p in found)
    with services.db.engine.connect() as conn:
        stamps = conn.execute(text(
            "SELECT hlc, origin_unit, deleted FROM person ORDER BY hlc")).all()
        conn.rollback()
    assert len({h for h, _u, _d in stamps}) == 2
    assert {u for _h, u, _d in stamps} == {services.db.unit_id}
    assert {d for _h, _u, d in stamps} == {0}
