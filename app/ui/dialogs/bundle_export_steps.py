"""The export wizard's choosing steps: partner (1), scope (2), what will leave (3), legal
basis and purpose (4), file (5). Each checks its own fields before Next, with the message
under the field; nothing is written until the last of them is passed."""

from __future__ import annotations

import html
import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QStorageInfo, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.exchange.profiles import describe
from app.services.groups import GroupDTO
from app.services.partners import KIND_LABELS, PartnerDTO
from app.ui.crash import user_message
from app.ui.pages.base import PageContext
from app.ui.table_models.group_choice import GroupChoiceModel
from app.ui.widgets.field_errors import error_label

# Stored in the register as written here (Swedish, stable); shown translated.
CONSENT = "Samtycke (OSL 12:2)"
NECESSARY = "Nödvändigt utlämnande (OSL 10:2)"
NEW_DUTY = "Ny uppgiftsskyldighet (OSL 10:15 a)"
OTHER = ""  # the basis is then the text typed


def removable_folder() -> Path:
    """A mounted removable drive when exactly one is obvious (a USB stick), else home."""
    user = os.environ.get("USER", "")
    roots = ("/media/", "/run/media/", "/Volumes/")
    found = [Path(v.rootPath()) for v in QStorageInfo.mountedVolumes()
             if v.isValid() and v.isReady() and not v.isReadOnly()
             and v.rootPath().startswith(roots) and (not user or user in v.rootPath()
                                                     or v.rootPath().startswith("/Volumes/"))]
    return found[0] if len(found) == 1 else Path.home()


def default_name(partner: str, today: date) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in partner.strip().lower())
    return f"mottryck-{safe.strip('-') or 'partner'}-{today.isoformat()}.age"


