"""Asking why a full personnummer must be shown: the purpose is required and goes to the log
with the REVEAL event (brottsdatalagen: every consultation of the number is accounted for)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.field_errors import ERROR_COLOUR


class RevealPurposeDialog(QDialog):
    def __init__(self, person_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Visa personnummer"))
        self.setMinimumWidth(420)
        intro = QLabel(self.tr("Varför behöver du se hela personnumret för %1? Syftet "
                               "sparas i loggen.").replace("%1", person_name))
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.purpose = QLineEdit()
        self.purpose.setPlaceholderText(self.tr("T.ex. kontroll mot frivårdens register"))
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Visa numret"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.purpose)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if not self.purpose.text().strip():
            self.error.setText(self.tr("Ange ett syfte: det krävs för att visa numret."))
            self.error.show()
            self.purpose.setFocus()
            return
        super().accept()

    def text(self) -> str:
        return self.purpose.text().strip()
