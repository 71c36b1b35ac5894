"""The import's writer lane: calls run in order on one thread, the first failure stops the
rest, and a cancelled import does not wait for the rows still queued."""

from __future__ import annotations

import threading
import time
from functools import partial

from app.services.bundle_apply import _Lane


def test_calls_run_in_order_and_the_first_failure_stops_the_rest() -> None:
    ran: list[int] = []
    lane = _Lane()
    lane.submit(lambda: ran.append(1))
    lane.submit(lambda: 1 / 0)
    lane.submit(lambda: ran.append(3))
    lane.drain()
    lane.stop()
    assert ran == [1] and isinstance(lane.error, ZeroDivisionError)


def test_a_dropped_lane_skips_what_is_still_queued() -> None:
    started, release = threading.Event(), threading.Event()
    ran: list[int] = []
    lane = _Lane()

    def slow() -> None:
        started.set()
        release.wait(10)
        ran.append(1)
    lane.submit(slow)
    for n in range(2, 6):
        lane.submit(partial(ran.append, n))
    assert started.wait(10)
    stopping = threading.Thread(target=lambda: lane.stop(drop=True))
    stopping.start()
    deadline = time.monotonic() + 10
    while not lane._dropped and time.monotonic() < deadline:
        time.sleep(0.001)
    release.set()
    stopping.join(10)
    assert ran == [1] and lane.error is None


def test_stopping_without_drop_runs_everything_submitted() -> None:
    ran: list[int] = []
    lane = _Lane()
    for n in range(5):
        lane.submit(partial(ran.append, n))
    lane.stop()
    assert ran == [0, 1, 2, 3, 4]
