"""The first window when no vault is known: create one, open an existing folder, or the demo.

Also reached from the unlock dialog ("Öppna ett annat valv…"). Choosing a folder leads to the
unlock dialog (``vault_chosen``); creating a vault or opening the demo opens it directly
(``vault_opened``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.services.session import Services
from app.ui.dialogs import create_vault as create_module
from app.ui.dialogs.create_vault import CreateVaultDialog, Creator
from app.ui.dialogs.demo_vault import DemoBuilder, DemoVaultDialog
from app.ui.tasks import Runner
from app.vault.vault import Vault


class FirstRunDialog(QDialog):
    vault_chosen = Signal(object)  # Path of an existing vault: unlock it next
    vault_opened = Signal(object)  # Services: a vault created or the demo, already open

    def __init__(self, runner: Runner, *, default_folder: Path, demo_folder: Path,
                 creator: Creator, demo_builder: DemoBuilder, demo_people: int,
                 message: str = "", can_go_back: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._default_folder = Path(default_folder)
        self._demo_folder = Path(demo_folder)
        self._creator = creator
        self._demo_builder = demo_builder
        self._demo_people = demo_people
        self.sub_dialog: QDialog | None = None
        self.setWindowTitle(self.tr("Mottryck"))
        self.setMinimumWidth(500)

        heading = QLabel(self.tr("Välkommen till Mottryck"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(self.tr("Mottryck sparar allt krypterat i ett valv: en mapp på den här "
                               "datorn eller på en krypterad USB-sticka. Vad vill du göra?"))
        intro.setWordWrap(True)
        self.message = QLabel(message)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a4262c;")
        self.message.setVisible(bool(message))

        self.create_button = QCommandLinkButton(
            self.tr("Skapa nytt valv"),
            self.tr("För en ny arbetsgrupp: du väljer mapp, användarnamn och lösenfras."))
        self.open_button = QCommandLinkButton(
            self.tr("Öppna befintligt valv"),
            self.tr("En mapp med ett valv som redan finns, här eller på en USB-sticka."))
        self.demo_button = QCommandLinkButton(
            self.tr("Öppna demovalvet"),
            self.tr("Prova Mottryck med påhittade personer. Inga riktiga uppgifter."))
        self.create_button.clicked.connect(self.create_vault)
        self.open_button.clicked.connect(self.open_existing)
        self.demo_button.clicked.connect(self.open_demo)

        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton(
            self.tr("Tillbaka") if can_go_back else self.tr("Avsluta"),
            QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.message)
        layout.addSpacing(6)
        for button in (self.create_button, self.open_button, self.demo_button):
            layout.addWidget(button)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.create_button.setFocus()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _open_sub(self, dialog: QDialog) -> None:
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(self._sub_finished)
        self.sub_dialog = dialog
        dialog.show()

    def _sub_finished(self) -> None:
        self.sub_dialog = None

    # ---- the three ways in ---------------------------------------------------------------------
    def create_vault(self) -> None:
        self._say("")
        dialog = CreateVaultDialog(self._runner, self._default_folder, creator=self._creator,
                                   parent=self)
        dialog.created.connect(self._opened)
        self._open_sub(dialog)

    def open_existing(self) -> None:
        self._say("")
        start = self._default_folder if self._default_folder.exists() else Path.home()
        folder = create_module.ask_folder(self, self.tr("Välj mappen med valvet"), start)
        if folder is None:
            return
        if not Vault(folder).exists():
            self._say(self.tr("Det finns inget Mottryck-valv i %1. Välj mappen som innehåller "
                              "filerna mottryck.db och keyslots.json.").replace("%1", str(folder)))
            return
        self.vault_chosen.emit(folder.absolute())
        self.accept()

    def open_demo(self) -> None:
        self._say("")
        dialog = DemoVaultDialog(self._runner, self._demo_folder, builder=self._demo_builder,
                                 people=self._demo_people, parent=self)
        dialog.opened.connect(self._opened)
        self._open_sub(dialog)

    def _opened(self, services: Services) -> None:
        self.vault_opened.emit(services)
        self.accept()
