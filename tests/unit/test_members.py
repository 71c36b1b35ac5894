"""Deleting a person or a group takes their memberships (and a group its relations) in the
same transaction, each tombstone with its own audit event."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from app.services import audit
from app.services.session import Services

TODAY = date.today()


def live_rows(services: Services, table: str) -> set[str]:
    with services.db.engine.connect() as conn:
        return {r[0] for r in conn.execute(text(f'SELECT id FROM "{table}" WHERE deleted IS 0'))}


def person(services: Services, first: str) -> str:
    return services.people.create({"first_name": first, "last_name": "Ek"}).id


def member(services: Services, person_id: str, group_id: str, **values: Any) -> str:
    return services.groups.add_membership(
        {"person_id": person_id, "group_id": group_id, **values}).id


def recent_events(services: Services, n: int) -> list[tuple[str, str | None, str | None,
                                                            str | None]]:
    return [(e.action, e.entity_type, e.entity_id, e.purpose)
            for e in reversed(audit.list_events(services.db, limit=n))]


# ---- local deletion ------------------------------------------------------------------------
def test_deleting_a_person_tombstones_their_memberships_with_events(services: Services) -> None:
    norra = services.groups.create({"name": "Norra"}).id
    sodra = services.groups.create({"name": "Södra"}).id
    ada, bo = person(services, "Ada"), person(services, "Bo")
    current = member(services, ada, norra)
    former = member(services, ada, sodra, valid_to=TODAY - timedelta(days=30))
    removed = member(services, ada, sodra)
    services.groups.delete_membership(removed)
    others = member(services, bo, norra)

    services.people.delete(ada, purpose="Gallring")

    assert live_rows(services, "membership") == {others}
    # One event per row tombstoned now (not for the one deleted before), all with the purpose.
    assert sorted(recent_events(services, 3)) == sorted([
        ("delete", "membership", current, "Gallring"),
        ("delete", "membership", former, "Gallring"),
        ("delete", "person", ada, "Gallring")])
    assert services.groups.get(norra).current_members == 1
    assert [m.id for m in services.groups.memberships(group_id=norra)] == [others]


def test_a_failed_person_delete_leaves_the_memberships_live(services: Services,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    """One user action, one transaction: if the person's own event cannot be written, the
    memberships already tombstoned in it are rolled back too."""
    norra = services.groups.create({"name": "Norra"}).id
    ada = person(services, "Ada")
    m = member(services, ada, norra)
    real = audit.record

    def failing(session: Any, action: Any, entity_type: str | None = None,
                *args: Any, **kwargs: Any) -> Any:
        if entity_type == "person":
            raise RuntimeError("disk full")
        return real(session, action, entity_type, *args, **kwargs)

    monkeypatch.setattr(audit, "record", failing)
    with pytest.raises(RuntimeError):
        services.people.delete(ada)
    monkeypatch.undo()
    assert live_rows(services, "membership") == {m}
    assert ada in live_rows(services, "person")


def test_deleting_a_group_tombstones_its_memberships_and_relations(services: Services) -> None:
    norra = services.groups.create({"name": "Norra"}).id
    sodra = services.groups.create({"name": "Södra"}).id
    vast = services.groups.create({"name": "Västra"}).id
    ada, bo = person(services, "Ada"), person(services, "Bo")
    in_norra = member(services, ada, norra)
    in_sodra = member(services, ada, sodra)
    also_norra = member(services, bo, norra, valid_to=TODAY - timedelta(days=1))
    as_a = services.groups.add_relation({"group_a_id": norra, "group_b_id": sodra,
                                         "kind": "conflict"}).id
    as_b = services.groups.add_relation({"group_a_id": vast, "group_b_id": norra,
                                         "kind": "alliance"}).id
    untouched = services.groups.add_relation({"group_a_id": sodra, "group_b_id": vast,
                                              "kind": "conflict"}).id

    services.groups.delete(norra)

    assert live_rows(services, "membership") == {in_sodra}
    assert live_rows(services, "group_relation") == {untouched}
    assert sorted(recent_events(services, 5)) == sorted([
        ("delete", "membership", in_norra, None), ("delete", "membership", also_norra, None),
        ("delete", "group_relation", as_a, None), ("delete", "group_relation", as_b, None),
        ("delete", "group", norra, None)])
    # Ada is still a person with her other group.
    assert services.people.current_groups(ada) == ["Södra"]
