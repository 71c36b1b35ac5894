"""The database lane: work off the UI thread, answers on it, busy only when work is slow."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.errors import NotFound
from app.ui.tasks import InlineRunner, TaskRunner


@pytest.fixture
def lane() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def test_work_runs_on_the_lane_and_answers_on_the_ui_thread(qtbot: QtBot,
                                                            lane: TaskRunner) -> None:
    ui_thread = threading.get_ident()
    seen: dict[str, int] = {}

    def work(x: int) -> int:
        seen["work"] = threading.get_ident()
        return x * 2

    def done(value: int) -> None:
        seen["done"] = threading.get_ident()
        seen["value"] = value

    lane.run(work, 21, on_done=done)
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == 42
    assert seen["work"] != ui_thread
    assert seen["done"] == ui_thread


def test_tasks_run_one_at_a_time_in_order(qtbot: QtBot, lane: TaskRunner) -> None:
    order: list[int] = []
    active = []

    def work(i: int) -> int:
        active.append(i)
        assert len(active) == 1
        active.pop()
        return i

    for i in range(20):
        lane.run(work, i, on_done=order.append)
    qtbot.waitUntil(lambda: len(order) == 20)
    assert order == list(range(20))


def test_errors_and_progress_come_back(qtbot: QtBot, lane: TaskRunner) -> None:
    steps: list[tuple[int, int]] = []
    errors: list[BaseException] = []

    def work(progress: Callable[[int, int], None]) -> None:
        for i in range(3):
            progress(i + 1, 3)
        raise NotFound("Personen finns inte (eller är borttagen).")

    lane.run(work, on_error=errors.append, progress=lambda d, t: steps.append((d, t)))
    qtbot.waitUntil(lambda: bool(errors))
    assert steps == [(1, 3), (2, 3), (3, 3)]
    assert isinstance(errors[0], NotFound)


def test_busy_shows_only_when_work_is_slow(qtbot: QtBot) -> None:
    lane = TaskRunner(busy_delay_ms=50)
    release = threading.Event()
    busy: list[bool] = []
    lane.busy_changed.connect(busy.append)
    try:
        done: list[Any] = []
        lane.run(lambda: None, on_done=done.append)
        qtbot.waitUntil(lambda: bool(done))
        assert busy == []  # quick work: no indicator at all
        with qtbot.waitSignal(lane.busy_changed, timeout=5000):
            lane.run(release.wait, on_done=done.append)
        assert busy == [True] and lane.busy
        release.set()
        qtbot.waitUntil(lambda: busy == [True, False])
    finally:
        release.set()
        lane.shutdown()


def test_answers_for_a_closed_widget_are_dropped(qtbot: QtBot, lane: TaskRunner) -> None:
    label = QLabel()
    finished = threading.Event()
    lane.run(finished.wait, on_done=label.setText)
    label.deleteLater()
    qtbot.waitUntil(lambda: not _valid(label))
    finished.set()
    qtbot.waitUntil(lambda: lane.pending == 0)  # no "C++ object already deleted" error


def test_closures_of_a_deleted_owner_are_dropped(qtbot: QtBot, lane: TaskRunner) -> None:
    """A closure can't be traced to its widget; naming the owner lets the lane drop it."""
    label = QLabel()
    finished = threading.Event()
    calls: list[str] = []

    def done(_value: object) -> None:
        calls.append("done")
        label.setText("x")  # would raise: the label is gone

    lane.run(finished.wait, on_done=done, owner=label)
    label.deleteLater()
    qtbot.waitUntil(lambda: not _valid(label))
    finished.set()
    qtbot.waitUntil(lambda: lane.pending == 0)
    assert calls == []


def _valid(obj: Any) -> bool:
    return bool(shiboken6.isValid(obj))


def test_an_error_nobody_handles_goes_to_the_excepthook(
        qtbot: QtBot, lane: TaskRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    caught: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: caught.append(exc))

    def boom() -> None:
        raise ValueError("broken")

    lane.run(boom)
    qtbot.waitUntil(lambda: bool(caught))
    assert isinstance(caught[0], ValueError)


def test_inline_runner_has_the_same_contract() -> None:
    runner = InlineRunner()
    results: list[Any] = []
    runner.run(lambda a, b: a + b, 2, 3, on_done=results.append)
    runner.run(lambda: 1 / 0, on_error=results.append)
    runner.run(lambda progress: progress(1, 1), progress=lambda d, t: results.append((d, t)))
    assert results[0] == 5
    assert isinstance(results[1], ZeroDivisionError)
    assert results[2] == (1, 1)
