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
# Follow-up texts that promise a call back (a day to follow up on).
CALL_BACK = ("Ringer tillbaka på fredag.",)


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
    contacts = [_contact(world) for _n in range(max(5, round(world.people * 0.04)))]
    world.counts.update(service_providers=len(providers), consents=len(consents),
                        referrals=len(referrals), helpline_contacts=len(contacts))
    return [(table(ServiceProvider), providers), (table(Consent), consents),
            (table(Referral), referrals), (table(ReferralEvent), events),
            (table(HelplineContact), contacts)]


def _contact(world: World) -> dict[str, Any]:
    """A help-line contact: mostly anonymous; a caller who gave a name is linked to a person
    here or keeps only the name given. A promised call back has a day; most of those before
    the last month are done (day cleared, a line added as the help-line service does), a few
    forgotten ones are overdue."""
    rng = world.rng
    anonymous = rng.chance(0.7)
    linked = not anonymous and rng.chance(0.65)
    at = rng.moment_on(rng.days_ago(1, MONTHS_OF_HISTORY * 30), 8, 23)
    handler = rng.choice(world.officers)
    follow_up = rng.choice(V.HELPLINE_FOLLOW_UP)
    follow_up_on = None
    if follow_up in CALL_BACK:
        follow_up_on = at.date() + timedelta(days=rng.randint(1, 7))
        if follow_up_on < REFERENCE_DAY - timedelta(days=30) and rng.chance(0.85):
            follow_up = f"{follow_up}\nUppföljd {follow_up_on.isoformat()} av {handler}"
            follow_up_on = None
    return {
        "id": rng.uid(), "contacted_at": at, "channel": rng.weighted(CHANNEL_MIX),
        "anonymous": anonymous,
        "person_id": rng.choice(world.persons).id if linked else None,
        "caller_name": full_name(world).split()[0] if not anonymous and not linked else None,
        "asked": rng.choice(V.HELPLINE_ASKED), "offered": rng.choice(V.HELPLINE_OFFERED),
        "follow_up": follow_up, "follow_up_on": follow_up_on, "handled_by": handler,
    }


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
        levers = set(rng.sample([lv.value for lv in Lever], rng.randint(1, 3)))
        # Most ended rounds were told back to the street; some running ones already were.
        told = rng.chance(0.85 if done else 0.3)
        actions.append({
            "id": aid, "group_id": world.groups[g].id,
            "levers": [lv.value for lv in Lever if lv.value in levers],  # the service's order
            "agencies": sorted(rng.sample(V.AGENCIES, rng.randint(2, 4))),
            "started_on": start, "ended_on": ended if done else None,
            "end_reason": rng.choice(V.ENFORCEMENT_END) if done else None,
            "communicated_how": rng.choice(V.ENFORCEMENT_TOLD) if told else None,
            "communicated_on": rng.day_between(start, ended if done else REFERENCE_DAY)
            if told else None,
            "notes": None,
        })
        links += [{"id": rng.uid(), "action_id": aid, "incident_id": i} for i in linked]
    world.counts["enforcement_actions"] = len(actions)
    return [(table(EnforcementAction), actions), (table(EnforcementIncident), links)]
