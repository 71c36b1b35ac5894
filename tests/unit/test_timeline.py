"""TimelineService: every kind of entry about a person, newest first, nothing about others, no
personnummer in a title and no audit rows of its own."""

from __future__ import annotations

from datetime import date, datetime

from app.models import (
    CallIn,
    CallInInvitee,
    Consent,
    HelplineContact,
    Letter,
    Notification,
    NotificationPerson,
    Referral,
    ServiceProvider,
)
from app.models.enums import (
    HelplineChannel,
    InviteeStatus,
    LetterKind,
    NotificationKind,
    ReferralStatus,
    ServiceType,
)
from app.services.audit import list_events
from app.services.session import Services
from app.services.timeline import GROUP_KINDS, TimelineKind, TimelineService


def _fill(services: Services, person_id: str, other_id: str) -> None:
    group = services.groups.create({"name": "Norra gänget"})
    services.groups.add_membership({"person_id": person_id, "group_id": group.id,
                                    "role": "ledare", "valid_from": date(2020, 1, 1),
                                    "valid_to": date(2021, 6, 30)})
    services.groups.add_membership({"person_id": other_id, "group_id": group.id,
                                    "valid_from": date(2019, 1, 1)})
    services.incidents.create({"occurred_at": datetime(2021, 3, 2, 22, 15), "type": "shooting",
                               "place": "Torget", "persons": [(person_id, "suspect")]})
    with services.db.write() as s:
        callin = CallIn(title="Vårens call-in", starts_at=datetime(2022, 4, 5, 18, 0))
        provider = ServiceProvider(name="Stadens jobbcenter")
        notification = Notification(kind=NotificationKind.CUSTOM,
                                    delivered_at=datetime(2022, 2, 1, 10, 0),
                                    reaction="lyssnade")
        consent = Consent(person_id=person_id, purpose="dela med socialtjänsten",
                          given_on=date(2022, 5, 1), withdrawn_on=date(2022, 9, 1))
        s.add_all([callin, provider, notification, consent])
        s.flush()
        s.add_all([
            CallInInvitee(callin_id=callin.id, person_id=person_id,
                          status=InviteeStatus.ATTENDED),
            NotificationPerson(notification_id=notification.id, person_id=person_id),
            Referral(person_id=person_id, service_type=ServiceType.WORK, provider_id=provider.id,
                     status=ReferralStatus.STARTED, proposed_on=date(2022, 6, 1),
                     status_changed_on=date(2022, 7, 1)),
            Letter(person_id=person_id, kind=LetterKind.CALLIN_INVITATION,
                   template_name="Kallelse", template_version=2, language="sv",
                   callin_id=callin.id, printed_at=datetime(2022, 3, 20, 9, 0),
                   printed_by="handläggare"),
            HelplineContact(contacted_at=datetime(2022, 10, 3, 20, 30),
                            channel=HelplineChannel.SMS, anonymous=False, person_id=person_id,
                            asked="vill prata"),
            HelplineContact(contacted_at=datetime(2022, 10, 4, 20, 30),
                            channel=HelplineChannel.PHONE, person_id=other_id),
        ])


def test_every_kind_appears_newest_first(services: Services) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Öberg",
                                     "personnummer": "19811218-9876"})
    other = services.people.create({"first_name": "Bo", "last_name": "Ek"})
    _fill(services, person.id, other.id)
    before = len(list_events(services.db, limit=10_000))

    entries = TimelineService(services.db).for_person(person.id)

    assert len(list_events(services.db, limit=10_000)) == before  # the get is the audited read
    assert {e.kind for e in entries} == set(TimelineKind) - GROUP_KINDS
    whens = [e.when for e in entries]
    assert whens == sorted(whens, reverse=True)
    by_kind = {e.kind: e for e in entries}
    # The invitation is dated when it was recorded (today); then the 2022-10-03 contact.
    assert [e.kind for e in entries[:2]] == [TimelineKind.CALLIN_INVITED, TimelineKind.HELPLINE]
    assert entries[-1].kind == TimelineKind.MEMBERSHIP_STARTED  # 2020-01-01 the oldest
    assert by_kind[TimelineKind.MEMBERSHIP_STARTED].title == "Medlem i Norra gänget"
    assert by_kind[TimelineKind.MEMBERSHIP_STARTED].detail == "ledare"
    assert by_kind[TimelineKind.MEMBERSHIP_STARTED].record_kind == "group"
    assert not by_kind[TimelineKind.MEMBERSHIP_ENDED].has_time
    assert by_kind[TimelineKind.INCIDENT].title == "Skjutning, Torget"
    assert by_kind[TimelineKind.INCIDENT].detail == "Misstänkt"
    assert by_kind[TimelineKind.INCIDENT].record_kind == "incident"
    assert by_kind[TimelineKind.CALLIN_ATTENDANCE].detail == "Deltog"
    assert by_kind[TimelineKind.CALLIN_ATTENDANCE].when == datetime(2022, 4, 5, 18, 0)
    assert by_kind[TimelineKind.REFERRAL_STATUS].title == "Insats: Arbete – Stadens jobbcenter"
    assert by_kind[TimelineKind.REFERRAL_STATUS].detail == "Påbörjad"
    assert by_kind[TimelineKind.HELPLINE].detail == "vill prata"
    assert by_kind[TimelineKind.NOTIFICATION].title == "Riktat samtal: annan anledning"
    assert by_kind[TimelineKind.NOTIFICATION].detail == "lyssnade"
    assert by_kind[TimelineKind.LETTER].title == "Brev utskrivet: Kallelse v2 (sv)"
    assert by_kind[TimelineKind.LETTER].detail == \
        "kallelse till call-in: Vårens call-in, av handläggare"
    assert by_kind[TimelineKind.LETTER].record_kind == "letter"
    for entry in entries:
        assert "9876" not in entry.title and "19811218" not in entry.title


def test_other_people_and_removed_rows_stay_out(services: Services) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Öberg"})
    other = services.people.create({"first_name": "Bo", "last_name": "Ek"})
    _fill(services, person.id, other.id)
    timeline = TimelineService(services.db)

    theirs = timeline.for_person(other.id)
    assert [e.kind for e in theirs] == [TimelineKind.HELPLINE, TimelineKind.MEMBERSHIP_STARTED]

    membership = services.groups.memberships(person_id=person.id)[0]
    services.groups.delete_membership(membership.id)
    kinds = {e.kind for e in timeline.for_person(person.id)}
    assert TimelineKind.MEMBERSHIP_STARTED not in kinds
    assert TimelineKind.MEMBERSHIP_ENDED not in kinds


def test_a_person_without_history_has_an_empty_timeline(services: Services) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Öberg"})
    assert TimelineService(services.db).for_person(person.id) == []
