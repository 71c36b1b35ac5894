"""Per-field clocks: a row never updated has none; an update gives every field its clock,
the changed ones the new stamp, so merging can pick the newest value field by field."""

from __future__ import annotations

from app.models import Person
from app.services.session import Services


def _row(services: Services, person_id: str) -> tuple[str, str, dict[str, str] | None]:
    with services.db.read() as s:
        row = s.get(Person, person_id)
        assert row is not None
        return row.hlc, row.origin_unit, row.field_clocks


def test_a_new_row_has_no_field_clocks(services: Services) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Öberg"})
    hlc, unit, clocks = _row(services, person.id)
    assert clocks is None and unit == services.db.unit_id and hlc > "0000000000000-000000"


def test_an_update_stamps_the_changed_fields_only(services: Services) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Öberg"})
    created, unit, _ = _row(services, person.id)
    services.people.update(person.id, {"city": "Malmö"})
    first_update, _, clocks = _row(services, person.id)
    assert clocks is not None and first_update > created
    assert clocks["city"] == f"{first_update}/{unit}"
    assert clocks["first_name"] == clocks["last_name"] == f"{created}/{unit}"
    assert not {"id", "hlc", "updated_at", "field_clocks"} & set(clocks)

    services.people.update(person.id, {"phone": "040-12 34 56"})
    second, _, later = _row(services, person.id)
    assert later is not None
    assert later["phone"] == f"{second}/{unit}"
    assert later["city"] == f"{first_update}/{unit}"  # untouched since the first update


def test_a_soft_delete_is_a_field_write_like_any_other(services: Services) -> None:
    person = services.people.create({"first_name": "Bo", "last_name": "Ek"})
    services.people.delete(person.id)
    hlc, unit, clocks = _row(services, person.id)
    assert clocks is not None and clocks["deleted"] == f"{hlc}/{unit}"
