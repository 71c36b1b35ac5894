"""OverviewService: counts and attention lists on a small hand-made register whose right
answers are written out below (today is 2025-06-15 throughout)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from app.models import Referral
from app.models.enums import (
    FrivardStatus,
    Gmi,
    GroupStatus,
    IncidentType,
    ReferralStatus,
    RelationKind,
    ServiceType,
)
from app.services import audit
from app.services.overview import OverviewService
from app.services.session import Services

TODAY = date(2025, 6, 15)


def _person(services: Services, first: str, last: str, **extra: Any) -> str:
    return services.people.create({"first_name": first, "last_name": last, **extra}).id


def _incident(services: Services, when: datetime, kind: IncidentType, **extra: Any) -> str:
    return services.incidents.create({"occurred_at": when, "type": kind, **extra}).id


def _referral(services: Services, person_id: str, status: ReferralStatus, due: date,
              **extra: Any) -> str:
    with services.db.write() as s:
        row = Referral(person_id=person_id, service_type=ServiceType.WORK, status=status,
                       due_on=due, **extra)
        s.add(row)
        s.flush()
        return row.id


@pytest.fixture
def world(services: Services) -> dict[str, str]:
    g = services.groups
    ids = {
        # Two active groups, one dormant, one dissolved, one active but tombstoned.
        "norra": g.create({"name": "Norra", "priority": 1,
                           "priority_review_date": date(2025, 6, 1)}).id,
        "sodra": g.create({"name": "Södra", "priority": 2,
                           "priority_review_date": date(2025, 6, 15)}).id,  # due today: fine
        "vila": g.create({"name": "Vilande", "status": GroupStatus.DORMANT,
                          "priority_review_date": date(2025, 5, 16)}).id,
        "borta": g.create({"name": "Upplöst", "status": GroupStatus.DISSOLVED,
                           "priority_review_date": date(2024, 1, 1)}).id,
        "gone": g.create({"name": "Borttagen", "priority_review_date": date(2024, 1, 1)}).id,
    }
    p = {
        "ali": _person(services, "Ali", "Zander", frivard_status=FrivardStatus.PAROLE,
                       frivard_from=date(2024, 1, 1), frivard_to=date(2025, 7, 15)),
        "asa": _person(services, "Åsa", "Öberg", frivard_status=FrivardStatus.PROBATION,
                       frivard_from=date(2024, 1, 1), frivard_to=date(2025, 6, 15)),
        "bo": _person(services, "Bo", "Berg", frivard_status=FrivardStatus.PAROLE,
                      frivard_from=date(2024, 1, 1), frivard_to=date(2025, 7, 16)),  # 31 days
        "cia": _person(services, "Cia", "Ek", frivard_status=FrivardStatus.PAROLE,
                       frivard_from=date(2024, 1, 1), frivard_to=date(2025, 6, 14)),  # ended
        "dan": _person(services, "Dan", "Lund"),
        "eva": _person(services, "Eva", "Ahl", frivard_status=FrivardStatus.PAROLE,
                       frivard_from=date(2024, 1, 1), frivard_to=date(2025, 6, 20)),
    }
    ids.update(p)
    member = g.add_membership
    member({"person_id": p["ali"], "group_id": ids["norra"]})
    member({"person_id": p["ali"], "group_id": ids["sodra"]})  # counted once
    member({"person_id": p["asa"], "group_id": ids["norra"], "valid_from": date(2025, 6, 15)})
    member({"person_id": p["bo"], "group_id": ids["norra"], "valid_to": date(2025, 6, 14)})
    member({"person_id": p["cia"], "group_id": ids["norra"], "valid_from": date(2025, 6, 16)})
    member({"person_id": p["dan"], "group_id": ids["vila"]})  # dormant group
    member({"person_id": p["eva"], "group_id": ids["sodra"]})
    ended = member({"person_id": p["dan"], "group_id": ids["sodra"]})
    services.groups.delete_membership(ended.id)
    member({"person_id": p["bo"], "group_id": ids["gone"]})
    services.groups.delete(ids["gone"])
    services.people.delete(p["eva"])  # tombstoned person: neither counted nor listed

    rel = g.add_relation
    rel({"group_a_id": ids["norra"], "group_b_id": ids["sodra"], "kind": RelationKind.CONFLICT})
    rel({"group_a_id": ids["norra"], "group_b_id": ids["vila"], "kind": RelationKind.CONFLICT,
         "since": date(2025, 1, 1), "until": date(2025, 6, 15)})  # ends today: still current
    rel({"group_a_id": ids["sodra"], "group_b_id": ids["vila"], "kind": RelationKind.CONFLICT,
         "until": date(2025, 6, 1)})  # over
    rel({"group_a_id": ids["sodra"], "group_b_id": ids["borta"], "kind": RelationKind.ALLIANCE})

    ids["shot_today"] = _incident(services, datetime(2025, 6, 15, 23, 59), IncidentType.SHOOTING,
                                  injured=2, killed=1)
    ids["shot_first_day"] = _incident(services, datetime(2025, 5, 17, 0, 0),
                                      IncidentType.SHOOTING, gmi=Gmi.YES, injured=1)
    _incident(services, datetime(2025, 5, 16, 23, 59), IncidentType.SHOOTING, killed=5)  # 31st
    ids["bomb"] = _incident(services, datetime(2025, 6, 1, 3, 0), IncidentType.EXPLOSION,
                            gmi=Gmi.NO, place="Storgatan 1")
    ids["assault"] = _incident(services, datetime(2025, 6, 10, 20, 0),
                               IncidentType.AGGRAVATED_ASSAULT, injured=1)
    removed = _incident(services, datetime(2025, 6, 12, 12, 0), IncidentType.SHOOTING)
    services.incidents.delete(removed)
    _incident(services, datetime(2025, 6, 16, 0, 0), IncidentType.EXPLOSION)  # tomorrow

    ids["ref_late"] = _referral(services, p["dan"], ReferralStatus.ACCEPTED, date(2025, 6, 1))
    ids["ref_later"] = _referral(services, p["ali"], ReferralStatus.PROPOSED, date(2025, 6, 10))
    _referral(services, p["ali"], ReferralStatus.COMPLETED, date(2025, 5, 1))  # closed
    _referral(services, p["dan"], ReferralStatus.STARTED, date(2025, 6, 15))  # due today
    _referral(services, p["eva"], ReferralStatus.SENT, date(2025, 5, 1))  # person tombstoned
    _referral(services, p["bo"], ReferralStatus.SENT, date(2025, 5, 1), deleted=True)
    return ids


def test_counts(services: Services, world: dict[str, str]) -> None:
    dto = OverviewService(services.db).summary(TODAY)
    assert dto.today == TODAY
    assert dto.active_groups == 2  # Norra, Södra
    assert dto.people_in_active_groups == 2  # Ali (two groups) and Åsa (from today)
    assert dto.incidents == 4  # today, the first day of the window, the explosion, the assault
    assert (dto.shootings, dto.explosions) == (2, 1)
    assert (dto.killed, dto.injured) == (1, 4)
    assert dto.current_conflicts == 2


def test_attention_lists(services: Services, world: dict[str, str]) -> None:
    dto = OverviewService(services.db).summary(TODAY)
    assert [(r.group_id, r.review_date, r.days_overdue) for r in dto.reviews_due] == [
        (world["vila"], date(2025, 5, 16), 30), (world["norra"], date(2025, 6, 1), 14)]
    assert [r.name for r in dto.reviews_due] == ["Vilande", "Norra"]
    assert dto.reviews_due_total == 2

    assert [(f.person_id, f.name, f.status, f.ends_on, f.days_left)
            for f in dto.frivard_ending] == [
        (world["asa"], "Åsa Öberg", FrivardStatus.PROBATION, date(2025, 6, 15), 0),
        (world["ali"], "Ali Zander", FrivardStatus.PAROLE, date(2025, 7, 15), 30)]
    assert dto.frivard_ending_total == 2

    assert [u.incident_id for u in dto.uncoded] == [world["shot_today"], world["assault"]]
    assert dto.uncoded[0].type is IncidentType.SHOOTING
    assert dto.uncoded_total == 2

    assert [(r.referral_id, r.person_id, r.name, r.days_overdue)
            for r in dto.referrals_overdue] == [
        (world["ref_late"], world["dan"], "Dan Lund", 14),
        (world["ref_later"], world["ali"], "Ali Zander", 5)]
    assert dto.referrals_overdue[0].service_type is ServiceType.WORK
    assert dto.referrals_overdue_total == 2


def test_lists_are_capped_but_totals_are_not(services: Services,
                                             world: dict[str, str]) -> None:
    dto = OverviewService(services.db).summary(TODAY, limit=1)
    assert [r.name for r in dto.reviews_due] == ["Vilande"]
    assert dto.reviews_due_total == 2
    assert len(dto.frivard_ending) == 1 and dto.frivard_ending_total == 2
    assert len(dto.uncoded) == 1 and dto.uncoded_total == 2
    assert len(dto.referrals_overdue) == 1 and dto.referrals_overdue_total == 2


def test_empty_vault_has_nothing_to_do(services: Services) -> None:
    dto = OverviewService(services.db).summary(TODAY)
    assert (dto.active_groups, dto.people_in_active_groups, dto.incidents, dto.killed,
            dto.injured, dto.current_conflicts) == (0, 0, 0, 0, 0, 0)
    assert dto.reviews_due == dto.frivard_ending == dto.uncoded == dto.referrals_overdue == ()
    assert dto.frivard_ending_total == dto.referrals_overdue_total == 0


def _listings(services: Services) -> list[dict[str, Any] | None]:
    return [e.detail for e in audit.list_events(services.db, action=audit.Action.READ)
            if e.entity_type == "person_list"]


def test_listing_people_is_logged_without_names(services: Services,
                                                world: dict[str, str]) -> None:
    overview = OverviewService(services.db)
    before = _listings(services)
    overview.summary(TODAY)
    after = _listings(services)  # newest first
    assert len(after) == len(before) + 1
    assert after[0] == {"rows": 4, "view": "overview"}
    overview.summary(TODAY, log=False)
    overview.summary(date(2020, 1, 1))  # nobody listed that day: nothing to log
    assert len(_listings(services)) == len(before) + 1
