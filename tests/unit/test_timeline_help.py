"""Timelines and help to leave / follow-through: a person's referrals (made, then each recorded
step), consents and linked help-line contacts; a group's rounds of ökat fokus (started,
communicated back, ended) — worded in Swedish, in date order, nothing of others."""

from __future__ import annotations

from datetime import date, datetime

from app.models import Consent, Referral, ReferralEvent, ServiceProvider
from app.models.enums import ReferralStatus, ServiceType
from app.services.session import Services
from app.services.timeline import TimelineEntry, TimelineKind, TimelineService


def _rows(entries: list[TimelineEntry]) -> list[tuple[str, str, str, str]]:
    return [(e.when.isoformat(sep=" ", timespec="minutes"), e.kind.value, e.title, e.detail)
            for e in entries]


def _referrals(services: Services, person_id: str) -> tuple[str, str]:
    """A referral with recorded steps (two on one day) and an older one without any."""
    with services.db.write() as s:
        provider = ServiceProvider(name="Krami Malmö")
        consent = Consent(person_id=person_id, purpose="remiss till Krami",
                          given_by="Förälder (Lena Öberg)", shared_with="Krami Malmö",
                          given_on=date(2024, 3, 2), withdrawn_on=date(2024, 9, 1))
        s.add_all([provider, consent])
        s.flush()
        stepped = Referral(person_id=person_id, service_type=ServiceType.WORK,
                           provider_id=provider.id, status=ReferralStatus.STARTED,
                           consent_id=consent.id, proposed_on=date(2024, 3, 1),
                           status_changed_on=date(2024, 4, 10), responsible_officer="Karin")
        legacy = Referral(person_id=person_id, service_type=ServiceType.DEBT,
                          status=ReferralStatus.DECLINED, proposed_on=date(2023, 5, 1),
                          status_changed_on=date(2023, 5, 20))
        s.add_all([stepped, legacy])
        s.flush()
        # Added one by one: the stamps (hlc) order the two steps of 2024-04-10.
        for status, previous, on, extra in (
                (ReferralStatus.PROPOSED, None, date(2024, 3, 1), {"note": "vill ha jobb"}),
                (ReferralStatus.SENT, ReferralStatus.PROPOSED, date(2024, 3, 5),
                 {"consent_id": consent.id, "note": "mejlad"}),
                (ReferralStatus.ACCEPTED, ReferralStatus.SENT, date(2024, 4, 10),
                 {"override_reason": "akut skyddsbehov"}),
                (ReferralStatus.STARTED, ReferralStatus.ACCEPTED, date(2024, 4, 10), {})):
            s.add(ReferralEvent(referral_id=stepped.id, status=status, previous_status=previous,
                                on=on, by_user="anna", **extra))
            s.flush()
        return stepped.id, legacy.id


def test_a_persons_help_to_leave_in_date_order(services: Services) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Öberg"}).id
    other = services.people.create({"first_name": "Bo", "last_name": "Ek"}).id
    stepped, legacy = _referrals(services, person)
    call = services.helpline.create({"contacted_at": datetime(2024, 2, 20, 21, 15),
                                     "channel": "phone", "asked": "Vill lämna gruppen",
                                     "offered": "Samtal med Krami"})
    services.helpline.create({"contacted_at": datetime(2024, 2, 21, 9, 0), "channel": "sms",
                              "asked": "anonym, inte kopplad"})
    services.helpline.create({"contacted_at": datetime(2024, 2, 22, 9, 0), "channel": "sms",
                              "person_id": other})
    services.helpline.link_person(call.id, person)  # the caller gave their name later

    entries = TimelineService(services.db).for_person(person)

    assert _rows(entries) == [
        ("2024-09-01 00:00", "consent_withdrawn", "Samtycke återkallat",
         "remiss till Krami; delas med Krami Malmö"),
        ("2024-04-10 00:00", "referral_status", "Insats: Arbete – Krami Malmö", "Påbörjad"),
        ("2024-04-10 00:00", "referral_status", "Insats: Arbete – Krami Malmö",
         "Accepterad; utan samtycke: akut skyddsbehov"),
        ("2024-03-05 00:00", "referral_status", "Insats: Arbete – Krami Malmö",
         "Skickad; mejlad"),
        ("2024-03-02 00:00", "consent_given", "Samtycke lämnat av Förälder (Lena Öberg)",
         "remiss till Krami; delas med Krami Malmö"),
        ("2024-03-01 00:00", "referral", "Insats föreslagen: Arbete – Krami Malmö",
         "Karin; vill ha jobb"),
        ("2024-02-20 21:15", "helpline", "Kontakt med stödlinjen (telefon)",
         "Vill lämna gruppen; erbjöds: Samtal med Krami"),
        ("2023-05-20 00:00", "referral_status", "Insats: Skuldrådgivning", "Avböjd"),
        ("2023-05-01 00:00", "referral", "Insats föreslagen: Skuldrådgivning", ""),
    ]
    assert {e.record_id for e in entries if e.kind is TimelineKind.REFERRAL_STATUS} == \
        {stepped, legacy}
    assert all(not e.has_time for e in entries if e.kind is not TimelineKind.HELPLINE)
    helpline = next(e for e in entries if e.kind is TimelineKind.HELPLINE)
    assert (helpline.record_kind, helpline.record_id) == ("helpline_contact", call.id)

    # Removed rows leave the timeline: a step, a contact.
    with services.db.write() as s:
        step = s.query(ReferralEvent).filter_by(status=ReferralStatus.SENT).one()
        step.deleted = True
    services.helpline.delete(call.id)
    details = [e.detail for e in TimelineService(services.db).for_person(person)]
    assert "Skickad; mejlad" not in details
    assert not any(e.kind is TimelineKind.HELPLINE
                   for e in TimelineService(services.db).for_person(person))


