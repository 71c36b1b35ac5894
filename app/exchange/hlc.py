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
            stamp = _after(self._last, self._wall())
            self._last = stamp
            return stamp

    def observe(self, remote: Stamp) -> Stamp:
        """Advance past a stamp received from another unit."""
        with self._lock:
            stamp = _after(max(self._last, remote), self._wall())
            self._last = stamp
            return stamp


def _after(top: Stamp, wall: int) -> Stamp:
    """The next stamp after ``top`` at wall-clock time ``wall``."""
    if wall > top.wall_ms:
        return Stamp(wall, 0)
    if top.counter < _COUNTER_MAX:
        return Stamp(top.wall_ms, top.counter + 1)
    # A million stamps in one millisecond: borrow the next one, so the text form stays fixed.
    return Stamp(top.wall_ms + 1, 0)
