"""The call-in window's programme: speaker slots in order with role, name and minutes, the
total time, and add / change / remove / move up and down (Ctrl+Up, Ctrl+Down)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.models.enums import SpeakerRole
from app.services.callin_dto import CallInDTO, SpeakerDTO
from app.ui.dialogs.callin_tab import CallInTab, error_text, table_view
from app.ui.icons import page_icon
from app.ui.labels import speaker_role_label
from app.ui.pages.base import PageContext
from app.ui.table_models.callin_speakers import SpeakersModel
from app.ui.widgets.field_errors import FieldErrors, error_label

Submit = Callable[[SpeakerRole, str, int], Any]  # runs on the lane


class SpeakerDialog(QDialog):
    """Role, name and minutes of one slot; the service's refusal appears next to the field
    and the dialog stays open."""

    def __init__(self, context: PageContext, submit: Submit, speaker: SpeakerDTO | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._submit = submit
        self.setWindowTitle(self.tr("Ändra talare") if speaker else self.tr("Ny talare"))
        self.errors = FieldErrors(self)
        self.role = QComboBox()
        for role in SpeakerRole:
            self.role.addItem(speaker_role_label(role), role.value)
        self.name = QLineEdit()
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 240)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(10)
        if speaker is not None:
            self.role.setCurrentIndex(max(0, self.role.findData(speaker.role.value)))
            self.name.setText(speaker.name)
            self.minutes.setValue(speaker.minutes)
        form = QFormLayout()
        form.addRow(self.tr("Roll"), self.errors.wrap("role", self.role))
        form.addRow(self.tr("Namn"), self.errors.wrap("name", self.name))
        form.addRow(self.tr("Minuter"), self.errors.wrap("minutes", self.minutes))
        self.message = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.name.setFocus()

    def save(self) -> None:
        role = SpeakerRole(self.role.currentData())
        self.context.runner.run(self._submit, role, self.name.text(), self.minutes.value(),
                                on_done=lambda _r: self.accept(), on_error=self._failed,
                                owner=self)

    def _failed(self, exc: BaseException) -> None:
        left = self.errors.show(exc.errors) if isinstance(exc, ValidationError) else []
        text = "\n".join(f"{e.label}: {e.reason}" for e in left) if left else (
            "" if isinstance(exc, ValidationError) else error_text(exc))
        self.message.setText(text)
        self.message.setVisible(bool(text))


class ProgrammeTab(CallInTab):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = SpeakersModel(self)
        self.view = table_view(self.model)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in ((SpeakersModel.ORDER, 5 * em), (SpeakersModel.ROLE, 14 * em),
                              (SpeakersModel.NAME, 18 * em)):
            self.view.horizontalHeader().resizeSection(column, width)
        self.view.activated.connect(self._edit_index)
        self.total = QLabel()
        self.add_button = QPushButton(page_icon("add"), self.tr("Lägg till talare…"))
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(page_icon("edit"), self.tr("Ändra…"))
        self.edit_button.clicked.connect(self.edit)
        self.remove_button = QPushButton(page_icon("delete"), self.tr("Ta bort"))
        self.remove_button.clicked.connect(self.remove)
        self.up_button = QPushButton(self.tr("Flytta upp"))
        self.up_button.setToolTip(self.tr("Flytta upp (Ctrl+Upp)"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton(self.tr("Flytta ner"))
        self.down_button.setToolTip(self.tr("Flytta ner (Ctrl+Ner)"))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        QShortcut(QKeySequence.StandardKey.Delete, self.view, self.remove,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.view.installEventFilter(self)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.up_button,
                       self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        self._selection_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Ctrl+Up/Down move the slot; the view would otherwise just move the selection.
        if watched is self.view and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier \
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_selected(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(watched, event)

    def show_callin(self, callin: CallInDTO) -> None:
        chosen = self.selected()
        super().show_callin(callin)
        self.model.set_speakers(callin.speakers)
        self.total.setText(self.tr("Sammanlagt %1 minuter").replace(
            "%1", str(callin.total_minutes)))
        if chosen is not None:
            row = next((n for n, s in enumerate(callin.speakers) if s.id == chosen.id), -1)
            if row >= 0:
                self.view.selectRow(row)

    def clear(self) -> None:
        super().clear()
        self.model.clear()
        self.total.clear()

    def selected(self) -> SpeakerDTO | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.speaker(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        for button in (self.edit_button, self.remove_button):
            button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.model.rowCount() - 1)

    def add(self) -> None:
        if self.callin is None:
            return
        callin_id = self.callin.id
        callins = self.context.services.callins
        dialog = SpeakerDialog(self.context, lambda role, name, minutes: callins.add_speaker(
            callin_id, role, name, minutes), parent=self)
        if dialog.exec():
            self.changed.emit("callin")

    def _edit_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit()

    def edit(self) -> None:
        speaker = self.selected()
        if speaker is None:
            return
        callins = self.context.services.callins
        dialog = SpeakerDialog(self.context, lambda role, name, minutes: callins.update_speaker(
            speaker.id, role=role, name=name, minutes=minutes), speaker, parent=self)
        if dialog.exec():
            self.changed.emit("callin")

    def remove(self) -> None:
        speaker = self.selected()
        if speaker is not None:
            self.write(self.context.services.callins.remove_speaker, speaker.id)

    def move_selected(self, step: int) -> None:
        """Swap the selected slot with its neighbour; the selection follows it."""
        speaker = self.selected()
        if self.callin is None or speaker is None:
            return
        ids = self.model.ids()
        at = ids.index(speaker.id)
        to = at + step
        if not 0 <= to < len(ids):
            return
        ids[at], ids[to] = ids[to], ids[at]
        self.write(self.context.services.callins.reorder_speakers, self.callin.id, ids)
