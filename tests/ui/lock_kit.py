"""What the lock tests share: unlocking and locking a real controller (the ``controller``
fixture in conftest.py) through its dialogs, typing Swedish text, and reading every text
shown on screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from app.ui.controller import AppController
from app.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE


def unlock(qtbot: QtBot, controller: AppController) -> MainWindow:
    dialog = controller.show_unlock()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert controller.window is not None
    return controller.window


def lock(qtbot: QtBot, controller: AppController) -> None:
    services = controller.services
    controller.lock()
    assert services is not None and services.vault.locked
    assert controller.dialog is not None
    qtbot.addWidget(controller.dialog)


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying the text (QTest's keyClicks aborts on å, ä, ö here)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, char))


def texts_on_screen() -> str:
    """Every text any visible window shows in an input."""
    parts: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for widget in [top, *top.findChildren(QWidget)]:
            if isinstance(widget, QLineEdit):
                parts.append(widget.text())
            elif isinstance(widget, QPlainTextEdit):
                parts.append(widget.toPlainText())
    return "\n".join(parts)
