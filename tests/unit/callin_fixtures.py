"""Shared set-up for the call-in tests: two groups with current, former and future members."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest

from app.models.enums import SpeakerRole
from app.services.callin_dto import CallInPlan, PlannedInvitee, PlannedSpeaker
from app.services.callins import CallInService
from app.services.session import Services

ON = date(2026, 3, 10)
PAST = datetime(2026, 3, 10, 18, 0)  # the meeting has begun in every test run
FUTURE = datetime.now().replace(microsecond=0) + timedelta(days=30)


@dataclass(frozen=True)
class World:
    svc: CallInService
    north: str
    south: str
    people: dict[str, str]  # last name → id


@pytest.fixture
def world(services: Services) -> World:
    p = services.people
    people = {
        "Öberg": p.create({"first_name": "Åsa", "last_name": "Öberg",
                           "personnummer": "811218-9876", "frivard_status": "parole",
                           "frivard_from": "2026-01-01", "frivard_to": "2026-12-31",
                           "frivard_office": "Frivården Malmö"}).id,
        "Andersson": p.create({"first_name": "Olle", "last_name": "Andersson"}).id,
        "Ek": p.create({"first_name": "Bo", "last_name": "Ek", "frivard_status": "probation",
                        "frivard_from": "2025-01-01", "frivard_to": "2026-03-09"}).id,
        "Zetterlund": p.create({"first_name": "Lina", "last_name": "Zetterlund",
                                "frivard_status": "probation",
                                "frivard_from": "2026-03-10"}).id,
        "Borg": p.create({"first_name": "Kim", "last_name": "Borg"}).id,
        "Ny": p.create({"first_name": "Sam", "last_name": "Ny"}).id,
    }
    g = services.groups
    north = g.create({"name": "Norra gänget"}).id
    south = g.create({"name": "Södra"}).id
    member = [("Öberg", north, None, None, "ledare"), ("Andersson", north, None, None, None),
              ("Ek", north, "2025-01-01", "2026-03-10", None),  # last day is the date
              ("Zetterlund", south, "2026-01-01", None, None),
              ("Öberg", south, None, None, "kurir"),
              ("Borg", north, None, "2026-03-09", None),  # left the day before
              ("Ny", north, "2026-03-11", None, None)]  # joins the day after
    for last, group, start, end, role in member:
        g.add_membership({"person_id": people[last], "group_id": group, "valid_from": start,
                          "valid_to": end, "role": role})
    return World(CallInService(services.db), north, south, people)


def full_plan(w: World, *, starts_at: datetime = PAST, **changes: object) -> CallInPlan:
    values: dict[str, object] = {
        "title": "Forum Malmö, mars", "starts_at": starts_at, "venue": "Stadsbiblioteket",
        "security_plan": "Två polispatruller utanför.", "practical_notes": "Ingång C.",
        "group_ids": (w.north,),
        "invitees": (PlannedInvitee(w.people["Öberg"], "Villkorligt frigiven, central."),
                     PlannedInvitee(w.people["Andersson"], "Kan bära budskapet vidare.")),
        "speakers": (PlannedSpeaker(SpeakerRole.HEALTHCARE, "Dr Lund", 10),
                     PlannedSpeaker(SpeakerRole.RELATIVE, "Maria", 8)),
        "logistics": ("meal", "helpline_cards"),
    }
    values.update(changes)
    return CallInPlan(**values)  # type: ignore[arg-type]
