"""The person window's membership tab: the table, and add, change, end and remove.

Every change goes through the lane, then announces "membership" so the people register and
the group pages refresh. Double-clicking a row opens the group.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.groups import GroupService, MembershipDTO
from app.ui.crash import user_message
from app.ui.dialogs.person_membership import EndMembershipDialog, MembershipDialog
from app.ui.events import Events
from app.ui.icons import page_icon
from app.ui.table_models.memberships import MembershipsModel
from app.ui.tasks import Runner
from app.ui.widgets.field_errors import ERROR_COLOUR


class MembershipsTab(QWidget):
    open_group = Signal(str)

    def __init__(self, groups: GroupService, runner: Runner, events: Events,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups = groups
        self._runner = runner
        self._events = events
        self.person_id: str | None = None
        self.dialog: QDialog | None = None  # the one open, for tests and for locking
        self.model = MembershipsModel(self)

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MembershipsModel.SOURCE, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.view.doubleClicked.connect(self._open_group)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.empty = QLabel(self.tr("Personen är inte registrerad som medlem i någon grupp. "
                                    "Lägg till ett medlemskap med knappen ovan."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message.setWordWrap(True)
        self.message.hide()

        self.add_button = QPushButton(page_icon("add"), self.tr("Lägg till…"))
        self.add_button.setShortcut(QKeySequence("Ctrl+M"))
        self.add_button.setToolTip(self.tr("Nytt medlemskap (Ctrl+M)"))
        self.edit_button = QPushButton(page_icon("edit"), self.tr("Ändra…"))
        self.end_button = QPushButton(self.tr("Avsluta…"))
        self.end_button.setToolTip(self.tr("Sätt sista dag som medlem"))
        self.remove_button = QPushButton(page_icon("delete"), self.tr("Ta bort"))
        self.remove_button.setToolTip(self.tr("Ta bort ett felaktigt registrerat medlemskap"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.end_button.clicked.connect(self.end)
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.end_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)
        self._selection_changed()

    # ---- data --------------------------------------------------------------------------
    def show_memberships(self, person_id: str, memberships: list[MembershipDTO]) -> None:
        self.person_id = person_id
        self.model.set_memberships(memberships)
        self.stack.setCurrentWidget(self.view if memberships else self.empty)
        self._selection_changed()

    def clear(self) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reject()
        self.dialog = None
        self.person_id = None
        self.model.clear()
        self.message.hide()

    def selected(self) -> MembershipDTO | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.membership(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        m = self.selected()
        self.add_button.setEnabled(self.person_id is not None)
        self.edit_button.setEnabled(m is not None)
        self.remove_button.setEnabled(m is not None)
        self.end_button.setEnabled(m is not None and m.valid_to is None)

    def _open_group(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_group.emit(self.model.membership(index.row()).group_id)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(user_message(exc))
        self.message.show()

    def _changed(self, *_args: object) -> None:
        self.message.hide()
        self._events.changed("membership")  # the person window reloads this tab on it

    # ---- actions -----------------------------------------------------------------------
    def add(self) -> None:
        if self.person_id is not None:
            self._open(MembershipDialog(self._groups, self._runner, self.person_id, parent=self))

    def edit(self) -> None:
        m = self.selected()
        if m is not None and self.person_id is not None:
            self._open(MembershipDialog(self._groups, self._runner, self.person_id, m,
                                        parent=self))

    def end(self) -> None:
        m = self.selected()
        if m is not None:
            self._open(EndMembershipDialog(self._groups, self._runner, m, parent=self))

    def _open(self, dialog: QDialog) -> None:
        """Window-modal, not a nested event loop: the lane keeps answering meanwhile."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._changed)
        self.dialog = dialog
        dialog.open()

    def remove(self) -> None:
        m = self.selected()
        if m is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Ta bort medlemskap"),
            self.tr("Ta bort medlemskapet i %1? Använd ”Avsluta” om personen har lämnat "
                    "gruppen; ta bara bort det som registrerats fel.").replace(
                "%1", m.group_name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._runner.run(self._groups.delete_membership, m.id, on_done=self._changed,
                         on_error=self._failed)
