"""The demo generator's shared state: a seeded random source and what earlier stages made.

Everything is drawn from one ``random.Random`` in a fixed order, and dates count from a fixed
reference day, so the same seed and size give the same data on every machine and every day.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from typing import Any, TypeVar, cast

from faker import Faker
from sqlalchemy import Table

from app.errors import Cancelled
from app.models import Base
from app.services.demo_vocab import METROS, Metro

T = TypeVar("T")

# "Today" for the demo: dates never drift with the calendar. Incidents and visits lie before it.
REFERENCE_DAY = date(2026, 11, 1)
MONTHS_OF_HISTORY = 36
TICK_EVERY = 500
# Version 4 and the RFC 4122 variant, set the way uuid.UUID(version=4) sets them.
_UUID_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_UUID_SET = (0x4000 << 64) | (0x8000 << 48)


def table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


class DemoRandom(random.Random):
    """``random.Random`` with the few shapes the generator needs."""

    def uid(self) -> str:
        """The same text as ``str(uuid.UUID(int=bits, version=4))``, at a quarter of the cost."""
        bits = self.getrandbits(128) & _UUID_CLEAR | _UUID_SET
        h = f"{bits:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def chance(self, p: float) -> bool:
        return self.random() < p

    def weighted(self, pairs: Sequence[tuple[T, int]]) -> T:
        # A plain walk: the mixes are short, and this runs a million times for 100,000 people.
        r = self.random() * sum(w for _v, w in pairs)
        for value, weight in pairs:
            r -= weight
            if r < 0:
                return value
        return pairs[-1][0]

    def day_between(self, start: date, end: date) -> date:
        return start + timedelta(days=self.randint(0, max(0, (end - start).days)))

    def moment_on(self, day: date, earliest: int = 0, latest: int = 23) -> datetime:
        return datetime.combine(day, time(self.randint(earliest, latest), self.randrange(60)))

    def days_ago(self, lo: int, hi: int) -> date:
        return REFERENCE_DAY - timedelta(days=self.randint(lo, hi))


class WeightedPool:
    """Fast repeated weighted draws (Faker's name lists carry population weights)."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.values = list(weights)
        self.cum = list(accumulate(weights.values()))

    def draw(self, rng: random.Random) -> str:
        return self.values[bisect(self.cum, rng.random() * self.cum[-1])]


@dataclass
class PersonFacts:
    """What later stages need to know about a generated person."""

    id: str
    metro: int
    on_frivard: bool
    group: int  # index of the first group the person belongs to, -1 for none


@dataclass
class GroupFacts:
    id: str
    metro: int
    area: str
    active: bool


@dataclass
class World:
    rng: DemoRandom
    fake: Faker
    people: int
    metros: tuple[Metro, ...]
    taken_pnr: set[str]
    taken_group_names: set[str]
    persons: list[PersonFacts] = field(default_factory=list)
    groups: list[GroupFacts] = field(default_factory=list)
    # group index → person indexes of everyone who was ever a member
    members: dict[int, list[int]] = field(default_factory=dict)
    # group index → ids of incidents in which the group was on the perpetrator side
    group_incidents: dict[int, list[str]] = field(default_factory=dict)
    incidents: list[tuple[str, datetime, int]] = field(default_factory=list)  # id, when, metro
    officers: list[str] = field(default_factory=list)
    streets: list[str] = field(default_factory=list)
    notified: list[int] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def group_ids_in(self, metro: int) -> list[int]:
        return [i for i, g in enumerate(self.groups) if g.metro == metro]

    def people_in(self) -> list[list[int]]:
        """Person indexes per city."""
        out: list[list[int]] = [[] for _m in self.metros]
        for i, p in enumerate(self.persons):
            out[p.metro].append(i)
        return out

    def address(self) -> str:
        return f"{self.rng.choice(self.streets)} {self.rng.randint(1, 120)}"


def make_world(people: int, seed: int, fill_round: int, taken_pnr: set[str],
               taken_group_names: set[str]) -> World:
    # The first fill of a vault uses the seed itself; later fills of the same vault get fresh,
    # still reproducible, ids and names.
    rng = DemoRandom(seed if fill_round == 0 else f"{seed}/{fill_round}")
    fake = Faker("sv_SE")
    fake.seed_instance(rng.getrandbits(64))
    # Small samples live in one or two cities; from 2,000 people all five are in use.
    n_metros = max(1, min(len(METROS), people // 400))
    world = World(rng, fake, people, METROS[:n_metros], taken_pnr, taken_group_names)
    world.officers = [fake.name() for _ in range(max(8, people // 250))]
    world.streets = [fake.street_name() for _ in range(300)]
    return world


class Ticker:
    """Counts rows as they stream into the database; reports progress and honours cancel."""

    def __init__(self, total: int, progress: Callable[[int, int], None] | None,
                 cancel: Callable[[], bool] | None) -> None:
        self.total = max(1, total)
        self.done = 0
        self.progress = progress
        self.cancel = cancel

    def check(self) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled()
        if self.progress is not None:
            self.progress(min(self.done, self.total - 1), self.total)

    def stream(self, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for row in rows:
            self.done += 1
            if self.done % TICK_EVERY == 0:
                self.check()
            yield row

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)
