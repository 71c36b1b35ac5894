"""The audit log: one event per write in the same transaction, and a chain that shows tampering."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from app.errors import NotFound, ValidationError
from app.models import Person
from app.services import audit
from app.services.audit import Action, count_events, list_events, verify
from app.services.db import Db
from app.services.people import PeopleService
from app.services.session import Services


def sql(services: Services, statement: str, **params: Any) -> None:
    with services.db.engine.begin() as conn:
        conn.execute(text(statement), params)


def rows(services: Services, statement: str, **params: Any) -> list[dict[str, Any]]:
    with services.db.engine.connect() as conn:
        return [dict(r) for r in conn.execute(text(statement), params).mappings().all()]


def snapshot(services: Services) -> tuple[Any, ...]:
    return tuple(rows(services, f"SELECT * FROM {t} ORDER BY 1")
                 for t in ("person", "\"group\"", "membership", "incident", "audit_event",
                           "vault_meta"))


def fill(services: Services, n: int = 6) -> None:
    for i in range(n):
        services.people.create({"first_name": f"P{i}", "last_name": "Test"})


# ---- one event per write, in the same transaction ----------------------------------------
def test_every_write_adds_exactly_one_event(services: Services) -> None:
    people, groups, incidents = services.people, services.groups, services.incidents
    made: dict[str, Any] = {}

    def step(name: str, action: str, call: Callable[[], Any]) -> None:
        before = count_events(services.db)
        result = call()
        if result is not None and hasattr(result, "id"):
            made[name] = result.id
        assert count_events(services.db) == before + 1, name
        event = list_events(services.db, limit=1)[0]
        assert event.action == action, name
        assert event.user == "anna"

    step("p", "create", lambda: people.create({"first_name": "A", "last_name": "B",
                                               "personnummer": "811218-9876"}))
    step("p2", "update", lambda: people.update(made["p"], {"city": "Lund"}))
    step("p3", "read", lambda: people.get(made["p"], purpose="Kontroll"))
    step("p4", "reveal", lambda: people.reveal_personnummer(made["p"], "Brev"))
    step("p5", "read", lambda: people.search("b"))
    step("g", "create", lambda: groups.create({"name": "Norra"}))
    step("g2", "create", lambda: groups.create({"name": "Södra"}))
    step("g3", "update", lambda: groups.update(made["g"], {"area": "Rosengård"}))
    step("g4", "read", lambda: groups.get(made["g"]))
    step("m", "create", lambda: groups.add_membership({"person_id": made["p"],
                                                       "group_id": made["g"]}))
    step("m2", "update", lambda: groups.end_membership(made["m"]))
    step("m3", "delete", lambda: groups.delete_membership(made["m"]))
    step("r", "create", lambda: groups.add_relation({"group_a_id": made["g"],
                                                     "group_b_id": made["g2"],
                                                     "kind": "alliance"}))
    step("r2", "update", lambda: groups.update_relation(made["r"], {"intensity": 2}))
    step("r3", "delete", lambda: groups.delete_relation(made["r"]))
    step("i", "create", lambda: incidents.create({"occurred_at": "2024-01-01 12:00",
                                                  "type": "threat",
                                                  "groups": [made["g"]],
                                                  "persons": [made["p"]]}))
    step("i2", "update", lambda: incidents.update(made["i"], {"groups": []}))
    step("i3", "read", lambda: incidents.get(made["i"]))
    step("i4", "delete", lambda: incidents.delete(made["i"]))
    step("g5", "delete", lambda: groups.delete(made["g2"]))
    step("p6", "delete", lambda: people.delete(made["p"]))
    assert verify(services.db).ok


def test_failed_writes_leave_neither_change_nor_event(services: Services) -> None:
    p = services.people.create({"first_name": "A", "last_name": "B"})
    before = snapshot(services)
    failures: list[Callable[[], Any]] = [
        lambda: services.people.create({"first_name": ""}),
        lambda: services.people.update(p.id, {"email": "nej"}),
        lambda: services.people.get("saknas"),
        lambda: services.people.reveal_personnummer(p.id, " "),
        lambda: services.groups.create({"name": "x" * 101}),
        lambda: services.groups.add_membership({"person_id": p.id, "group_id": "saknas"}),
        lambda: services.incidents.create({"occurred_at": "2024-01-01", "type": "brak"}),
    ]
    for failure in failures:
        with pytest.raises((ValidationError, NotFound)):
            failure()
    assert snapshot(services) == before
    assert verify(services.db).ok


def test_an_error_after_the_event_rolls_back_both(services: Services) -> None:
    services.people.create({"first_name": "A", "last_name": "B"})
    before = snapshot(services)
    with pytest.raises(RuntimeError), services.db.write() as s:
        person = Person(first_name="Ny", last_name="Person")
        s.add(person)
        s.flush()
        audit.record(s, Action.CREATE, "person", person.id)
        raise RuntimeError("disk full")
    assert snapshot(services) == before
    services.people.create({"first_name": "C", "last_name": "D"})  # the chain goes on
    assert verify(services.db).ok


def test_concurrent_writers_keep_one_unbroken_chain(services: Services) -> None:
    errors: list[BaseException] = []

    def work(user: str) -> None:
        try:
            service = PeopleService(Db(services.vault, user=user))
            for i in range(15):
                service.create({"first_name": f"{user}{i}", "last_name": "Tråd"})
        except BaseException as exc:  # reported below; a thread cannot fail the test itself
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(u,)) for u in ("bertil", "cecilia")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    result = verify(services.db)
    assert result.ok and result.checked == count_events(services.db)
    assert len(list_events(services.db, user="bertil", action="create")) == 15


# ---- verify finds tampering -------------------------------------------------------------
def test_verify_passes_on_a_clean_chain(services: Services) -> None:
    fill(services)
    result = verify(services.db)
    assert result.ok and result.broken_seq is None
    assert result.checked == count_events(services.db) >= 8
    assert verify(services.db, batch=3) == result  # batches do not change the answer


@pytest.mark.parametrize(("column", "value"), [
    ("action", "'read'"), ("user", "'mallory'"), ("entity_id", "'annan-id'"),
    ("at", "'2020-01-01 00:00:00.000000'"), ("purpose", "'efterhand'"),
    ("detail", "'{\"fields\": [\"notes\"]}'"), ("entity_type", "'group'"),
])
def test_verify_finds_an_edited_row(services: Services, column: str, value: str) -> None:
    fill(services)
    sql(services, f"UPDATE audit_event SET \"{column}\" = {value} WHERE seq = 5")
    result = verify(services.db)
    assert not result.ok
    assert result.broken_seq == 5
    assert result.checked == 4
    assert "5" in result.reason


def test_verify_finds_a_deleted_middle_row(services: Services) -> None:
    fill(services)
    sql(services, "DELETE FROM audit_event WHERE seq = 4")
    result = verify(services.db)
    assert (result.ok, result.broken_seq, result.reason) == (False, 4, "händelse 4 saknas")


def test_verify_finds_truncation(services: Services) -> None:
    fill(services)
    last = count_events(services.db)
    sql(services, "DELETE FROM audit_event WHERE seq = :n", n=last)
    result = verify(services.db)
    assert (result.ok, result.broken_seq) == (False, last)
    assert result.reason == "de senaste händelserna har tagits bort"


def test_verify_finds_two_swapped_rows(services: Services) -> None:
    fill(services)
    sql(services, "UPDATE audit_event SET seq = -1 WHERE seq = 3")
    sql(services, "UPDATE audit_event SET seq = 3 WHERE seq = 4")
    sql(services, "UPDATE audit_event SET seq = 4 WHERE seq = -1")
    result = verify(services.db)
    assert (result.ok, result.broken_seq) == (False, 3)


def test_verify_finds_a_forged_row(services: Services) -> None:
    fill(services)
    last = rows(services, "SELECT seq, mac FROM audit_event ORDER BY seq DESC LIMIT 1")[0]
    seq = last["seq"] + 1
    forged_mac = "ab" * 32
    sql(services, "INSERT INTO audit_event (seq, at, user, action, entity_type, entity_id, "
                  "purpose, detail, prev_mac, mac) VALUES (:seq, '2024-01-01 00:00:00.000000', "
                  "'anna', 'read', 'person', NULL, NULL, NULL, :prev, :mac)",
        seq=seq, prev=last["mac"], mac=forged_mac)
    sql(services, "UPDATE vault_meta SET value = :v WHERE key = 'audit_head'",
        v=f"{seq}:{forged_mac}")
    result = verify(services.db)
    assert (result.ok, result.broken_seq) == (False, seq)
    assert result.reason == f"händelse {seq} har ändrats"


def test_verify_finds_a_row_inserted_in_the_middle(services: Services) -> None:
    fill(services)
    sql(services, "UPDATE audit_event SET seq = seq + 1000 WHERE seq >= 4")
    sql(services, "UPDATE audit_event SET seq = seq - 999 WHERE seq >= 1004")
    sql(services, "INSERT INTO audit_event (seq, at, user, action, prev_mac, mac) VALUES "
                  "(4, '2024-01-01 00:00:00.000000', 'anna', 'read', :p, :m)",
        p="0" * 64, m="1" * 64)
    result = verify(services.db)
    assert (result.ok, result.broken_seq) == (False, 4)


# ---- listing ----------------------------------------------------------------------------
def test_list_events_filters(services: Services) -> None:
    p = services.people.create({"first_name": "A", "last_name": "B"})
    services.people.get(p.id, purpose="Kontroll")
    other = PeopleService(Db(services.vault, user="bertil"))
    q = other.create({"first_name": "C", "last_name": "D"})
    events = list_events(services.db)
    assert [e.seq for e in events] == sorted((e.seq for e in events), reverse=True)

    assert [(e.action, e.entity_id) for e in list_events(services.db, user="bertil")] == [
        ("create", q.id)]
    assert [e.entity_id for e in list_events(services.db, action="read")] == [p.id]
    assert [e.action for e in list_events(services.db, entity_id=p.id)] == ["read", "create"]
    assert list_events(services.db, user="ingen") == []

    middle = list_events(services.db, entity_id=p.id, action="read")[0]
    since = list_events(services.db, since=middle.at)
    assert {e.seq for e in since} >= {middle.seq, middle.seq + 1}
    assert all(e.at >= middle.at for e in since)
    until = list_events(services.db, until=middle.at)
    assert all(e.at < middle.at for e in until)
    assert middle.seq not in {e.seq for e in until}
    assert list_events(services.db, since=datetime.now() + timedelta(days=2)) == []

    page = list_events(services.db, limit=2, offset=1)
    assert [e.seq for e in page] == [e.seq for e in events[1:3]]
