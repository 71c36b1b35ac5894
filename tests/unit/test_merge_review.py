"""The review list: a frivård status two laptops set differently offline is shown with its
person and source; keeping closes it, choosing the other value writes it as a new change that
reaches the other laptop; refusals change nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.errors import MottryckError, NotFound, ValidationError
from app.exchange.merge import field_clock
from app.exchange.profile_words import field_label
from app.exchange.records import ValidRecord, to_record
from app.models import Person
from app.services import audit
from app.services.session import Services
from tests.security.bundle_vaults import dump, pair, second_vault

LEGAL = "Samma arbetsgrupp"


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Services]:
    yield from second_vault(tmp_path)


def _conflict(a: Services, b: Services, tmp_path: Path) -> str:
    """Both laptops hold a person and set its frivård status offline; a imports b's change
    (the later one, so b's value is kept and a's own value is set aside). Returns the id."""
    to_b, to_a = pair(a, b)
    person = a.people.create({"first_name": "Cia", "last_name": "Berg"})
    b.bundles.import_bundle(a.bundles.export(to_b.id, tmp_path / "1.age",
                                             legal_basis=LEGAL).path)
    a.people.update(person.id, {"frivard_status": "parole"})
    b.people.update(person.id, {"frivard_status": "probation"})
    a.bundles.import_bundle(b.bundles.export(to_a.id, tmp_path / "2.age",
                                             legal_basis=LEGAL).path)
    return person.id


def _clock(svc: Services, person_id: str, field: str) -> tuple[str, str]:
    with svc.db.read() as s:
        row = s.get(Person, person_id)
        assert row is not None
        values = to_record("person", {c.name: getattr(row, c.name)
                                      for c in Person.__table__.columns})
    return field_clock(ValidRecord(**values), field)


def test_an_open_item_names_person_field_values_and_source(
        services: Services, other: Services, tmp_path: Path) -> None:
    person_id = _conflict(services, other, tmp_path)
    assert services.reviews.count_open() == 1
    before = len(audit.list_events(services.db, limit=10000))
    [item] = services.reviews.open_items()
    assert (item.entity_type, item.record_id, item.field) == ("person", person_id,
                                                              "frivard_status")
    assert item.record_label == "Cia Berg" and not item.record_deleted
    assert item.field_label == field_label("person", "frivard_status") != "frivard_status"
    assert (item.kept_value, item.other_value) == ("probation", "parole")
    assert item.other_source == "den här enheten"  # the value set aside was our own
    assert item.other_written_at is not None and item.other_written_at.tzinfo is not None
    events = audit.list_events(services.db, limit=10000)
    assert len(events) == before + 1
    assert (events[0].action, events[0].entity_type, events[0].entity_id) == (
        "read", "person", person_id)


def test_choosing_the_other_value_writes_it_and_it_travels(
        services: Services, other: Services, tmp_path: Path) -> None:
    person_id = _conflict(services, other, tmp_path)
    [item] = services.reviews.open_items()
    done = services.reviews.resolve(item.id, "other")
    assert done.written and done.choice == "other" and done.resolved_by == services.user
    assert services.people.get(person_id).frivard_status == "parole"
    stamp, unit = _clock(services, person_id, "frivard_status")
    assert unit == services.db.unit_id
    assert services.reviews.count_open() == 0 and services.reviews.open_items() == []
    actions = [(e.action, e.entity_type) for e in audit.list_events(services.db, limit=20)]
    assert ("merge", "merge_review") in actions and ("update", "person") in actions
    assert audit.verify(services.db).ok

    # The choice is a new write: the other laptop takes it with the next bundle.
    to_b = services.partners.find("Kollegan")
    other.bundles.import_bundle(services.bundles.export(to_b.id, tmp_path / "3.age",
                                                        legal_basis=LEGAL).path)
    assert other.people.get(person_id).frivard_status == "parole"
    assert _clock(other, person_id, "frivard_status") == (stamp, unit)


def test_keeping_closes_the_item_and_changes_no_record(
        services: Services, other: Services, tmp_path: Path) -> None:
    person_id = _conflict(services, other, tmp_path)
    [item] = services.reviews.open_items()
    before = dump(services)["person"]
    done = services.reviews.resolve(item.id, "kept")
    assert not done.written and done.choice == "kept"
    assert dump(services)["person"] == before
    assert services.people.get(person_id).frivard_status == "probation"
    assert services.reviews.count_open() == 0


def test_refusals_change_nothing(services: Services, other: Services,
                                 tmp_path: Path) -> None:
    _conflict(services, other, tmp_path)
    [item] = services.reviews.open_items()
    state = dump(services)
    with pytest.raises(ValidationError):
        services.reviews.resolve(item.id, "båda")
    with pytest.raises(NotFound, match="finns inte"):
        services.reviews.resolve("00000000-0000-0000-0000-000000000000", "kept")
    assert dump(services) == state
    services.reviews.resolve(item.id, "kept")
    state = dump(services)
    with pytest.raises(MottryckError, match="redan avgjord"):
        services.reviews.resolve(item.id, "other")
    assert dump(services) == state


def test_a_record_deleted_meanwhile_refuses_the_other_value(
        services: Services, other: Services, tmp_path: Path) -> None:
    person_id = _conflict(services, other, tmp_path)
    services.people.delete(person_id)
    [item] = services.reviews.open_items()
    assert item.record_deleted
    state = dump(services)
    with pytest.raises(MottryckError, match="tagits bort"):
        services.reviews.resolve(item.id, "other")
    assert dump(services) == state and services.reviews.count_open() == 1
    services.reviews.resolve(item.id, "kept")
    assert services.reviews.count_open() == 0
