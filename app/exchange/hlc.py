"""Hybrid logical clock stamps for rows that vaults will later merge.

A stamp is ``"<wall ms, 13 digits>-<counter, 6 digits>"``: it sorts as text, never goes
backwards on one laptop even when its wall clock does, and moves past any stamp seen in an
imported bundle. Ties between units are broken by the unit id, outside the stamp.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

_COUNTER_MAX = 999_999


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int

    def __str__(self) -> str:
        return f"{self.wall_ms:013d}-{self.counter:06d}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        wall, _, counter = text.partition("-")
        if len(wall) != 13 or len(counter) != 6 or not (wall + counter).isdigit():
            raise ValueError(f"not a clock stamp: {text!r}")
        return cls(int(wall), int(counter))


ZERO = Stamp(0, 0)


class HybridClock:
    def __init__(self, last: Stamp = ZERO, wall: Callable[[], int] | None = None) -> None:
        self._last = last
        self._wall = wall or (lambda: time.time_ns() // 1_000_000)
        self._lock = threading.Lock()

    @property
    def last(self) -> Stamp:
        return self._last

    def now(self) -> Stamp:
        with self._lock:
            wall = self._wall()
            if wall > self._last.wall_ms:
                stamp = Stamp(wall, 0)
            elif self._last.counter < _COUNTER_MAX:
                stamp = Stamp(self._last.wall_ms, self._last.counter + 1)
            else:  # a million stamps in one millisecond: borrow the next millisecond
                stamp = Stamp(self._last.wall_ms + 1, 0)
            self._last = stamp
            return stamp

    def observe(self, remote: Stamp) -> Stamp:
        """Advance past a stamp received from another unit."""
        with self._lock:
            wall = self._wall()
            top = max(self._last, remote)
            if wall > top.wall_ms:
                stamp = Stamp(wall, 0)
            else:
                stamp = Stamp(top.wall_ms, top.counter + 1)
            self._last = stamp
            return stamp
