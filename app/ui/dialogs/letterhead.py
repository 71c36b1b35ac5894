"""The letterhead: the partners named in the header, the place before the date, the help
contact, the signatures and the return address, as every printed letter shows them.

Read and saved on the lane; the service validates everything at once and each message is
shown under its field. Nothing is stored until every field is right.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.letters.letterhead import MAX_SIGNATORIES, Letterhead
from app.ui.crash import user_message
from app.ui.pages.base import PageContext
from app.ui.widgets.field_errors import FieldErrors, error_label


def _box(lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class LetterheadDialog(QDialog):
    saved = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.letters = context.services.letters
        self._runner = context.runner
        self._events = context.events
        self.setWindowTitle(self.tr("Brevhuvud och kontakt"))
        self.setMinimumWidth(560)
        self.errors = FieldErrors(self)

        self.partners = _box(3)
        self.partners.setPlaceholderText(self.tr("Ett namn per rad, t.ex. Polisen"))
        self.place = QLineEdit()
        self.contact_person = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("t.ex. 040-123 45 67"))
        self.opening_hours = QLineEdit()
        self.return_address = _box(3)
        self.signatories: list[tuple[QLineEdit, QLineEdit, QLineEdit]] = []
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for column, text in enumerate((self.tr("Namn"), self.tr("Titel"),
                                       self.tr("Organisation"))):
            grid.addWidget(QLabel(text), 0, column)
        for row in range(1, MAX_SIGNATORIES + 1):
            edits = (QLineEdit(), QLineEdit(), QLineEdit())
            for column, edit in enumerate(edits):
                grid.addWidget(edit, row, column)
            self.signatories.append(edits)
        signatures = QWidget()
        signatures.setLayout(grid)
        signatures.setFocusProxy(self.signatories[0][0])

        form = QFormLayout()
        form.addRow(self.tr("Samverkansparter"), self.errors.wrap("partners", self.partners))
        form.addRow(self.tr("Ort"), self.errors.wrap("place", self.place))
        form.addRow(self.tr("Kontaktperson"),
                    self.errors.wrap("contact_person", self.contact_person))
        form.addRow(self.tr("Telefon"), self.errors.wrap("phone", self.phone))
        form.addRow(self.tr("Öppettider"), self.errors.wrap("opening_hours", self.opening_hours))
        form.addRow(self.tr("Underskrifter"), self.errors.wrap("signatories", signatures))
        form.addRow(self.tr("Returadress"),
                    self.errors.wrap("return_address", self.return_address))
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        note = QLabel(self.tr("Det här står på varje brev som skrivs ut. Samverkansparter, "
                              "kontaktperson, telefon och minst en underskrift behövs innan "
                              "brev kan skrivas ut."))
        note.setWordWrap(True)
        self.message = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)  # until the stored letterhead is shown
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(640, 620)
        self._runner.run(self.letters.letterhead, on_done=self._show, on_error=self._failed)

    # ---- reading -------------------------------------------------------------------------
    def _show(self, head: Letterhead) -> None:
        self.partners.setPlainText("\n".join(head.partners))
        self.place.setText(head.place)
        self.contact_person.setText(head.contact_person)
        self.phone.setText(head.phone)
        self.opening_hours.setText(head.opening_hours)
        self.return_address.setPlainText(head.return_address)
        for edits, person in zip(self.signatories, head.signatories, strict=False):
            for edit, text in zip(edits, (person.name, person.title, person.organisation),
                                  strict=True):
                edit.setText(text)
        self.save_button.setEnabled(True)
        self.partners.setFocus(Qt.FocusReason.OtherFocusReason)

    def values(self) -> dict[str, Any]:
        signatories = [{"name": n.text(), "title": t.text(), "organisation": o.text()}
                       for n, t, o in self.signatories
                       if n.text().strip() or t.text().strip() or o.text().strip()]
        return {
            "partners": self.partners.toPlainText(),
            "place": self.place.text(),
            "contact_person": self.contact_person.text(),
            "phone": self.phone.text(),
            "opening_hours": self.opening_hours.text(),
            "signatories": signatories,
            "return_address": self.return_address.toPlainText(),
        }

    # ---- saving --------------------------------------------------------------------------
    def save(self) -> None:
        self.errors.clear()
        self.message.hide()
        self.save_button.setEnabled(False)
        self._runner.run(self.letters.save_letterhead, self.values(), on_done=self._saved,
                         on_error=self._failed)

    def _saved(self, _head: Letterhead) -> None:
        self._events.changed("letterhead")
        self.saved.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            left = self.errors.show(exc.errors)
            if not left:
                return
            self.message.setText("; ".join(f"{e.label}: {e.reason}" if e.label else e.reason
                                           for e in left))
        else:
            self.message.setText(user_message(exc))
        self.message.show()
