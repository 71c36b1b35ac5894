"""The call-in register: every call-in with its date, venue, status, groups and how many were
invited and came; filter by status, search by title, venue or group; a window per call-in
(double-click, Enter or "Öppna")."""

from __future__ import annotations

from datetime import datetime

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import CallInStatus
from app.services.callin_dto import CallInPlan, CallInSummary
from app.services.callin_plan_json import plan_to_json
from app.services.drafts import Draft
from app.ui.crash import user_message
from app.ui.dialogs.callin import CallInWindow
from app.ui.dialogs.callin_wizard import CallInWizard
from app.ui.icons import page_icon
from app.ui.labels import callin_status_label
from app.ui.pages.base import Page, PageContext
from app.ui.table_models.callins import CallInsModel
from app.ui.widgets.empty_state import EmptyState
from app.ui.widgets.field_errors import error_label

SEARCH_DELAY_MS = 250


class CallInsPage(Page):
    key = "callins"
    watches = ("callin", "group", "person", "notification", "letter")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._callins = context.services.callins
        self._runner = context.runner
        self.model = CallInsModel(self)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök på rubrik, plats eller grupp"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self.status_filter = QComboBox()
        self.status_filter.setToolTip(self.tr("Visa bara call-ins med en viss status"))
        self.status_filter.addItem(self.tr("Alla"), None)
        for status in CallInStatus:
            self.status_filter.addItem(callin_status_label(status), status.value)
        self.status_filter.activated.connect(self.reload)
        self.count_label = QLabel()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.error_label = error_label()

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setShowGrid(False)
        self.view.setSortingEnabled(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self._size_columns()
        self.view.activated.connect(self._open_index)

        self.empty = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        self.open_button = QPushButton(page_icon("edit"), self.tr("Öppna"))
        self.open_button.setToolTip(self.tr("Öppna den valda call-in (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)

        self.new_button = QPushButton(page_icon("add"), self.tr("Ny call-in…"))
        self.new_button.setToolTip(self.tr("Planera en ny call-in steg för steg (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_callin)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_callin)
        self.plan_button = QPushButton(self.tr("Fortsätt planera"))
        self.plan_button.setToolTip(self.tr("Fortsätt planera det valda utkastet"))
        self.plan_button.clicked.connect(self.continue_planning)
        self.wizard: CallInWizard | None = None
        self.tools = QHBoxLayout()
        self.tools.addWidget(self.new_button)
        self.tools.addWidget(self.plan_button)
        self.tools.addWidget(self.open_button)
        self.tools.addStretch(1)
        self.tools.addWidget(self.count_label)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)
        layout = QVBoxLayout(self)
        layout.addLayout(self.tools)
        layout.addLayout(filters)
        layout.addWidget(self.error_label)
        layout.addWidget(self.stack, 1)

        self.windows: dict[str, CallInWindow] = {}
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self.reload)
        self._selection_changed()

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        metrics = self.fontMetrics()
        em = metrics.horizontalAdvance("M")
        widths = {CallInsModel.DATE: metrics.horizontalAdvance("2026-12-31 18:00") + 2 * em,
                  CallInsModel.VENUE: 14 * em,
                  CallInsModel.STATUS: metrics.horizontalAdvance(self.tr("Genomförd")) + 2 * em,
                  CallInsModel.GROUPS: 16 * em,
                  CallInsModel.INVITED: metrics.horizontalAdvance(self.tr("Inbjudna")) + 2 * em,
                  CallInsModel.ATTENDED: metrics.horizontalAdvance(self.tr("Deltog")) + 2 * em}
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        # The title takes what is left: it is what people read the list by.
        header.setSectionResizeMode(CallInsModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # The service's order (undated drafts, then newest first) until a header is clicked.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    # ---- page life cycle -----------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Call-ins")

    def icon(self) -> QIcon:
        return page_icon("callins")

    def load(self) -> None:
        self.reload()

    def reload(self) -> None:
        """List again with the current filter and search (after a write elsewhere, too)."""
        self._debounce.stop()
        status = self.status_filter.currentData()
        text = self.search.text().strip()
        self._runner.run(self._callins.list, status, text or None,
                         on_done=lambda rows: self._show(rows, status, text),
                         on_error=self._show_error, owner=self)

    def show_record(self, record_id: str) -> None:
        self.open_callin(record_id)

    def drafts(self) -> list[Draft]:
        found = [w.draft() for w in self.windows.values() if shiboken6.isValid(w)]
        if self.wizard is not None and shiboken6.isValid(self.wizard) \
                and self.wizard.isVisible():
            found.append(self.wizard.draft())
        return [d for d in found if d is not None]

    def restore_draft(self, draft: Draft) -> bool:
        if draft.kind == "callin" and draft.record_id is not None and not draft.record_gone:
            self.open_callin(draft.record_id).restore_draft(draft)
            return True
        if draft.kind == "callin":
            # The call-in was deleted meanwhile: what was typed comes back as a new plan.
            draft = Draft("callin_plan", None, {"plan": plan_to_json(_plan_of_details(
                draft.fields)), "step": "0"}, record_gone=True)
        if draft.kind != "callin_plan":
            return False
        gone = draft.record_id is None or draft.record_gone
        self._plan(None if gone else draft.record_id).restore_draft(draft)
        return True

    def clear(self) -> None:
        super().clear()
        for window in list(self.windows.values()):
            if shiboken6.isValid(window):
                window.discard()
        self.windows.clear()
        if self.wizard is not None and shiboken6.isValid(self.wizard):
            self.wizard.discard()
        self.wizard = None
        self._debounce.stop()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.status_filter.setCurrentIndex(0)
        self.model.clear()
        self.count_label.clear()
        self.error_label.hide()
        self.stack.setCurrentWidget(self.view)

    # ---- showing -------------------------------------------------------------------------
    def _show(self, rows: list[CallInSummary], status: str | None, text: str) -> None:
        chosen = self.selected_id()
        self.error_label.hide()
        self.model.set_callins(rows)
        n = len(rows)
        self.count_label.setText(self.tr("1 call-in") if n == 1 else self.tr(
            "%1 call-ins").replace("%1", str(n)))
        if chosen is not None and (row := self.model.row_of(chosen)) >= 0:
            self.view.selectRow(row)
        if rows:
            self.stack.setCurrentWidget(self.view)
            return
        if text or status:
            title = self.tr("Ingen call-in matchar ”%1”").replace("%1", text) \
                if text else self.tr("Ingen call-in har den statusen")
            body = self.tr("Töm sökrutan och välj ”Alla” för att se hela listan.")
        else:
            title = self.tr("Inga call-ins ännu")
            body = self.tr("En call-in planeras i steg: datum och plats, vilka grupper den "
                           "riktar sig till, vilka som bjuds in och varför, talarna och "
                           "logistiken. Börja med ”Ny call-in…”; ett utkast kan sparas och "
                           "planeras färdigt senare.")
        self.empty.say(title, body)
        self.stack.setCurrentWidget(self.empty)

    def _show_error(self, exc: BaseException) -> None:
        self.error_label.setText(user_message(exc))
        self.error_label.show()

    # ---- call-ins ------------------------------------------------------------------------
    def selected_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.callin(rows[0].row()).id if rows else None

    def _selection_changed(self) -> None:
        self.open_button.setEnabled(self.selected_id() is not None)
        rows = self.view.selectionModel().selectedRows()
        self.plan_button.setEnabled(bool(rows) and self.model.callin(rows[0].row()).status
                                    is CallInStatus.DRAFT)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_callin(self.model.callin(index.row()).id)

    def open_selected(self) -> None:
        call_in_id = self.selected_id()
        if call_in_id is not None:
            self.open_callin(call_in_id)

    def open_callin(self, call_in_id: str) -> CallInWindow:
        """The call-in's window: the one already open, raised, or a new one."""
        window = self.windows.get(call_in_id)
        if window is not None and shiboken6.isValid(window):
            window.showNormal()
            window.raise_()
            window.activateWindow()
            return window
        # Top-level without a parent, like the person window; closed by the page on locking.
        window = CallInWindow(self.context, call_in_id)
        window.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        window.open_record.connect(self.open_record)
        window.status_message.connect(self.status_message)
        window.destroyed.connect(lambda: self._forget(call_in_id))
        self.windows[call_in_id] = window
        window.show()
        return window

    def _forget(self, call_in_id: str) -> None:
        self.windows.pop(call_in_id, None)

    # ---- planning ------------------------------------------------------------------------
    def new_callin(self) -> CallInWizard:
        return self._plan(None)

    def continue_planning(self) -> None:
        call_in_id = self.selected_id()
        if call_in_id is not None and self.plan_button.isEnabled():
            self._plan(call_in_id)

    def _plan(self, call_in_id: str | None) -> CallInWizard:
        """One wizard at a time: a second request raises the one already open."""
        if self.wizard is not None and shiboken6.isValid(self.wizard) \
                and self.wizard.isVisible():
            self.wizard.raise_()
            self.wizard.activateWindow()
            return self.wizard
        wizard = CallInWizard(self.context, call_in_id, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.saved.connect(lambda _id: self.status_message.emit(self.tr("Call-in sparad")))
        self.wizard = wizard
        wizard.show()
        return wizard


def _plan_of_details(fields: dict[str, str]) -> CallInPlan:
    """A plan from the call-in window's typed details (its time as ÅÅÅÅ-MM-DD TT:MM)."""
    try:
        starts: datetime | None = datetime.strptime(fields.get("starts_at", ""),
                                                    "%Y-%m-%d %H:%M")
    except ValueError:
        starts = None
    return CallInPlan(title=fields.get("title", ""), starts_at=starts,
                      venue=fields.get("venue") or None,
                      security_plan=fields.get("security_plan") or None,
                      practical_notes=fields.get("practical_notes") or None)
