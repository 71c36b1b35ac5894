"""Demo incidents, call-ins and notifications, as rows per table in insert order."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Table

from app.models import (
    CallIn,
    CallInGroup,
    CallInInvitee,
    CallInSpeaker,
    Incident,
    IncidentGroup,
    IncidentPerson,
    Notification,
    NotificationPerson,
)
from app.models.enums import (
    CallInStatus,
    Gmi,
    GroupInvolvement,
    IncidentType,
    InviteeStatus,
    InvolvementRole,
    MessagePart,
    NotificationKind,
    NotificationSetting,
    NotificationTrigger,
    SpeakerRole,
)
from app.services import demo_vocab as V
from app.services.demo_people import full_name
from app.services.demo_world import MONTHS_OF_HISTORY, REFERENCE_DAY, World, table

Rows = list[tuple[Table, list[dict[str, Any]]]]

TYPE_MIX = (
    (IncidentType.SHOOTING, 35), (IncidentType.EXPLOSION, 15), (IncidentType.HOMICIDE, 6),
    (IncidentType.AGGRAVATED_ASSAULT, 25), (IncidentType.ARSON, 7), (IncidentType.THREAT, 10),
    (IncidentType.OTHER, 2),
)
GMI_MIX = ((Gmi.YES, 55), (Gmi.NO, 15), (Gmi.UNKNOWN, 30))
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")
PROGRAMME = (SpeakerRole.PROSECUTOR, SpeakerRole.POLITICIAN, SpeakerRole.RELATIVE,
             SpeakerRole.FORMER_OFFENDER, SpeakerRole.POLICE, SpeakerRole.SERVICE_PROVIDER)
TRIGGER_MIX = ((NotificationTrigger.INCIDENT, 40), (NotificationTrigger.CONFLICT, 25),
               (NotificationTrigger.RELEASE, 20), (NotificationTrigger.CALLIN_FOLLOW_UP, 5),
               (NotificationTrigger.OTHER, 10))
SETTING_MIX = ((NotificationSetting.HOME, 50), (NotificationSetting.STREET, 15),
               (NotificationSetting.FRIVARD_OFFICE, 15), (NotificationSetting.INSTITUTION, 10),
               (NotificationSetting.OTHER, 10))
LAST_MOMENT = datetime.combine(REFERENCE_DAY, datetime.min.time())


def _harm(world: World, kind: IncidentType) -> tuple[int, int]:
    """(injured, killed) in proportions like the police's published counts."""
    rng = world.rng
    if kind is IncidentType.SHOOTING:
        return rng.weighted(((0, 50), (1, 38), (2, 10), (3, 2))), int(rng.chance(0.15))
    if kind is IncidentType.HOMICIDE:
        return int(rng.chance(0.2)), 2 if rng.chance(0.05) else 1
    if kind is IncidentType.AGGRAVATED_ASSAULT:
        return 2 if rng.chance(0.15) else 1, 0
    if kind in (IncidentType.EXPLOSION, IncidentType.ARSON):
        return int(rng.chance(0.08)), 0
    return 0, 0


