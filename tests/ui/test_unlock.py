"""Unlocking and locking through real widgets: the dialog, back-off, the main window, lock."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.errors import CorruptVault
from app.services.session import Services, open_vault
from app.ui.controller import LAST_VAULT_KEY, AppController
from app.ui.dialogs.unlock import UnlockDialog
from app.ui.events import Events
from app.ui.tasks import InlineRunner, TaskRunner
from app.vault.vault import BACKOFF_NAME
from tests.conftest import PASSPHRASE, USER
from tests.ui.conftest import add_people, numbered_people


@pytest.fixture
def controller(vault_dir: Path, runner: InlineRunner, settings: QSettings,
               qtbot: QtBot) -> Iterator[AppController]:
    ctl = AppController(vault_dir, runner, Events(), settings)
    yield ctl
    if ctl.window is not None:
        ctl.window.close()
    if ctl.dialog is not None:
        ctl.dialog.close()
    if ctl.services is not None:
        ctl.services.lock()


def _type_and_unlock(qtbot: QtBot, dialog: UnlockDialog, passphrase: str) -> None:
    qtbot.keyClicks(dialog.passphrase, passphrase)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)


def _seed(vault_dir: Path, people: int) -> None:
    services = open_vault(vault_dir, USER, PASSPHRASE)
    try:
        add_people(services, numbered_people(people))
    finally:
        services.lock()


def test_right_passphrase_opens_the_main_window_with_the_people(
        qtbot: QtBot, controller: AppController, vault_dir: Path) -> None:
    _seed(vault_dir, 12)
    dialog = controller.show_unlock()
    qtbot.addWidget(dialog)
    assert dialog.path_label.text() == str(vault_dir)
    assert [dialog.user_box.itemText(i) for i in range(dialog.user_box.count())] == [USER]
    assert dialog.passphrase.echoMode() == dialog.passphrase.EchoMode.Password
    _type_and_unlock(qtbot, dialog, PASSPHRASE)
    window = controller.window
    assert window is not None and window.isVisible()
    assert window.windowTitle() == "Mottryck — vault"
    assert window.stack.currentWidget().key == "overview"  # the first page of a first start
    window.show_page("people")
    assert window.people_page.model.rowCount() == 12
    assert window.people_page.count_label.text() == "12 personer"
    assert controller.settings.value(LAST_VAULT_KEY) == str(vault_dir)
    # Only the path and the page last shown are remembered: nothing from inside the vault.
    assert sorted(controller.settings.allKeys()) == ["ui/last_page", LAST_VAULT_KEY]


def test_wrong_passphrase_says_so_clears_the_field_and_opens_nothing(
        qtbot: QtBot, controller: AppController) -> None:
    dialog = controller.show_unlock()
    qtbot.addWidget(dialog)
    _type_and_unlock(qtbot, dialog, "fel fel fel fel")
    assert controller.window is None and controller.services is None
    assert dialog.isVisible()
    assert dialog.message.isVisible()
    assert dialog.message.text().startswith("Fel lösenfras")
    assert "Traceback" not in dialog.message.text()
    assert dialog.passphrase.text() == ""
    assert dialog.passphrase.hasFocus() or not dialog.isActiveWindow()
    assert dialog.unlock_button.isEnabled()  # first failure: no back-off yet


def test_empty_passphrase_is_asked_for_without_trying(qtbot: QtBot, runner: InlineRunner,
                                                      vault_dir: Path) -> None:
    dialog = UnlockDialog(vault_dir, runner)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Skriv din lösenfras."
    assert runner.calls == 0


def test_repeated_failures_start_a_countdown_that_blocks_the_button(
        qtbot: QtBot, controller: AppController) -> None:
    dialog = controller.show_unlock()
    qtbot.addWidget(dialog)
    for _ in range(3):
        _type_and_unlock(qtbot, dialog, "fel fel fel fel")
    assert not dialog.unlock_button.isEnabled()
    assert dialog.seconds_left > 0
    assert "Försök igen om" in dialog.message.text()
    assert dialog.message.text().startswith("Fel lösenfras")
    _type_and_unlock(qtbot, dialog, PASSPHRASE)  # the button is off: nothing happens
    assert controller.window is None


def test_back_off_from_an_earlier_run_shows_at_once_and_runs_out(
        qtbot: QtBot, runner: InlineRunner, vault_dir: Path) -> None:
    # Three failures mean a 2 s wait; the last one was 1.5 s ago.
    state = {"failures": 3, "last_failure": time.time() - 1.5}
    (vault_dir / BACKOFF_NAME).write_text(json.dumps(state), encoding="utf-8")
    dialog = UnlockDialog(vault_dir, runner)
    qtbot.addWidget(dialog)
    assert not dialog.unlock_button.isEnabled()
    assert "Försök igen om" in dialog.message.text()
    qtbot.waitUntil(dialog.unlock_button.isEnabled, timeout=5000)
    assert dialog.message.text() == "Du kan försöka igen."


def test_back_off_raised_by_the_vault_shows_the_countdown(qtbot: QtBot, runner: InlineRunner,
                                                          vault_dir: Path) -> None:
    dialog = UnlockDialog(vault_dir, runner)
    qtbot.addWidget(dialog)
    state = {"failures": 6, "last_failure": time.time()}
    (vault_dir / BACKOFF_NAME).write_text(json.dumps(state), encoding="utf-8")
    _type_and_unlock(qtbot, dialog, PASSPHRASE)
    assert not dialog.unlock_button.isEnabled()
    assert dialog.seconds_left > 2


def test_other_errors_show_their_own_message(qtbot: QtBot, runner: InlineRunner,
                                             vault_dir: Path) -> None:
    def broken(folder: Path, user: str, passphrase: str) -> Services:
        raise CorruptVault("Nyckelfilen och databasen hör till olika valv.")

    dialog = UnlockDialog(vault_dir, runner, opener=broken)
    qtbot.addWidget(dialog)
    _type_and_unlock(qtbot, dialog, PASSPHRASE)
    assert dialog.message.text() == "Nyckelfilen och databasen hör till olika valv."


def test_an_unexpected_error_is_a_plain_message_and_a_log_without_details(
        qtbot: QtBot, runner: InlineRunner, vault_dir: Path, log_folder: Path) -> None:
    def broken(folder: Path, user: str, passphrase: str) -> Services:
        raise RuntimeError("Öberg 19811218-9876")

    dialog = UnlockDialog(vault_dir, runner, opener=broken)
    qtbot.addWidget(dialog)
    _type_and_unlock(qtbot, dialog, PASSPHRASE)
    assert dialog.message.text().startswith("Ett oväntat fel inträffade.")
    assert "Öberg" not in dialog.message.text()
    log = (log_folder / "mottryck-gui.log").read_text(encoding="utf-8")
    assert "RuntimeError" in log
    assert "Öberg" not in log and "9876" not in log


def test_unlock_runs_off_the_ui_thread(qtbot: QtBot, vault_dir: Path) -> None:
    lane = TaskRunner()
    threads: list[int] = []

    def opener(folder: Path, user: str, passphrase: str) -> Services:
        threads.append(threading.get_ident())
        return open_vault(folder, user, passphrase)

    try:
        dialog = UnlockDialog(vault_dir, lane, opener=opener)
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
        with qtbot.waitSignal(dialog.unlocked, timeout=10_000) as blocker:
            qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
            assert not dialog.unlock_button.isEnabled()  # no second click while it works
        services = blocker.args[0]
        assert threads and threads[0] != threading.get_ident()
        services.lock()
    finally:
        lane.shutdown()


def test_lock_clears_the_view_and_asks_again(qtbot: QtBot, controller: AppController,
                                             vault_dir: Path) -> None:
    _seed(vault_dir, 5)
    dialog = controller.show_unlock()
    qtbot.addWidget(dialog)
    _type_and_unlock(qtbot, dialog, PASSPHRASE)
    window = controller.window
    assert window is not None
    window.show_page("people")  # remembered: the next unlock opens on it
    model = window.people_page.model
    services = controller.services
    assert services is not None and model.rowCount() == 5
    qtbot.keyClicks(window.people_page.search, "Efter")
    window.lock_action.trigger()
    assert model.rowCount() == 0
    assert window.people_page.search.text() == ""
    assert services.vault.locked
    assert controller.services is None and controller.window is None
    again = controller.dialog
    assert again is not None and again is not dialog and again.isVisible()
    qtbot.addWidget(again)
    _type_and_unlock(qtbot, again, PASSPHRASE)
    assert controller.window is not None
    assert controller.window.people_page.model.rowCount() == 5


def test_lock_shortcut_and_menus_are_wired(qtbot: QtBot, controller: AppController) -> None:
    dialog = controller.show_unlock()
    qtbot.addWidget(dialog)
    _type_and_unlock(qtbot, dialog, PASSPHRASE)
    window = controller.window
    assert window is not None
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Arkiv", "&Visa", "&Hjälp"]
    status = [window.path_label.text(), window.user_label.text(), window.state_label.text()]
    assert status == [str(controller.folder), f"Användare: {USER}", "Upplåst"]


def test_closing_the_window_locks_the_vault(qtbot: QtBot, controller: AppController) -> None:
    dialog = controller.show_unlock()
    qtbot.addWidget(dialog)
    _type_and_unlock(qtbot, dialog, PASSPHRASE)
    services = controller.services
    assert services is not None and controller.window is not None
    controller.window.quit_action.trigger()
    assert services.vault.locked and controller.services is None
