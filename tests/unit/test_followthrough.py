"""FollowThroughService: rounds of ökat fokus against a group — triggering incidents replaced in
one transaction, levers and dates checked, ending a round, listing by group, day and period,
tombstones with their incident links, and refusals that change nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from app.errors import NotFound, ValidationError
from app.models import EnforcementAction, EnforcementIncident
from app.models.enums import IncidentType, Lever
from app.services.audit import list_events
from app.services.demo import fill_demo
from app.services.followthrough import FOLLOW_THROUGH_FIELDS, clean_round
from app.services.session import Services


@pytest.fixture
def world(services: Services) -> dict[str, str]:
    group = services.groups.create({"name": "Norra gänget"}).id
    other = services.groups.create({"name": "Södra"}).id
    first = services.incidents.create({"occurred_at": datetime(2025, 2, 1, 22, 0),
                                       "type": "shooting", "place": "Torget"}).id
    second = services.incidents.create({"occurred_at": datetime(2025, 2, 9, 1, 30),
                                        "type": "explosion"}).id
    third = services.incidents.create({"occurred_at": datetime(2025, 1, 5, 20, 0),
                                       "type": "homicide", "place": "Parken"}).id
    return {"group": group, "other": other, "first": first, "second": second, "third": third}


def _values(world: dict[str, str], **extra: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "group_id": world["group"], "incident_ids": [world["second"], world["first"]],
        "levers": ["tax_checks", "traffic_checks"], "agencies": ["Polisen", "Skatteverket"],
        "started_on": date(2025, 2, 10)}
    values.update(extra)
    return values


def _snapshot(services: Services) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], int]:
    with services.db.read() as s:
        actions = [(a.id, a.deleted, a.levers, a.started_on, a.ended_on, a.end_reason,
                    a.communicated_on, a.hlc)
                   for a in s.query(EnforcementAction).order_by(EnforcementAction.id)]
        links = [(li.id, li.action_id, li.incident_id, li.deleted, li.hlc)
                 for li in s.query(EnforcementIncident).order_by(EnforcementIncident.id)]
    return actions, links, len(list_events(services.db, limit=100_000))


def _fields(exc: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return {e.field for e in exc.value.errors}


def test_a_round_with_its_incidents(services: Services, world: dict[str, str]) -> None:
    created = services.followthrough.create(_values(
        world, agencies="Polisen; Kronofogden, Polisen", notes="  Samordnat via LPO  "))

    got = services.followthrough.get(created.id)
    assert got == created
    assert got.group_id == world["group"] and got.group_name == "Norra gänget"
    assert got.levers == (Lever.TRAFFIC_CHECKS, Lever.TAX_CHECKS)  # in the order of Lever
    assert got.agencies == ("Polisen", "Kronofogden")
    assert got.started_on == date(2025, 2, 10) and got.ended_on is None
    assert got.notes == "Samordnat via LPO"
    assert got.incident_ids == (world["first"], world["second"])  # oldest first
    first = got.incidents[0]
    assert (first.occurred_at, first.type, first.place) == \
        (datetime(2025, 2, 1, 22, 0), IncidentType.SHOOTING, "Torget")
    assert first.label == "2025-02-01 Skjutning, Torget"
    assert got.incidents[1].label == "2025-02-09 Sprängning"
    assert got.is_active(date(2025, 3, 1)) and not got.is_active(date(2025, 2, 9))
    assert not got.ended
    create = list_events(services.db, action="create", entity_id=created.id)[0]
    assert create.detail == {"group_id": world["group"], "incidents": 2}
    assert list_events(services.db, action="read", entity_id=created.id)


@pytest.mark.parametrize(("extra", "field"), [
    ({"group_id": None}, "group_id"),
    ({"group_id": "no-such-group"}, "group_id"),
    ({"incident_ids": ["no-such-incident"]}, "incident_ids"),
    ({"incident_ids": [""]}, "incident_ids"),
    ({"levers": []}, "levers"),
    ({"levers": ["curfew"]}, "levers"),
    ({"started_on": None}, "started_on"),
    ({"started_on": "snart"}, "started_on"),
    ({"ended_on": date(2025, 2, 9), "end_reason": "Lugnt"}, "ended_on"),
    ({"ended_on": date(2025, 3, 1)}, "end_reason"),
    ({"end_reason": "Lugnt"}, "end_reason"),
    ({"ended_on": date.today() + timedelta(days=1), "end_reason": "Lugnt"}, "ended_on"),
    ({"communicated_on": date(2025, 2, 1)}, "communicated_on"),
    ({"communicated_on": date.today() + timedelta(days=2)}, "communicated_on"),
    ({"agencies": ["x" * 101]}, "agencies"),
    ({"sanction": "all"}, "sanction"),
])
def test_refusals_name_the_field_and_change_nothing(services: Services, world: dict[str, str],
                                                    extra: dict[str, Any], field: str) -> None:
    services.followthrough.create(_values(world))
    before = _snapshot(services)
    with pytest.raises(ValidationError) as exc:
        services.followthrough.create(_values(world, **extra))
    assert field in _fields(exc)
    assert _snapshot(services) == before


def test_a_deleted_group_or_incident_is_refused(services: Services,
                                                world: dict[str, str]) -> None:
    services.groups.delete(world["other"])
    services.incidents.delete(world["third"])
    before = _snapshot(services)
    with pytest.raises(ValidationError) as exc:
        services.followthrough.create(_values(world, group_id=world["other"],
                                              incident_ids=[world["third"]]))
    assert _fields(exc) == {"group_id", "incident_ids"}
    assert _snapshot(services) == before


def test_incidents_replaced_in_one_transaction(services: Services,
                                               world: dict[str, str]) -> None:
    created = services.followthrough.create(_values(world))
    commits: list[int] = []
    engine = services.db.engine
    listener = lambda _conn: commits.append(1)  # noqa: E731
    event.listen(engine, "commit", listener)
    try:
        updated = services.followthrough.update(created.id, {
            "incident_ids": [world["third"], world["first"]],
            "levers": ["seizures"], "communicated_how": "Vid nästa call-in",
            "communicated_on": date(2025, 3, 20)})
    finally:
        event.remove(engine, "commit", listener)
    assert len(commits) == 1  # the round, its links and the audit row together
    assert updated.incident_ids == (world["third"], world["first"])
    assert updated.levers == (Lever.SEIZURES,)
    assert updated.communicated_on == date(2025, 3, 20)
    assert updated.agencies == created.agencies  # untouched fields kept
    change = list_events(services.db, action="update", entity_id=created.id)[0]
    assert change.detail == {"fields": ["communicated_how", "communicated_on", "levers",
                                        "incident_ids"]}
    with services.db.read() as s:
        links = {(li.incident_id, li.deleted) for li in s.query(EnforcementIncident)}
    assert links == {(world["first"], False), (world["second"], True), (world["third"], False)}

    # Back again: the tombstoned link is revived, not duplicated.
    services.followthrough.update(created.id, {"incident_ids": [world["second"]]})
    with services.db.read() as s:
        rows = [(li.incident_id, li.deleted) for li in s.query(EnforcementIncident)]
    assert sorted(rows) == sorted([(world["first"], True), (world["second"], False),
                                   (world["third"], True)])

    # A refused update leaves the links as they were.
    before = _snapshot(services)
    with pytest.raises(ValidationError) as exc:
        services.followthrough.update(created.id, {"incident_ids": [world["first"]],
                                                   "levers": []})
    assert _fields(exc) == {"levers"}
    assert _snapshot(services) == before


def test_ending_a_round(services: Services, world: dict[str, str]) -> None:
    created = services.followthrough.create(_values(world))
    before = _snapshot(services)
    for on, reason, field in ((date(2025, 3, 1), None, "end_reason"),
                              (date(2025, 3, 1), "  ", "end_reason"),
                              (None, "Våldet upphörde.", "ended_on"),
                              (date(2025, 2, 1), "Våldet upphörde.", "ended_on"),
                              (date.today() + timedelta(days=1), "Lugnt", "ended_on")):
        with pytest.raises(ValidationError) as exc:
            services.followthrough.end(created.id, on, reason)
        assert _fields(exc) == {field}
    assert _snapshot(services) == before

    ended = services.followthrough.end(created.id, date(2025, 4, 1), "Våldet upphörde.",
                                       purpose="effekt sedd")
    assert ended.ended and ended.ended_on == date(2025, 4, 1)
    assert ended.end_reason == "Våldet upphörde."
    assert ended.incident_ids == created.incident_ids
    event_row = list_events(services.db, action="update", entity_id=created.id)[0]
    assert event_row.detail == {"fields": ["end_reason", "ended_on"]}
    assert event_row.purpose == "effekt sedd"
    with pytest.raises(ValidationError) as exc:
        services.followthrough.end(created.id, date(2025, 4, 2), "Igen")
    assert _fields(exc) == {"ended_on"}
    # Reopening (clearing the end) is an update, and needs the reason cleared with it.
    with pytest.raises(ValidationError):
        services.followthrough.update(created.id, {"ended_on": None})
    reopened = services.followthrough.update(created.id, {"ended_on": None, "end_reason": None})
    assert not reopened.ended


def test_listing_by_group_day_and_period(services: Services, world: dict[str, str]) -> None:
    early = services.followthrough.create(_values(
        world, started_on=date(2025, 1, 10), ended_on=date(2025, 1, 31), end_reason="Lugnt",
        incident_ids=[world["third"]]))
    running = services.followthrough.create(_values(world))
    theirs = services.followthrough.create(_values(world, group_id=world["other"],
                                                   started_on=date(2025, 2, 15),
                                                   incident_ids=[]))
    gone = services.followthrough.create(_values(world, started_on=date(2025, 3, 1)))
    services.followthrough.delete(gone.id)
    ids = lambda found: [r.id for r in found]  # noqa: E731

    assert ids(services.followthrough.list()) == [theirs.id, running.id, early.id]
    assert ids(services.followthrough.list(world["group"])) == [running.id, early.id]
    assert ids(services.followthrough.list(active_on=date(2025, 1, 31))) == [early.id]
    assert ids(services.followthrough.list(active_on=date(2025, 2, 12))) == [running.id]
    assert ids(services.followthrough.list(since=date(2025, 1, 1),
                                           until=date(2025, 1, 15))) == [early.id]
    assert ids(services.followthrough.list(since=date(2025, 2, 1),
                                           until=date(2025, 2, 12))) == [running.id]
    assert ids(services.followthrough.list(limit=1, offset=1)) == [running.id]
    listed = services.followthrough.list(world["group"])
    assert listed[1].incidents[0].label == "2025-01-05 Dödligt våld, Parken"
    assert services.followthrough.list(world["other"])[0].incidents == ()

    # A deleted incident drops out of the round; a deleted group takes its rounds off the list.
    services.incidents.delete(world["third"])
    assert services.followthrough.get(early.id).incidents == ()
    services.groups.delete(world["other"])
    assert ids(services.followthrough.list()) == [running.id, early.id]


def test_delete_tombstones_the_round_and_its_links(services: Services,
                                                   world: dict[str, str]) -> None:
    created = services.followthrough.create(_values(world))
    services.followthrough.delete(created.id, purpose="felregistrerad")
    with services.db.read() as s:
        assert s.get(EnforcementAction, created.id).deleted is True
        assert {li.deleted for li in s.query(EnforcementIncident)} == {True}
    deleted = list_events(services.db, action="delete", entity_id=created.id)[0]
    assert deleted.purpose == "felregistrerad"
    for call in (lambda: services.followthrough.get(created.id),
                 lambda: services.followthrough.delete(created.id),
                 lambda: services.followthrough.end(created.id, date(2025, 3, 1), "x"),
                 lambda: services.followthrough.update(created.id, {"notes": "x"})):
        with pytest.raises(NotFound):
            call()


def test_demo_rounds_pass_the_services_rules(services: Services) -> None:
    fill_demo(services, people=2000, seed=5)
    with services.db.read() as s:
        rows = list(s.query(EnforcementAction))
        for row in rows:
            stored = {f: getattr(row, f) for f in FOLLOW_THROUGH_FIELDS if f != "incident_ids"}
            stored["incident_ids"] = [li.incident_id for li in s.query(EnforcementIncident)
                                      .filter_by(action_id=row.id)]
            cleaned = clean_round(s, stored)
            assert sorted(cleaned.pop("incident_ids")) == sorted(stored.pop("incident_ids"))
            assert cleaned == stored
        assert any(r.ended_on and r.communicated_on for r in rows)
        assert all(bool(r.communicated_how) == bool(r.communicated_on) for r in rows)
