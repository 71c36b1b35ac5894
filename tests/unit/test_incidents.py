"""IncidentService: validation, involvement (tombstoned and revived), filters, soft delete."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from app.errors import NotFound, ValidationError
from app.models.enums import Gmi, GroupInvolvement, IncidentType, InvolvementRole
from app.services.audit import list_events
from app.services.session import Services

WHEN = datetime(2024, 3, 1, 22, 15)


def rows(services: Services, sql: str, **params: Any) -> list[dict[str, Any]]:
    with services.db.engine.connect() as conn:
        return [dict(r) for r in conn.execute(text(sql), params).mappings().all()]


def state(services: Services) -> tuple[Any, ...]:
    return tuple(rows(services, f"SELECT * FROM {t} ORDER BY 1")
                 for t in ("incident", "incident_group", "incident_person", "audit_event"))


def errors_of(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {e.field: e.reason for e in exc.value.errors}


@pytest.fixture
def world(services: Services) -> dict[str, str]:
    ids = {
        "norra": services.groups.create({"name": "Norra"}).id,
        "sodra": services.groups.create({"name": "Södra"}).id,
        "ali": services.people.create({"first_name": "Ali", "last_name": "Zander"}).id,
        "asa": services.people.create({"first_name": "Åsa", "last_name": "Öberg"}).id,
        "bo": services.people.create({"first_name": "Bo", "last_name": "Berg"}).id,
    }
    return ids


def test_create_with_involved_groups_and_persons(services: Services,
                                                 world: dict[str, str]) -> None:
    inc = services.incidents.create({
        "occurred_at": "2024-03-01 22:15", "type": "shooting", "place": "Rosengård centrum",
        "area": "Rosengård", "gmi": "yes", "injured": 2, "killed": "0",
        "description": "Skott mot port.",
        "groups": [(world["norra"], "perpetrator_side"),
                   {"id": world["sodra"], "role": "victim_side"}],
        "persons": [world["ali"], (world["asa"], "victim"), {"id": world["bo"]}],
    })
    assert (inc.occurred_at, inc.type, inc.gmi, inc.injured, inc.killed) == (
        WHEN, IncidentType.SHOOTING, Gmi.YES, 2, 0)
    assert [(g.name, g.involvement) for g in inc.groups] == [
        ("Norra", GroupInvolvement.PERPETRATOR_SIDE), ("Södra", GroupInvolvement.VICTIM_SIDE)]
    assert [(p.name, p.role) for p in inc.persons] == [
        ("Bo Berg", InvolvementRole.OTHER), ("Ali Zander", InvolvementRole.OTHER),
        ("Åsa Öberg", InvolvementRole.VICTIM)]
    event = list_events(services.db, limit=1)[0]
    assert (event.action, event.entity_type, event.entity_id, event.detail) == (
        "create", "incident", inc.id, {"groups": 2, "persons": 3})
    assert services.incidents.get(inc.id) == inc
    assert list_events(services.db, limit=1)[0].action == "read"


def test_defaults_and_duplicates(services: Services, world: dict[str, str]) -> None:
    inc = services.incidents.create({"occurred_at": WHEN, "type": "threat",
                                     "groups": [world["norra"], world["norra"]]})
    assert inc.gmi is Gmi.UNKNOWN and inc.injured == 0 and inc.killed == 0
    assert [(g.group_id, g.involvement) for g in inc.groups] == [
        (world["norra"], GroupInvolvement.UNKNOWN)]


@pytest.mark.parametrize(("values", "field", "reason"), [
    ({"type": "riot"}, "type", "okänt värde 'riot'"),
    ({"type": None}, "type", "måste väljas"),
    ({"gmi": "kanske"}, "gmi", "okänt värde 'kanske'"),
    ({"occurred_at": None}, "occurred_at", "måste fyllas i"),
    ({"occurred_at": "i fredags"}, "occurred_at", "ska vara datum och tid"),
    ({"occurred_at": datetime.now() + timedelta(days=3)}, "occurred_at", "ligger i framtiden"),
    ({"injured": -1}, "injured", "ska ligga mellan 0 och 1000"),
    ({"killed": "två"}, "killed", "ska vara ett heltal"),
    ({"groups": ["saknas"]}, "groups", "gruppen finns inte"),
    ({"groups": [("NORRA", "bystander")]}, "groups", "okänt värde 'bystander'"),
    ({"groups": [42]}, "groups", "ogiltig uppgift"),
    ({"persons": ["saknas"]}, "persons", "personen finns inte"),
    ({"persons": [("ALI", "boss")]}, "persons", "okänt värde 'boss'"),
    ({"place": "x" * 201}, "place", "högst 200 tecken"),
    ({"vapen": "pistol"}, "vapen", "okänt fält"),
])
def test_invalid_values_are_rejected_and_nothing_is_written(
        services: Services, world: dict[str, str], values: dict[str, Any], field: str,
        reason: str) -> None:
    base: dict[str, Any] = {"occurred_at": WHEN, "type": "shooting"}
    for key, value in values.items():
        if isinstance(value, list):
            value = [(world[v[0].lower()], v[1]) if isinstance(v, tuple) else v for v in value]
        base[key] = value
    before = state(services)
    with pytest.raises(ValidationError) as exc:
        services.incidents.create(base)
    assert list(errors_of(exc)) == [field]
    assert errors_of(exc)[field].startswith(reason)
    assert state(services) == before


def test_a_deleted_group_or_person_cannot_be_involved(services: Services,
                                                      world: dict[str, str]) -> None:
    services.groups.delete(world["sodra"])
    services.people.delete(world["bo"])
    with pytest.raises(ValidationError) as exc:
        services.incidents.create({"occurred_at": WHEN, "type": "arson",
                                   "groups": [world["sodra"]], "persons": [world["bo"]]})
    assert errors_of(exc) == {"groups": "gruppen finns inte", "persons": "personen finns inte"}


def test_update_replaces_involvement_tombstoning_and_reviving_rows(
        services: Services, world: dict[str, str]) -> None:
    inc = services.incidents.create({"occurred_at": WHEN, "type": "shooting",
                                     "groups": [world["norra"]],
                                     "persons": [(world["ali"], "suspect")]})
    upd = services.incidents.update(inc.id, {"groups": [world["sodra"]],
                                             "persons": [(world["asa"], "witness")]})
    assert [g.group_id for g in upd.groups] == [world["sodra"]]
    assert [(p.person_id, p.role) for p in upd.persons] == [
        (world["asa"], InvolvementRole.WITNESS)]
    ig = rows(services, "SELECT group_id, deleted FROM incident_group ORDER BY group_id")
    assert {r["group_id"]: r["deleted"] for r in ig} == {world["norra"]: 1, world["sodra"]: 0}
    ip = {r["person_id"]: r["deleted"] for r in rows(services, "SELECT * FROM incident_person")}
    assert ip == {world["ali"]: 1, world["asa"]: 0}
    event = list_events(services.db, limit=1)[0]
    assert event.detail == {"fields": ["groups", "persons"]}

    again = services.incidents.update(inc.id, {"persons": [(world["ali"], "victim")]})
    assert [(p.person_id, p.role) for p in again.persons] == [
        (world["ali"], InvolvementRole.VICTIM)]
    assert [g.group_id for g in again.groups] == [world["sodra"]]  # untouched
    ip_rows = rows(services, "SELECT person_id, deleted, role FROM incident_person")
    assert len(ip_rows) == 2  # the old row came back: no duplicate
    assert {r["person_id"]: (r["deleted"], r["role"]) for r in ip_rows} == {
        world["ali"]: (0, "victim"), world["asa"]: (1, "witness")}


def test_update_of_plain_fields_keeps_involvement(services: Services,
                                                  world: dict[str, str]) -> None:
    inc = services.incidents.create({"occurred_at": WHEN, "type": "shooting",
                                     "groups": [(world["norra"], "victim_side")]})
    upd = services.incidents.update(inc.id, {"killed": 1, "type": "homicide"})
    assert (upd.killed, upd.type) == (1, IncidentType.HOMICIDE)
    assert [(g.group_id, g.involvement) for g in upd.groups] == [
        (world["norra"], GroupInvolvement.VICTIM_SIDE)]
    assert list_events(services.db, limit=1)[0].detail == {"fields": ["killed", "type"]}
    before = state(services)
    with pytest.raises(ValidationError):
        services.incidents.update(inc.id, {"killed": -1, "groups": []})
    assert state(services) == before


def test_filters_and_counts(services: Services, world: dict[str, str]) -> None:
    make = services.incidents.create
    a = make({"occurred_at": datetime(2024, 1, 10), "type": "shooting", "gmi": "yes",
              "groups": [world["norra"]], "persons": [world["ali"]]}).id
    b = make({"occurred_at": datetime(2024, 2, 10), "type": "explosion", "gmi": "no",
              "groups": [world["sodra"]]}).id
    c = make({"occurred_at": datetime(2024, 3, 10), "type": "shooting",
              "groups": [world["norra"], world["sodra"]], "persons": [world["asa"]]}).id

    def ids(**filters: Any) -> list[str]:
        found = [i.id for i in services.incidents.search(**filters)]
        assert services.incidents.count(**filters) == len(found)
        return found

    assert ids() == [c, b, a]  # newest first
    assert ids(type="shooting") == [c, a]
    assert ids(type=IncidentType.EXPLOSION) == [b]
    assert ids(since=datetime(2024, 2, 10)) == [c, b]
    assert ids(until=datetime(2024, 2, 10)) == [a]  # until is exclusive
    assert ids(since=datetime(2024, 2, 1), until=datetime(2024, 3, 1)) == [b]
    assert ids(group_id=world["norra"]) == [c, a]
    assert ids(group_id=world["sodra"], type="shooting") == [c]
    assert ids(person_id=world["ali"]) == [a]
    assert ids(person_id=world["bo"]) == []
    assert ids(gmi="yes") == [a]
    assert ids(gmi=Gmi.UNKNOWN) == [c]
    assert [i.id for i in services.incidents.search(limit=2, offset=1)] == [b, a]
    listed = services.incidents.search(group_id=world["norra"])[0]
    assert {g.group_id for g in listed.groups} == {world["norra"], world["sodra"]}
    assert listed.persons == ()  # people only through get(), which is audited
    services.incidents.update(a, {"groups": []})
    assert ids(group_id=world["norra"]) == [c]


def test_soft_delete(services: Services, world: dict[str, str]) -> None:
    inc = services.incidents.create({"occurred_at": WHEN, "type": "arson",
                                     "persons": [world["ali"]]})
    services.incidents.delete(inc.id)
    assert list_events(services.db, limit=1)[0].action == "delete"
    for call in (lambda: services.incidents.get(inc.id),
                 lambda: services.incidents.update(inc.id, {"killed": 1}),
                 lambda: services.incidents.delete(inc.id)):
        with pytest.raises(NotFound):
            call()
    assert services.incidents.search() == []
    assert services.incidents.count(person_id=world["ali"]) == 0
    assert rows(services, "SELECT deleted FROM incident") == [{"deleted": 1}]


def test_deleted_people_and_groups_drop_out_of_incidents(services: Services,
                                                         world: dict[str, str]) -> None:
    inc = services.incidents.create({"occurred_at": WHEN, "type": "shooting",
                                     "groups": [world["norra"], world["sodra"]],
                                     "persons": [world["ali"], world["asa"]]})
    services.people.delete(world["ali"])
    services.groups.delete(world["norra"])
    got = services.incidents.get(inc.id)
    assert [p.person_id for p in got.persons] == [world["asa"]]
    assert [g.group_id for g in got.groups] == [world["sodra"]]
    upd = services.incidents.update(inc.id, {"place": "Torget"})
    assert upd.place == "Torget"