def incidents(world: World) -> Rows:
    rng = world.rng
    by_metro = world.people_in()
    metro_weights = [(i, m.weight) for i, m in enumerate(world.metros)]
    live = {m: [g for g in world.group_ids_in(m) if world.groups[g].active]
            for m in range(len(world.metros))}
    incident_rows, group_rows, person_rows = [], [], []
    for _n in range(max(12, world.people // 8)):
        m = rng.weighted(metro_weights)
        day = rng.days_ago(1, MONTHS_OF_HISTORY * 30)
        when = rng.moment_on(day, 17, 23) if rng.chance(0.6) else rng.moment_on(day, 0, 16)
        kind, gmi = rng.weighted(TYPE_MIX), rng.weighted(GMI_MIX)
        injured, killed = _harm(world, kind)
        area = rng.choice(world.metros[m].areas).name
        place = world.address()
        iid = rng.uid()
        world.incidents.append((iid, when, m))
        incident_rows.append({
            "id": iid, "occurred_at": when, "type": kind, "place": place, "area": area,
            "gmi": gmi, "injured": injured, "killed": killed,
            "description": V.INCIDENT_TEXT[kind.value].format(place=place, injured=injured,
                                                              killed=killed),
        })
        sides: list[tuple[int, GroupInvolvement]] = []
        if gmi is Gmi.YES and live[m]:
            sides.append((rng.choice(live[m]), GroupInvolvement.PERPETRATOR_SIDE))
            other = rng.choice(live[m])
            if rng.chance(0.5) and other != sides[0][0]:
                sides.append((other, GroupInvolvement.VICTIM_SIDE))
        elif gmi is Gmi.UNKNOWN and live[m] and rng.chance(0.4):
            sides.append((rng.choice(live[m]), GroupInvolvement.UNKNOWN))
        involved: dict[int, InvolvementRole] = {}
        for g, side in sides:
            group_rows.append({"id": rng.uid(), "incident_id": iid,
                               "group_id": world.groups[g].id, "involvement": side})
            members = world.members.get(g, [])
            if side is GroupInvolvement.PERPETRATOR_SIDE:
                world.group_incidents.setdefault(g, []).append(iid)
                for p in rng.sample(members, min(len(members), rng.randint(0, 2))):
                    involved.setdefault(p, InvolvementRole.SUSPECT)
            elif side is GroupInvolvement.VICTIM_SIDE and members:
                involved.setdefault(rng.choice(members), InvolvementRole.VICTIM)
        if by_metro[m] and rng.chance(0.3):
            involved.setdefault(rng.choice(by_metro[m]), InvolvementRole.VICTIM)
        if by_metro[m] and rng.chance(0.2):
            involved.setdefault(rng.choice(by_metro[m]), InvolvementRole.WITNESS)
        person_rows += [{"id": rng.uid(), "incident_id": iid,
                         "person_id": world.persons[p].id, "role": role}
                        for p, role in involved.items()]
    world.counts["incidents"] = len(incident_rows)
    return [(table(Incident), incident_rows), (table(IncidentGroup), group_rows),
            (table(IncidentPerson), person_rows)]


def _delivered(world: World, day: date) -> datetime:
    when = world.rng.moment_on(day, 9, 19)
    return min(when, LAST_MOMENT - timedelta(hours=world.rng.randint(1, 96)))


def callins(world: World) -> Rows:
    """Past forums (held, a few cancelled) and one planned per city; invitations included."""
    rng = world.rng
    metro_weights = [(i, m.weight) for i, m in enumerate(world.metros)]
    held = max(1, round(9 * world.people / 1000) - len(world.metros))
    plan = [(rng.weighted(metro_weights), False) for _n in range(held)]
    plan += [(m, True) for m in range(len(world.metros))]
    meetings, groups, speakers, invitees, notes, noted = [], [], [], [], [], []
    for m, future in plan:
        metro = world.metros[m]
        day = (REFERENCE_DAY + timedelta(days=rng.randint(35, 90)) if future
               else rng.days_ago(14, MONTHS_OF_HISTORY * 30))
        starts = rng.moment_on(day, 17, 18)
        status = (CallInStatus.PLANNED if future
                  else CallInStatus.CANCELLED if rng.chance(0.05) else CallInStatus.HELD)
        cid = rng.uid()
        venue = rng.choice(V.VENUES).format(area=rng.choice(metro.areas).name)
        meetings.append({
            "id": cid, "title": f"Forum {metro.name}, {MONTHS[day.month - 1]} {day.year}",
            "starts_at": starts, "venue": f"{venue}, {metro.name}",
            "security_plan": rng.choice(V.SECURITY_PLANS), "practical_notes": None,
            "logistics": sorted(rng.sample(V.LOGISTICS, rng.randint(2, len(V.LOGISTICS)))),
            "status": status, "letter_template_version": rng.randint(1, 2),
        })
        chosen = [g for g in world.group_ids_in(m) if world.groups[g].active]
        chosen = rng.sample(chosen, min(len(chosen), rng.randint(2, 4)))
        groups += [{"id": rng.uid(), "callin_id": cid, "group_id": world.groups[g].id}
                   for g in chosen]
        roles = [SpeakerRole.HEALTHCARE, *rng.sample(PROGRAMME, rng.randint(3, 5))]
        speakers += [{"id": rng.uid(), "callin_id": cid, "position": pos, "role": role,
                      "name": full_name(world, False if role is SpeakerRole.RELATIVE else None),
                      "minutes": rng.randint(5, 15)} for pos, role in enumerate(roles)]
        pool = sorted({p for g in chosen for p in world.members.get(g, [])})
        rng.shuffle(pool)
        # Frivården invites people on conditional release or probation first.
        pool.sort(key=lambda p: not world.persons[p].on_frivard)
        for p in pool[:rng.randint(8, 15)]:
            if future:
                state = rng.weighted(((InviteeStatus.PROPOSED, 3), (InviteeStatus.APPROVED, 3),
                                      (InviteeStatus.INVITED, 4)))
            elif status is CallInStatus.CANCELLED:
                state = InviteeStatus.INVITED
            else:
                state = rng.weighted(((InviteeStatus.ATTENDED, 75), (InviteeStatus.NO_SHOW, 15),
                                      (InviteeStatus.EXCUSED, 10)))
            officer = rng.choice(world.officers)
            invitees.append({
                "id": rng.uid(), "callin_id": cid, "person_id": world.persons[p].id,
                "status": state, "reason": rng.choice(V.INVITE_REASONS),
                "invited_how": rng.choice(V.INVITED_HOW), "invited_by": officer,
                "signed_out_at": starts + timedelta(minutes=rng.randint(140, 190))
                if state is InviteeStatus.ATTENDED else None,
            })
            if state in (InviteeStatus.PROPOSED, InviteeStatus.APPROVED):
                continue
            nid = rng.uid()
            notes.append({
                "id": nid, "kind": NotificationKind.CALLIN_INVITATION,
                "delivered_at": _delivered(world, day - timedelta(days=rng.randint(7, 21))),
                "trigger": NotificationTrigger.OTHER, "trigger_incident_id": None,
                "callin_id": cid,
                "setting": NotificationSetting.FRIVARD_OFFICE if rng.chance(0.7)
                else NotificationSetting.HOME,
                "team": [{"name": officer, "role": "frivårdsinspektör"}], "message_parts": [],
                "legal_assessment": None, "help_offered": None, "reaction": None,
                "next_step": None,
            })
            noted.append({"id": rng.uid(), "notification_id": nid,
                          "person_id": world.persons[p].id})
    world.counts.update(callins=len(meetings), invitees=len(invitees), invitations=len(notes))
    return [(table(CallIn), meetings), (table(CallInGroup), groups),
            (table(CallInSpeaker), speakers), (table(CallInInvitee), invitees),
            (table(Notification), notes), (table(NotificationPerson), noted)]


def custom_notifications(world: World) -> Rows:
    """Riktade samtal: about one member in eight, one in ten of them visited more than once."""
    rng = world.rng
    members = [i for i, p in enumerate(world.persons) if p.group >= 0]
    chosen = rng.sample(members, min(len(members), max(3, round(len(members) * 0.12))))
    by_metro: dict[int, list[tuple[str, datetime]]] = {}
    for iid, when, m in world.incidents:
        by_metro.setdefault(m, []).append((iid, when))
    notes, noted = [], []
    for p in chosen:
        world.notified.append(p)
        person = world.persons[p]
        for _visit in range(1 if rng.chance(0.9) else rng.randint(2, 3)):
            trigger = rng.weighted(TRIGGER_MIX)
            incident_id = None
            day = rng.days_ago(1, MONTHS_OF_HISTORY * 30)
            if trigger is NotificationTrigger.INCIDENT and by_metro.get(person.metro):
                incident_id, when = rng.choice(by_metro[person.metro])
                day = when.date() + timedelta(days=rng.randint(1, 10))
            parts = [MessagePart.MORAL, MessagePart.GROUP_CONSEQUENCE]
            legal = None
            if rng.chance(0.4):
                parts.append(MessagePart.LEGAL_EXPOSURE)
                legal = rng.choice(V.LEGAL_ASSESSMENTS)
            helped = rng.chance(0.8)
            if helped:
                parts.append(MessagePart.HELP_OFFER)
            team = [{"name": full_name(world), "role": "polis"},
                    {"name": full_name(world), "role": "socialsekreterare"}]
            if rng.chance(0.3):
                team.append({"name": rng.choice(world.officers), "role": "frivårdsinspektör"})
            nid = rng.uid()
            notes.append({
                "id": nid, "kind": NotificationKind.CUSTOM, "delivered_at": _delivered(world, day),
                "trigger": trigger, "trigger_incident_id": incident_id, "callin_id": None,
                "setting": rng.weighted(SETTING_MIX), "team": team, "message_parts": parts,
                "legal_assessment": legal,
                "help_offered": rng.choice(V.HELP_OFFERED) if helped else None,
                "reaction": rng.choice(V.REACTIONS), "next_step": rng.choice(V.NEXT_STEPS),
            })
            noted.append({"id": rng.uid(), "notification_id": nid, "person_id": person.id})
    world.counts["custom_notifications"] = len(notes)
    return [(table(Notification), notes), (table(NotificationPerson), noted)]
