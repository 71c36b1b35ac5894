"""Deleting a person or a group takes their memberships (and a group its relations) in the
same transaction; a live membership of a deleted person or group — the state a merge leaves
when one laptop deletes the person while another adds the membership — is counted and listed
nowhere."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from app.models import Group, Person
from app.services import audit
from app.services.group_register import GroupRegister
from app.services.network import NetworkService
from app.services.overview import OverviewService
from app.services.session import Services
from app.services.timeline import TimelineKind, TimelineService

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


# ---- the merged state: a live membership of a deleted person or group -----------------------
def _tombstone_alone(services: Services, model: type[Person] | type[Group], row_id: str) -> None:
    """What an import does when another laptop deleted the row: only the row itself."""
    with services.db.write() as s:
        row = s.get(model, row_id)
        assert row is not None
        row.deleted = True


@pytest.fixture
def merged(services: Services) -> dict[str, str]:
    """Norra has two current members; one of them (Eva) is deleted with her membership left
    live. Gamla is deleted with Bo's membership left live."""
    ids = {"norra": services.groups.create({"name": "Norra"}).id,
           "gamla": services.groups.create({"name": "Gamla"}).id,
           "ada": person(services, "Ada"), "eva": person(services, "Eva"),
           "bo": person(services, "Bo")}
    ids["ada_norra"] = member(services, ids["ada"], ids["norra"])
    ids["eva_norra"] = member(services, ids["eva"], ids["norra"], role="ledare")
    ids["bo_gamla"] = member(services, ids["bo"], ids["gamla"],
                             valid_from=TODAY - timedelta(days=400))
    _tombstone_alone(services, Person, ids["eva"])
    _tombstone_alone(services, Group, ids["gamla"])
    assert live_rows(services, "membership") == {ids["ada_norra"], ids["eva_norra"],
                                                 ids["bo_gamla"]}
    return ids


def test_group_counts_leave_out_a_deleted_person(services: Services,
                                                 merged: dict[str, str]) -> None:
    norra = merged["norra"]
    assert services.groups.get(norra).current_members == 1
    assert [g.current_members for g in services.groups.search("Norra")] == [1]
    assert services.groups.find_by_name("Norra").current_members == 1  # type: ignore[union-attr]
    rows = GroupRegister(services.db).page()
    assert [(r.name, r.current_members) for r in rows] == [("Norra", 1)]
    node = NetworkService(services.db).graph().node(norra)
    assert node is not None and node.members == 1


def test_member_lists_leave_out_a_deleted_person_or_group(services: Services,
                                                          merged: dict[str, str]) -> None:
    norra = merged["norra"]
    assert [m.id for m in services.groups.memberships(group_id=norra)] == [merged["ada_norra"]]
    assert [m.id for m in services.groups.memberships(person_id=merged["bo"])] == []
    assert [p.id for p in services.people.search(group_id=norra)] == [merged["ada"]]
    assert services.people.count(group_id=norra) == 1
    # Bo's only membership is in a deleted group: he is neither a current nor a former member.
    assert merged["bo"] not in {p.id for p in services.people.search(active_only=True)}
    assert services.people.count(active_only=True) == 1
    assert services.people.count(group_id=merged["gamla"]) == 0
    assert services.people.current_groups(merged["bo"]) == []
    starts = [e.record_id for e in TimelineService(services.db).for_group(norra)
              if e.kind is TimelineKind.MEMBERSHIP_STARTED]
    assert starts == [merged["ada"]]
    assert [c.person_id for c in services.callins.candidates([norra], TODAY)] == [merged["ada"]]
    assert OverviewService(services.db).summary(TODAY, log=False).people_in_active_groups == 1


def test_former_members_ignore_a_deleted_group(services: Services,
                                               merged: dict[str, str]) -> None:
    """An ended membership in a deleted group makes nobody a former member, and a current one
    there does not stop an ended one elsewhere from counting."""
    bo, norra = merged["bo"], merged["norra"]
    member(services, bo, norra, valid_from=TODAY - timedelta(days=90),
           valid_to=TODAY - timedelta(days=10))
    assert [p.id for p in services.people.search(former_only=True)] == [bo]
    cy = person(services, "Cy")
    gone = services.groups.create({"name": "Borta"}).id
    member(services, cy, gone, valid_to=TODAY - timedelta(days=5))
    _tombstone_alone(services, Group, gone)
    assert services.people.count(former_only=True) == 1
