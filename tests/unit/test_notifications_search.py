"""The notification register's listing: the team on each row, names and call-in titles
searched in SQL (with the other filters), and which chosen people are still registered."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.models import CallIn, Notification, NotificationPerson
from app.models.enums import NotificationKind
from app.services.notifications import TeamMember, TeamRole
from app.services.session import Services

WHEN = datetime(2024, 3, 5, 18, 30)


def _person(services: Services, first: str, last: str) -> str:
    return services.people.create({"first_name": first, "last_name": last}).id


def _notify(services: Services, person_ids: list[str], **extra: Any) -> str:
    values: dict[str, Any] = {
        "person_ids": person_ids, "delivered_at": WHEN, "trigger": "conflict",
        "setting": "home", "team": [{"name": "Karin Lund", "role": "police"},
                                    {"name": "Omar Said", "role": "social_worker"}],
        "message_parts": ["moral"]}
    values.update(extra)
    return services.notifications.create(values).id


def test_each_row_names_its_team(services: Services) -> None:
    _notify(services, [_person(services, "Åsa", "Öberg")])
    (row,) = services.notifications.list()
    assert row.team == (TeamMember("Karin Lund", TeamRole.POLICE),
                        TeamMember("Omar Said", TeamRole.SOCIAL_WORKER))


def test_search_finds_people_by_name_beyond_the_rows_fetched(services: Services) -> None:
    asa, bo = _person(services, "Åsa", "Öberg"), _person(services, "Bo", "Ek")
    older = _notify(services, [asa], delivered_at=datetime(2020, 1, 1, 12, 0))
    for day in range(1, 6):
        _notify(services, [bo], delivered_at=datetime(2024, 1, day, 12, 0))
    notes = services.notifications
    assert [n.id for n in notes.list(limit=3)] != [older]
    assert [n.id for n in notes.list(search="öber", limit=3)] == [older]
    assert [n.id for n in notes.list(search="ÅSA öberg")] == [older]
    assert notes.list(search="Åsa Ek") == []  # every word names the same person
    assert len(notes.list(search="ek")) == 5
    assert notes.list(search="  ") == notes.list()
    assert notes.list(search='"*) OR (') == []  # typed syntax never widens a search


def test_search_combines_with_the_other_filters(services: Services) -> None:
    asa = _person(services, "Åsa", "Öberg")
    _notify(services, [asa], delivered_at=datetime(2020, 1, 1, 12, 0))
    recent = _notify(services, [asa])
    found = services.notifications.list(search="Åsa", since=datetime(2024, 1, 1))
    assert [n.id for n in found] == [recent]
    assert services.notifications.list(search="Åsa", kind="callin_invitation") == []


def test_search_ignores_people_deleted_since(services: Services) -> None:
    asa, bo = _person(services, "Åsa", "Öberg"), _person(services, "Bo", "Öberg")
    both = _notify(services, [asa, bo])
    services.people.delete(asa)
    assert services.notifications.list(search="Åsa") == []
    assert [n.id for n in services.notifications.list(search="Öberg")] == [both]


def test_search_finds_invitations_by_call_in_title(services: Services) -> None:
    asa = _person(services, "Åsa", "Öberg")
    with services.db.write() as s:
        meeting = CallIn(title="Våren i Östra", starts_at=datetime(2024, 4, 1, 18, 0))
        s.add(meeting)
        s.flush()
        invitation = Notification(kind=NotificationKind.CALLIN_INVITATION, delivered_at=WHEN,
                                  callin_id=meeting.id)
        s.add(invitation)
        s.flush()
        s.add(NotificationPerson(notification_id=invitation.id, person_id=asa))
    rows = services.notifications.list(search="östra")
    assert [(n.kind.value, n.callin_title) for n in rows] == [
        ("callin_invitation", "Våren i Östra")]
    assert services.notifications.list(search="hösten") == []


def test_live_people_keeps_the_registered_in_order(services: Services) -> None:
    asa, bo = _person(services, "Åsa", "Öberg"), _person(services, "Bo", "Ek")
    services.people.delete(asa)
    assert services.notifications.live_people([bo, asa, "no-such-id"]) == [bo]
    assert services.notifications.live_people([]) == []
