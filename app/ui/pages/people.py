"""The people register: search as you type, filters (group, frivård status, current or former
members), a lazily paged table, and a window per person (double-click, Enter or "Öppna");
"Ny person" opens the same window empty."""

from __future__ import annotations

import html

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
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import FrivardStatus
from app.services.drafts import Draft
from app.services.groups import GroupDTO
from app.ui.crash import user_message
from app.ui.dialogs.person import PersonWindow
from app.ui.events import concerns
from app.ui.icons import page_icon
from app.ui.labels import count_text, frivard_label, hits_text
from app.ui.pages.base import Page, PageContext
from app.ui.table_models.people import PeopleFilter, PeopleTableModel

SEARCH_DELAY_MS = 250


class PeoplePage(Page):
    key = "people"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        people = context.services.people
        self._people = people
        self._runner = context.runner
        self.model = PeopleTableModel(people, context.runner, parent=self)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök på namn, alias eller personnummer"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self.count_label = QLabel()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a4262c;")
        self.error_label.hide()

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
        self._size_columns()
        self.view.activated.connect(self._open_person)

        self.empty = QLabel()
        self.empty.setTextFormat(Qt.TextFormat.RichText)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty.setContentsMargins(48, 48, 48, 48)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        self.group_filter = QComboBox()
        self.group_filter.setMinimumContentsLength(14)
        self.group_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.group_filter.setToolTip(self.tr("Visa bara medlemmar i en grupp"))
        self.group_filter.addItem(self.tr("Alla grupper"), None)
        self.status_filter = QComboBox()
        self.status_filter.setToolTip(self.tr("Frivårdsstatus"))
        self.status_filter.addItem(self.tr("All frivårdsstatus"), None)
        for status in FrivardStatus:
            self.status_filter.addItem(frivard_label(status), status.value)
        self.standing_filter = QComboBox()
        self.standing_filter.setToolTip(self.tr(
            "Aktiva: medlem i någon grupp i dag. Tidigare: har varit medlem, är det inte nu."))
        self.standing_filter.addItem(self.tr("Alla"), "all")
        self.standing_filter.addItem(self.tr("Aktiva"), "active")
        self.standing_filter.addItem(self.tr("Tidigare"), "former")
        for combo in (self.group_filter, self.status_filter, self.standing_filter):
            combo.activated.connect(self._filters_changed)

        self.new_button = QPushButton(page_icon("add"), self.tr("Ny person"))
        self.new_button.setToolTip(self.tr("Lägg till en person (Ctrl+N)"))
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.clicked.connect(self.new_person)
        self.open_button = QPushButton(page_icon("edit"), self.tr("Öppna"))
        self.open_button.setToolTip(self.tr("Öppna den valda personen (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button = QPushButton(page_icon("delete"), self.tr("Ta bort"))
        self.delete_button.setToolTip(self.tr("Ta bort den valda personen (Delete)"))
        self.delete_button.clicked.connect(self.delete_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self.view, self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)

        tools = QHBoxLayout()
        tools.addWidget(self.new_button)
        tools.addWidget(self.open_button)
        tools.addWidget(self.delete_button)
        tools.addStretch(1)
        tools.addWidget(self.count_label)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.group_filter)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.standing_filter)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addLayout(filters)
        layout.addWidget(self.error_label)
        layout.addWidget(self.stack, 1)
        self.windows: dict[str, PersonWindow] = {}  # open person windows by person id
        self._new_windows: list[PersonWindow] = []
        self._selection_changed()

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._search_now)
        self.search.textChanged.connect(self._text_changed)
        self.search.returnPressed.connect(self._search_now)
        self.model.count_changed.connect(self._show_count)
        self.model.failed.connect(self._show_error)
        context.events.data_changed.connect(self._data_changed)

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        metrics = self.fontMetrics()
        em = metrics.horizontalAdvance("M")
        widths = {
            PeopleTableModel.LAST_NAME: 12 * em,
            PeopleTableModel.FIRST_NAME: 10 * em,
            PeopleTableModel.ALIASES: 11 * em,
            PeopleTableModel.PERSONNUMMER: metrics.horizontalAdvance("19991231-****") + 2 * em,
            PeopleTableModel.BIRTH_DATE: metrics.horizontalAdvance(self.tr("Födelsedatum"))
            + 2 * em,
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(PeopleTableModel.LAST_NAME, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)

    # ---- page life cycle -----------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Personer")

    def icon(self) -> QIcon:
        return page_icon("people")

    def load(self) -> None:
        """First listing (logged as a consultation like every new search). The rows go on the
        lane first: the group filter's list can wait, the user is looking at the table."""
        self.model.set_search(self.search.text())
        self._load_groups()

    def show_record(self, record_id: str) -> None:
        self.open_person(record_id)

    def _load_groups(self) -> None:
        groups = self.context.services.groups
        self._runner.run(groups.search, on_done=self._show_groups, on_error=self._show_error)

    def _show_groups(self, groups: list[GroupDTO]) -> None:
        chosen = self.group_filter.currentData()
        self.group_filter.blockSignals(True)
        while self.group_filter.count() > 1:
            self.group_filter.removeItem(1)
        for group in groups:
            self.group_filter.addItem(group.name, group.id)
        index = self.group_filter.findData(chosen) if chosen else 0
        self.group_filter.setCurrentIndex(max(index, 0))
        self.group_filter.blockSignals(False)
        if chosen and index < 0:  # the chosen group was removed meanwhile
            self._filters_changed()

    def _filters_changed(self) -> None:
        standing = self.standing_filter.currentData()
        self.model.set_filters(PeopleFilter(
            group_id=self.group_filter.currentData(),
            frivard_status=self.status_filter.currentData(),
            active_only=standing == "active", former_only=standing == "former"))

    def start(self) -> None:
        self.activate()

    def drafts(self) -> list[Draft]:
        windows = [*self.windows.values(), *self._new_windows]
        found = (w.draft() for w in windows if shiboken6.isValid(w))
        return [d for d in found if d is not None]

    def restore_draft(self, draft: Draft) -> bool:
        if draft.kind != "person":
            return False
        if draft.record_id is None or draft.record_gone:
            window = self.new_person()
        else:
            window = self.open_person(draft.record_id)
        window.restore_draft(draft)
        return True

    def clear(self) -> None:
        """The vault is being locked: drop every row and what was typed."""
        super().clear()
        for window in [*self.windows.values(), *self._new_windows]:
            if shiboken6.isValid(window):
                window.discard()
        self.windows.clear()
        self._new_windows.clear()
        self._debounce.stop()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.model.clear()
        for combo in (self.group_filter, self.status_filter, self.standing_filter):
            combo.setCurrentIndex(0)
        while self.group_filter.count() > 1:
            self.group_filter.removeItem(1)
        self.count_label.clear()
        self.error_label.hide()
        self.stack.setCurrentWidget(self.view)

    def _text_changed(self, text: str) -> None:
        # One letter matches a fifth of a large register, and counting and ordering that
        # many takes longer than a keystroke should (docs/benchmarks.md): as-you-type search
        # starts at two characters; Enter searches for a single one on purpose.
        if len(text.strip()) == 1:
            self._debounce.stop()
            self.count_label.setText(self.tr("Skriv ett tecken till (eller Enter)"))
            return
        self._debounce.start()

    def _search_now(self) -> None:
        self._debounce.stop()
        self.model.set_search(self.search.text())

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if column not in PeopleTableModel.SORTABLE:
            # Only the name order exists in SQL; put the arrow back where the order really is.
            header = self.view.horizontalHeader()
            header.blockSignals(True)
            current = (Qt.SortOrder.DescendingOrder if self.model.descending
                       else Qt.SortOrder.AscendingOrder)
            header.setSortIndicator(PeopleTableModel.LAST_NAME, current)
            header.blockSignals(False)
            return
        self.model.sort(column, order)

    def _show_count(self, total: int) -> None:
        self.error_label.hide()
        text = self.model.search_text
        filtered = self.model.filters != PeopleFilter()
        self.count_label.setText(hits_text(total) if text or filtered else count_text(total))
        if total:
            self.stack.setCurrentWidget(self.view)
            return
        if text:
            self.empty.setText(self._no_hits_html(text))
        elif filtered:
            self.empty.setText(self._no_filter_hits_html())
        else:
            self.empty.setText(self._no_people_html())
        self.stack.setCurrentWidget(self.empty)

    def _no_people_html(self) -> str:
        title = self.tr("Inga personer i valvet ännu")
        body = self.tr("Importera personer från ett kalkylblad med %1, eller prova Mottryck med "
                       "påhittade personer: %2.")
        body = body.replace("%1", "<code>mottryck import people FIL</code>").replace(
            "%2", "<code>mottryck demo --vault MAPP</code>")
        return f"<h3>{title}</h3><p>{body}</p>"

    def _no_hits_html(self, text: str) -> str:
        title = self.tr("Ingen person matchar ”%1”").replace("%1", html.escape(text))
        body = self.tr("Sök på förnamn, efternamn, alias eller personnummer. Början av ett ord "
                       "räcker: ”lin” hittar Lindqvist.")
        return f"<h3>{title}</h3><p>{body}</p>"

    def _no_filter_hits_html(self) -> str:
        title = self.tr("Ingen person matchar filtret")
        body = self.tr("Välj ”Alla grupper”, ”All frivårdsstatus” och ”Alla” för att se hela "
                       "registret.")
        return f"<h3>{title}</h3><p>{body}</p>"

    def _show_error(self, message: str | BaseException) -> None:
        if isinstance(message, BaseException):
            message = user_message(message)
        self.error_label.setText(message)
        self.error_label.show()

    def _data_changed(self, entity_type: str) -> None:
        if not self._loaded:
            return
        if concerns(entity_type, "group"):
            self._load_groups()
        if concerns(entity_type, "person", "group", "membership"):
            self.model.refresh()

    # ---- people ------------------------------------------------------------------------
    def _selected_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.person_id(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        chosen = self._selected_id() is not None
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _open_person(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_person(self.model.person_id(index.row()))

    def open_selected(self) -> None:
        person_id = self._selected_id()
        if person_id is not None:
            self.open_person(person_id)

    def open_person(self, person_id: str) -> PersonWindow:
        """The person's window: the one already open, raised, or a new one."""
        window = self.windows.get(person_id)
        if window is not None and shiboken6.isValid(window):
            window.showNormal()
            window.raise_()
            window.activateWindow()
            return window
        window = self._window(person_id)
        self.windows[person_id] = window
        return window

    def new_person(self) -> PersonWindow:
        window = self._window(None)
        self._new_windows.append(window)
        return window

    def _window(self, person_id: str | None) -> PersonWindow:
        # Top-level without a parent: it can stand beside the main window on its own. The
        # page closes it on locking, and it never keeps the program running by itself.
        window = PersonWindow(self.context, person_id)
        window.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        window.open_record.connect(self.open_record)
        window.status_message.connect(self.status_message)
        window.person_saved.connect(lambda pid: self._track(window, pid))
        window.destroyed.connect(lambda: self._forget(window))
        window.show()
        return window

    def _track(self, window: PersonWindow, person_id: str) -> None:
        """A new person's window now belongs to that person."""
        if window in self._new_windows:
            self._new_windows.remove(window)
        self.windows[person_id] = window

    def _forget(self, window: PersonWindow) -> None:
        self.windows = {k: w for k, w in self.windows.items() if w is not window}
        self._new_windows = [w for w in self._new_windows if w is not window]

    def delete_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        row = rows[0].row()
        person_id = self.model.person_id(row)
        name = " ".join(str(self.model.data(self.model.index(row, column)))
                        for column in (PeopleTableModel.FIRST_NAME, PeopleTableModel.LAST_NAME))
        answer = QMessageBox.question(
            self, self.tr("Ta bort person"),
            self.tr("Ta bort %1 ur registret? Personen försvinner ur listor och sökningar; "
                    "borttagningen loggas.").replace("%1", name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._runner.run(self._people.delete, person_id,
                         on_done=lambda _r: self._deleted(person_id, name),
                         on_error=self._show_error, owner=self)

    def _deleted(self, person_id: str, name: str) -> None:
        window = self.windows.pop(person_id, None)
        if window is not None and shiboken6.isValid(window):
            window.discard()
        self.context.events.changed("person")
        self.status_message.emit(self.tr("%1 har tagits bort").replace("%1", name))
