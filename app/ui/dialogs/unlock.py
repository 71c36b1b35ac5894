"""Unlocking a vault: user, passphrase, and a clear answer — never a traceback.

The key derivation (Argon2id, about half a second by design) and any migration run on the
database lane; this dialog only waits for the answer. After repeated failures the vault's
back-off applies and the dialog counts down until the next attempt is allowed.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import MottryckError, UnlockBackoff, WrongPassphrase
from app.services.session import Services, open_vault
from app.ui.crash import user_message
from app.ui.tasks import Runner
from app.vault.vault import Vault

Opener = Callable[[Path, str, str], Services]


class UnlockDialog(QDialog):
    unlocked = Signal(object)  # the opened Services
    other_vault_requested = Signal()

    def __init__(self, folder: Path, runner: Runner, *, opener: Opener = open_vault,
                 user: str | None = None, message: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self._runner = runner
        self._opener = opener
        self._working = False
        self._deadline = 0.0
        self._keep_message = False
        self.setWindowTitle(self.tr("Lås upp Mottryck"))
        self.setMinimumWidth(440)

        heading = QLabel(self.tr("Lås upp valvet"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self.path_label = QLabel(str(self.folder))
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.user_box = QComboBox()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Din lösenfras"))
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a4262c;")
        self.message.hide()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # indeterminate: the KDF gives no progress
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.hide()

        self.buttons = QDialogButtonBox()
        self.unlock_button = QPushButton(self.tr("Lås upp"))
        self.unlock_button.setDefault(True)
        self.buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = self.buttons.addButton(self.tr("Avsluta"),
                                                  QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.other_button = QPushButton(self.tr("Öppna ett &annat valv…"))
        self.other_button.setFlat(True)
        self.other_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.other_button.setStyleSheet("color: palette(link); text-decoration: underline;")
        self.other_button.setAutoDefault(False)
        self.other_button.clicked.connect(self._other_vault)

        form = QFormLayout()
        form.addRow(self.tr("Valv"), self.path_label)
        form.addRow(self.tr("Användare"), self.user_box)
        form.addRow(self.tr("Lösenfras"), self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.other_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self._countdown = QTimer(self)
        self._countdown.setInterval(250)
        self._countdown.timeout.connect(self._tick)

        self._fill_users(user)
        if message:
            self._say(message)
        self._start_countdown(Vault(self.folder).backoff.remaining())
        self.passphrase.setFocus()

    # ---- setup -------------------------------------------------------------------------------
    def _fill_users(self, preferred: str | None) -> None:
        try:
            users = Vault(self.folder).users()
        except MottryckError as exc:
            self._say(str(exc))
            self.unlock_button.setEnabled(False)
            return
        self.user_box.addItems(users)
        if preferred and preferred in users:
            self.user_box.setCurrentText(preferred)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ---- unlocking ---------------------------------------------------------------------------
    def submit(self) -> None:
        if self._working or self._countdown.isActive() or not self.unlock_button.isEnabled():
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self._say(self.tr("Skriv din lösenfras."))
            self.passphrase.setFocus()
            return
        self._set_working(True)
        self._say("")
        self._runner.run(self._opener, self.folder, self.user_box.currentText(), passphrase,
                         on_done=self._opened, on_error=self._failed)

    def _set_working(self, working: bool) -> None:
        self._working = working
        for widget in (self.unlock_button, self.quit_button, self.passphrase, self.user_box,
                       self.other_button):
            widget.setEnabled(not working)
        # Shown at once, not after the lane's busy delay: the key derivation takes ~0.5 s.
        self.busy.setVisible(working)

    def _opened(self, services: Services) -> None:
        self._set_working(False)
        self.passphrase.clear()
        self.unlocked.emit(services)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_working(False)
        self.passphrase.clear()
        self.passphrase.setFocus()
        if isinstance(exc, UnlockBackoff):
            self._start_countdown(exc.seconds)
            return
        self._say(str(exc) if isinstance(exc, WrongPassphrase) else user_message(exc))
        if isinstance(exc, WrongPassphrase):
            # The failure may have started the back-off: show it now, not after the next try.
            self._start_countdown(Vault(self.folder).backoff.remaining(), keep_message=True)

    def _other_vault(self) -> None:
        if not self._working:
            self.passphrase.clear()
            self.other_vault_requested.emit()

    def reject(self) -> None:
        if not self._working:  # an unlock in flight must finish, or its vault stays open
            super().reject()

    # ---- back-off ----------------------------------------------------------------------------
    def _start_countdown(self, seconds: float, *, keep_message: bool = False) -> None:
        if seconds <= 0:
            return
        self._deadline = time.monotonic() + seconds
        self._keep_message = keep_message
        self.unlock_button.setEnabled(False)
        self._countdown.start()
        self._tick()

    def _tick(self) -> None:
        left = math.ceil(self._deadline - time.monotonic())
        if left <= 0:
            self._countdown.stop()
            self.unlock_button.setEnabled(True)
            self._say(self.tr("Du kan försöka igen."))
            return
        wait = self.tr("För många misslyckade försök. Försök igen om %1 s.").replace(
            "%1", str(left))
        if self._keep_message:
            first = self.message.text().split("\n")[0]
            wait = f"{first}\n{wait}"
        self._say(wait)

    @property
    def seconds_left(self) -> int:
        if not self._countdown.isActive():
            return 0
        return max(0, math.ceil(self._deadline - time.monotonic()))