def test_a_groups_follow_through_rounds(services: Services) -> None:
    norra = services.groups.create({"name": "Norra"}).id
    sodra = services.groups.create({"name": "Södra"}).id
    shooting = services.incidents.create({"occurred_at": datetime(2024, 1, 30, 22, 0),
                                          "type": "shooting", "place": "Torget",
                                          "groups": [(norra, "perpetrator_side")]}).id
    ended = services.followthrough.create({
        "group_id": norra, "incident_ids": [shooting], "levers": ["tax_checks",
                                                                   "traffic_checks"],
        "agencies": ["Polisen", "Skatteverket"], "started_on": date(2024, 2, 1),
        "communicated_how": "Vid nästa call-in", "communicated_on": date(2024, 3, 15)}).id
    services.followthrough.end(ended, date(2024, 3, 15), "Våldet upphörde.")
    running = services.followthrough.create({"group_id": norra, "levers": ["seizures"],
                                             "started_on": date(2024, 6, 1)}).id
    gone = services.followthrough.create({"group_id": norra, "levers": ["other"],
                                          "started_on": date(2024, 7, 1)}).id
    services.followthrough.delete(gone)
    services.followthrough.create({"group_id": sodra, "levers": ["other"],
                                   "started_on": date(2024, 5, 1)})

    entries = TimelineService(services.db).for_group(norra)

    assert _rows(entries) == [
        ("2024-06-01 00:00", "follow_through_started", "Ökat fokus inleddes",
         "beslag och utmätning"),
        ("2024-03-15 00:00", "follow_through_ended", "Ökat fokus avslutades",
         "Våldet upphörde."),
        ("2024-03-15 00:00", "follow_through_communicated",
         "Ökat fokus återkopplat till gruppen", "Vid nästa call-in"),
        ("2024-02-01 00:00", "follow_through_started", "Ökat fokus inleddes",
         "trafikkontroller, skattekontroller (Polisen, Skatteverket)"),
        ("2024-01-30 22:00", "incident", "Skjutning, Torget", "Gärningssidan"),
    ]
    assert [e.record_id for e in entries[:4]] == [running, ended, ended, ended]
    assert {e.record_kind for e in entries[:4]} == {"enforcement_action"}


def test_a_referral_made_and_moved_by_its_service(services: Services) -> None:
    """The steps the referral service writes: its first one is the "proposed" entry, each
    later one an entry of its own, the override's reason shown."""
    person = services.people.create({"first_name": "Åsa", "last_name": "Öberg"}).id
    provider = services.providers.create({"name": "Samtalsmottagningen",
                                          "service_types": ["support_talks"]}).id
    referral = services.referrals.create(person, "support_talks", provider,
                                         responsible_officer="Karin", note="vill prata",
                                         proposed_on=date(2024, 3, 1))
    services.referrals.transition(referral.id, "sent", on=date(2024, 3, 4),
                                  override_reason="akut skyddsbehov")

    entries = [e for e in TimelineService(services.db).for_person(person)
               if e.record_id == referral.id]

    assert _rows(entries) == [
        ("2024-03-04 00:00", "referral_status", "Insats: Stödsamtal – Samtalsmottagningen",
         "Skickad; utan samtycke: akut skyddsbehov"),
        ("2024-03-01 00:00", "referral", "Insats föreslagen: Stödsamtal – Samtalsmottagningen",
         "Karin; vill prata"),
    ]
