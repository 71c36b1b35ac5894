"""Step 3 of the call-in wizard: whom to invite, and why.

The chosen groups' current members are suggested (under supervision on the day first);
staff tick invitees and give each a reason, in the table or in the field under it. Someone
outside the groups is found by name and added by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelection, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import FieldError
from app.services.callin_dto import Candidate
from app.services.people import PersonDTO, PersonSummary
from app.ui.crash import user_message
from app.ui.dialogs.callin_wizard_details import PlanPage
from app.ui.pages.base import PageContext
from app.ui.table_models.candidates import CandidateRow, CandidatesModel, supervised_on
from app.ui.table_models.group_members import PersonPickModel

SEARCH_DELAY_MS = 250
SEARCH_LIMIT = 50
REASON_WIDTH = 220
COLUMN_CAP_EM = 12
# (group ids, the call-in's day, the call-in being planned) for the suggestions.
Query = Callable[[], tuple[tuple[str, ...], date, str | None]]


class CandidatesPage(PlanPage):
    fields = ("invitees",)

    def __init__(self, context: PageContext, query: Query,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Kandidater"))
        self.setSubTitle(self.tr("Bocka i vilka som ska bjudas in och skriv varför, för var "
                                 "och en."))
        self._query = query
        self._asked: tuple[tuple[str, ...], date] | None = None
        self.model = CandidatesModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setToolTip(self.tr("Mellanslag bockar i, F2 skriver motivering"))
        self.legend = QLabel(self.tr("Gulmarkerade står under frivårdstillsyn på mötets dag: "
                                     "tillsynen kan ålägga dem att komma."))
        self.legend.setWordWrap(True)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.addItems([
            self.tr("Villkorligt frigiven, aktiv i konflikten"),
            self.tr("Under tillsyn, central i gruppen"),
            self.tr("Nyligen inblandad i en våldshändelse"),
            self.tr("Har tidigare fått ett riktat samtal"),
        ])
        self.reason.setCurrentIndex(-1)
        line = self.reason.lineEdit()
        assert line is not None  # an editable combo box has one
        line.setPlaceholderText(self.tr("Motivering för den markerade personen"))
        line.textEdited.connect(self._reason_typed)
        self.reason.activated.connect(lambda _i: self._reason_typed(self.reason.currentText()))
        self.reason.setEnabled(False)
        self.add_button = QPushButton(self.tr("Lägg till person…"))
        self.add_button.setAutoDefault(False)
        self.add_button.setToolTip(self.tr("Bjud in någon som inte finns bland förslagen"))
        self.add_button.clicked.connect(self.pick_person)
        self.count = QLabel()
        reason_row = QHBoxLayout()
        reason_row.addWidget(QLabel(self.tr("Motivering")))
        reason_row.addWidget(self.reason, 1)
        reason_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.legend)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addLayout(reason_row)
        layout.addWidget(self.count)
        layout.addWidget(self.message)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        self.model.chosen_changed.connect(self._show_count)
        self.model.chosen_changed.connect(self.edited)
        self.picker: PersonPickDialog | None = None
        self._show_count()

    # ---- suggestions -------------------------------------------------------------------------
    def initializePage(self) -> None:
        group_ids, day, call_in_id = self._query()
        if self._asked == (group_ids, day):
            return
        self._asked = (group_ids, day)
        self.context.runner.run(
            lambda: self.context.services.callins.candidates(
                list(group_ids), day, exclude_call_in_id=call_in_id),
            on_done=self._found, on_error=self._failed, owner=self)

    def _found(self, candidates: list[Candidate]) -> None:
        self.model.set_candidates(candidates)
        self.empty.setText(self.tr("De valda grupperna har inga nuvarande medlemmar. Lägg till "
                                   "personer för hand eller gå tillbaka och välj fler grupper."))
        self.empty.setVisible(not candidates)
        self.view.resizeColumnsToContents()
        # Long group names and frivård labels are cut (…) so the period and earlier
        # notifications stay in view without scrolling sideways.
        cap = COLUMN_CAP_EM * self.fontMetrics().horizontalAdvance("M")
        for column in (CandidatesModel.GROUP, CandidatesModel.ROLE, CandidatesModel.FRIVARD):
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), cap))
        self.view.setColumnWidth(CandidatesModel.REASON, REASON_WIDTH)

    def _failed(self, exc: BaseException) -> None:
        self._asked = None  # try again next time the step opens
        self.show_errors([FieldError("invitees", user_message(exc))])

    # ---- the chosen row's reason -------------------------------------------------------------
    def selected_row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        row = self.selected_row()
        self.reason.setEnabled(row >= 0)
        self.reason.setEditText(self.model.reason(row) if row >= 0 else "")

    def _reason_typed(self, text: str) -> None:
        row = self.selected_row()
        if row >= 0:
            self.model.set_reason(row, text)

    def _show_count(self) -> None:
        n = len(self.model.invitees())
        self.count.setText(self.tr("%n valda", "", n))
        if n and not self.model.missing_reasons():
            self.show_errors([])

    # ---- someone outside the groups ----------------------------------------------------------
    def pick_person(self) -> None:
        self.picker = PersonPickDialog(self.context, self)
        self.picker.chosen.connect(self._picked)
        self.picker.open()

    def _picked(self, person: PersonSummary) -> None:
        self.context.runner.run(self.context.services.people.get, person.id,
                                on_done=self._add_person, on_error=self._failed)

    def _add_person(self, p: PersonDTO) -> None:
        _groups, day, _id = self._query()
        row = self.model.add_person(CandidateRow(
            p.id, p.full_name, frivard_status=p.frivard_status, frivard_from=p.frivard_from,
            frivard_to=p.frivard_to,
            supervised=supervised_on(p.frivard_status, p.frivard_from, p.frivard_to, day)))
        self.view.selectRow(row)
        self.reason.setFocus()

    # ---- the plan ----------------------------------------------------------------------------
    def problems(self) -> list[FieldError]:
        if not self.model.invitees():
            return [FieldError("invitees", self.tr("Välj minst en person att bjuda in."))]
        missing = self.model.missing_reasons()
        if missing:
            self.view.selectRow(missing[0])
            names = ", ".join(self.model.row(n).name for n in missing)
            return [FieldError("invitees", self.tr("Motivering saknas för: %1").replace(
                "%1", names))]
        return []

    def clear(self) -> None:
        super().clear()
        if self.picker is not None:
            self.picker.close()
        self.model.clear()
        self.reason.setEditText("")
        self._asked = None


class PersonPickDialog(QDialog):
    """Find one person by name, alias or personnummer (masked in the list)."""

    chosen = Signal(object)  # PersonSummary

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lägg till person"))
        self.resize(460, 420)
        self._context = context
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök på namn, alias eller personnummer"))
        self.search.setClearButtonEnabled(True)
        self.people = PersonPickModel(self)
        self.view = QTableView()
        self.view.setModel(self.people)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.note = QLabel(self.tr("Skriv minst en bokstav för att söka."))
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Lägg till"))
        self.ok.setEnabled(False)
        buttons.accepted.connect(self.choose)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.find_people)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.find_people)
        self.view.activated.connect(lambda _i: self.choose())

    def find_people(self) -> None:
        self._debounce.stop()
        text = self.search.text().strip()
        if not text:
            self._found([])
            return
        self._context.runner.run(
            lambda: self._context.services.people.search(text, limit=SEARCH_LIMIT),
            on_done=self._found, on_error=lambda exc: self.note.setText(user_message(exc)),
            owner=self)

    def _found(self, people: list[PersonSummary]) -> None:
        self.people.set_people(people)
        self.ok.setEnabled(bool(people))
        if people:
            self.view.selectRow(0)
        self.note.setText("" if people or not self.search.text().strip()
                          else self.tr("Ingen person matchar sökningen."))

    def choose(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        self.chosen.emit(self.people.person(rows[0].row()))
        self.accept()
