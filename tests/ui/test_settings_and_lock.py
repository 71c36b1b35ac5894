"""Settings, auto-lock after idle, the clipboard at lock, the language chosen at start, and
the window layout remembered between runs."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QEvent, QPointF, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QSplitter
from pytestqt.qtbot import QtBot

from app.services.session import open_vault
from app.ui import clipboard
from app.ui.controller import AppController
from app.ui.dialogs.settings import SettingsDialog
from app.ui.events import Events
from app.ui.idle import AUTO_LOCK_KEY, IdleWatcher, auto_lock_minutes
from app.ui.language import (
    LANG_ENV,
    LANGUAGE_KEY,
    chosen_language,
    current_language,
    install_language,
)
from app.ui.main_window import GEOMETRY_KEY, MainWindow
from app.ui.pages.people import PeoplePage
from app.ui.tasks import InlineRunner
from tests.conftest import PASSPHRASE, USER
from tests.ui.conftest import add_people, numbered_people


@pytest.fixture
def controller(vault_dir: Path, runner: InlineRunner, settings: QSettings,
               qtbot: QtBot) -> Iterator[AppController]:
    ctl = AppController(vault_dir, runner, Events(), settings)
    yield ctl
    if current_language() != "sv":  # a test switched it: the next tests expect Swedish
        install_language(QApplication.instance(), "sv")  # type: ignore[arg-type]
    ctl.idle.stop()
    for widget in (ctl.window, ctl.dialog):
        if widget is not None:
            widget.close()
    if ctl.services is not None:
        ctl.services.lock()


def _unlock(qtbot: QtBot, controller: AppController) -> MainWindow:
    dialog = controller.show_unlock()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert controller.window is not None
    return controller.window


def test_settings_are_stored_and_the_idle_time_applies_at_once(
        qtbot: QtBot, controller: AppController, settings: QSettings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(LANG_ENV, raising=False)
    window = _unlock(qtbot, controller)
    assert controller.idle.watching
    assert controller.idle.timer.interval() == 5 * 60_000  # the default
    window.settings_action.trigger()
    dialog = controller.settings_dialog
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    assert window.settings_action.shortcut().toString() == "Ctrl+,"
    assert dialog.minutes.minimum() == 1 and dialog.minutes.maximum() == 120
    assert not dialog.language_note.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.language_note.text().startswith("Fönstren byter språk när du trycker OK")
    dialog.minutes.clear()
    qtbot.keyClicks(dialog.minutes, "12")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert settings.value(AUTO_LOCK_KEY) in (12, "12")
    assert settings.value(LANGUAGE_KEY) == "en"
    assert controller.idle.timer.interval() == 12 * 60_000
    assert controller.settings_dialog is None
    assert chosen_language(settings) == "en"


def test_a_new_language_applies_at_once_keeping_the_vault_open_and_unsaved_forms(
        qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(LANG_ENV, raising=False)
    window = _unlock(qtbot, controller)
    services = controller.services
    page = window.show_page("people")
    assert isinstance(page, PeoplePage)
    form = page.new_person().form
    qtbot.keyClicks(form.inputs["first_name"], "Zoltan")
    assert window.nav.item(0).text() == "Översikt"

    window.settings_action.trigger()
    dialog = controller.settings_dialog
    assert isinstance(dialog, SettingsDialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.window is not window)

    new = controller.window
    assert new is not None and new.isVisible()
    assert controller.services is services and not services.vault.locked
    assert current_language() == "en"
    assert new.nav.item(0).text() == "Overview"
    new_page = new.page("people")
    assert isinstance(new_page, PeoplePage)
    assert new.stack.currentWidget() is new_page  # the same page as before
    (restored,) = new_page._new_windows
    assert restored.form.inputs["first_name"].text() == "Zoltan"


def test_cancel_in_settings_changes_nothing(qtbot: QtBot, settings: QSettings) -> None:
    settings.setValue(AUTO_LOCK_KEY, 7)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.minutes.value() == 7
    dialog.minutes.setValue(30)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert auto_lock_minutes(settings) == 7 and settings.value(LANGUAGE_KEY) is None


def test_stored_minutes_out_of_range_or_junk_are_clamped(settings: QSettings) -> None:
    for stored, minutes in ((0, 1), (500, 120), ("junk", 5), (15, 15)):
        settings.setValue(AUTO_LOCK_KEY, stored)
        assert auto_lock_minutes(settings) == minutes


def test_language_setting_is_chosen_at_start_unless_the_environment_says(
        settings: QSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(LANG_ENV, raising=False)
    assert chosen_language(settings) == "sv"
    settings.setValue(LANGUAGE_KEY, "en")
    assert chosen_language(settings) == "en"
    settings.setValue(LANGUAGE_KEY, "klingon")
    assert chosen_language(settings) == "sv"
    settings.setValue(LANGUAGE_KEY, "en")
    monkeypatch.setenv(LANG_ENV, "sv")
    assert chosen_language(settings) == "sv"


def test_idle_time_locks_clears_the_views_and_asks_again(
        qtbot: QtBot, controller: AppController, vault_dir: Path) -> None:
    seed = open_vault(vault_dir, USER, PASSPHRASE)
    add_people(seed, numbered_people(4))
    seed.lock()
    window = _unlock(qtbot, controller)
    services = controller.services
    page = window.show_page("people")
    assert services is not None and page is not None
    model, search = page.model, page.search  # type: ignore[attr-defined]
    assert model.rowCount() == 4
    qtbot.keyClicks(search, "Efter")
    seen: list[tuple[int, str]] = []
    # Connected after the controller: runs right after the lock, before the window is deleted.
    controller.idle.idle.connect(lambda: seen.append((model.rowCount(), search.text())))
    controller.idle.set_timeout(30)  # instead of minutes
    qtbot.waitUntil(lambda: controller.services is None, timeout=5000)
    assert services.vault.locked
    assert seen == [(0, "")]
    assert controller.window is None and not controller.idle.watching
    dialog = controller.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)


def test_input_restarts_the_idle_time(qtbot: QtBot, qapp: QApplication) -> None:
    watcher = IdleWatcher(60_000)
    watcher.start()
    try:
        watcher.timer.stop()
        target = QSplitter()
        qtbot.addWidget(target)
        QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A,
                                                 Qt.KeyboardModifier.NoModifier, "a"))
        assert watcher.timer.isActive()
        watcher.timer.stop()
        QApplication.sendEvent(target, QEvent(QEvent.Type.FocusOut))
        assert not watcher.timer.isActive()  # focus changes are not activity
        move = QMouseEvent(QEvent.Type.MouseMove, QPointF(1, 1), QPointF(1, 1),
                           Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                           Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(target, move)
        assert watcher.timer.isActive()
    finally:
        watcher.stop()
    assert not watcher.timer.isActive()


def test_input_after_the_computer_slept_locks_at_once(qtbot: QtBot, qapp: QApplication) -> None:
    watcher = IdleWatcher(60_000)
    watcher.start()
    try:
        target = QSplitter()
        qtbot.addWidget(target)
        watcher._last_input = time.time() - 61  # asleep longer than the idle time
        key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
        with qtbot.waitSignal(watcher.idle, timeout=1000):
            assert watcher.eventFilter(target, key) is True  # swallowed, not typed
        watcher._last_input = time.time() - 30
        assert watcher.eventFilter(target, key) is False
        assert watcher.timer.isActive()
    finally:
        watcher.stop()


def test_suspending_the_application_locks(qtbot: QtBot, controller: AppController) -> None:
    _unlock(qtbot, controller)
    controller.idle._state_changed(Qt.ApplicationState.ApplicationInactive)
    assert controller.services is not None  # losing focus is not a reason to lock
    controller.idle._state_changed(Qt.ApplicationState.ApplicationSuspended)
    assert controller.services is None and controller.dialog is not None
    qtbot.addWidget(controller.dialog)


def test_lock_clears_the_clipboard_only_when_it_holds_our_text(
        qtbot: QtBot, controller: AppController) -> None:
    board = QGuiApplication.clipboard()
    _unlock(qtbot, controller)
    clipboard.copy_text("19811218-9876")
    assert board.text() == "19811218-9876"
    controller.lock()
    assert board.text() == ""
    qtbot.addWidget(controller.dialog)

    _unlock(qtbot, controller)
    clipboard.copy_text("19811218-9876")
    board.setText("text från ett annat program")  # the user copied something else since
    controller.lock()
    assert board.text() == "text från ett annat program"
    board.clear()


def test_window_geometry_is_remembered(qtbot: QtBot, controller: AppController,
                                       settings: QSettings) -> None:
    window = _unlock(qtbot, controller)
    window.resize(900, 570)  # the offscreen screen is 800 wide: Qt fits the width to it
    controller.lock()
    qtbot.addWidget(controller.dialog)
    stored = settings.value(GEOMETRY_KEY)
    assert isinstance(stored, QByteArray) and not stored.isEmpty()
    again = _unlock(qtbot, controller)
    assert (again.width(), again.height()) == (900, 570)
    # Sizes and the page only: nothing from inside the vault.
    assert all(key.startswith(("ui/", "vault/")) for key in settings.allKeys())
