"""One person, read-only: the record (an audited read) with the personnummer masked, and the
groups the person currently belongs to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.services.people import PeopleService, PersonDTO
from app.ui.crash import user_message
from app.ui.labels import date_text, frivard_label, postal_code_text
from app.ui.tasks import Runner

EMPTY = "–"


def _load(people: PeopleService, person_id: str) -> tuple[PersonDTO, list[str]]:
    """Runs on the lane. ``get`` writes the READ audit event for this consultation."""
    return people.get(person_id), people.current_groups(person_id)


class PersonDialog(QDialog):
    def __init__(self, people: PeopleService, runner: Runner, person_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Person"))
        self.setMinimumWidth(460)
        self.person: PersonDTO | None = None
        self.values: dict[str, QLabel] = {}

        self.heading = QLabel(self.tr("Hämtar…"))
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label in self._fields():
            value = QLabel(EMPTY)
            value.setTextFormat(Qt.TextFormat.PlainText)  # a note must never be read as markup
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.form.addRow(label, value)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(buttons)

        runner.run(_load, people, person_id, on_done=self._show, on_error=self._show_error)

    def _fields(self) -> list[tuple[str, str]]:
        return [
            ("aliases", self.tr("Alias")),
            ("personnummer", self.tr("Personnummer")),
            ("birth_date", self.tr("Födelsedatum")),
            ("groups", self.tr("Grupper nu")),
            ("phone", self.tr("Telefon")),
            ("email", self.tr("E-post")),
            ("address", self.tr("Adress")),
            ("frivard_status", self.tr("Frivårdsstatus")),
            ("frivard_period", self.tr("Frivårdsperiod")),
            ("frivard_office", self.tr("Frivårdskontor")),
            ("responsible_officer", self.tr("Ansvarig handläggare")),
            ("notes", self.tr("Anteckningar")),
        ]

    def _show(self, result: tuple[PersonDTO, list[str]]) -> None:
        person, groups = result
        self.person = person
        self.heading.setText(person.full_name)
        self.setWindowTitle(person.full_name)
        postal = " ".join(v for v in (postal_code_text(person.postal_code), person.city) if v)
        period = ""
        if person.frivard_from or person.frivard_to:
            period = f"{date_text(person.frivard_from)} – {date_text(person.frivard_to)}".strip()
        texts = {
            "aliases": ", ".join(person.aliases),
            "personnummer": person.personnummer_masked,
            "birth_date": date_text(person.birth_date),
            "groups": ", ".join(groups),
            "phone": person.phone or "",
            "email": person.email or "",
            "address": ", ".join(v for v in (person.address, postal) if v),
            "frivard_status": frivard_label(person.frivard_status),
            "frivard_period": period,
            "frivard_office": person.frivard_office or "",
            "responsible_officer": person.responsible_officer or "",
            "notes": person.notes or "",
        }
        for key, text in texts.items():
            self.values[key].setText(text or EMPTY)

    def _show_error(self, exc: BaseException) -> None:
        self.heading.setText(self.tr("Kan inte visa personen"))
        self.message.setText(user_message(exc))
        self.message.show()
        for i in range(self.form.rowCount()):
            self.form.setRowVisible(i, False)
