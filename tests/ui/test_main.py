"""The composition root: which vault, the chooser when there is none, unlock from a file."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app import main
from app.ui.controller import LAST_VAULT_KEY
from app.ui.dialogs.first_run import FirstRunDialog
from app.ui.dialogs.unlock import UnlockDialog
from app.ui.main_window import MainWindow
from app.ui.tasks import TaskRunner


@pytest.fixture
def user_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """QSettings() of the app points into the test's temp dir; the excepthook is restored."""
    folder = tmp_path / "config"
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setenv("MOTTRYCK_LANG", "sv")
    yield folder


_TIMERS: list[QTimer] = []  # kept alive until the event loop has run them


def _when(condition: Callable[[], bool], then: Callable[[], None],
          timeout_ms: int = 10_000) -> None:
    """Poll from inside app.exec(): run ``then`` once ``condition()`` holds."""
    timer = QTimer()
    timer.setInterval(20)
    waited = [0]

    def check() -> None:
        waited[0] += 20
        if condition() or waited[0] > timeout_ms:
            timer.stop()
            then()

    timer.timeout.connect(check)
    timer.start()
    _TIMERS.append(timer)


def _top(kind: type) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_vault_folder_argument_then_last_used_then_default(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert main.resolve_vault_folder(None, settings) == main.default_vault_dir()
    settings.setValue(LAST_VAULT_KEY, str(tmp_path / "last"))
    assert main.resolve_vault_folder(None, settings) == tmp_path / "last"
    assert main.resolve_vault_folder(tmp_path / "arg", settings) == tmp_path / "arg"


def test_bundled_font_is_registered(qapp: QApplication) -> None:
    main.register_fonts(qapp)
    assert "DejaVu Sans" in QFontDatabase.families()
    assert qapp.font().family() == "DejaVu Sans"


def test_no_vault_opens_the_chooser_naming_the_folder(qapp: QApplication, tmp_path: Path,
                                                     user_settings: Path) -> None:
    shown: list[str] = []

    def leave() -> None:
        for chooser in _top(FirstRunDialog):
            assert isinstance(chooser, FirstRunDialog)
            shown.append(chooser.message.text())
            chooser.close_button.click()  # "Avsluta": nothing to go back to

    _when(lambda: bool(_top(FirstRunDialog)), leave)
    assert main.run_gui(tmp_path / "nowhere") == 0
    assert shown == [f"Det finns inget Mottryck-valv i {tmp_path / 'nowhere'}."]
    assert not (tmp_path / "nowhere").exists()


def test_a_true_first_run_says_nothing_about_a_missing_folder() -> None:
    assert main.missing_vault_message(main.default_vault_dir()) == ""


def test_passphrase_file_opens_the_main_window_directly(
        qapp: QApplication, vault_dir: Path, passphrase_file: Path,
        user_settings: Path) -> None:
    titles: list[str] = []

    def close_window() -> None:
        windows = _top(MainWindow)
        titles.extend(w.windowTitle() for w in windows)
        for window in windows:
            window.close()  # the last window: the app quits and the vault is locked

    _when(lambda: bool(_top(MainWindow)), close_window)
    assert main.run_gui(vault_dir, None, passphrase_file) == 0
    assert titles == ["Mottryck — vault"]
    assert not _top(UnlockDialog)
    stored = QSettings(str(user_settings / "Mottryck" / "Mottryck.conf"),
                       QSettings.Format.IniFormat)
    assert stored.value(LAST_VAULT_KEY) == str(vault_dir)


def test_a_bad_passphrase_file_falls_back_to_the_dialog_with_the_reason(
        qtbot: QtBot, vault_dir: Path, tmp_path: Path, settings: QSettings) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n", encoding="utf-8")
    lane = TaskRunner()
    try:
        controller = main.start(vault_dir, lane, settings, passphrase_file=wrong)
        qtbot.waitUntil(lambda: controller.dialog is not None, timeout=10_000)
        dialog = controller.dialog
        assert dialog is not None
        qtbot.addWidget(dialog)
        assert dialog.message.text().startswith("Fel lösenfras")
        assert controller.window is None
    finally:
        lane.shutdown()


def test_a_missing_passphrase_file_is_explained(qtbot: QtBot, vault_dir: Path, tmp_path: Path,
                                                settings: QSettings) -> None:
    lane = TaskRunner()
    try:
        controller = main.start(vault_dir, lane, settings,
                                passphrase_file=tmp_path / "missing.txt")
        dialog = controller.dialog
        assert dialog is not None
        qtbot.addWidget(dialog)
        assert dialog.message.text().startswith("Hittar inte lösenfrasfilen")
    finally:
        lane.shutdown()
