"""Auto-lock: notice when nobody has touched the keyboard or mouse for a while.

One application-wide event filter restarts a single-shot timer on every input event; the
timer's timeout is the idle signal. The application being suspended (the OS going to sleep,
as far as Qt can tell) counts as idle at once. Losing focus does not: switching to another
program for a moment must not lock the vault.

Qt's timers run on a clock that stands still while the computer sleeps, so the first input
after waking also compares wall-clock time: a gap longer than the idle time locks at once.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

AUTO_LOCK_KEY = "security/auto_lock_minutes"
DEFAULT_MINUTES = 5
MIN_MINUTES, MAX_MINUTES = 1, 120

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TabletPress,
})


def auto_lock_minutes(settings: QSettings) -> int:
    """The stored idle time, clamped to the allowed range (a hand-edited file may hold junk)."""
    raw = settings.value(AUTO_LOCK_KEY, DEFAULT_MINUTES)
    try:
        minutes = int(str(raw))
    except ValueError:
        return DEFAULT_MINUTES
    return min(MAX_MINUTES, max(MIN_MINUTES, minutes))


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer)  # seconds are precise enough
        self.timer.setInterval(timeout_ms)
        self.timer.timeout.connect(self.idle)
        self._watching = False
        self._last_input = time.time()

    def set_timeout(self, timeout_ms: int) -> None:
        self.timer.setInterval(timeout_ms)
        if self._watching:
            self.timer.start()

    def start(self) -> None:
        app = QGuiApplication.instance()
        if self._watching or app is None:
            return
        self._watching = True
        self._last_input = time.time()
        app.installEventFilter(self)
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)
        self.timer.start()

    def stop(self) -> None:
        app = QGuiApplication.instance()
        if not self._watching or app is None:
            return
        self._watching = False
        self.timer.stop()
        app.removeEventFilter(self)
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.disconnect(self._state_changed)

    @property
    def watching(self) -> bool:
        return self._watching

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._watching:
            now = time.time()
            slept = (now - self._last_input) * 1000 > self.timer.interval()
            self._last_input = now
            if slept:
                self.timer.stop()
                self.idle.emit()
                return True  # the first keystroke after waking must not reach a locked view
            else:
                self.timer.start()  # restart: the idle time counts from the last input
        return False

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended and self._watching:
            self.timer.stop()
            self.idle.emit()
