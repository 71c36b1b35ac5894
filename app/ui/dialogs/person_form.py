"""Every field of a person, editable, with its validation message next to it.

The form knows nothing of the database: it is filled from a ``PersonDTO`` (or left empty for a
new person), hands back what the user typed, and tells which fields differ from what it was
filled with. The personnummer shows masked; the number is sent only when the user typed a new
one (an untouched masked number keeps the stored one).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import FrivardStatus
from app.services.people import PersonDTO
from app.ui.labels import date_text, frivard_label, postal_code_text
from app.ui.widgets.field_errors import FieldErrors

LINE_FIELDS = ("first_name", "last_name", "aliases", "personnummer", "birth_date", "phone",
               "email", "address", "postal_code", "city", "frivard_from", "frivard_to",
               "frivard_office", "responsible_officer")
DATE_FIELDS = ("birth_date", "frivard_from", "frivard_to")


class PersonForm(QWidget):
    reveal_requested = Signal()
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors(self)
        self.inputs: dict[str, QLineEdit] = {}
        for field in LINE_FIELDS:
            line = QLineEdit()
            line.setObjectName(field)
            line.textEdited.connect(self.edited)
            self.inputs[field] = line
        for field in DATE_FIELDS:
            self.inputs[field].setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))
        self.inputs["aliases"].setPlaceholderText(self.tr("Separera med kommatecken"))
        self.inputs["personnummer"].setPlaceholderText(self.tr("ÅÅÅÅMMDD-NNNN"))
        self.inputs["birth_date"].setToolTip(
            self.tr("Fylls i från personnumret när det finns ett"))
        self.frivard_status = QComboBox()
        for status in FrivardStatus:
            self.frivard_status.addItem(frivard_label(status), status.value)
        self.frivard_status.activated.connect(self.edited)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(80)
        self.notes.textChanged.connect(self._notes_edited)
        self.reveal_button = QPushButton(self.tr("Visa"))
        self.reveal_button.setToolTip(self.tr("Visa hela personnumret (loggas, kräver syfte)"))
        self.reveal_button.setEnabled(False)
        self.reveal_button.clicked.connect(self.reveal_requested)

        pnr_row = QWidget()
        pnr_layout = QHBoxLayout(pnr_row)
        pnr_layout.setContentsMargins(0, 0, 0, 0)
        pnr_layout.addWidget(self.inputs["personnummer"], 1)
        pnr_layout.addWidget(self.reveal_button)

        person_box = QGroupBox(self.tr("Person"))
        person = _form(person_box)
        wrap = self.errors.wrap
        person.addRow(self.tr("Förnamn *"), wrap("first_name", self.inputs["first_name"]))
        person.addRow(self.tr("Efternamn *"), wrap("last_name", self.inputs["last_name"]))
        person.addRow(self.tr("Alias"), wrap("aliases", self.inputs["aliases"]))
        person.addRow(self.tr("Personnummer"), self.errors.wrap("personnummer", pnr_row))
        self.errors.alias("personnummer", self.inputs["personnummer"])
        for field, label in (("birth_date", self.tr("Födelsedatum")),
                             ("phone", self.tr("Telefon")), ("email", self.tr("E-post")),
                             ("address", self.tr("Adress")),
                             ("postal_code", self.tr("Postnummer")), ("city", self.tr("Ort"))):
            person.addRow(label, self.errors.wrap(field, self.inputs[field]))

        frivard_box = QGroupBox(self.tr("Frivård"))
        frivard = _form(frivard_box)
        frivard.addRow(self.tr("Status"), self.errors.wrap("frivard_status", self.frivard_status))
        for field, label in (("frivard_from", self.tr("Från")), ("frivard_to", self.tr("Till")),
                             ("frivard_office", self.tr("Kontor")),
                             ("responsible_officer", self.tr("Ansvarig handläggare"))):
            frivard.addRow(label, self.errors.wrap(field, self.inputs[field]))
        notes_box = QGroupBox(self.tr("Anteckningar"))
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.addWidget(self.errors.wrap("notes", self.notes))

        right = QVBoxLayout()
        right.addWidget(frivard_box)
        right.addWidget(notes_box, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(person_box, 1)
        layout.addLayout(right, 1)

        self._person: PersonDTO | None = None
        self._baseline: dict[str, Any] = {}
        self._pnr_shown = ""  # what the number field showed before any typing
        self._filling = False
        self.fill(None)

    # ---- filling -----------------------------------------------------------------------
    def fill(self, person: PersonDTO | None) -> None:
        """Show ``person`` (None: an empty form for a new person)."""
        self._filling = True
        self._person = person
        texts: dict[str, str] = dict.fromkeys(LINE_FIELDS, "")
        status = FrivardStatus.NONE
        notes = ""
        if person is not None:
            texts.update({
                "first_name": person.first_name, "last_name": person.last_name,
                "aliases": ", ".join(person.aliases),
                "personnummer": person.personnummer_masked,
                "birth_date": date_text(person.birth_date), "phone": person.phone or "",
                "email": person.email or "", "address": person.address or "",
                "postal_code": postal_code_text(person.postal_code), "city": person.city or "",
                "frivard_from": date_text(person.frivard_from),
                "frivard_to": date_text(person.frivard_to),
                "frivard_office": person.frivard_office or "",
                "responsible_officer": person.responsible_officer or "",
            })
            status, notes = person.frivard_status, person.notes or ""
        for field, text in texts.items():
            self.inputs[field].setText(text)
        self.frivard_status.setCurrentIndex(max(0, self.frivard_status.findData(status.value)))
        self.notes.setPlainText(notes)
        self._pnr_shown = texts["personnummer"]
        self.reveal_button.setEnabled(bool(person and person.personnummer_masked))
        self.errors.clear()
        self._baseline = self._raw()
        self._filling = False

    def show_revealed(self, number: str) -> None:
        """The full number replaces the masked one; it is not a change the user made."""
        pnr = self.inputs["personnummer"]
        untouched = pnr.text() == self._pnr_shown
        self._pnr_shown = number
        if untouched:
            pnr.setText(number)
            self._baseline["personnummer"] = number
        self.reveal_button.setEnabled(False)

    def draft_state(self) -> dict[str, str]:
        """The fields the user changed, as texts (dates as typed, ÅÅÅÅ-MM-DD). The number is
        kept only when typed: the masked one, or one revealed, is the stored number anyway."""
        state = {f: str(v) for f, v in self.changes().items()}
        if self.inputs["personnummer"].text().strip() == self._pnr_shown.strip():
            state.pop("personnummer", None)
        return state

    def restore_state(self, state: dict[str, str]) -> None:
        """Put typed texts back over what the form was filled with; they count as changes."""
        self._filling = True
        for field, text in state.items():
            if field in self.inputs:
                self.inputs[field].setText(text)
            elif field == "frivard_status":
                index = self.frivard_status.findData(text)
                if index >= 0:
                    self.frivard_status.setCurrentIndex(index)
            elif field == "notes":
                self.notes.setPlainText(text)
        self._filling = False
        self.edited.emit()

    def clear_all(self) -> None:
        """Forget the person and every typed character (the vault is locking)."""
        self.fill(None)

    # ---- reading -----------------------------------------------------------------------
    def _raw(self) -> dict[str, Any]:
        values: dict[str, Any] = {f: self.inputs[f].text().strip() for f in LINE_FIELDS}
        values["frivard_status"] = self.frivard_status.currentData()
        values["notes"] = self.notes.toPlainText()
        return values

    def values(self) -> dict[str, Any]:
        """Every field, for creating a person."""
        return self._raw()

    def changes(self) -> dict[str, Any]:
        """Only the fields the user changed, for updating the person it was filled with."""
        raw = self._raw()
        return {f: v for f, v in raw.items() if v != self._baseline.get(f)}

    def is_dirty(self) -> bool:
        return bool(self.changes())

    def first_field(self) -> QWidget:
        return self.inputs["first_name"]

    def _notes_edited(self) -> None:
        if not self._filling:
            self.edited.emit()


def _form(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form
