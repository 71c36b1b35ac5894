"""Timelines and the message: a person's notifications (custom and invitations) and call-ins;
a group's members, incidents, the call-ins that addressed it and the notifications its members
received while they were members."""

from __future__ import annotations

from datetime import date, datetime

from app.models import CallIn, CallInGroup, CallInInvitee, Notification, NotificationPerson
from app.models.enums import CallInStatus, InviteeStatus, NotificationKind, NotificationSetting
from app.services.audit import list_events
from app.services.session import Services
from app.services.timeline import TimelineEntry, TimelineKind, TimelineService

FORUM = datetime(2024, 2, 10, 18, 0)


def _forum(services: Services, group_id: str, invitees: dict[str, InviteeStatus]) -> str:
    with services.db.write() as s:
        meeting = CallIn(title="Forum februari", starts_at=FORUM, status=CallInStatus.HELD)
        s.add(meeting)
        s.flush()
        s.add(CallInGroup(callin_id=meeting.id, group_id=group_id))
        s.add_all(CallInInvitee(callin_id=meeting.id, person_id=p, status=st)
                  for p, st in invitees.items())
        invitation = Notification(kind=NotificationKind.CALLIN_INVITATION,
                                  delivered_at=datetime(2024, 1, 20, 9, 0), callin_id=meeting.id,
                                  setting=NotificationSetting.FRIVARD_OFFICE)
        s.add(invitation)
        s.flush()
        s.add_all(NotificationPerson(notification_id=invitation.id, person_id=p)
                  for p in invitees)
        return meeting.id


def _world(services: Services) -> tuple[str, str, str, str]:
    people, groups = services.people, services.groups
    ante = people.create({"first_name": "Ante", "last_name": "Berg",
                          "personnummer": "19811218-9876"}).id
    bea = people.create({"first_name": "Bea", "last_name": "Dahl"}).id
    norra = groups.create({"name": "Norra"}).id
    groups.add_membership({"person_id": ante, "group_id": norra, "role": "ledare",
                           "valid_from": date(2023, 1, 1), "valid_to": date(2023, 12, 31)})
    groups.add_membership({"person_id": bea, "group_id": norra, "valid_from": date(2024, 1, 1)})
    values = {"trigger": "conflict", "setting": "home", "team": [("Karin Lund", "police")],
              "message_parts": ["moral"]}
    services.notifications.create({**values, "person_ids": [ante],
                                   "delivered_at": datetime(2023, 6, 1, 10, 0),
                                   "reaction": "lyssnade"})
    services.notifications.create({**values, "person_ids": [ante, bea],
                                   "delivered_at": datetime(2024, 2, 1, 10, 0)})
    forum = _forum(services, norra, {bea: InviteeStatus.ATTENDED,
                                     ante: InviteeStatus.NO_SHOW})
    services.incidents.create({"occurred_at": datetime(2023, 11, 2, 22, 0), "type": "shooting",
                               "place": "Torget", "groups": [(norra, "perpetrator_side")]})
    return ante, bea, norra, forum


def _rows(entries: list[TimelineEntry]) -> list[tuple[str, str, str, str]]:
    return [(e.when.isoformat(sep=" ", timespec="minutes"), e.kind.value, e.title, e.detail)
            for e in entries]


def test_a_persons_notifications_and_call_ins(services: Services) -> None:
    ante, bea, _norra, forum = _world(services)
    timeline = TimelineService(services.db)
    rows = [r for r in _rows(timeline.for_person(bea))
            if r[1] in ("notification", "callin_attendance")]
    assert rows == [
        ("2024-02-10 18:00", "callin_attendance", "Call-in: Forum februari", "Deltog"),
        ("2024-02-01 10:00", "notification", "Riktat samtal: konflikt", "hemma"),
        ("2024-01-20 09:00", "notification", "Kallelse till call-in: Forum februari",
         "på frivårdskontoret"),
    ]
    ante_rows = [r for r in _rows(timeline.for_person(ante)) if r[1] == "callin_attendance"]
    assert ante_rows == [("2024-02-10 18:00", "callin_attendance", "Call-in: Forum februari",
                          "Uteblev")]
    invitation = next(e for e in timeline.for_person(bea) if e.title.startswith("Kallelse"))
    assert (invitation.record_kind, invitation.record_id is not None) == ("notification", True)
    attended = next(e for e in timeline.for_person(bea) if e.kind is TimelineKind.CALLIN_ATTENDANCE)
    assert (attended.record_kind, attended.record_id) == ("callin", forum)


def test_a_groups_timeline(services: Services) -> None:
    ante, _bea, norra, forum = _world(services)
    before = len(list_events(services.db, limit=10_000))
    entries = TimelineService(services.db).for_group(norra)
    assert len(list_events(services.db, limit=10_000)) == before  # the group's get is audited
    assert _rows(entries) == [
        ("2024-02-10 18:00", "callin", "Call-in: Forum februari", "Genomförd"),
        # Ante had left by 2024-02-01: only Bea's share of that visit is the group's.
        ("2024-02-01 10:00", "notification", "Riktat samtal med Bea Dahl", "konflikt"),
        ("2024-01-20 09:00", "notification", "Bea Dahl kallad till call-in", "Forum februari"),
        ("2024-01-01 00:00", "membership_started", "Bea Dahl blev medlem", ""),
        ("2023-12-31 00:00", "membership_ended", "Ante Berg lämnade gruppen", "ledare"),
        ("2023-11-02 22:00", "incident", "Skjutning, Torget", "Gärningssidan"),
        ("2023-06-01 10:00", "notification", "Riktat samtal med Ante Berg", "konflikt"),
        ("2023-01-01 00:00", "membership_started", "Ante Berg blev medlem", "ledare"),
    ]
    by_kind = {e.kind: e for e in entries}
    assert (by_kind[TimelineKind.CALLIN].record_kind,
            by_kind[TimelineKind.CALLIN].record_id) == ("callin", forum)
    assert by_kind[TimelineKind.MEMBERSHIP_ENDED].record_id == ante
    assert not by_kind[TimelineKind.MEMBERSHIP_ENDED].has_time
    for entry in entries:
        assert "9876" not in entry.title + entry.detail


def test_removed_people_and_notifications_leave_the_group_timeline(services: Services) -> None:
    _ante, bea, norra, _forum_id = _world(services)
    visit = services.notifications.list(person_id=bea, kind="custom")[0]
    services.notifications.delete(visit.id)
    services.people.delete(bea)
    titles = [e.title for e in TimelineService(services.db).for_group(norra)]
    assert not any("Bea" in t for t in titles)
    assert "Riktat samtal med Ante Berg" in titles
    assert TimelineService(services.db).for_group("no such group") == []
