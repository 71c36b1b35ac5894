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
    ReferralEvent,
    ServiceProvider,
)
from app.models.enums import HelplineChannel, Lever, ReferralStatus, ServiceType
from app.services import demo_vocab as V
from app.services.demo_events import Rows
from app.services.demo_people import full_name
from app.services.demo_referrals import referral_rows
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


def help_to_leave(world: World) -> Rows:
    rng = world.rng
    providers: list[dict[str, Any]] = []
    offering: dict[tuple[int, str], list[dict[str, Any]]] = {}
    for m, metro in enumerate(world.metros):
        slug = metro.name.lower().replace("ö", "o").replace("ä", "a").replace("å", "a")
        for name, types in V.PROVIDERS:
            # Most work across the city; some from an office in one of its areas.
            where = rng.choice(metro.areas)
            row = {
                "id": rng.uid(), "name": name.format(metro=metro.name),
                "service_types": list(types), "contact_person": full_name(world),
                "phone": f"{metro.phone_prefix}-{rng.randint(100, 999)} "
                         f"{rng.randrange(100):02d} {rng.randrange(100):02d}",
                "email": f"kontakt.{len(providers) + 1}@{slug}.example.com",
                "address": f"{world.address()}, {where.postal[:3]} {where.postal[3:]} "
                           f"{where.town}",
                "area": where.name if rng.chance(0.3) else metro.name,
                "offers": V.PROVIDER_OFFERS,
            }
            providers.append(row)
            for t in types:
                offering.setdefault((m, t), []).append(row)
    # Referrals go mostly to people who have met the message (visited or at a forum).
    reached = world.notified or list(range(len(world.persons)))
    consents: list[dict[str, Any]] = []
    referrals: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for _n in range(max(5, round(world.people * 0.05))):
        p = rng.choice(reached) if rng.chance(0.8) else rng.randrange(len(world.persons))
        person = world.persons[p]
        service = rng.weighted(SERVICE_MIX)
        status = rng.weighted(REFERRAL_MIX)
        provider = rng.choice(offering.get((person.metro, service.value), [None]))
        referral, steps, given = referral_rows(world, person.id, service, provider, status)
        referrals.append(referral)
        events += steps
        consents += given
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
            (table(Referral), referrals), (table(ReferralEvent), events),
            (table(HelplineContact), contacts)]


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
