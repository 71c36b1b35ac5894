"""GroupService: groups, dated memberships and relations; validation and audit events."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from app.errors import NotFound, ValidationError
from app.models.enums import Confidence, GroupStatus, RelationKind
from app.services.audit import list_events
from app.services.session import Services

TODAY = date.today()


def rows(services: Services, sql: str, **params: Any) -> list[dict[str, Any]]:
    with services.db.engine.connect() as conn:
        return [dict(r) for r in conn.execute(text(sql), params).mappings().all()]


def state(services: Services) -> tuple[Any, ...]:
    return tuple(rows(services, f"SELECT * FROM {t} ORDER BY 1")
                 for t in ("\"group\"", "membership", "group_relation", "audit_event"))


def errors_of(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {e.field: e.reason for e in exc.value.errors}


def last_event(services: Services) -> tuple[str, str | None, str | None, Any]:
    e = list_events(services.db, limit=1)[0]
    return e.action, e.entity_type, e.entity_id, e.detail


def person(services: Services, first: str = "Ali", last: str = "Zander") -> str:
    return services.people.create({"first_name": first, "last_name": last}).id


# ---- groups -----------------------------------------------------------------------------
def test_group_crud_with_an_event_for_each_write(services: Services) -> None:
    g = services.groups.create({"name": " Norra gänget ", "aliases": "NG; Norr",
                                "area": "Rosengård", "priority": 2,
                                "priority_review_date": "2026-01-01"})
    assert (g.name, g.aliases, g.area, g.status, g.priority) == (
        "Norra gänget", ("NG", "Norr"), "Rosengård", GroupStatus.ACTIVE, 2)
    assert g.current_members == 0
    assert last_event(services) == ("create", "group", g.id, None)
    got = services.groups.get(g.id)
    assert got == g
    assert last_event(services) == ("read", "group", g.id, None)
    upd = services.groups.update(g.id, {"status": "dormant", "priority": None})
    assert (upd.status, upd.priority, upd.name) == (GroupStatus.DORMANT, None, "Norra gänget")
    assert last_event(services) == ("update", "group", g.id, {"fields": ["priority", "status"]})
    before = state(services)
    services.groups.update(g.id, {"status": "dormant"})  # no change, no event
    assert state(services) == before
    services.groups.delete(g.id)
    assert last_event(services) == ("delete", "group", g.id, None)
    for call in (lambda: services.groups.get(g.id), lambda: services.groups.delete(g.id),
                 lambda: services.groups.update(g.id, {"area": "x"})):
        with pytest.raises(NotFound):
            call()
    assert rows(services, "SELECT deleted FROM \"group\"") == [{"deleted": 1}]
    assert services.groups.search() == []


def test_group_validation_names_every_field_and_writes_nothing(services: Services) -> None:
    before = state(services)
    with pytest.raises(ValidationError) as exc:
        services.groups.create({"name": "", "status": "hemlig", "priority": 0,
                                "priority_review_date": "snart"})
    assert set(errors_of(exc)) == {"name", "status", "priority", "priority_review_date"}
    with pytest.raises(ValidationError) as exc:
        services.groups.create({"name": "X", "ledare": "Y"})
    assert errors_of(exc) == {"ledare": "okänt fält"}
    assert state(services) == before


@pytest.mark.parametrize(("first", "second"), [
    ("Norra gänget", "norra GÄNGET"), ("Åsen", "Åsen"), ("Åsen", "ÅSEN"), ("Öst", "öst"),
    ("Ängarna", " ängarna "),
])
def test_group_names_are_unique_whatever_the_case(services: Services, first: str,
                                                  second: str) -> None:
    services.groups.create({"name": first})
    other = services.groups.create({"name": "Annan"})
    before = state(services)
    with pytest.raises(ValidationError) as exc:
        services.groups.create({"name": second})
    assert errors_of(exc) == {"name": "det finns redan en grupp med det namnet"}
    with pytest.raises(ValidationError):
        services.groups.update(other.id, {"name": second})
    assert state(services) == before
    found = services.groups.find_by_name(second)
    assert found is not None and found.name == first


def test_a_deleted_groups_name_can_be_reused_and_renaming_to_own_name_is_fine(
        services: Services) -> None:
    g = services.groups.create({"name": "Åsen"})
    services.groups.update(g.id, {"name": "ÅSEN"})
    services.groups.delete(g.id)
    assert services.groups.find_by_name("åsen") is None
    assert services.groups.create({"name": "Åsen"}).name == "Åsen"


def test_group_search_folds_case_for_all_letters(services: Services) -> None:
    a = services.groups.create({"name": "Åsen", "aliases": ["Lilla Ö"], "area": "Husie"})
    services.groups.create({"name": "Asen"})
    assert [g.id for g in services.groups.search("ÅSEN")] == [a.id]
    assert [g.id for g in services.groups.search("å")] == [a.id]
    assert [g.id for g in services.groups.search("lilla ö")] == [a.id]
    assert [g.id for g in services.groups.search("husie")] == [a.id]
    assert services.groups.search('"å') == services.groups.search("å")
    assert [g.name for g in services.groups.search()] == ["Asen", "Åsen"]
    assert [g.name for g in services.groups.search(status="dormant")] == []


# ---- memberships ------------------------------------------------------------------------
def test_memberships_current_and_former(services: Services) -> None:
    g = services.groups.create({"name": "Norra"}).id
    now = person(services, "Nu", "Aktiv")
    was = person(services, "Förr", "Slutad")
    m_now = services.groups.add_membership({"person_id": now, "group_id": g, "role": "ledare",
                                            "confidence": "high",
                                            "valid_from": TODAY - timedelta(days=30)})
    assert last_event(services) == ("create", "membership", m_now.id, None)
    assert (m_now.person_name, m_now.group_name, m_now.confidence) == (
        "Nu Aktiv", "Norra", Confidence.HIGH)
    m_was = services.groups.add_membership({"person_id": was, "group_id": g,
                                            "valid_from": "2020-01-01",
                                            "valid_to": "2021-01-01"})
    assert m_now.is_current() and not m_was.is_current()
    assert m_was.is_current(on=date(2020, 6, 1))
    assert {m.id for m in services.groups.memberships(group_id=g)} == {m_now.id, m_was.id}
    assert [m.id for m in services.groups.memberships(group_id=g, current_only=True)] == [
        m_now.id]
    assert [m.id for m in services.groups.memberships(person_id=was)] == [m_was.id]
    assert services.groups.get(g).current_members == 1
    assert services.people.current_groups(now) == ["Norra"]
    assert services.people.current_groups(was) == []
    assert services.people.current_groups_for([now, was]) == {now: ["Norra"], was: []}


def test_membership_dates_must_be_in_order(services: Services) -> None:
    g = services.groups.create({"name": "Norra"}).id
    p = person(services)
    before = state(services)
    with pytest.raises(ValidationError) as exc:
        services.groups.add_membership({"person_id": p, "group_id": g,
                                        "valid_from": "2024-05-02", "valid_to": "2024-05-01"})
    assert errors_of(exc) == {"valid_to": "kan inte ligga före startdatumet"}
    assert state(services) == before
    m = services.groups.add_membership({"person_id": p, "group_id": g,
                                        "valid_from": "2024-05-02", "valid_to": "2024-05-02"})
    with pytest.raises(ValidationError):
        services.groups.end_membership(m.id, on=date(2024, 5, 1))


def test_membership_needs_a_live_person_and_group(services: Services) -> None:
    g = services.groups.create({"name": "Norra"}).id
    p = person(services)
    gone = person(services, "Bort", "Tagen")
    services.people.delete(gone)
    before = state(services)
    with pytest.raises(ValidationError) as exc:
        services.groups.add_membership({"person_id": "saknas", "group_id": "saknas"})
    assert errors_of(exc) == {"person_id": "personen finns inte", "group_id": "gruppen finns inte"}
    with pytest.raises(ValidationError) as exc:
        services.groups.add_membership({"person_id": gone, "group_id": g})
    assert errors_of(exc) == {"person_id": "personen finns inte"}
    with pytest.raises(ValidationError) as exc:
        services.groups.add_membership({"group_id": g, "confidence": "total", "roll": "x"})
    assert errors_of(exc) == {"roll": "okänt fält"}
    with pytest.raises(ValidationError) as exc:
        services.groups.add_membership({"group_id": g, "person_id": p, "confidence": "total"})
    assert set(errors_of(exc)) == {"confidence"}
    assert state(services) == before


def test_end_update_and_delete_membership(services: Services) -> None:
    g = services.groups.create({"name": "Norra"}).id
    p = person(services)
    m = services.groups.add_membership({"person_id": p, "group_id": g,
                                        "valid_from": TODAY - timedelta(days=5)})
    ended = services.groups.end_membership(m.id, on=TODAY - timedelta(days=1))
    assert ended.valid_to == TODAY - timedelta(days=1) and not ended.is_current()
    assert last_event(services) == ("update", "membership", m.id, {"fields": ["valid_to"]})
    assert services.groups.get(g).current_members == 0
    assert services.groups.end_membership(m.id).valid_to == TODAY
    services.groups.update_membership(m.id, {"role": "springpojke"})
    assert last_event(services) == ("update", "membership", m.id, {"fields": ["role"]})
    services.groups.delete_membership(m.id)
    assert last_event(services) == ("delete", "membership", m.id, None)
    assert services.groups.memberships(group_id=g) == []
    with pytest.raises(NotFound):
        services.groups.update_membership(m.id, {"role": "x"})
    with pytest.raises(NotFound):
        services.groups.delete_membership(m.id)


def test_current_members_counts_only_current_live_memberships(services: Services) -> None:
    g = services.groups.create({"name": "Norra"}).id
    people = [person(services, f"P{i}", "Test") for i in range(5)]
    add = services.groups.add_membership
    add({"person_id": people[0], "group_id": g})
    add({"person_id": people[1], "group_id": g, "valid_to": TODAY})
    add({"person_id": people[2], "group_id": g, "valid_from": TODAY + timedelta(days=1)})
    add({"person_id": people[3], "group_id": g, "valid_to": TODAY - timedelta(days=1)})
    services.groups.delete_membership(add({"person_id": people[4], "group_id": g}).id)
    assert services.groups.get(g).current_members == 2
    assert [x.current_members for x in services.groups.search("norra")] == [2]


# ---- relations --------------------------------------------------------------------------
def incident(services: Services) -> str:
    return services.incidents.create({"occurred_at": datetime(2024, 3, 1, 22, 0),
                                      "type": "shooting"}).id


def test_relation_crud_and_events(services: Services) -> None:
    a = services.groups.create({"name": "Norra"}).id
    b = services.groups.create({"name": "Södra"}).id
    inc = incident(services)
    r = services.groups.add_relation({"group_a_id": a, "group_b_id": b, "kind": "conflict",
                                      "intensity": 4, "since": "2024-03-01",
                                      "trigger_incident_id": inc})
    assert (r.group_a_name, r.group_b_name, r.kind, r.intensity) == (
        "Norra", "Södra", RelationKind.CONFLICT, 4)
    assert last_event(services) == ("create", "group_relation", r.id, None)
    assert [x.id for x in services.groups.relations(group_id=b)] == [r.id]
    assert services.groups.relations(kind="alliance") == []
    upd = services.groups.update_relation(r.id, {"intensity": 5})
    assert upd.intensity == 5
    assert last_event(services) == ("update", "group_relation", r.id, {"fields": ["intensity"]})
    services.groups.update_relation(r.id, {"until": TODAY - timedelta(days=1)})
    assert services.groups.relations(current_only=True) == []
    services.groups.delete_relation(r.id)
    assert last_event(services) == ("delete", "group_relation", r.id, None)
    assert services.groups.relations() == []
    with pytest.raises(NotFound):
        services.groups.update_relation(r.id, {"intensity": 1})


@pytest.mark.parametrize(("change", "field", "reason"), [
    ({"group_b_id": "A"}, "group_b_id", "en grupp kan inte ha en relation till sig själv"),
    ({"intensity": 0}, "intensity", "ska ligga mellan 1 och 5"),
    ({"intensity": 6}, "intensity", "ska ligga mellan 1 och 5"),
    ({"intensity": "hög"}, "intensity", "ska vara ett heltal"),
    ({"kind": None}, "kind", "måste väljas"),
    ({"kind": "war"}, "kind", "okänt värde 'war' (tillåtna: alliance, conflict)"),
    ({"trigger_incident_id": "saknas"}, "trigger_incident_id", "händelsen finns inte"),
    ({"trigger_incident_id": "DELETED"}, "trigger_incident_id", "händelsen finns inte"),
    ({"group_b_id": "saknas"}, "group_b_id", "gruppen finns inte"),
    ({"since": "2024-02-01", "until": "2024-01-01"}, "until",
     "kan inte ligga före startdatumet"),
])
def test_relation_validation(services: Services, change: dict[str, Any], field: str,
                             reason: str) -> None:
    a = services.groups.create({"name": "Norra"}).id
    b = services.groups.create({"name": "Södra"}).id
    gone = incident(services)
    services.incidents.delete(gone)
    values = {"group_a_id": a, "group_b_id": b, "kind": "conflict", "intensity": 3}
    replace = {"A": a, "DELETED": gone}
    values.update({k: replace.get(v, v) if isinstance(v, str) else v for k, v in change.items()})
    before = state(services)
    with pytest.raises(ValidationError) as exc:
        services.groups.add_relation(values)
    assert errors_of(exc) == {field: reason}
    assert state(services) == before
