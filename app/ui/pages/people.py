"""The people list: search as you type, a lazily paged table, and a person's details on
double-click (or Enter)."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.dialogs.person import PersonDialog
from app.ui.events import concerns
from app.ui.icons import page_icon
from app.ui.labels import count_text, hits_text
from app.ui.pages.base import Page, PageContext
from app.ui.table_models.people import PeopleTableModel

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
        self.search.setMinimumWidth(320)
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

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addSpacing(16)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(self.stack, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._search_now)
        self.search.textChanged.connect(self._debounce.start)
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
        """First listing (logged as a consultation like every new search)."""
        self.model.set_search(self.search.text())

    def start(self) -> None:
        self.activate()

    def clear(self) -> None:
        """The vault is being locked: drop every row and what was typed."""
        super().clear()
        self._debounce.stop()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.model.clear()
        self.count_label.clear()
        self.error_label.hide()
        self.stack.setCurrentWidget(self.view)

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
        self.count_label.setText(hits_text(total) if text else count_text(total))
        if total:
            self.stack.setCurrentWidget(self.view)
            return
        if text:
            self.empty.setText(self._no_hits_html(text))
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

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _data_changed(self, entity_type: str) -> None:
        if concerns(entity_type, "person", "group", "membership"):
            self.model.refresh()

    def _open_person(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        person_id = self.model.person_id(index.row())
        dialog = PersonDialog(self._people, self._runner, person_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