class PartnerStep(QWizardPage):
    """Only partners we may write for (not revoked, age recipient pinned)."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setTitle(self.tr("Mottagare"))
        self.setSubTitle(self.tr("Välj den partner som ska få bunten."))
        self.partners: list[PartnerDTO] = []
        self.choice = QComboBox()
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = QLabel(self.tr(
            "Det finns ingen partner att skicka till. Lägg först till partnern med dess "
            "age-mottagare under Partner (en spärrad partner kan inte få buntar)."))
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.message = error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Partner:"), self.choice)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.details)
        layout.addWidget(self.empty)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.choice.currentIndexChanged.connect(self._show_details)
        self.setEnabled(False)
        context.runner.run(context.services.partners.list, on_done=self._listed,
                           on_error=self._failed, owner=self)

    def _listed(self, partners: list[PartnerDTO]) -> None:
        self.setEnabled(True)
        self.partners = [p for p in partners if p.can_receive]
        self.choice.clear()
        for p in self.partners:
            self.choice.addItem(p.name, p.id)
        self.empty.setVisible(not self.partners)
        self.choice.setEnabled(bool(self.partners))
        self._show_details()
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self.setEnabled(True)
        self.message.setText(user_message(exc))
        self.message.show()

    def partner(self) -> PartnerDTO | None:
        row = self.choice.currentIndex()
        return self.partners[row] if 0 <= row < len(self.partners) else None

    def choose(self, partner_id: str) -> None:
        row = self.choice.findData(partner_id)
        if row >= 0:
            self.choice.setCurrentIndex(row)

    def _show_details(self) -> None:
        p = self.partner()
        if p is None:
            self.details.clear()
            return
        print_ = p.fingerprint or self.tr("okänt (partnerns signeringsnyckel saknas)")
        self.details.setText(self.tr("Typ: %1\nFingeravtryck: %2").replace(
            "%1", KIND_LABELS[p.kind.value]).replace("%2", print_))

    def isComplete(self) -> bool:
        return self.partner() is not None


class ScopeStep(QWizardPage):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setTitle(self.tr("Omfattning"))
        self.setSubTitle(self.tr("Allt som partnern får ta emot, eller bara vissa grupper "
                                 "och deras medlemmar."))
        self.everything = QRadioButton(self.tr("&Allt"))
        self.chosen = QRadioButton(self.tr("Bara &valda grupper"))
        self.everything.setChecked(True)
        buttons = QButtonGroup(self)
        buttons.addButton(self.everything)
        buttons.addButton(self.chosen)
        self.groups = GroupChoiceModel(self)
        self.table = QTableView()
        self.table.setModel(self.groups)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setEnabled(False)
        self.since_on = QCheckBox(self.tr("Bara det som ändrats &sedan"))
        self.since = QDateEdit(QDate.currentDate().addMonths(-1))
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setCalendarPopup(True)
        self.since.setEnabled(False)
        self.message = error_label()
        since_row = QHBoxLayout()
        since_row.addWidget(self.since_on)
        since_row.addWidget(self.since)
        since_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.everything)
        layout.addWidget(self.chosen)
        layout.addWidget(self.table, 1)
        layout.addLayout(since_row)
        layout.addWidget(self.message)
        self.chosen.toggled.connect(self.table.setEnabled)
        self.since_on.toggled.connect(self.since.setEnabled)
        self.table.activated.connect(lambda index: self.groups.toggle(index.row()))
        context.runner.run(context.services.groups.search, on_done=self._listed, owner=self)

    def _listed(self, groups: list[GroupDTO]) -> None:
        self.groups.set_groups(groups)

    def group_names(self) -> list[str]:
        return self.groups.checked_names() if self.chosen.isChecked() else []

    def since_date(self) -> date | None:
        if not self.since_on.isChecked():
            return None
        d = self.since.date()
        return date(d.year(), d.month(), d.day())

    def validatePage(self) -> bool:
        if self.chosen.isChecked() and not self.groups.checked_ids():
            self.message.setText(self.tr("Kryssa i minst en grupp, eller välj Allt."))
            self.message.show()
            return False
        self.message.hide()
        return True


class ProfileStep(QWizardPage):
    """What will leave, in plain words, before anything is written."""

    def __init__(self, partner_step: PartnerStep, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Det här lämnas ut"))
        self._partner_step = partner_step
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)

    def initializePage(self) -> None:
        p = self._partner_step.partner()
        if p is None:
            return
        self.setSubTitle(self.tr("Partnerns profil (%1) bestämmer vilka uppgifter som får "
                                 "lämnas ut. Inget annat kommer med.").replace(
            "%1", KIND_LABELS[p.kind.value]))
        items = "".join(f"<li>{html.escape(line)}</li>" for line in describe(p.profile))
        self.text.setText(f"<ul>{items}</ul>")


class BasisStep(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Rättslig grund och ändamål"))
        self.setSubTitle(self.tr("Utlämnandet förs in i registret över utlämnanden."))
        self.basis = QComboBox()
        for stored, shown in ((CONSENT, self.tr("Samtycke (OSL 12:2)")),
                              (NECESSARY, self.tr("Nödvändigt utlämnande (OSL 10:2)")),
                              (NEW_DUTY, self.tr("Ny uppgiftsskyldighet (OSL 10:15 a)")),
                              (OTHER, self.tr("Annan grund…"))):
            self.basis.addItem(shown, stored)
        self.other = QLineEdit()
        self.other.setPlaceholderText(self.tr("Ange den rättsliga grunden"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(90)
        self.purpose = QLineEdit()
        self.errors = {k: error_label() for k in ("other", "note", "purpose")}
        self.note_hint = QLabel()
        self.note_hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Grund:"), self.basis)
        form.addRow(self.tr("Annan &grund:"), self._with_error(self.other, "other"))
        form.addRow(self.tr("&Anteckning:"), self._with_error(self.note, "note"))
        form.addRow("", self.note_hint)
        form.addRow(self.tr("Än&damål:"), self._with_error(self.purpose, "purpose"))
        self.basis.currentIndexChanged.connect(self._basis_changed)
        self._basis_changed()

    def _with_error(self, widget: QWidget, key: str) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget)
        layout.addWidget(self.errors[key])
        box.setFocusProxy(widget)
        return box

    def _basis_changed(self) -> None:
        stored = self.basis.currentData()
        self.other.setEnabled(stored == OTHER)
        hints = {CONSENT: self.tr("Obligatorisk: var samtycket finns (t.ex. dokument eller "
                                  "datum och vem som tog emot det)."),
                 NEW_DUTY: self.tr("Obligatorisk: intresseavvägningen — varför uppgifterna "
                                   "behövs och väger tyngre än sekretessintresset.")}
        self.note_hint.setText(hints.get(stored, self.tr("Frivillig.")))

    def legal_basis(self) -> str:
        stored = self.basis.currentData()
        return self.other.text().strip() if stored == OTHER else stored

    def basis_note(self) -> str | None:
        return self.note.toPlainText().strip() or None

    def purpose_text(self) -> str:
        return self.purpose.text().strip()

    def validatePage(self) -> bool:
        problems: dict[str, str] = {}
        stored = self.basis.currentData()
        if stored == OTHER and not self.other.text().strip():
            problems["other"] = self.tr("Ange den rättsliga grunden.")
        if stored == CONSENT and not self.basis_note():
            problems["note"] = self.tr("Ange var samtycket finns.")
        if stored == NEW_DUTY and not self.basis_note():
            problems["note"] = self.tr("Skriv intresseavvägningen.")
        if not self.purpose_text():
            problems["purpose"] = self.tr("Ange ändamålet med utlämnandet.")
        for key, label in self.errors.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
        first = next((w for k, w in (("other", self.other), ("note", self.note),
                                     ("purpose", self.purpose)) if k in problems), None)
        if first is not None:
            first.setFocus()
        return not problems


class FileStep(QWizardPage):
    def __init__(self, partner_step: PartnerStep, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Fil"))
        self.setSubTitle(self.tr("Bunten krypteras till partnern och till den här enheten. "
                                 "Spara den gärna direkt på ett USB-minne."))
        self._partner_step = partner_step
        self.path = QLineEdit()
        self.browse = QPushButton(self.tr("&Välj…"))
        self.browse.clicked.connect(self._browse)
        self.message = error_label()
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        form = QFormLayout(self)
        form.addRow(self.tr("&Spara som:"), row)
        form.addRow("", self.message)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Exportera"))

    def initializePage(self) -> None:
        p = self._partner_step.partner()
        if p is not None and not self.path.text():
            self.path.setText(str(removable_folder() / default_name(p.name, date.today())))

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Spara bunt"), self.path.text(), self.tr("Mottryck-buntar (*.age)"))
        if chosen:
            self.path.setText(chosen if chosen.endswith(".age") else chosen + ".age")

    def target(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def validatePage(self) -> bool:
        text = self.path.text().strip()
        problem = ""
        if not text:
            problem = self.tr("Välj var bunten ska sparas.")
        elif not self.target().parent.is_dir():
            problem = self.tr("Mappen finns inte.")
        elif self.target().exists():
            problem = self.tr("Filen finns redan; välj ett annat namn.")
        self.message.setText(problem)
        self.message.setVisible(bool(problem))
        return not problem
