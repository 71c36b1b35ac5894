"""The recovery key, shown once right after a vault is created.

No copy button and no selectable text: a key on the clipboard lands in clipboard managers and
chat windows. It can be written down or saved as a PDF to print. The dialog will not close
until the user has ticked that the key is saved — after that it is gone for good.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.recovery_sheet import key_lines, save_recovery_sheet
from app.ui.crash import user_message
from app.ui.tasks import Runner


def ask_save_path(parent: QWidget, title: str, suggested: Path) -> Path | None:
    """The file chooser (a separate function so tests can answer it)."""
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), "PDF (*.pdf)")
    return Path(name) if name else None


class RecoveryKeyDialog(QDialog):
    def __init__(self, recovery_key: str, vault_folder: Path, runner: Runner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = recovery_key
        self._folder = Path(vault_folder)
        self._runner = runner
        self.setWindowTitle(self.tr("Återställningsnyckel"))
        self.setMinimumWidth(520)

        heading = QLabel(self.tr("Spara återställningsnyckeln"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(self.tr(
            "Nyckeln öppnar valvet om lösenfrasen glöms bort. Den visas bara nu. "
            "Skriv ut den och lås in den — den som har nyckeln kan läsa allt i valvet. "
            "Spara den inte i e-post, i molnet eller i valvets mapp."))
        intro.setWordWrap(True)

        self.key_label = QLabel("\n".join(key_lines(recovery_key)))
        self.key_label.setTextFormat(Qt.TextFormat.PlainText)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        # Left-aligned so the groups stand in columns; the frame centres the block.
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(max(16.0, font.pointSizeF() * 1.2))
        mono.setBold(True)
        self.key_label.setFont(mono)
        key_frame = QFrame()
        key_frame.setFrameShape(QFrame.Shape.Box)
        key_row = QHBoxLayout(key_frame)
        key_row.setContentsMargins(16, 12, 16, 12)
        key_row.addStretch(1)
        key_row.addWidget(self.key_label)
        key_row.addStretch(1)

        self.pdf_button = QPushButton(self.tr("Spara som &PDF…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        self.pdf_message = QLabel()
        self.pdf_message.setWordWrap(True)
        self.pdf_message.setTextFormat(Qt.TextFormat.PlainText)
        self.pdf_message.hide()
        self.saved_box = QCheckBox(self.tr("Jag har &sparat nyckeln"))
        self.buttons = QDialogButtonBox()
        self.continue_button = self.buttons.addButton(
            self.tr("&Fortsätt"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.continue_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.saved_box.toggled.connect(self.continue_button.setEnabled)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(key_frame)
        layout.addSpacing(8)
        layout.addWidget(self.pdf_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.pdf_message)
        layout.addSpacing(8)
        layout.addWidget(self.saved_box)
        layout.addWidget(self.buttons)
        self.saved_box.setFocus()

    def save_pdf(self) -> None:
        suggested = Path.home() / self.tr("Mottryck-återställningsnyckel-%1.pdf").replace(
            "%1", self._folder.name)
        path = ask_save_path(self, self.tr("Spara återställningsnyckeln som PDF"), suggested)
        if path is None:
            return
        self.pdf_button.setEnabled(False)
        self._runner.run(save_recovery_sheet, path, self._key, self._folder.name,
                         on_done=self._saved, on_error=self._save_failed)

    def _saved(self, path: Path) -> None:
        self.pdf_button.setEnabled(True)
        self._show(self.tr("Sparad som %1. Skriv ut den, lås in papperet och radera sedan "
                           "filen.").replace("%1", str(path)), error=False)

    def _save_failed(self, exc: BaseException) -> None:
        self.pdf_button.setEnabled(True)
        self._show(user_message(exc), error=True)

    def _show(self, text: str, *, error: bool) -> None:
        self.pdf_message.setStyleSheet("color: #a4262c;" if error else "")
        self.pdf_message.setText(text)
        self.pdf_message.show()

    def reject(self) -> None:
        # Escape or the window's close button: only once the key is saved.
        if self.saved_box.isChecked():
            super().reject()

    def accept(self) -> None:
        if self.saved_box.isChecked():
            self._key = ""
            self.key_label.clear()
            super().accept()
