"""NotificationService: custom notifications created, read, changed and removed; every field
round trip, field-named Swedish errors that change nothing, audit rows without personal data."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import pytest

from app.errors import NotFound, ValidationError
from app.models import CallIn, Notification, NotificationPerson
from app.models.enums import (
    MessagePart,
    NotificationKind,
    NotificationSetting,
    NotificationTrigger,
)
from app.services.audit import list_events
from app.services.notifications import NotificationService, TeamMember, TeamRole
from app.services.session import Services

WHEN = datetime(2024, 3, 5, 18, 30)


@pytest.fixture
def notes(services: Services) -> NotificationService:
    return NotificationService(services.db)


def _person(services: Services, first: str, last: str = "Öberg") -> str:
    return services.people.create({"first_name": first, "last_name": last}).id


def _values(person_ids: list[str], **extra: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "person_ids": person_ids, "delivered_at": WHEN, "trigger": "conflict",
        "setting": "home",
        "team": [{"name": "Karin Lund", "role": "police"},
                 {"name": "Omar Said", "role": "social_worker"}],
        "message_parts": ["moral", "group_consequence"],
    }
    values.update(extra)
    return values


def _count(services: Services, model: type[Any]) -> int:
    with services.db.read() as s:
        return len(s.query(model).all())


def test_every_field_round_trips(services: Services, notes: NotificationService) -> None:
    a, b = _person(services, "Åsa"), _person(services, "Bo", "Ek")
    incident = services.incidents.create({"occurred_at": datetime(2024, 3, 1, 22, 0),
                                          "type": "shooting"})
    created = notes.create(_values(
        [a, b, a], trigger=NotificationTrigger.INCIDENT, trigger_incident_id=incident.id,
        setting=NotificationSetting.FRIVARD_OFFICE,
        team=[TeamMember("Karin Lund", TeamRole.POLICE), ("Per Frid", "frivard")],
        message_parts=["help_offer", "legal_exposure", "moral", "moral"],
        legal_assessment="  Nästa vapenbrott ger minst två års fängelse.  ",
        help_offered="Stödsamtal hos Krami", reaction="Lyssnade, ville ha hjälp",
        next_step="Uppföljning om två veckor"))

    got = notes.get(created.id)
    assert got == created
    assert got.kind is NotificationKind.CUSTOM
    assert got.delivered_at == WHEN
    assert got.trigger is NotificationTrigger.INCIDENT
    assert got.trigger_incident_id == incident.id
    assert got.callin_id is None
    assert got.setting is NotificationSetting.FRIVARD_OFFICE
    assert got.team == (TeamMember("Karin Lund", TeamRole.POLICE),
                        TeamMember("Per Frid", TeamRole.FRIVARD))
    # Deduplicated and in the letter's order.
    assert got.message_parts == (MessagePart.MORAL, MessagePart.LEGAL_EXPOSURE,
                                 MessagePart.HELP_OFFER)
    assert got.legal_assessment == "Nästa vapenbrott ger minst två års fängelse."
    assert got.help_offered == "Stödsamtal hos Krami"
    assert got.reaction == "Lyssnade, ville ha hjälp"
    assert got.next_step == "Uppföljning om två veckor"
    assert [p.name for p in got.persons] == ["Bo Ek", "Åsa Öberg"]  # Swedish name order
    assert set(got.person_ids) == {a, b}


def test_a_call_in_follow_up_names_its_call_in(services: Services,
                                               notes: NotificationService) -> None:
    a = _person(services, "Åsa")
    with services.db.write() as s:
        meeting = CallIn(title="Forum Malmö", starts_at=datetime(2024, 2, 1, 18, 0))
        s.add(meeting)
        s.flush()
        callin_id = meeting.id
    got = notes.create(_values([a], trigger="callin_follow_up", callin_id=callin_id))
    assert got.callin_id == callin_id
    assert got.trigger is NotificationTrigger.CALLIN_FOLLOW_UP


def _errors(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {e.field: e.reason for e in exc.value.errors}


def test_bad_input_names_every_field_and_changes_nothing(services: Services,
                                                         notes: NotificationService) -> None:
    before = (_count(services, Notification), _count(services, NotificationPerson),
              len(list_events(services.db, limit=10_000)))
    with pytest.raises(ValidationError) as exc:
        notes.create({"person_ids": [], "delivered_at": datetime.now() + timedelta(days=2),
                      "trigger": "rumour", "setting": None, "team": [],
                      "message_parts": ["threat"], "legal_assessment": "x"})
    errors = _errors(exc)
    assert errors["person_ids"] == "välj minst en person"
    assert errors["delivered_at"] == "ligger i framtiden"
    assert errors["trigger"].startswith("okänt värde 'rumour'")
    assert errors["setting"] == "måste väljas"
    assert errors["team"] == "ange minst en person som deltog"
    assert errors["message_parts"].startswith("okänt värde 'threat'")
    assert {e.label for e in exc.value.errors} >= {"personer", "genomfört", "team"}
    after = (_count(services, Notification), _count(services, NotificationPerson),
             len(list_events(services.db, limit=10_000)))
    assert after == before


@pytest.mark.parametrize(("extra", "field", "reason"), [
    ({"delivered_at": None}, "delivered_at", "måste fyllas i"),
    ({"delivered_at": "igår"}, "delivered_at", "ska vara datum och tid som ÅÅÅÅ-MM-DD TT:MM"),
    ({"message_parts": []}, "message_parts", "välj minst en del av budskapet"),
    ({"team": [{"name": "", "role": "police"}]}, "team", "måste fyllas i"),
    ({"team": [{"name": "Karin", "role": "chef"}]}, "team",
     "okänt värde 'chef' (tillåtna: police, social_worker, frivard, other)"),
    ({"team": "Karin"}, "team", "ange minst en person som deltog"),
    ({"legal_assessment": "Två år"}, "legal_assessment",
     "fylls bara i när rättsliga konsekvenser ingick i budskapet"),
    ({"trigger_incident_id": "x"}, "trigger_incident_id",
     "anges bara när anledningen är en händelse eller en konflikt"),
    ({"trigger": "incident", "trigger_incident_id": "nope"}, "trigger_incident_id",
     "händelsen finns inte"),
    ({"callin_id": "x"}, "callin_id", "anges bara när samtalet följer upp en call-in"),
    ({"trigger": "callin_follow_up", "callin_id": "nope"}, "callin_id", "call-in finns inte"),
    ({"person_ids": ["nobody"]}, "person_ids", "personen finns inte (eller är borttagen)"),
    ({"reaction": "a\x1b[31m"}, "reaction", "innehåller otillåtna kontrolltecken"),
    ({"colour": "red"}, "colour", "okänt fält"),
])
def test_each_rule(services: Services, notes: NotificationService, extra: dict[str, Any],
                   field: str, reason: str) -> None:
    person = _person(services, "Åsa")
    with pytest.raises(ValidationError) as exc:
        notes.create({**_values([person], trigger="other"), **extra})
    assert _errors(exc) == {field: reason}
    assert _count(services, Notification) == 0


def test_a_deleted_person_cannot_be_notified(services: Services,
                                             notes: NotificationService) -> None:
    person = _person(services, "Åsa")
    services.people.delete(person)
    with pytest.raises(ValidationError) as exc:
        notes.create(_values([person]))
    assert "person_ids" in _errors(exc)


def test_update_changes_fields_and_people(services: Services,
                                          notes: NotificationService) -> None:
    a, b, c = (_person(services, n) for n in ("Åsa", "Bo", "Cia"))
    created = notes.create(_values([a, b]))
    changed = notes.update(created.id, {"person_ids": [b, c], "reaction": "Arg"})
    assert set(changed.person_ids) == {b, c}
    assert changed.reaction == "Arg"
    assert changed.team == created.team  # untouched fields keep their values
    # Re-adding a removed person revives their row instead of adding a second one.
    notes.update(created.id, {"person_ids": [a, b, c]})
    with services.db.read() as s:
        flags = [r.deleted for r in
                 s.query(NotificationPerson).filter_by(notification_id=created.id)]
    assert flags == [False, False, False]

    with pytest.raises(ValidationError) as exc:
        notes.update(created.id, {"team": []})
    assert _errors(exc) == {"team": "ange minst en person som deltog"}
    assert notes.get(created.id).team == created.team


def test_delete_is_soft_and_hides_it(services: Services, notes: NotificationService) -> None:
    person = _person(services, "Åsa")
    created = notes.create(_values([person]))
    notes.delete(created.id)
    with pytest.raises(NotFound):
        notes.get(created.id)
    with pytest.raises(NotFound):
        notes.update(created.id, {"reaction": "x"})
    assert notes.list() == []
    with services.db.read() as s:
        row = s.get(Notification, created.id)
        assert row is not None and row.deleted


def test_invitations_are_read_here_but_changed_on_their_call_in(
        services: Services, notes: NotificationService) -> None:
    person = _person(services, "Åsa")
    with services.db.write() as s:
        meeting = CallIn(title="Forum Malmö", starts_at=datetime(2024, 2, 1, 18, 0))
        s.add(meeting)
        s.flush()
        invitation = Notification(kind=NotificationKind.CALLIN_INVITATION,
                                  delivered_at=datetime(2024, 1, 20, 10, 0), callin_id=meeting.id,
                                  team=[{"name": "Per Frid", "role": "frivårdsinspektör"}])
        s.add(invitation)
        s.flush()
        s.add(NotificationPerson(notification_id=invitation.id, person_id=person))
    got = notes.get(invitation.id)
    assert got.kind is NotificationKind.CALLIN_INVITATION
    assert got.team == (TeamMember("Per Frid", TeamRole.FRIVARD),)  # an older Swedish word
    for change in (lambda: notes.update(invitation.id, {"reaction": "x"}),
                   lambda: notes.delete(invitation.id)):
        with pytest.raises(ValidationError) as exc:
            change()
        assert _errors(exc) == {"kind": "en kallelse ändras eller tas bort på sin call-in"}


def test_every_write_and_read_is_audited_without_personal_data(
        services: Services, notes: NotificationService) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Öberg",
                                     "personnummer": "19811218-9876"}).id
    created = notes.create(_values([person], reaction="Grät", next_step="Ring mamman"),
                           purpose="riktat samtal efter skottlossning")
    notes.get(created.id)
    notes.update(created.id, {"reaction": "Tyst"})
    notes.list()
    notes.delete(created.id)

    events = [e for e in reversed(list_events(services.db, limit=10_000))
              if e.entity_type in ("notification", "notification_list")]
    assert [(e.action, e.entity_type) for e in events] == [
        ("create", "notification"), ("read", "notification"), ("update", "notification"),
        ("read", "notification_list"), ("delete", "notification")]
    assert events[0].purpose == "riktat samtal efter skottlossning"
    text = json.dumps([[e.detail, e.purpose] for e in events], ensure_ascii=False)
    for secret in ("Åsa", "Öberg", "9876", "Grät", "Tyst", "Ring mamman", "Karin"):
        assert secret not in text
    by_action = {e.action: e for e in events}
    assert by_action["create"].detail == {"kind": "custom", "persons": 1}
    assert by_action["update"].detail == {"fields": ["reaction"]}
