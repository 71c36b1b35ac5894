"""Demo help to leave (providers, consents, referrals, help-line) and follow-through."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from app.models import (
    Consent,
    EnforcementAction,
    EnforcementIncident,
    HelplineContact,
    Referral,
    ServiceProvider,
)
from app.models.enums import HelplineChannel, Lever, ReferralStatus, ServiceType
from app.services import demo_vocab as V
from app.services.demo_events import Rows
from app.services.demo_people import full_name
from app.services.demo_world import MONTHS_OF_HISTORY, REFERENCE_DAY, World, table

REFERRAL_MIX = (
    (ReferralStatus.PROPOSED, 15), (ReferralStatus.SENT, 10), (ReferralStatus.ACCEPTED, 15),
    (ReferralStatus.STARTED, 20), (ReferralStatus.COMPLETED, 15), (ReferralStatus.DECLINED, 10),
    (ReferralStatus.DROPPED, 10), (ReferralStatus.WITHDRAWN, 5),
)
SERVICE_MIX = (
    (ServiceType.SUPPORT_TALKS, 25), (ServiceType.HOUSING, 15), (ServiceType.WORK, 25),
    (ServiceType.ADDICTION, 10), (ServiceType.DEBT, 10), (ServiceType.ID_AND_HOUSING, 5),
    (ServiceType.EXIT_PROGRAMME, 8), (ServiceType.OTHER, 2),
)
CHANNEL_MIX = ((HelplineChannel.PHONE, 60), (HelplineChannel.SMS, 25),
               (HelplineChannel.VISIT, 10), (HelplineChannel.OTHER, 5))
OPEN = (ReferralStatus.PROPOSED, ReferralStatus.SENT, ReferralStatus.ACCEPTED,
        ReferralStatus.STARTED)


def help_to_leave(world: World) -> Rows:
    rng = world.rng
    providers: list[dict[str, Any]] = []
    offering: dict[tuple[int, str], list[dict[str, Any]]] = {}
    for m, metro in enumerate(world.metros):
        slug = metro.name.lower().replace("ö", "o").replace("ä", "a").replace("å", "a")
        for name, types in V.PROVIDERS:
            row = {
                "id": rng.uid(), "name": name.format(metro=metro.name),
                "service_types": list(types), "contact_person": full_name(world),
                "phone": f"{metro.phone_prefix}-{rng.randint(100, 999)} "
                         f"{rng.randrange(100):02d} {rng.randrange(100):02d}",
                "email": f"kontakt.{len(providers) + 1}@{slug}.example.com",
                "offers": V.PROVIDER_OFFERS,
            }
            providers.append(row)
            for t in types:
                offering.setdefault((m, t), []).append(row)
    # Referrals go mostly to people who have met the message (visited or at a forum).
    reached = world.notified or list(range(len(world.persons)))
    consents, referrals = [], []
    for _n in range(max(5, round(world.people * 0.05))):
        p = rng.choice(reached) if rng.chance(0.8) else rng.randrange(len(world.persons))
        person = world.persons[p]
        service = rng.weighted(SERVICE_MIX)
        status = rng.weighted(REFERRAL_MIX)
        proposed = rng.days_ago(7, MONTHS_OF_HISTORY * 30)
        provider = rng.choice(offering.get((person.metro, service.value), [None]))
        consent_id = None
        if status is not ReferralStatus.PROPOSED and rng.chance(0.85):
            consent_id = rng.uid()
            consents.append({
                "id": consent_id, "person_id": person.id,
                "purpose": f"Remiss: {service.value.replace('_', ' ')}",
                "shared_with": provider["name"] if provider else None,
                "withheld": rng.choice(V.CONSENT_WITHHELD) if rng.chance(0.4) else None,
                "withheld_reason": "Behövs inte för insatsen." if rng.chance(0.4) else None,
                "legal_basis": V.CONSENT_BASIS, "given_on": proposed,
                "withdrawn_on": rng.day_between(proposed, REFERENCE_DAY)
                if rng.chance(0.05) else None,
            })
        changed = rng.day_between(proposed, REFERENCE_DAY)
        referrals.append({
            "id": rng.uid(), "person_id": person.id, "service_type": service,
            "provider_id": provider["id"] if provider else None, "status": status,
            "consent_id": consent_id, "proposed_on": proposed,
            "status_changed_on": None if status is ReferralStatus.PROPOSED else changed,
            # Open referrals have a follow-up date; some are overdue.
            "due_on": changed + timedelta(days=rng.randint(14, 60)) if status in OPEN else None,
            "responsible_officer": rng.choice(world.officers),
            "feedback": V.REFERRAL_FEEDBACK.get(status.value),
        })
    contacts = []
    for _n in range(max(5, round(world.people * 0.04))):
        anonymous = rng.chance(0.7)
        contacts.append({
            "id": rng.uid(),
            "contacted_at": rng.moment_on(rng.days_ago(1, MONTHS_OF_HISTORY * 30), 8, 23),
            "channel": rng.weighted(CHANNEL_MIX), "anonymous": anonymous,
            "person_id": None if anonymous else rng.choice(world.persons).id,
            "asked": rng.choice(V.HELPLINE_ASKED), "offered": rng.choice(V.HELPLINE_OFFERED),
            "follow_up": rng.choice(V.HELPLINE_FOLLOW_UP),
        })
    world.counts.update(service_providers=len(providers), consents=len(consents),
                        referrals=len(referrals), helpline_contacts=len(contacts))
    return [(table(ServiceProvider), providers), (table(Consent), consents),
            (table(Referral), referrals), (table(HelplineContact), contacts)]


def enforcement(world: World) -> Rows:
    """Follow-through against groups that used violence, each tied to the group's incidents."""
    rng = world.rng
    when = {iid: at for iid, at, _m in world.incidents}
    shooters = sorted(world.group_incidents)
    actions, links = [], []
    for g in rng.sample(shooters, min(len(shooters), max(1, round(len(world.groups) * 0.3)))):
        linked = rng.sample(world.group_incidents[g], min(len(world.group_incidents[g]),
                                                          rng.randint(1, 3)))
        start = max(when[i] for i in linked).date() + timedelta(days=rng.randint(1, 14))
        start = min(start, REFERENCE_DAY)
        ended = start + timedelta(days=rng.randint(30, 180))
        done = ended < REFERENCE_DAY and rng.chance(0.7)
        aid = rng.uid()
        actions.append({
            "id": aid, "group_id": world.groups[g].id,
            "levers": sorted(rng.sample([lv.value for lv in Lever], rng.randint(1, 3))),
            "agencies": sorted(rng.sample(V.AGENCIES, rng.randint(2, 4))),
            "started_on": start, "ended_on": ended if done else None,
            "end_reason": rng.choice(V.ENFORCEMENT_END) if done else None,
            "communicated_how": rng.choice(V.ENFORCEMENT_TOLD), "notes": None,
        })
        links += [{"id": rng.uid(), "action_id": aid, "incident_id": i} for i in linked]
    world.counts["enforcement_actions"] = len(actions)
    return [(table(EnforcementAction), actions), (table(EnforcementIncident), links)]
