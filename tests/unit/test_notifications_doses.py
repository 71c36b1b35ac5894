"""Doses and the notification listing on a small hand-made register; the right answers are
written beside the data.

People: Ante (member of Norra 2023-01-01 – 2023-12-31), Bea (member of Norra from
2024-01-01), Cem (never a member). Custom notifications: n1 2023-06-01 Ante, n5 2023-12-31
21:00 Ante (the last day of his membership still counts), n2 2024-02-01 Ante+Bea, n3
2024-03-01 Cem, n4 2024-04-01 Bea (deleted). Invitation i1 2024-01-20 Bea to "Forum
februari" (2024-02-10 18:00), which Bea and Cem attended and Ante missed. Ante also attended
a call-in that was later deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pytest

from app.errors import NotFound
from app.models import CallIn, CallInInvitee, Notification, NotificationPerson
from app.models.enums import InviteeStatus, NotificationKind
from app.services.doses import Doses
from app.services.notifications import NotificationService
from app.services.session import Services

FORUM = datetime(2024, 2, 10, 18, 0)


@dataclass
class World:
    ante: str
    bea: str
    cem: str
    norra: str
    n: dict[str, str]


def _note(notes: NotificationService, when: datetime, *people: str) -> str:
    return notes.create({"person_ids": list(people), "delivered_at": when, "trigger": "other",
                         "setting": "home", "team": [("Karin Lund", "police")],
                         "message_parts": ["moral"]}).id


def _callin(services: Services, title: str, starts: datetime,
            attendance: dict[str, InviteeStatus], *, deleted: bool = False) -> str:
    with services.db.write() as s:
        meeting = CallIn(title=title, starts_at=starts, deleted=deleted)
        s.add(meeting)
        s.flush()
        s.add_all(CallInInvitee(callin_id=meeting.id, person_id=pid, status=status)
                  for pid, status in attendance.items())
        return meeting.id


@pytest.fixture
def world(services: Services) -> World:
    people, groups, notes = services.people, services.groups, services.notifications
    ante = people.create({"first_name": "Ante", "last_name": "Berg"}).id
    bea = people.create({"first_name": "Bea", "last_name": "Dahl"}).id
    cem = people.create({"first_name": "Cem", "last_name": "Ek"}).id
    norra = groups.create({"name": "Norra"}).id
    groups.add_membership({"person_id": ante, "group_id": norra,
                           "valid_from": date(2023, 1, 1), "valid_to": date(2023, 12, 31)})
    groups.add_membership({"person_id": bea, "group_id": norra, "valid_from": date(2024, 1, 1)})
    n = {"n1": _note(notes, datetime(2023, 6, 1, 10, 0), ante),
         "n5": _note(notes, datetime(2023, 12, 31, 21, 0), ante),
         "n2": _note(notes, datetime(2024, 2, 1, 10, 0), ante, bea),
         "n3": _note(notes, datetime(2024, 3, 1, 10, 0), cem),
         "n4": _note(notes, datetime(2024, 4, 1, 10, 0), bea)}
    notes.delete(n["n4"])
    forum = _callin(services, "Forum februari", FORUM,
                    {bea: InviteeStatus.ATTENDED, cem: InviteeStatus.ATTENDED,
                     ante: InviteeStatus.NO_SHOW})
    _callin(services, "Borttaget forum", datetime(2022, 5, 5, 18, 0),
            {ante: InviteeStatus.ATTENDED}, deleted=True)
    with services.db.write() as s:
        invitation = Notification(kind=NotificationKind.CALLIN_INVITATION,
                                  delivered_at=datetime(2024, 1, 20, 9, 0), callin_id=forum)
        s.add(invitation)
        s.flush()
        s.add(NotificationPerson(notification_id=invitation.id, person_id=bea))
        n["i1"] = invitation.id
    return World(ante, bea, cem, norra, n)


def _d(custom: int, callins: int, invitations: int, people: int, repeat: int,
       last: datetime | None) -> Doses:
    return Doses(custom, callins, invitations, people, repeat, last)


def test_doses_per_person(services: Services, world: World) -> None:
    notes = services.notifications
    assert notes.doses_for_person(world.ante) == _d(3, 0, 0, 1, 1, datetime(2024, 2, 1, 10, 0))
    bea = notes.doses_for_person(world.bea)
    assert bea == _d(1, 1, 1, 1, 1, FORUM)
    assert bea.total == 2  # the invitation is shown beside the doses, not among them
    assert notes.doses_for_person(world.cem) == _d(1, 1, 0, 1, 1, datetime(2024, 3, 1, 10, 0))
    assert notes.doses_for_person(world.ante, since=date(2024, 1, 1)) == \
        _d(1, 0, 0, 1, 0, datetime(2024, 2, 1, 10, 0))


def test_group_doses_follow_membership_on_the_day(services: Services, world: World) -> None:
    # Ante's n1 and n5 (member then), Bea's n2, her call-in and her invitation; not Ante's n2
    # (he had left) and nothing of Cem's.
    doses = services.notifications.doses_for_group(world.norra)
    assert doses == _d(3, 1, 1, 2, 2, FORUM)
    assert doses.total == 4


def test_dose_summary_for_a_period(services: Services, world: World) -> None:
    notes = services.notifications
    assert notes.dose_summary() == _d(5, 2, 1, 3, 3, datetime(2024, 3, 1, 10, 0))
    # January–February 2024: n2 to Ante and Bea, the forum for Bea and Cem, the invitation.
    assert notes.dose_summary(date(2024, 1, 1), date(2024, 2, 29)) == _d(2, 2, 1, 3, 1, FORUM)
    # Inclusive days: the forum's own day counts, the day after does not.
    assert notes.dose_summary(date(2024, 2, 10), date(2024, 2, 10)).callins_attended == 2
    assert notes.dose_summary(date(2024, 2, 11), date(2024, 2, 29)).total == 0
    assert notes.dose_summary(date(2030, 1, 1)) == _d(0, 0, 0, 0, 0, None)


def test_removed_people_and_notifications_stop_counting(services: Services,
                                                        world: World) -> None:
    notes = services.notifications
    notes.delete(world.n["n2"])
    assert notes.doses_for_group(world.norra) == _d(2, 1, 1, 2, 1, FORUM)
    services.people.delete(world.cem)
    assert notes.dose_summary() == _d(2, 1, 1, 2, 1, FORUM)  # Ante twice, Bea once
    with pytest.raises(NotFound):
        notes.doses_for_person(world.cem)
    services.groups.delete(world.norra)
    with pytest.raises(NotFound):
        notes.doses_for_group(world.norra)


def _ids(rows: list[Any]) -> list[str]:
    return [r.id for r in rows]


def test_listing_both_kinds_newest_first(services: Services, world: World) -> None:
    notes, n = services.notifications, world.n
    assert _ids(notes.list()) == [n["n3"], n["n2"], n["i1"], n["n5"], n["n1"]]
    assert _ids(notes.list(person_id=world.bea)) == [n["n2"], n["i1"]]
    assert _ids(notes.list(group_id=world.norra)) == [n["n2"], n["i1"], n["n5"], n["n1"]]
    assert _ids(notes.list(kind="callin_invitation")) == [n["i1"]]
    assert _ids(notes.list(kind=NotificationKind.CUSTOM, since=date(2023, 12, 31),
                           until=date(2024, 2, 1))) == [n["n2"], n["n5"]]
    invitation = notes.list(kind="callin_invitation")[0]
    assert invitation.callin_title == "Forum februari"
    assert [p.name for p in invitation.persons] == ["Bea Dahl"]
    both = notes.list(person_id=world.ante, since=date(2024, 1, 1))[0]
    assert [p.name for p in both.persons] == ["Ante Berg", "Bea Dahl"]
    assert notes.list(person_id=world.cem, until=date(2024, 2, 29)) == []
