"""The groups register: search, status filter, a sortable paged table, and each group in its
own window (details, members, relations, incidents)."""

from __future__ import annotations

import html

from PySide6.QtCore import QLocale, QModelIndex, Qt, QTimer
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import GroupStatus
from app.services.drafts import Draft
from app.services.group_register import GroupRegister
from app.ui.crash import user_message
from app.ui.dialogs.group import GroupDialog
from app.ui.icons import page_icon
from app.ui.labels import group_status_label
from app.ui.pages.base import Page, PageContext
from app.ui.table_models.groups import GroupsTableModel
from app.ui.widgets.field_errors import error_label

SEARCH_DELAY_MS = 250


class GroupsPage(Page):
    key = "groups"
    watches = ("group", "membership", "group_relation")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = GroupsTableModel(GroupRegister(context.services.db), context.runner,
                                      parent=self)
        self.dialogs: list[GroupDialog] = []

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök på namn, alias eller område"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem(self.tr("Alla statusar"), "")
        for status in GroupStatus:
            self.status.addItem(group_status_label(status), str(status))
        self.count_label = QLabel()
        self.new_button = QPushButton(page_icon("add"), self.tr("Ny grupp"))
        self.new_button.setToolTip(self.tr("Registrera en ny grupp (Ctrl+N)"))
        self.open_button = QPushButton(page_icon("edit"), self.tr("Öppna"))
        self.delete_button = QPushButton(page_icon("delete"), self.tr("Ta bort"))
        self.error_label = error_label()

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.setSortingEnabled(True)
        header = self.view.horizontalHeader()
        header.setSortIndicator(GroupsTableModel.NAME, Qt.SortOrder.AscendingOrder)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in enumerate((14, 10, 12, 6, 6, 8, 8, 7)):
            header.resizeSection(column, width * em)
        header.setSectionResizeMode(GroupsTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(self._open_index)
        self.view.selectionModel().selectionChanged.connect(self._selection)

        self.empty = QLabel()
        self.empty.setTextFormat(Qt.TextFormat.RichText)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setContentsMargins(48, 48, 48, 48)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        top.addSpacing(12)
        top.addWidget(self.count_label)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.load)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.load)
        self.status.currentIndexChanged.connect(self.load)
        self.new_button.clicked.connect(self.new_group)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        # Ctrl+N only while this page is the one shown (a hidden page's shortcut is inert).
        self.new_shortcut = QShortcut(QKeySequence.StandardKey.New, self, self.new_group)
        self.new_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_shortcut = QShortcut(QKeySequence.StandardKey.Delete, self.view,
                                         self.delete_selected)
        self.model.count_changed.connect(self._show_count)
        self.model.failed.connect(self._show_error)
        self._selection()

    # ---- page life cycle -----------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Grupper")

    def icon(self) -> QIcon:
        return page_icon("groups")

    def load(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.search.text(), self.status.currentData() or None)

    def clear(self) -> None:
        super().clear()
        self._debounce.stop()
        for dialog in list(self.dialogs):
            dialog.discard()  # drafts were collected first; nothing typed may stay
        self.dialogs.clear()
        for widget in (self.search, self.status):
            widget.blockSignals(True)
        self.search.clear()
        self.status.setCurrentIndex(0)
        for widget in (self.search, self.status):
            widget.blockSignals(False)
        self.model.clear()
        self.count_label.clear()
        self.error_label.hide()
        self.stack.setCurrentWidget(self.view)

    def show_record(self, record_id: str) -> None:
        self.open_group(record_id)

    def drafts(self) -> list[Draft]:
        found = (dialog.draft() for dialog in self.dialogs)
        return [d for d in found if d is not None]

    def restore_draft(self, draft: Draft) -> bool:
        if draft.kind != "group":
            return False
        gone = draft.record_id is None or draft.record_gone
        self.open_group(None if gone else draft.record_id).restore_draft(draft)
        return True

    # ---- actions -------------------------------------------------------------------------------
    def selected_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.group_id(rows[0].row()) if rows else None

    def _selection(self) -> None:
        chosen = self.selected_id() is not None
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_group(self.model.group_id(index.row()))

    def open_selected(self) -> None:
        group_id = self.selected_id()
        if group_id is not None:
            self.open_group(group_id)

    def new_group(self) -> None:
        self.open_group(None)

    def open_group(self, group_id: str | None) -> GroupDialog:
        for dialog in self.dialogs:
            if group_id is not None and dialog.group_id == group_id:
                dialog.show()
                dialog.raise_()
                dialog.activateWindow()
                return dialog
        dialog = GroupDialog(self.context, group_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_record.connect(self.open_record)
        dialog.finished.connect(self._forget)
        self.dialogs.append(dialog)
        dialog.show()
        return dialog

    def _forget(self) -> None:
        self.dialogs = [d for d in self.dialogs if d is not self.sender()]

    def delete_selected(self) -> None:
        group_id = self.selected_id()
        if group_id is None:
            return
        row = self.model.row_of(group_id)
        name = self.model.index(row, GroupsTableModel.NAME).data()
        answer = QMessageBox.question(
            self, self.tr("Ta bort grupp"),
            self.tr("Ta bort gruppen %1? Medlemskap och relationer visas inte längre.")
            .replace("%1", name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.context.runner.run(self.context.services.groups.delete, group_id,
                                on_done=lambda _r: self._deleted(name),
                                on_error=self._show_error_exc, owner=self)

    def _deleted(self, name: str) -> None:
        self.context.events.changed("group")
        self.status_message.emit(self.tr("Gruppen %1 togs bort.").replace("%1", name))

    # ---- feedback ------------------------------------------------------------------------------
    def _show_count(self, total: int) -> None:
        self.error_label.hide()
        number = QLocale().toString(total)
        text = self.tr("%1 grupp") if total == 1 else self.tr("%1 grupper")
        self.count_label.setText(text.replace("%1", number))
        self._selection()
        if total:
            self.stack.setCurrentWidget(self.view)
            return
        if self.model.search_text or self.model.status_filter:
            text = html.escape(self.model.search_text)
            self.empty.setText("<h3>" + self.tr("Ingen grupp matchar sökningen") + "</h3><p>"
                               + self.tr("Sök på namn, alias eller område, eller välj "
                                         "”Alla statusar”.") + (f" ({text})" if text else "")
                               + "</p>")
        else:
            self.empty.setText("<h3>" + self.tr("Inga grupper i valvet ännu") + "</h3><p>"
                               + self.tr("Registrera en grupp med ”Ny grupp” (Ctrl+N).")
                               + "</p>")
        self.stack.setCurrentWidget(self.empty)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _show_error_exc(self, exc: BaseException) -> None:
        self._show_error(user_message(exc))
