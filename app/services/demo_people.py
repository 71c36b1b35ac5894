"""Demo groups, people, memberships and group relations, as rows ready for a bulk insert."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from faker.providers.person.sv_SE import Provider as SvNames

from app.models.enums import Confidence, FrivardStatus, GroupStatus, IdKind, RelationKind
from app.services import demo_vocab as V
from app.services.demo_world import REFERENCE_DAY, GroupFacts, PersonFacts, WeightedPool, World

FRIVARD_MIX = (
    (FrivardStatus.NONE, 70), (FrivardStatus.PAROLE, 10), (FrivardStatus.PROBATION, 10),
    (FrivardStatus.YOUTH_SUPERVISION, 4), (FrivardStatus.INTENSIVE_SUPERVISION, 3),
    (FrivardStatus.OTHER, 3),
)
GROUP_STATUS_MIX = ((GroupStatus.ACTIVE, 70), (GroupStatus.DORMANT, 20),
                    (GroupStatus.DISSOLVED, 10))
CONFIDENCE_MIX = ((Confidence.LOW, 20), (Confidence.MEDIUM, 50), (Confidence.HIGH, 30))


def _pool(base: dict[str, float], extra: tuple[str, ...], weight: float) -> WeightedPool:
    weights = dict(base)
    for name in extra:
        weights[name] = weights.get(name, 0.0) + weight
    return WeightedPool(weights)


MALE = _pool(SvNames.first_names_male, V.EXTRA_FIRST_NAMES_MALE, 0.004)
FEMALE = _pool(SvNames.first_names_female, V.EXTRA_FIRST_NAMES_FEMALE, 0.004)
SURNAMES = _pool(SvNames.last_names, V.EXTRA_LAST_NAMES, 0.002)


def full_name(world: World, male: bool | None = None) -> str:
    """A staff member's or speaker's name (not one of the people in the register)."""
    rng = world.rng
    male = rng.chance(0.5) if male is None else male
    return f"{(MALE if male else FEMALE).draw(rng)} {SURNAMES.draw(rng)}"


def luhn_digit(digits: str) -> str:
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def id_number(world: World, born: date, male: bool, coordination: bool) -> str:
    """A unique, Luhn-correct 12-digit number; samordningsnummer carry the day + 60."""
    rng = world.rng
    day = born.day + (60 if coordination else 0)
    while True:
        # The third digit of the serial is odd for men, even for women.
        serial = f"{rng.randrange(500) * 2 + male:03d}"
        ten = f"{born:%y%m}{day:02d}{serial}"
        digits = f"{born.year // 100}{ten}{luhn_digit(ten)}"
        if digits not in world.taken_pnr:
            world.taken_pnr.add(digits)
            return digits


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in folded if c.isascii() and c.isalnum())


# ---- groups ----------------------------------------------------------------------------------
def _group_name(world: World, area: str) -> str:
    rng = world.rng
    if rng.chance(0.5):
        base = f"{area}{rng.choice(V.AREA_GROUP_SUFFIXES)}"
    else:
        base = f"{rng.choice(V.GROUP_ADJECTIVES)} {rng.choice(V.GROUP_NOUNS)}"
    name, n = base, 1
    while name.casefold() in world.taken_group_names:
        n += 1
        name = f"{base} {n}"
    world.taken_group_names.add(name.casefold())
    return name


def group_rows(world: World) -> Iterator[dict[str, Any]]:
    rng = world.rng
    metro_weights = [(i, m.weight) for i, m in enumerate(world.metros)]
    rank: dict[int, int] = {}
    for _n in range(max(3, world.people // 40)):
        m = rng.weighted(metro_weights)
        metro = world.metros[m]
        area = rng.choice(metro.areas)
        name = _group_name(world, area.name)
        status = rng.weighted(GROUP_STATUS_MIX)
        priority = review = None
        if status is not GroupStatus.DISSOLVED:
            rank[m] = priority = rank.get(m, 0) + 1
            review = REFERENCE_DAY + timedelta(days=rng.randint(-90, 180))  # a third past due
        aliases: list[str] = []
        if rng.chance(0.3):
            form = rng.choice(V.GROUP_ALIAS_FORMS)
            initials = "".join(w[0] for w in name.replace("-", " ").split() if w[0].isalpha())
            alias = form.format(area=area.name, initials=initials.upper())
            if alias != name:
                aliases.append(alias)
        world.groups.append(GroupFacts(rng.uid(), m, area.name, status is GroupStatus.ACTIVE))
        yield {
            "id": world.groups[-1].id, "name": name, "aliases": aliases,
            "area": f"{area.name}, {metro.name}", "status": status, "priority": priority,
            "priority_review_date": review,
            "notes": "Omprövas efter senaste incidenten." if rng.chance(0.1) else None,
        }


# ---- people ----------------------------------------------------------------------------------
def person_rows(world: World) -> Iterator[dict[str, Any]]:
    rng = world.rng
    metro_weights = [(i, m.weight) for i, m in enumerate(world.metros)]
    # Some groups are much bigger than others: one weighted pool of group indexes per city.
    size = [rng.randint(1, 10) for _ in world.groups]
    pools = {m: WeightedPool({str(g): size[g] for g in world.group_ids_in(m)})
             for m in range(len(world.metros))}
    areas = {a.name: a for metro in world.metros for a in metro.areas}
    for _n in range(world.people):
        m = rng.weighted(metro_weights)
        metro = world.metros[m]
        group = -1
        if pools[m].values and rng.chance(0.75):
            group = int(pools[m].draw(rng))
        # Most members live where their group is.
        area = areas[world.groups[group].area] if group >= 0 and rng.chance(0.7) \
            else rng.choice(metro.areas)
        male = rng.chance(0.9)
        first = (MALE if male else FEMALE).draw(rng)
        last = SURNAMES.draw(rng)
        age = int(rng.triangular(15, 45, 19))
        born = date(REFERENCE_DAY.year - age, 1, 1) + timedelta(days=rng.randrange(365))
        kind_roll = rng.random()
        pnr = kind = None
        if kind_roll < 0.80:
            pnr, kind = id_number(world, born, male, False), IdKind.PERSONNUMMER
        elif kind_roll < 0.85:
            pnr, kind = id_number(world, born, male, True), IdKind.SAMORDNINGSNUMMER
        status = rng.weighted(FRIVARD_MIX)
        on_frivard = status is not FrivardStatus.NONE
        f_from = f_to = office = None
        if on_frivard:
            f_from = rng.days_ago(30, 900)
            f_to = f_from + timedelta(days=rng.randint(180, 1095))
            office = rng.choice(metro.offices)
        aliases: list[str] = []
        while rng.chance(0.3 if not aliases else 0.15):
            nick = rng.choice(V.NICKNAMES)
            if nick not in aliases and nick != first:
                aliases.append(nick)
        address = postal = city = None
        if rng.chance(0.85):
            address = world.address()
            if rng.chance(0.3):
                address += f", lgh {rng.randint(10, 14)}{rng.randint(1, 9):02d}"
            postal, city = f"{area.postal[:4]}{rng.randrange(10)}", area.town
        phone = None
        if rng.chance(0.75):
            phone = (f"07{rng.choice('0236')}-{rng.randrange(1000):03d} "
                     f"{rng.randrange(100):02d} {rng.randrange(100):02d}")
        email = None
        if rng.chance(0.15):
            email = f"{_ascii(first)}.{_ascii(last)}{rng.randint(1, 99)}@example.com"
        officer = rng.choice(world.officers) if on_frivard or rng.chance(0.3) else None
        world.persons.append(PersonFacts(rng.uid(), m, on_frivard, group))
        if group >= 0:
            world.members.setdefault(group, []).append(len(world.persons) - 1)
        yield {
            "id": world.persons[-1].id, "first_name": first, "last_name": last,
            "aliases": aliases, "personnummer": pnr, "id_kind": kind,
            "birth_date": born if pnr or rng.chance(0.6) else None,
            "phone": phone, "email": email, "address": address, "postal_code": postal,
            "city": city, "frivard_status": status, "frivard_from": f_from, "frivard_to": f_to,
            "frivard_office": office, "responsible_officer": officer,
            "notes": rng.choice(V.PERSON_NOTES) if rng.chance(0.05) else None,
        }


def membership_rows(world: World) -> Iterator[dict[str, Any]]:
    rng = world.rng
    by_metro = {m: world.group_ids_in(m) for m in range(len(world.metros))}
    for index, person in enumerate(world.persons):
        if person.group < 0:
            continue
        start = rng.days_ago(60, 1600)
        end = rng.day_between(start, REFERENCE_DAY) if rng.chance(0.15) else None
        spans = [(person.group, start, end)]
        other = rng.choice(by_metro[person.metro])
        if other != person.group and rng.chance(0.15):
            # Loyalties shift: an earlier group that ended, then the current one (or the reverse).
            switch = rng.day_between(start, REFERENCE_DAY - timedelta(days=1))
            first, then = (other, person.group) if rng.chance(0.7) else (person.group, other)
            spans = [(first, start, switch), (then, switch + timedelta(days=1), None)]
            world.members.setdefault(other, []).append(index)
        for group, valid_from, valid_to in spans:
            yield {
                "id": rng.uid(), "person_id": person.id, "group_id": world.groups[group].id,
                "role": rng.weighted(V.MEMBER_ROLES), "source": rng.choice(V.MEMBER_SOURCES),
                "confidence": rng.weighted(CONFIDENCE_MIX), "valid_from": valid_from,
                "valid_to": valid_to, "notes": None,
            }


def relation_rows(world: World) -> Iterator[dict[str, Any]]:
    """Alliances and conflicts inside each city; some conflicts start with an incident."""
    rng = world.rng
    for m in range(len(world.metros)):
        live = [g for g in world.group_ids_in(m) if world.groups[g].active]
        if len(live) < 2:
            continue
        seen: set[tuple[int, int]] = set()
        for _n in range(round(len(live) * 0.8)):
            a, b = rng.sample(live, 2)
            if (min(a, b), max(a, b)) in seen:
                continue
            seen.add((min(a, b), max(a, b)))
            conflict = rng.chance(0.55)
            since = rng.days_ago(30, 1000)
            trigger = None
            if conflict and world.group_incidents.get(a) and rng.chance(0.4):
                trigger = rng.choice(world.group_incidents[a])
            yield {
                "id": rng.uid(), "group_a_id": world.groups[a].id,
                "group_b_id": world.groups[b].id,
                "kind": RelationKind.CONFLICT if conflict else RelationKind.ALLIANCE,
                "intensity": rng.randint(2, 5) if conflict else rng.randint(1, 3),
                "since": since,
                "until": rng.day_between(since, REFERENCE_DAY) if rng.chance(0.25) else None,
                "trigger_incident_id": trigger, "notes": None,
            }
