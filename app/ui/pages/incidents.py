"""The incident register: filters (place search, type, period, GMI, group), a lazily paged
table newest first that a header click sorts by another column, and new / open / delete.
Opening a row (double-click or Enter) shows the form."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QModelIndex, Qt, QTimer
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

from app.models.enums import Gmi, IncidentType
from app.services.drafts import Draft
from app.services.groups import GroupDTO
from app.ui.crash import user_message
from app.ui.dialogs.incident import IncidentDialog
from app.ui.icons import page_icon
from app.ui.labels import gmi_label, incident_type_label
from app.ui.pages.base import Page, PageContext
from app.ui.period import PeriodFilter
from app.ui.table_models.incidents import IncidentFilter, IncidentTableModel
from app.ui.widgets.empty_state import EmptyState

ERROR_STYLE = "color: #a4262c;"
GROUPS_MAX = 5000  # a working group follows tens of groups; the chooser lists them all
TYPING_DELAY_MS = 300


class IncidentsPage(Page):
    key = "incidents"
    watches = ("incident", "group", "person")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = IncidentTableModel(context.services.incidents, context.runner, parent=self)
        self.dialog: IncidentDialog | None = None

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök plats eller område"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(TYPING_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.apply_filter)
        self.type_filter = QComboBox()
        self.type_filter.addItem(self.tr("Alla typer"), None)
        for kind in IncidentType:
            self.type_filter.addItem(incident_type_label(kind), kind.value)
        self.gmi_filter = QComboBox()
        self.gmi_filter.addItem(self.tr("GMI: alla"), None)
        for code in (Gmi.YES, Gmi.NO, Gmi.UNKNOWN):
            self.gmi_filter.addItem(self.tr("GMI: %1").replace("%1", gmi_label(code).lower()),
                                    code.value)
        self.group_filter = QComboBox()
        self.group_filter.addItem(self.tr("Alla grupper"), None)
        self.group_filter.setMinimumContentsLength(16)
        self.group_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.period = PeriodFilter()
        for combo in (self.type_filter, self.gmi_filter, self.group_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.period.changed.connect(self.apply_filter)

        self.new_button = QPushButton(page_icon("add"), self.tr("Ny händelse"))
        self.new_button.setToolTip(self.tr("Registrera en ny händelse (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_incident)
        self.open_button = QPushButton(page_icon("edit"), self.tr("Öppna"))
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button = QPushButton(page_icon("delete"), self.tr("Ta bort"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.count_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        new = QShortcut(QKeySequence.StandardKey.New, self)
        new.activated.connect(self.new_incident)

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setShowGrid(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.view.activated.connect(self._open_index)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view)
        delete.activated.connect(self.delete_selected)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self._size_columns()
        self._selection_changed()

        self.empty = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.type_filter)
        filters.addWidget(self.gmi_filter)
        filters.addWidget(self.group_filter)
        actions = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.period)
        layout.addLayout(actions)
        layout.addWidget(self.error_label)
        layout.addWidget(self.stack, 1)

        self.model.count_changed.connect(self._show_count)
        self.model.failed.connect(self._show_error)

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        metrics = self.fontMetrics()
        pad = metrics.horizontalAdvance("MM")

        def fits(*texts: str) -> int:
            return max(metrics.horizontalAdvance(t) for t in texts) + pad

        model = IncidentTableModel
        widths = {model.WHEN: fits("2026-12-31 23:59"),
                  model.TYPE: fits(*(incident_type_label(k) for k in IncidentType)),
                  model.PLACE: fits("Kyrkogårdsgatan 120"), model.AREA: fits("Augustenborg"),
                  model.GMI: fits(*(gmi_label(g) for g in Gmi), self.tr("GMI")),
                  model.INJURED: fits(self.tr("Skadade")), model.KILLED: fits(self.tr("Döda"))}
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(*IncidentTableModel.DEFAULT_SORT)
        header.sortIndicatorChanged.connect(self._sort_changed)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if column not in IncidentTableModel.SORTABLE:
            # The involved groups have no one value to sort by: the arrow stays where the
            # order really is.
            header = self.view.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column, self.model.sort_order)
            header.blockSignals(False)
            return
        self.model.sort(column, order)

    # ---- page life cycle -------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Händelser")

    def icon(self) -> QIcon:
        return page_icon("incidents")

    def load(self) -> None:
        self.context.runner.run(partial(self.context.services.groups.search, "", limit=GROUPS_MAX),
                                on_done=self._fill_groups, on_error=self._show_exc)
        self.model.set_filter(self.current_filter())

    def clear(self) -> None:
        super().clear()
        self._debounce.stop()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        if self.dialog is not None:
            self.dialog.discard()  # its draft was collected first; nothing typed may stay
            self.dialog = None
        self.model.clear()
        self.period.clear()
        for combo in (self.type_filter, self.gmi_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.group_filter.blockSignals(True)
        while self.group_filter.count() > 1:
            self.group_filter.removeItem(1)
        self.group_filter.blockSignals(False)
        self.count_label.clear()
        self.error_label.hide()

    def show_record(self, record_id: str) -> None:
        self._open(record_id)

    # ---- filters ---------------------------------------------------------------------------
    def current_filter(self) -> IncidentFilter:
        kind, gmi = self.type_filter.currentData(), self.gmi_filter.currentData()
        return IncidentFilter(type=IncidentType(kind) if kind else None,
                              since=self.period.since, until=self.period.until,
                              gmi=Gmi(gmi) if gmi else None,
                              group_id=self.group_filter.currentData() or None,
                              text=self.search.text().strip())

    def apply_filter(self) -> None:
        self._debounce.stop()
        if self.period.is_valid():
            self.model.set_filter(self.current_filter())

    def _fill_groups(self, groups: list[GroupDTO]) -> None:
        chosen = self.group_filter.currentData()
        self.group_filter.blockSignals(True)
        while self.group_filter.count() > 1:
            self.group_filter.removeItem(1)
        for group in groups:
            self.group_filter.addItem(group.name, group.id)
        index = self.group_filter.findData(chosen) if chosen else 0
        self.group_filter.setCurrentIndex(max(index, 0))
        self.group_filter.blockSignals(False)
        if chosen and index < 0:  # the chosen group was deleted meanwhile
            self.apply_filter()

    def _filtered(self) -> bool:
        f = self.current_filter()
        return any((f.type, f.since, f.until, f.gmi, f.group_id, f.text))

    def _show_count(self, total: int) -> None:
        self.error_label.hide()
        text = self.tr("%1 händelse") if total == 1 else self.tr("%1 händelser")
        self.count_label.setText(text.replace("%1", self.locale().toString(total)))
        self._selection_changed()
        if total:
            self.stack.setCurrentWidget(self.view)
            return
        if self._filtered():
            title = self.tr("Inga händelser matchar filtret")
            body = self.tr("Töm sökrutan eller välj ”Alla typer”, ”Alla grupper” eller "
                           "perioden ”Allt” för att se fler.")
        else:
            title = self.tr("Inga händelser registrerade ännu")
            body = self.tr("Registrera skjutningar, sprängningar och annat våld med "
                           "”Ny händelse” (Ctrl+N).")
        self.empty.say(title, body)
        self.stack.setCurrentWidget(self.empty)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _show_exc(self, exc: BaseException) -> None:
        self._show_error(user_message(exc))

    # ---- actions ---------------------------------------------------------------------------
    def _selected_id(self) -> str | None:
        index = self.view.currentIndex()
        selected = self.view.selectionModel().hasSelection()
        return self.model.id_at(index.row()) if index.isValid() and selected else None

    def _selection_changed(self, *_args: object) -> None:
        has = self._selected_id() is not None
        self.open_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def drafts(self) -> list[Draft]:
        draft = self.dialog.draft() if self.dialog is not None else None
        return [draft] if draft is not None else []

    def restore_draft(self, draft: Draft) -> bool:
        if draft.kind != "incident":
            return False
        gone = draft.record_id is None or draft.record_gone
        self._open(None if gone else draft.record_id).restore_draft(draft)
        return True

    def new_incident(self) -> None:
        self._open(None)

    def open_selected(self) -> None:
        incident_id = self._selected_id()
        if incident_id is not None:
            self._open(incident_id)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self._open(self.model.id_at(index.row()))

    def _open(self, incident_id: str | None) -> IncidentDialog:
        if self.dialog is not None:
            self.dialog.close()
        services = self.context.services
        dialog = IncidentDialog(services.incidents, services.groups, services.people,
                                self.context.runner, incident_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.open_record.connect(self.open_record)
        dialog.finished.connect(self._dialog_finished)
        self.dialog = dialog
        dialog.show()
        return dialog

    def _dialog_finished(self) -> None:
        if self.sender() is self.dialog:
            self.dialog = None

    def _saved(self, incident_id: str) -> None:
        self.status_message.emit(self.tr("Händelsen är sparad."))
        self.context.events.changed("incident")

    def delete_selected(self) -> None:
        incident_id = self._selected_id()
        if incident_id is None:
            return
        row = self.model.row_at(self.view.currentIndex().row())
        question = self.tr("Ta bort händelsen %1 (%2)?").replace(
            "%1", row.occurred_at.strftime("%Y-%m-%d %H:%M")).replace(
            "%2", incident_type_label(row.type).lower())
        answer = QMessageBox.question(
            self, self.tr("Ta bort händelse"),
            question + "\n\n" + self.tr("Händelsen försvinner ur listor och översikter."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.context.runner.run(self.context.services.incidents.delete, incident_id,
                                on_done=lambda _r: self._deleted(), on_error=self._show_exc,
                                owner=self)

    def _deleted(self) -> None:
        self.status_message.emit(self.tr("Händelsen är borttagen."))
        self.context.events.changed("incident")
