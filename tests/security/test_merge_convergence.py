"""Convergence (Hypothesis stateful): three laptops create, edit and delete rows offline, with
clocks that disagree, and pass bundles around in any order, any number of times, old ones too.
After everyone has imported everyone's latest bundle, all three hold the same data."""

from __future__ import annotations

from typing import Any

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from app.exchange.hlc import HybridClock, Stamp
from app.exchange.merge import field_clock, merge_all, normal
from app.exchange.records import ValidRecord, validate_record

UNITS = ["11111111-0000-4000-8000-000000000000", "22222222-0000-4000-8000-000000000000",
         "33333333-0000-4000-8000-000000000000"]
IDS = [f"{n:08d}-0000-4000-8000-000000000000" for n in range(6)]
VALUES = {"first_name": ["Åsa", "Bo"], "city": ["Lund", "Malmö", None],
          "frivard_status": ["none", "parole", "probation"]}
Key = tuple[str, str]


class Laptop:
    def __init__(self, unit: str, world: list[int], skew: int) -> None:
        self.unit = unit
        self.rows: dict[Key, ValidRecord] = {}
        # Wall clocks that disagree by seconds, and sometimes stand still: the clock must cope.
        self.clock = HybridClock(wall=lambda: world[0] + skew)

    def write(self, row_id: str, changes: dict[str, Any], deleted: bool = False) -> None:
        stamp = f"{self.clock.now()}/{self.unit}"
        key = ("person", row_id)
        old = self.rows.get(key)
        if old is None:  # like a new ORM row: no field clocks, everything at the row clock
            fields = {"first_name": "Åsa", "last_name": "Ek", "city": None,
                      "frivard_status": "none", **changes}
            clocks = None
        else:
            fields = {**old.fields, **changes}
            clocks = dict(normal(old).field_clocks or {})
            clocks.update(dict.fromkeys([*changes, *(["deleted"] if deleted else [])], stamp))
        self.rows[key] = ValidRecord(
            table="person", id=row_id, hlc=stamp.split("/")[0], origin_unit=self.unit,
            deleted=deleted or (old is not None and old.deleted), field_clocks=clocks,
            fields=fields)

    def bundle(self) -> list[dict[str, Any]]:
        return [r.as_json() for r in self.rows.values()]

    def receive(self, bundle: list[dict[str, Any]]) -> None:
        records = [validate_record(r, n) for n, r in enumerate(bundle, start=1)]
        for key, merged in merge_all(self.rows, records).items():
            self.rows[key] = merged.record
        for record in records:  # move past every stamp seen, as the importer does
            self.clock.observe(Stamp.parse(record.hlc))  # a row's clock may be the newest
            for name in [*record.fields, "deleted"]:
                self.clock.observe(Stamp.parse(field_clock(record, name)[0]))

    def state(self) -> dict[Key, ValidRecord]:
        return {key: normal(row) for key, row in self.rows.items()}


class Exchange(RuleBasedStateMachine):
    # Equal skews and a still wall clock make equal stamps on two laptops: the unit id decides.
    @initialize(skews=st.lists(st.sampled_from([0, 0, 2, -1500]), min_size=3, max_size=3))
    def start(self, skews: list[int]) -> None:
        self.world = [1_780_000_000_000]
        self.laptops = [Laptop(u, self.world, s) for u, s in zip(UNITS, skews, strict=True)]
        self.sent: list[list[dict[str, Any]]] = []

    @rule(ms=st.sampled_from([0, 1, 3, 2000]))
    def time_passes(self, ms: int) -> None:
        self.world[0] += ms

    @rule(who=st.integers(0, 2), row=st.sampled_from(IDS),
          changes=st.fixed_dictionaries({}, optional={k: st.sampled_from(v)
                                                      for k, v in VALUES.items()}))
    def edit(self, who: int, row: str, changes: dict[str, Any]) -> None:
        self.laptops[who].write(row, changes)

    @rule(who=st.integers(0, 2), row=st.sampled_from(IDS))
    def delete(self, who: int, row: str) -> None:
        if ("person", row) in self.laptops[who].rows:
            self.laptops[who].write(row, {}, deleted=True)

    @rule(who=st.integers(0, 2))
    def export(self, who: int) -> None:
        self.sent.append(self.laptops[who].bundle())

    @precondition(lambda self: bool(self.sent))
    @rule(who=st.integers(0, 2), which=st.integers(0, 100))
    def import_any(self, who: int, which: int) -> None:
        # Any bundle ever written, again and again, old ones after newer ones: a replay guard
        # would refuse most of these, but the merge itself must not depend on it.
        self.laptops[who].receive(self.sent[which % len(self.sent)])

    @invariant()
    def clocks_never_go_back(self) -> None:
        for laptop in self.laptops:
            for row in laptop.rows.values():
                assert laptop.clock.last >= Stamp.parse(row.hlc)

    def teardown(self) -> None:
        if not hasattr(self, "laptops"):
            return
        bundles = [laptop.bundle() for laptop in self.laptops]
        for laptop in self.laptops:
            for bundle in bundles:
                laptop.receive(bundle)
        states = [laptop.state() for laptop in self.laptops]
        assert states[0] == states[1] == states[2]
        # A further round changes nothing: the exchange has reached its fixed point.
        self.laptops[0].receive(self.laptops[1].bundle())
        assert self.laptops[0].state() == states[0]


Exchange.TestCase.settings = settings(max_examples=60, stateful_step_count=30, deadline=None)
TestConvergence = Exchange.TestCase
