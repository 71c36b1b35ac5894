"""The hybrid logical clock: monotonic on one laptop, past every remote stamp it has seen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.exchange.hlc import ZERO, HybridClock, Stamp


def scripted(walls: list[int]) -> Callable[[], int]:
    """A wall clock that returns the given readings in turn, then repeats the last."""
    readings: Iterator[int] = iter(walls)
    last = [walls[0]]

    def wall() -> int:
        last[0] = next(readings, last[0])
        return last[0]

    return wall


def test_new_wall_time_resets_the_counter() -> None:
    clock = HybridClock(wall=scripted([1000, 1000, 1005]))
    assert clock.now() == Stamp(1000, 0)
    assert clock.now() == Stamp(1000, 1)
    assert clock.now() == Stamp(1005, 0)
    assert clock.last == Stamp(1005, 0)


def test_never_goes_backwards_when_the_wall_clock_does() -> None:
    clock = HybridClock(wall=scripted([5000, 4000, 3000, 5000, 5001]))
    stamps = [clock.now() for _ in range(5)]
    assert stamps == [Stamp(5000, 0), Stamp(5000, 1), Stamp(5000, 2), Stamp(5000, 3),
                      Stamp(5001, 0)]


def test_starts_after_the_stored_last_stamp() -> None:
    clock = HybridClock(Stamp(9000, 7), wall=scripted([100]))
    assert clock.now() == Stamp(9000, 8)


def test_counter_overflow_borrows_the_next_millisecond() -> None:
    clock = HybridClock(Stamp(2000, 999_998), wall=scripted([2000]))
    assert clock.now() == Stamp(2000, 999_999)
    assert clock.now() == Stamp(2001, 0)
    assert clock.now() == Stamp(2001, 1)
    assert str(Stamp(2000, 999_999)) < str(Stamp(2001, 0))


def test_observe_moves_past_a_remote_stamp_ahead_of_us() -> None:
    clock = HybridClock(wall=scripted([1000]))
    clock.now()
    assert clock.observe(Stamp(8000, 4)) == Stamp(8000, 5)
    assert clock.now() == Stamp(8000, 6)


def test_observe_of_an_older_remote_stamp_keeps_our_own_order() -> None:
    clock = HybridClock(Stamp(5000, 3), wall=scripted([10]))
    assert clock.observe(Stamp(4000, 900)) == Stamp(5000, 4)


def test_observe_uses_the_wall_clock_when_it_is_ahead_of_both() -> None:
    clock = HybridClock(Stamp(5000, 3), wall=scripted([7000]))
    assert clock.observe(Stamp(6000, 1)) == Stamp(7000, 0)


def test_format_and_parse_round_trip() -> None:
    stamp = Stamp(1_717_171_717_171, 42)
    assert str(stamp) == "1717171717171-000042"
    assert Stamp.parse(str(stamp)) == stamp
    assert str(ZERO) == "0000000000000-000000"


@pytest.mark.parametrize("text", [
    "", "1717171717171", "1717171717171-42", "171717171717-000042", "1717171717171-0000420",
    "1717171717171:000042", "17171717171x1-000042", "-1717171717171-00004",
    "1717171717171-00004\n",
])
def test_parse_rejects_anything_but_the_exact_form(text: str) -> None:
    with pytest.raises(ValueError):
        Stamp.parse(text)


# Counters near the limit are drawn often: that is where the text form could break.
# Wall times stop short of the 13-digit limit (year 2286) that the text form allows.
_stamps = st.builds(Stamp, st.integers(0, 9_999_999_000_000),
                   st.integers(0, 999_999) | st.integers(999_990, 999_999))


@given(_stamps, _stamps)
def test_text_order_is_stamp_order(a: Stamp, b: Stamp) -> None:
    assert (str(a) < str(b)) == (a < b)
    assert Stamp.parse(str(a)) == a


@given(st.lists(st.integers(0, 10_000), min_size=1, max_size=60),
       st.lists(_stamps, max_size=5))
def test_stamps_strictly_increase_whatever_the_wall_clock_and_remotes_do(
        walls: list[int], remotes: list[Stamp]) -> None:
    clock = HybridClock(wall=scripted(walls))
    issued: list[Stamp] = []
    for i in range(len(walls)):
        issued.append(clock.now())
        if i < len(remotes):
            issued.append(clock.observe(remotes[i]))
            assert issued[-1] > remotes[i]
    assert all(a < b for a, b in pairwise(issued))
    assert sorted(str(s) for s in issued) == [str(s) for s in issued]


def test_observe_of_a_remote_stamp_at_the_counter_limit_borrows_the_next_millisecond() -> None:
    clock = HybridClock(wall=scripted([1000]))
    stamp = clock.observe(Stamp(8000, 999_999))
    assert stamp == Stamp(8001, 0)
    assert Stamp.parse(str(stamp)) == stamp
    assert clock.now() == Stamp(8001, 1)
