"""Creating a vault: folder, user name, passphrase twice with a strength hint, then the
recovery key. The key derivation is calibrated and run on the database lane (about a second);
the dialog shows that it is working and cannot be closed half-way."""

from __future__ import annotations

import getpass
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.session import Services, create_vault
from app.ui.crash import user_message
from app.ui.dialogs.recovery_key import RecoveryKeyDialog
from app.ui.tasks import Runner
from app.vault.vault import MIN_PASSPHRASE_LENGTH, Vault, validate_user

Creator = Callable[[Path, str, str], tuple[Services, str]]
ERROR_STYLE = "color: #a4262c;"


def ask_folder(parent: QWidget, title: str, start: Path) -> Path | None:
    """The folder chooser (a separate function so tests can answer it)."""
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(chosen) if chosen else None


def passphrase_strength(text: str) -> int:
    """0 too short, 1 weak, 2 good, 3 strong: length counts most, variety helps."""
    if len(text) < MIN_PASSPHRASE_LENGTH:
        return 0
    kinds = sum((any(c.islower() for c in text), any(c.isupper() for c in text),
                 any(c.isdigit() for c in text), any(not c.isalnum() for c in text)))
    if len(text) >= 20 or (len(text) >= 14 and kinds >= 3):
        return 3
    if len(text) >= 14 or kinds >= 3:
        return 2
    return 1


def _default_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in containers or odd setups
        return ""


class CreateVaultDialog(QDialog):
    created = Signal(object)  # the opened Services, after the recovery key was saved

    def __init__(self, runner: Runner, folder: Path, *, creator: Creator = create_vault,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._creator = creator
        self._working = False
        self.recovery_dialog: RecoveryKeyDialog | None = None
        self.setWindowTitle(self.tr("Skapa nytt valv"))
        self.setMinimumWidth(520)

        self.folder = QLineEdit(str(folder))
        self.browse_button = QPushButton(self.tr("&Välj…"))
        self.browse_button.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)
        self.user = QLineEdit(_default_user())
        self.passphrase = QLineEdit()
        self.repeat = QLineEdit()
        for field in (self.passphrase, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Minst %1 tecken; gärna flera ord").replace(
            "%1", str(MIN_PASSPHRASE_LENGTH)))
        self.strength = QLabel()
        self.strength.setWordWrap(True)
        self.passphrase.textChanged.connect(self._update_strength)
        self.errors = {name: self._error_label() for name in
                       ("folder", "user", "passphrase", "repeat")}

        folder_label = QLabel(self.tr("&Mapp"))
        folder_label.setBuddy(self.folder)  # a row of a layout gets no buddy by itself
        form = QFormLayout()
        form.addRow(folder_label, folder_row)
        form.addRow("", self.errors["folder"])
        form.addRow(self.tr("&Användare"), self.user)
        form.addRow("", self.errors["user"])
        form.addRow(self.tr("&Lösenfras"), self.passphrase)
        form.addRow("", self.strength)
        form.addRow("", self.errors["passphrase"])
        form.addRow(self.tr("&Upprepa"), self.repeat)
        form.addRow("", self.errors["repeat"])
        note = QLabel(self.tr(
            "Lösenfrasen går inte att ta fram igen. Efteråt visas en återställningsnyckel "
            "som du skriver ut och låser in."))
        note.setWordWrap(True)
        self.message = self._error_label()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.hide()
        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton(self.tr("&Skapa valvet"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(self.tr("Avbryt"),
                                                    QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._update_strength()
        (self.passphrase if self.user.text() else self.user).setFocus()

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE)
        label.hide()
        return label

    def _say(self, name: str, text: str) -> None:
        label = self.message if name == "message" else self.errors[name]
        label.setText(text)
        label.setVisible(bool(text))

    def _browse(self) -> None:
        chosen = ask_folder(self, self.tr("Välj mapp för valvet"),
                            Path(self.folder.text() or Path.home()))
        if chosen is not None:
            self.folder.setText(str(chosen))

    def _update_strength(self) -> None:
        text = self.passphrase.text()
        level = passphrase_strength(text)
        if not text:
            hint, color = "", ""
        elif level == 0:
            hint = self.tr("För kort: %1 tecken till.").replace(
                "%1", str(MIN_PASSPHRASE_LENGTH - len(text)))
            color = "#a4262c"
        elif level == 1:
            hint = self.tr("Svag: gör den längre, eller blanda stora och små bokstäver, "
                           "siffror och tecken.")
            color = "#8a5a00"
        elif level == 2:
            hint, color = self.tr("Godkänd. Längre är ännu starkare."), "#3b6e22"
        else:
            hint, color = self.tr("Stark."), "#1e6b2e"
        self.strength.setText(hint)
        self.strength.setStyleSheet(f"color: {color};" if color else "")
        self.strength.setVisible(bool(hint))

    # ---- creating ----------------------------------------------------------------------------
    def _check(self) -> tuple[Path, str, str] | None:
        for name in (*self.errors, "message"):
            self._say(name, "")
        ok = True
        text = self.folder.text().strip()
        folder = Path(text).expanduser().absolute() if text else None
        if folder is None:
            self._say("folder", self.tr("Välj en mapp för valvet."))
            ok = False
        elif folder.exists() and not folder.is_dir():
            self._say("folder", self.tr("Det är en fil, inte en mapp."))
            ok = False
        elif Vault(folder).exists():
            self._say("folder", self.tr("Det finns redan ett valv här. Välj en annan mapp, "
                                        "eller gå tillbaka och öppna valvet."))
            ok = False
        user = self.user.text()
        try:
            user = validate_user(user)
        except ValidationError as exc:
            self._say("user", exc.errors[0].reason if exc.errors else str(exc))
            ok = False
        passphrase = self.passphrase.text()
        if len(passphrase) < MIN_PASSPHRASE_LENGTH:
            self._say("passphrase", self.tr("Lösenfrasen måste vara minst %1 tecken lång.")
                      .replace("%1", str(MIN_PASSPHRASE_LENGTH)))
            ok = False
        elif self.repeat.text() != passphrase:
            self._say("repeat", self.tr("Lösenfraserna är inte lika."))
            ok = False
        if not ok or folder is None:
            return None
        return folder, user, passphrase

    def submit(self) -> None:
        if self._working:
            return
        checked = self._check()
        if checked is None:
            return
        self._set_working(True)
        self._runner.run(self._creator, *checked, on_done=self._created,
                         on_error=self._failed)

    def _set_working(self, working: bool) -> None:
        self._working = working
        for widget in (self.folder, self.browse_button, self.user, self.passphrase,
                       self.repeat, self.create_button, self.cancel_button):
            widget.setEnabled(not working)
        self.busy.setVisible(working)
        if working:
            self._say("message", "")
            self.message.setStyleSheet("")
            self.message.setText(self.tr("Skapar valvet…"))
            self.message.show()

    def _failed(self, exc: BaseException) -> None:
        self._set_working(False)
        self.message.setStyleSheet(ERROR_STYLE)
        self._say("message", user_message(exc))

    def _created(self, result: tuple[Services, str]) -> None:
        services, recovery = result
        self._set_working(False)
        self._working = True  # the vault is open now: no way back but through the key
        self.message.hide()
        self.passphrase.clear()
        self.repeat.clear()
        dialog = RecoveryKeyDialog(recovery, services.vault.folder, self._runner, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._finish(services))
        self.recovery_dialog = dialog
        dialog.show()

    def _finish(self, services: Services) -> None:
        self._working = False
        self.recovery_dialog = None
        self.created.emit(services)
        self.accept()

    def reject(self) -> None:
        if not self._working:
            super().reject()
