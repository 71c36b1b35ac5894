"""Our unit's public keys, to give to a partner, and the fingerprint two people read to each
other over the phone before either trusts the other's keys.

Only public keys are shown. Copies go through ``app.ui.clipboard`` so that locking clears
them from the clipboard.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.unit_keys import UnitKeys
from app.ui.clipboard import copy_text
from app.ui.crash import user_message
from app.ui.pages.base import PageContext
from app.ui.widgets.field_errors import error_label


def spaced_fingerprint(fingerprint: str) -> str:
    """"ABCD-EFGH-…" as "ABCD  EFGH  …": groups the eye can hold while reading aloud."""
    return "  ".join(g for g in fingerprint.replace(" ", "-").split("-") if g)


class UnitKeysDialog(QDialog):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = context.runner
        self._unit = context.services.unit
        self.keys: UnitKeys | None = None
        self.setWindowTitle(self.tr("Vår enhet"))
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

        self.fingerprint = QLabel()
        big = QFont(mono)
        big.setPointSize(max(big.pointSize(), 10) * 2)
        big.setBold(True)
        self.fingerprint.setFont(big)
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.values: dict[str, QLabel] = {}
        self.copy_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        rows = (("unit_id", self.tr("Enhets-id:")),
                ("age_recipient", self.tr("Age-mottagare:")),
                ("signing_public_key", self.tr("Signeringsnyckel:")))
        for row, (key, label) in enumerate(rows):
            value = QLabel()
            value.setFont(mono)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            button = QPushButton(self.tr("Kopiera"))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, k=key: self.copy(k))
            grid.addWidget(QLabel(label), row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
            grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
            self.values[key] = value
            self.copy_buttons[key] = button
        grid.setColumnStretch(1, 1)
        self.copy_all = QPushButton(self.tr("Kopiera allt"))
        self.copy_all.setAutoDefault(False)
        self.copy_all.clicked.connect(lambda: self.copy("all"))

        intro = QLabel(self.tr(
            "Ge partnern de här tre uppgifterna (e-post går bra: de är inte hemliga). "
            "Ring sedan upp och läs fingeravtrycket för varandra: stämmer det med det "
            "partnern ser hos sig är nycklarna våra och inte någon annans."))
        intro.setWordWrap(True)
        self.message = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.copy_all, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Fingeravtryck:")))
        layout.addWidget(self.fingerprint)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(640, 360)
        for button in (*self.copy_buttons.values(), self.copy_all):
            button.setEnabled(False)
        self._runner.run(self._unit.keys, on_done=self._show, on_error=self._failed,
                         owner=self)

    def _show(self, keys: UnitKeys) -> None:
        self.keys = keys
        self.fingerprint.setText(spaced_fingerprint(keys.fingerprint))
        for key, label in self.values.items():
            label.setText(getattr(keys, key))
        for button in (*self.copy_buttons.values(), self.copy_all):
            button.setEnabled(True)

    def text_to_copy(self, key: str) -> str:
        assert self.keys is not None
        if key != "all":
            return str(getattr(self.keys, key))
        k = self.keys
        return "\n".join((
            self.tr("Enhet: %1").replace("%1", k.unit_name) if k.unit_name else "",
            self.tr("Enhets-id: %1").replace("%1", k.unit_id),
            self.tr("Age-mottagare: %1").replace("%1", k.age_recipient),
            self.tr("Signeringsnyckel: %1").replace("%1", k.signing_public_key),
            self.tr("Fingeravtryck: %1").replace("%1", k.fingerprint))).strip()

    def copy(self, key: str) -> None:
        if self.keys is None:
            return
        copy_text(self.text_to_copy(key))
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Kopierat. Urklippet töms när valvet låses."))
        self.message.show()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(user_message(exc))
        self.message.show()
