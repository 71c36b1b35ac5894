"""People listing filters in SQL: group, frivård status, current and former members."""

from __future__ import annotations

from datetime import date, timedelta

from app.services.session import Services

TODAY = date.today()


def _names(services: Services, **filters: object) -> list[str]:
    found = services.people.search(log=False, **filters)  # type: ignore[arg-type]
    assert services.people.count(**filters) == len(found)  # type: ignore[arg-type]
    return [p.first_name for p in found]


def test_group_status_current_and_former(services: Services) -> None:
    people = services.people
    ids = {name: people.create({"first_name": name, "last_name": "Ek"}).id
           for name in ("Anna", "Bo", "Cissi", "Dan", "Eva")}
    people.update(ids["Bo"], {"frivard_status": "parole"})
    north = services.groups.create({"name": "Norra"}).id
    south = services.groups.create({"name": "Södra"}).id
    add = services.groups.add_membership
    add({"person_id": ids["Anna"], "group_id": north})
    add({"person_id": ids["Bo"], "group_id": north, "valid_to": TODAY - timedelta(days=10)})
    # Cissi left Norra but is in Södra now: current, not former.
    add({"person_id": ids["Cissi"], "group_id": north, "valid_to": TODAY - timedelta(days=1)})
    add({"person_id": ids["Cissi"], "group_id": south})
    # Dan joins later: not current yet, not former either.
    add({"person_id": ids["Dan"], "group_id": south, "valid_from": TODAY + timedelta(days=5)})

    assert _names(services) == ["Anna", "Bo", "Cissi", "Dan", "Eva"]
    assert _names(services, group_id=north) == ["Anna", "Bo", "Cissi"]
    assert _names(services, frivard_status="parole") == ["Bo"]
    assert _names(services, active_only=True) == ["Anna", "Cissi"]
    assert _names(services, former_only=True) == ["Bo"]  # Dan has not started yet
    assert _names(services, group_id=north, former_only=True) == ["Bo"]
    assert _names(services, group_id=south, active_only=True) == ["Cissi"]
    assert _names(services, text="cissi", former_only=True) == []


def test_removed_memberships_do_not_count(services: Services) -> None:
    pid = services.people.create({"first_name": "Anna", "last_name": "Ek"}).id
    gid = services.groups.create({"name": "Norra"}).id
    m = services.groups.add_membership({"person_id": pid, "group_id": gid,
                                        "valid_to": TODAY - timedelta(days=3)})
    assert _names(services, former_only=True) == ["Anna"]
    services.groups.delete_membership(m.id)
    assert _names(services, former_only=True) == []
