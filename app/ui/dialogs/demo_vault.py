"""Opening the demo vault: created and filled with invented people the first time (with
progress and a working cancel), opened with its published passphrase afterwards."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from app.errors import Cancelled
from app.services.demo_vault import DEMO_PASSPHRASE, DEMO_PEOPLE, DEMO_USER, open_or_create_demo
from app.services.session import Services
from app.ui.crash import user_message
from app.ui.tasks import Runner
from app.vault.vault import Vault

# (folder, cancel, progress=…) → the opened demo vault; tests pass a cheap KDF and few people.
DemoBuilder = Callable[..., Services]


class DemoVaultDialog(QDialog):
    opened = Signal(object)  # Services

    def __init__(self, runner: Runner, folder: Path, *,
                 builder: DemoBuilder = open_or_create_demo, people: int = DEMO_PEOPLE,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._builder = builder
        self.folder = Path(folder)
        self._cancel = threading.Event()
        self._working = False
        self.setWindowTitle(self.tr("Demovalvet"))
        self.setMinimumWidth(480)
        exists = Vault(self.folder).exists()

        if exists:
            text = self.tr("Demovalvet finns redan och öppnas med uppgifterna nedan.")
        else:
            text = self.tr("Ett valv med %1 påhittade personer, grupper och händelser skapas. "
                           "Inga riktiga uppgifter: använd det för att prova och öva.").replace(
                "%1", QLocale().toString(people))
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.path_label = QLabel(str(self.folder))
        self.user_label = QLabel(DEMO_USER)
        self.passphrase_label = QLabel(DEMO_PASSPHRASE)
        for label in (self.path_label, self.user_label, self.passphrase_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Mapp"), self.path_label)
        form.addRow(self.tr("Användare"), self.user_label)
        form.addRow(self.tr("Lösenfras"), self.passphrase_label)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(
            self.tr("&Öppna") if exists else self.tr("&Skapa och öppna"),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(self.tr("Avbryt"),
                                                    QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def start(self) -> None:
        if self._working:
            return
        self._working = True
        self._cancel.clear()
        self.start_button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Öppnar demovalvet…"))
        self.message.show()
        self.progress.setRange(0, 0)
        self.progress.show()
        self._runner.run(self._builder, self.folder, self._cancel.is_set,
                         progress=self._progress, on_done=self._done, on_error=self._failed)

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            return
        self.message.setText(self.tr("Skapar påhittade personer…"))
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(min(done, total))

    def _done(self, services: Services) -> None:
        self._working = False
        self.progress.hide()
        self.opened.emit(services)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._working = False
        self.progress.hide()
        self.cancel_button.setEnabled(True)
        self.start_button.setEnabled(True)
        if isinstance(exc, Cancelled):
            super().reject()
            return
        self.message.setStyleSheet("color: #a4262c;")
        self.message.setText(user_message(exc))

    def reject(self) -> None:
        """Escape or Avbryt: while creating, ask the fill to stop; it closes when it has."""
        if not self._working:
            super().reject()
            return
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.message.setText(self.tr("Avbryter…"))
