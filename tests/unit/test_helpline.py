"""HelplineService: anonymous contacts as first-class records, linking one to a person later
(audited), follow-ups due and marked done, listing filters, monthly counts, and refusals that
name the field and change nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest

from app.errors import NotFound, ValidationError
from app.models import HelplineContact
from app.models.enums import HelplineChannel
from app.services.audit import list_events, verify
from app.services.demo import fill_demo
from app.services.helpline import HELPLINE_FIELDS, clean_contact
from app.services.session import Services

WHEN = datetime(2025, 3, 5, 21, 30)


def _values(**extra: Any) -> dict[str, Any]:
    values: dict[str, Any] = {"contacted_at": WHEN, "channel": "phone",
                              "asked": "Vill lämna gruppen men är rädd.",
                              "offered": "Samtal med avhopparverksamheten."}
    values.update(extra)
    return values


def _person(services: Services, first: str = "Åsa", last: str = "Öberg") -> str:
    return services.people.create({"first_name": first, "last_name": last}).id


def _snapshot(services: Services) -> tuple[list[tuple[Any, ...]], int]:
    with services.db.read() as s:
        rows = [(r.id, r.deleted, r.anonymous, r.person_id, r.caller_name, r.asked,
                 r.follow_up, r.follow_up_on, r.hlc)
                for r in s.query(HelplineContact).order_by(HelplineContact.id)]
    return rows, len(list_events(services.db, limit=100_000))


def _fields(exc: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return {e.field for e in exc.value.errors}


def test_an_anonymous_contact_needs_no_person_and_no_name(services: Services) -> None:
    contact = services.helpline.create(_values(follow_up="Ringer tillbaka på fredag.",
                                               follow_up_on=date(2025, 3, 7)))
    assert contact.anonymous is True
    assert contact.person_id is None and contact.person_name is None
    assert contact.caller_name is None
    assert contact.caller == "Anonym"
    assert contact.channel is HelplineChannel.PHONE
    assert contact.handled_by == services.user  # defaults to whoever recorded it
    assert services.helpline.get(contact.id) == contact
    created = list_events(services.db, action="create", entity_id=contact.id)[0]
    assert created.detail == {"anonymous": True, "linked": False}
    assert "rädd" not in str(created.detail)


def test_a_caller_who_gives_a_name_is_not_anonymous(services: Services) -> None:
    named = services.helpline.create(_values(caller_name="  Ali  ", handled_by="Karin Lund"))
    assert named.anonymous is False
    assert named.caller_name == "Ali" and named.caller == "Ali"
    assert named.handled_by == "Karin Lund"
    person = _person(services)
    linked = services.helpline.create(_values(person_id=person, channel="visit"))
    assert linked.anonymous is False and linked.person_name == "Åsa Öberg"
    assert linked.caller == "Åsa Öberg"


@pytest.mark.parametrize(("extra", "field"), [
    ({"contacted_at": None}, "contacted_at"),
    ({"contacted_at": "igår"}, "contacted_at"),
    ({"contacted_at": datetime.now() + timedelta(days=1)}, "contacted_at"),
    ({"channel": None}, "channel"),
    ({"channel": "fax"}, "channel"),
    ({"anonymous": True, "caller_name": "Ali"}, "caller_name"),
    ({"anonymous": False}, "caller_name"),
    ({"anonymous": "kanske"}, "anonymous"),
    ({"person_id": "no-such-person"}, "person_id"),
    ({"follow_up_on": date(2025, 3, 4)}, "follow_up_on"),
    ({"asked": "x" * 5001}, "asked"),
    ({"colour": "blue"}, "colour"),
])
def test_refusals_name_the_field_and_change_nothing(services: Services, extra: dict[str, Any],
                                                    field: str) -> None:
    services.helpline.create(_values())
    before = _snapshot(services)
    with pytest.raises(ValidationError) as exc:
        services.helpline.create(_values(**extra))
    assert field in _fields(exc)
    assert _snapshot(services) == before


def test_an_anonymous_contact_cannot_name_a_person(services: Services) -> None:
    person = _person(services)
    with pytest.raises(ValidationError) as exc:
        services.helpline.create(_values(anonymous=True, person_id=person))
    assert _fields(exc) == {"person_id"}


def test_an_anonymous_contact_linked_later_is_audited(services: Services) -> None:
    contact = services.helpline.create(_values())
    person = _person(services)

    linked = services.helpline.link_person(contact.id, person, purpose="uppgav sitt namn")

    assert linked.anonymous is False
    assert linked.person_id == person and linked.person_name == "Åsa Öberg"
    assert linked.asked == contact.asked  # nothing else moved
    event = list_events(services.db, action="update", entity_id=contact.id)[0]
    assert event.entity_type == "helpline_contact"
    assert event.purpose == "uppgav sitt namn"
    assert event.detail == {"fields": ["anonymous", "person_id"]}
    assert verify(services.db).ok
    assert [c.id for c in services.helpline.list(person_id=person)] == [contact.id]

    # The same link again changes nothing; another person is refused until unlinked.
    before = _snapshot(services)
    services.helpline.link_person(contact.id, person)
    assert _snapshot(services) == before
    other = _person(services, "Bo", "Ek")
    before = _snapshot(services)
    with pytest.raises(ValidationError) as exc:
        services.helpline.link_person(contact.id, other)
    assert _fields(exc) == {"person_id"}
    assert _snapshot(services) == before

    unlinked = services.helpline.unlink_person(contact.id)
    assert unlinked.person_id is None and unlinked.anonymous is True
    assert services.helpline.link_person(contact.id, other).person_name == "Bo Ek"


def test_linking_refuses_a_missing_person_or_contact(services: Services) -> None:
    contact = services.helpline.create(_values())
    before = _snapshot(services)
    for person_id in ("no-such-person", ""):
        with pytest.raises(ValidationError) as exc:
            services.helpline.link_person(contact.id, person_id)
        assert _fields(exc) == {"person_id"}
    gone = _person(services)
    services.people.delete(gone)
    before = _snapshot(services)
    with pytest.raises(ValidationError):
        services.helpline.link_person(contact.id, gone)
    with pytest.raises(NotFound):
        services.helpline.link_person("no-such-contact", gone)
    assert _snapshot(services) == before


def test_unlinking_keeps_a_given_name(services: Services) -> None:
    person = _person(services)
    contact = services.helpline.create(_values(caller_name="Ali", person_id=person))
    unlinked = services.helpline.unlink_person(contact.id)
    assert unlinked.anonymous is False and unlinked.caller_name == "Ali"


def test_update_changes_fields_and_anonymity_follows(services: Services) -> None:
    contact = services.helpline.create(_values())
    named = services.helpline.update(contact.id, {"caller_name": "Ali", "offered": "Kaffe"})
    assert named.anonymous is False and named.offered == "Kaffe"
    assert named.handled_by == contact.handled_by
    again = services.helpline.update(contact.id, {"caller_name": None})
    assert again.anonymous is True
    before = _snapshot(services)
    with pytest.raises(ValidationError) as exc:
        services.helpline.update(contact.id, {"anonymous": False})
    assert _fields(exc) == {"caller_name"}
    with pytest.raises(ValidationError):
        services.helpline.update(contact.id, {"nickname": "x"})
    assert _snapshot(services) == before


def test_follow_ups_due_and_marked_done(services: Services) -> None:
    today = date.today()
    at = datetime.combine(today - timedelta(days=30), datetime.min.time())
    overdue = services.helpline.create(_values(contacted_at=at,
                                               follow_up="Ringer tillbaka på fredag.",
                                               follow_up_on=today - timedelta(days=3)))
    due_today = services.helpline.create(_values(contacted_at=at, follow_up_on=today))
    later = services.helpline.create(_values(contacted_at=at,
                                             follow_up_on=today + timedelta(days=5)))
    services.helpline.create(_values(contacted_at=at))  # nothing promised
    gone = services.helpline.create(_values(contacted_at=at, follow_up_on=today))
    services.helpline.delete(gone.id)

    due = services.helpline.follow_ups_due()
    assert [c.id for c in due] == [overdue.id, due_today.id]  # the longest overdue first
    assert all(c.follow_up_due() for c in due)
    assert not services.helpline.get(later.id).follow_up_due()
    assert [c.id for c in services.helpline.follow_ups_due(today + timedelta(days=5))] == \
        [overdue.id, due_today.id, later.id]

    done = services.helpline.mark_followed_up(overdue.id, "Fick tid hos budgetrådgivningen.")
    assert done.follow_up_on is None
    assert done.follow_up == (f"Ringer tillbaka på fredag.\nUppföljd {today.isoformat()} av "
                              f"{services.user}: Fick tid hos budgetrådgivningen.")
    assert [c.id for c in services.helpline.follow_ups_due()] == [due_today.id]
    event = list_events(services.db, action="update", entity_id=overdue.id)[0]
    assert event.detail == {"fields": ["follow_up", "follow_up_on"]}

    # Done already, a day outside the contact, or a contact without one: refused, unchanged.
    before = _snapshot(services)
    for contact_id, on in ((overdue.id, None), (due_today.id, today + timedelta(days=1)),
                           (due_today.id, at.date() - timedelta(days=1))):
        with pytest.raises(ValidationError) as exc:
            services.helpline.mark_followed_up(contact_id, on=on)
        assert _fields(exc) == {"follow_up_on"}
    assert _snapshot(services) == before


def test_listing_filters_and_is_logged(services: Services) -> None:
    person = _person(services)
    march = services.helpline.create(_values())
    sms = services.helpline.create(_values(contacted_at=datetime(2025, 4, 1, 9, 0),
                                           channel="sms", asked="Frågar om jobb.",
                                           offered="Kontakt med Krami",
                                           caller_name="Örjan"))
    linked = services.helpline.create(_values(contacted_at=datetime(2025, 4, 30, 23, 0),
                                              person_id=person, asked="Skulder"))
    gone = services.helpline.create(_values(contacted_at=datetime(2025, 4, 2, 9, 0)))
    services.helpline.delete(gone.id)
    ids = lambda found: [c.id for c in found]  # noqa: E731

    assert ids(services.helpline.list()) == [linked.id, sms.id, march.id]  # newest first
    assert ids(services.helpline.list(since=date(2025, 4, 1), until=date(2025, 4, 30))) == \
        [linked.id, sms.id]
    assert ids(services.helpline.list(until=date(2025, 3, 5))) == [march.id]
    assert ids(services.helpline.list(channel="sms")) == [sms.id]
    assert ids(services.helpline.list(anonymous_only=True)) == [march.id]
    assert ids(services.helpline.list(person_id=person)) == [linked.id]
    assert ids(services.helpline.list(search="KRAMI jobb")) == [sms.id]
    assert ids(services.helpline.list(search="örjan")) == [sms.id]  # å, ä, ö folded
    assert ids(services.helpline.list(search="avhopparverksamheten")) == [linked.id, march.id]
    assert ids(services.helpline.list(limit=1, offset=1)) == [sms.id]
    assert ids(services.helpline.list(search="a", limit=1, offset=1)) == [sms.id]
    with pytest.raises(ValidationError):
        services.helpline.list(channel="fax")

    before = len(list_events(services.db, limit=100_000))
    services.helpline.list()
    logged = list_events(services.db, limit=1)[0]
    assert (logged.action, logged.entity_type, logged.detail) == \
        ("read", "helpline_contact_list", {"rows": 3, "list": "contacts"})
    services.helpline.list(log=False)
    services.helpline.list(channel="other")  # nothing found: nothing read
    assert len(list_events(services.db, limit=100_000)) == before + 1


def test_deleted_contacts_are_gone_but_kept_as_tombstones(services: Services) -> None:
    contact = services.helpline.create(_values())
    services.helpline.delete(contact.id)
    with pytest.raises(NotFound):
        services.helpline.get(contact.id)
    with pytest.raises(NotFound):
        services.helpline.delete(contact.id)
    with services.db.read() as s:
        assert s.get(HelplineContact, contact.id).deleted is True
    assert list_events(services.db, action="delete", entity_id=contact.id)


def test_monthly_counts_fill_empty_months(services: Services) -> None:
    for at, extra in ((datetime(2024, 12, 31, 23, 0), {}),
                      (datetime(2025, 1, 1, 0, 5), {}),
                      (datetime(2025, 1, 20, 12, 0), {"caller_name": "Ali"}),
                      (datetime(2025, 3, 31, 23, 59), {}),
                      (datetime(2025, 4, 1, 0, 0), {})):
        services.helpline.create(_values(contacted_at=at, **extra))
    gone = services.helpline.create(_values(contacted_at=datetime(2025, 2, 2, 12, 0)))
    services.helpline.delete(gone.id)

    months = services.helpline.monthly_counts(date(2025, 1, 1), date(2025, 3, 31))

    assert [(m.month, m.contacts, m.anonymous) for m in months] == [
        (date(2025, 1, 1), 2, 1), (date(2025, 2, 1), 0, 0), (date(2025, 3, 1), 1, 1)]
    across = services.helpline.monthly_counts(date(2024, 12, 15), date(2025, 1, 10))
    assert [(m.month, m.contacts) for m in across] == [(date(2024, 12, 1), 1),
                                                       (date(2025, 1, 1), 1)]
    with pytest.raises(ValidationError):
        services.helpline.monthly_counts(date(2025, 2, 1), date(2025, 1, 1))


def test_demo_contacts_pass_the_services_rules(services: Services) -> None:
    fill_demo(services, people=2000, seed=5)
    with services.db.read() as s:
        rows = list(s.query(HelplineContact))
        for row in rows:
            stored = {f: getattr(row, f) for f in HELPLINE_FIELDS}
            assert clean_contact(s, stored) == stored
        named = [r for r in rows if not r.anonymous]
        assert any(r.caller_name and not r.person_id for r in named)
        assert any(r.person_id for r in named)
        assert all(r.handled_by for r in rows)
        assert any(r.follow_up_on for r in rows)
        assert any("Uppföljd" in (r.follow_up or "") for r in rows)
