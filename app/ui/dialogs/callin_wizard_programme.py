"""Step 4 of the call-in wizard: the programme, speaker by speaker, in order, with the time.

The table shows the running order; the fields under it edit the marked slot, so the whole
step works from the keyboard (Alt+Up/Down move a slot).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import FieldError
from app.models.enums import SpeakerRole
from app.services.callin_dto import CallInPlan, PlannedSpeaker
from app.ui.dialogs.callin_wizard_details import PlanPage
from app.ui.labels import speaker_role_label
from app.ui.pages.base import PageContext
from app.ui.table_models.planned_speakers import PlannedSpeakersModel

MAX_MINUTES = 240  # as the service allows


class ProgrammePage(PlanPage):
    fields = ("speakers",)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Program"))
        self.setSubTitle(self.tr("Talarna i den ordning de talar, med roll och minuter."))
        self.model = PlannedSpeakersModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setShowGrid(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(PlannedSpeakersModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.role = QComboBox()
        for role in SpeakerRole:
            self.role.addItem(speaker_role_label(role), role.value)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Namn och gärna titel, t.ex. Eva Ek, åklagare"))
        self.minutes = QSpinBox()
        self.minutes.setRange(0, MAX_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setSpecialValueText(self.tr("ej bestämt"))
        form = QFormLayout()
        form.addRow(self.tr("Roll"), self.role)
        form.addRow(self.tr("Namn"), self.name)
        form.addRow(self.tr("Minuter"), self.minutes)
        self.add_button = self._button(self.tr("Lägg till talare"), self.add_speaker)
        self.remove_button = self._button(self.tr("Ta bort"), self.remove_speaker)
        self.up_button = self._button(self.tr("Flytta upp"), lambda: self.move_speaker(-1))
        self.down_button = self._button(self.tr("Flytta ner"), lambda: self.move_speaker(1))
        self.up_button.setToolTip(self.tr("Flytta upp (Alt+Upp)"))
        self.down_button.setToolTip(self.tr("Flytta ner (Alt+Ner)"))
        QShortcut(QKeySequence("Alt+Up"), self, lambda: self.move_speaker(-1))
        QShortcut(QKeySequence("Alt+Down"), self, lambda: self.move_speaker(1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.total = QLabel()
        buttons.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addWidget(self.message)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        self.role.activated.connect(lambda _i: self._edit())
        self.name.textEdited.connect(lambda _t: self._edit())
        self.minutes.valueChanged.connect(lambda _v: self._edit())
        self.model.programme_changed.connect(self._show_total)
        self.model.programme_changed.connect(self.edited)
        self._loading = False
        self._selected(QItemSelection(), QItemSelection())
        self._show_total()

    @staticmethod
    def _button(text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def selected_row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select(self, row: int) -> None:
        self.view.selectionModel().select(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.view.setCurrentIndex(self.model.index(row, 0))

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        row = self.selected_row()
        for widget in (self.role, self.name, self.minutes, self.remove_button):
            widget.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.model.rowCount() - 1)
        self._loading = True
        if row >= 0:
            sp = self.model.speaker(row)
            self.role.setCurrentIndex(max(0, self.role.findData(str(sp.role))))
            self.name.setText(sp.name)
            self.minutes.setValue(sp.minutes or 0)
        else:
            self.name.clear()
            self.minutes.setValue(0)
        self._loading = False

    def _edit(self) -> None:
        row = self.selected_row()
        if row < 0 or self._loading:
            return
        self.model.update(row, role=SpeakerRole(self.role.currentData()),
                          name=self.name.text().strip(), minutes=self.minutes.value())

    def add_speaker(self) -> None:
        self.select(self.model.add(SpeakerRole(self.role.currentData() or SpeakerRole.OTHER)))
        self.name.setFocus()

    def remove_speaker(self) -> None:
        row = self.selected_row()
        if row < 0:
            return
        self.model.remove(row)
        if self.model.rowCount():
            self.select(min(row, self.model.rowCount() - 1))
        else:
            self._selected(QItemSelection(), QItemSelection())

    def move_speaker(self, delta: int) -> None:
        row = self.selected_row()
        if row >= 0:
            self.select(self.model.move(row, delta))

    def _show_total(self) -> None:
        total = self.model.total_minutes()
        self.total.setText(self.tr("Total tid: %1 min").replace("%1", str(total)))
        if not self.model.incomplete() and self.model.rowCount():
            self.show_errors([])

    def apply(self, plan: CallInPlan) -> None:
        self.model.set_speakers(list(plan.speakers))
        if plan.speakers:
            self.select(0)

    def speakers(self) -> tuple[PlannedSpeaker, ...]:
        # Minutes 0 means "not decided yet", which the plan says with None.
        return tuple(PlannedSpeaker(sp.role, sp.name, sp.minutes or None, sp.id)
                     for sp in self.model.speakers())

    def problems(self) -> list[FieldError]:
        if not self.model.rowCount():
            return [FieldError("speakers", self.tr("Lägg till minst en talare."))]
        found = []
        for row in self.model.incomplete():
            sp = self.model.speaker(row)
            missing = (self.tr("namn saknas") if not sp.name.strip()
                       else self.tr("antal minuter saknas"))
            found.append(FieldError("speakers", self.tr("Talare %1: %2")
                                    .replace("%1", str(row + 1)).replace("%2", missing)))
        if found:
            self.select(self.model.incomplete()[0])
            self.name.setFocus()
        return found

    def clear(self) -> None:
        super().clear()
        self.model.clear()
        self._selected(QItemSelection(), QItemSelection())
