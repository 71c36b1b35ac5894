"""The database lane: every piece of database, key-derivation or migration work runs here.

One worker thread, so SQLite sees one writer at a time and sessions never cross threads.
Results, errors and progress come back to the UI thread through a plain queue that a UI-thread
timer drains every ``POLL_MS`` while work is pending (idle: no timer). The worker thread never
calls into Qt, so the lane does not depend on how a binding handles emission from a thread Qt
did not start. A busy signal fires only when work has been pending for ``BUSY_DELAY_MS``, so
short work shows nothing. ``InlineRunner`` has the same interface and runs everything at once,
for tests.
"""

from __future__ import annotations

import queue
import sys
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

BUSY_DELAY_MS = 500
POLL_MS = 10

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
Progress = Callable[[int, int], None]


class Runner(Protocol):
    """What widgets need from a runner; both ``TaskRunner`` and ``InlineRunner`` fit."""

    busy_changed: Any

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Done | None = None,
            on_error: Failed | None = None, progress: Progress | None = None,
            owner: QObject | None = None) -> Any: ...

    def shutdown(self) -> None: ...


def _alive(callback: Callable[..., Any] | None) -> bool:
    """A callback bound to a widget that was closed and deleted meanwhile is skipped."""
    if callback is None:
        return False
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


def _report_unhandled(exc: BaseException) -> None:
    sys.excepthook(type(exc), exc, exc.__traceback__)


def _finish(outcome: tuple[bool, Any], on_done: Done | None, on_error: Failed | None,
            owner: QObject | None = None) -> None:
    # Closures can't be traced to a widget the way bound methods can: callers that pass
    # closures name their ``owner``, and a deleted owner's answers are dropped.
    if owner is not None and not shiboken6.isValid(owner):
        return
    ok, value = outcome
    if ok:
        if _alive(on_done):
            assert on_done is not None
            on_done(value)
    elif _alive(on_error):
        assert on_error is not None
        on_error(value)
    elif on_error is None:
        _report_unhandled(value)


class TaskRunner(QObject):
    """A single worker thread; ``run`` never blocks the UI thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, busy_delay_ms: int = BUSY_DELAY_MS) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mottryck-db")
        self._inbox: queue.SimpleQueue[Callable[[], Any]] = queue.SimpleQueue()
        self._pending = 0
        self._busy = False
        self._closed = False
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._drain)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(busy_delay_ms)
        self._busy_timer.timeout.connect(self._show_busy)

    @property
    def pending(self) -> int:
        return self._pending

    @property
    def busy(self) -> bool:
        return self._busy

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Done | None = None,
            on_error: Failed | None = None, progress: Progress | None = None,
            owner: QObject | None = None) -> Future[Any]:
        """Queue ``fn(*args)`` on the lane. With ``progress``, ``fn`` also gets a
        ``progress=report`` keyword; ``report(done, total)`` reaches ``progress`` on the UI
        thread."""
        if self._closed:
            raise RuntimeError("the task runner has been shut down")
        inbox = self._inbox
        kwargs: dict[str, Any] = {}
        if progress is not None:
            def report(done: int, total: int) -> None:
                inbox.put(lambda: _alive(progress) and progress(done, total))
            kwargs["progress"] = report

        def work() -> None:
            try:
                outcome: tuple[bool, Any] = (True, fn(*args, **kwargs))
            except Exception as exc:  # handed to the UI thread; nothing is swallowed
                outcome = (False, exc)
            inbox.put(lambda: self._complete(outcome, on_done, on_error, owner))

        self._pending += 1
        if self._pending == 1:
            self._poll.start()
            if not self._busy:
                self._busy_timer.start()
        return self._pool.submit(work)

    def _drain(self) -> None:
        while not self._closed:
            try:
                callback = self._inbox.get_nowait()
            except queue.Empty:
                return
            callback()

    def _complete(self, outcome: tuple[bool, Any], on_done: Done | None,
                  on_error: Failed | None, owner: QObject | None) -> None:
        self._pending -= 1
        if self._pending == 0:
            self._poll.stop()
            self._busy_timer.stop()
            if self._busy:
                self._busy = False
                self.busy_changed.emit(False)
        _finish(outcome, on_done, on_error, owner)

    def _show_busy(self) -> None:
        if self._pending and not self._busy:
            self._busy = True
            self.busy_changed.emit(True)

    def shutdown(self) -> None:
        """Finish queued work and stop the thread; results not yet delivered are dropped."""
        self._pool.shutdown(wait=True)
        self._closed = True
        self._poll.stop()
        self._busy_timer.stop()


class InlineRunner(QObject):
    """Runs each task at once on the calling thread; callbacks fire before ``run`` returns."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.calls = 0

    @property
    def pending(self) -> int:
        return 0

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Done | None = None,
            on_error: Failed | None = None, progress: Progress | None = None,
            owner: QObject | None = None) -> None:
        self.calls += 1
        kwargs: dict[str, Any] = {}
        if progress is not None:
            kwargs["progress"] = progress
        try:
            outcome: tuple[bool, Any] = (True, fn(*args, **kwargs))
        except Exception as exc:
            outcome = (False, exc)
        _finish(outcome, on_done, on_error, owner)

    def shutdown(self) -> None:
        """Nothing to stop; present so both runners can be shut down alike."""
