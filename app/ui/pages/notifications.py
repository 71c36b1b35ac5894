"""Riktade samtal: every notification — custom notifications and call-in invitations — newest
first, with the doses of the chosen period above the list. Filters: kind, period, group and
the names (or call-in title) typed in the search box, all in SQL. A custom notification opens
in a window of its own; an invitation opens its call-in."""

from __future__ import annotations

from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import QLocale, QModelIndex, Qt, QTimer
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
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

from app.models.enums import NotificationKind
from app.services.doses import Doses
from app.services.drafts import Draft
from app.services.groups import GroupDTO
from app.services.notifications import NotificationService, NotificationSummary
from app.ui.crash import user_message
from app.ui.dialogs.notification import NotificationWindow
from app.ui.dialogs.notification_wizard import NotificationWizard
from app.ui.icons import page_icon
from app.ui.labels import notification_kind_label
from app.ui.pages.base import Page, PageContext
from app.ui.period import PeriodFilter
from app.ui.table_models.notifications import NotificationsModel
from app.ui.widgets.empty_state import EmptyState
from app.ui.widgets.field_errors import error_label
from app.ui.widgets.stat_card import StatCard

SEARCH_DELAY_MS = 250
LIST_LIMIT = 2000  # a period's notifications; the newest are listed when there are more

Loaded = tuple[list[NotificationSummary], Doses]


def _load(service: NotificationService, kind: str | None, since: date | None,
          until: date | None, group_id: str | None, text: str) -> Loaded:
    """Runs on the lane: the rows and the period's doses, for the same filters (the doses
    are the period's and group's: the search narrows the list, not what was achieved)."""
    rows = service.list(group_id=group_id, kind=kind, since=since, until=until,
                        search=text or None, limit=LIST_LIMIT)
    doses = (service.doses_for_group(group_id, since=since, until=until) if group_id
             else service.dose_summary(since, until))
    return rows, doses


class NotificationsPage(Page):
    key = "notifications"
    watches = ("notification", "callin", "person", "group", "membership")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._service = context.services.notifications
        self.model = NotificationsModel(self)

        self.cards = {name: StatCard() for name in ("people", "repeat", "doses", "invitations")}
        cards = QHBoxLayout()
        for card in self.cards.values():
            cards.addWidget(card)
        self.kind_filter = QComboBox()
        self.kind_filter.setToolTip(self.tr("Visa bara ett slag av samtal"))
        self.kind_filter.addItem(self.tr("Alla slag"), None)
        for kind in NotificationKind:
            self.kind_filter.addItem(notification_kind_label(kind), kind.value)
        self.kind_filter.activated.connect(self.reload)
        self.group_filter = QComboBox()
        self.group_filter.setToolTip(self.tr("Bara samtal till personer som var medlemmar i "
                                             "gruppen den dagen"))
        self.group_filter.addItem(self.tr("Alla grupper"), None)
        self.group_filter.activated.connect(self.reload)
        self.period = PeriodFilter()
        self.period.changed.connect(self.reload)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök på namn eller call-in"))
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
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
        self._size_columns()
        self.view.activated.connect(self._open_index)
        self.empty = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        self.new_button = QPushButton(page_icon("add"), self.tr("Nytt riktat samtal…"))
        self.new_button.setToolTip(self.tr("Registrera ett riktat samtal steg för steg "
                                           "(Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.new_notification())
        QShortcut(QKeySequence.StandardKey.New, self, lambda: self.new_notification())
        self.open_button = QPushButton(page_icon("edit"), self.tr("Öppna"))
        self.open_button.setToolTip(self.tr("Öppna det valda samtalet (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)

        tools = QHBoxLayout()
        tools.addWidget(self.new_button)
        tools.addWidget(self.open_button)
        tools.addStretch(1)
        tools.addWidget(self.count_label)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.group_filter)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addLayout(filters)
        layout.addWidget(self.period)
        layout.addLayout(cards)
        layout.addWidget(self.error_label)
        layout.addWidget(self.stack, 1)

        self.windows: dict[str, NotificationWindow] = {}
        self.wizard: NotificationWizard | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.reload)
        self._selection_changed()

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        metrics = self.fontMetrics()
        em = metrics.horizontalAdvance("M")
        longest_kind = max(metrics.horizontalAdvance(notification_kind_label(k))
                           for k in NotificationKind)
        for column, width in ((NotificationsModel.DATE,
                               metrics.horizontalAdvance("2026-12-31 18:00") + 2 * em),
                              (NotificationsModel.KIND, longest_kind + 2 * em),
                              (NotificationsModel.PEOPLE, 16 * em),
                              (NotificationsModel.TRIGGER, 12 * em),
                              (NotificationsModel.SETTING, 10 * em),
                              (NotificationsModel.TEAM, 18 * em)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order

    # ---- page life cycle -----------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Riktade samtal")

    def icon(self) -> QIcon:
        return page_icon("notifications")

    def load(self) -> None:
        self.context.runner.run(self.context.services.groups.search, on_done=self._groups,
                                owner=self)
        self.reload()

    def reload(self) -> None:
        if not self.period.is_valid():
            return
        self._debounce.stop()
        kind, group_id = self.kind_filter.currentData(), self.group_filter.currentData()
        text = self.search.text().strip()
        self.context.runner.run(_load, self._service, kind, self.period.since,
                                self.period.until, group_id, text,
                                on_done=lambda loaded: self._show(loaded, text),
                                on_error=self._show_error, owner=self)

    def show_record(self, record_id: str) -> None:
        self.open_notification(record_id)

    def drafts(self) -> list[Draft]:
        """Every open notification wizard of this vault: the page's, a notification window's
        and a person window's (whichever page the wizard was opened from, it comes back
        here)."""
        services = self.context.services
        found = (w.draft() for w in QApplication.topLevelWidgets()
                 if isinstance(w, NotificationWizard) and shiboken6.isValid(w)
                 and w.isVisible() and w.context.services is services)
        return [d for d in found if d is not None]

    def restore_draft(self, draft: Draft) -> bool:
        if draft.kind != "notification":
            return False
        if draft.record_id is not None and not draft.record_gone:
            self.open_notification(draft.record_id).edit().restore_draft(draft)
        else:
            self._wizard(None).restore_draft(draft)
        return True

    def clear(self) -> None:
        super().clear()
        for window in list(self.windows.values()):
            if shiboken6.isValid(window):
                window.discard()
        self.windows.clear()
        for wizard in self.findChildren(NotificationWizard):
            wizard.discard()
        self.wizard = None
        self._debounce.stop()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.kind_filter.setCurrentIndex(0)
        while self.group_filter.count() > 1:
            self.group_filter.removeItem(1)
        self.period.clear()
        self.model.clear()
        for card in self.cards.values():
            card.clear()
        self.count_label.clear()
        self.error_label.hide()

    # ---- showing -------------------------------------------------------------------------
    def _groups(self, groups: list[GroupDTO]) -> None:
        chosen = self.group_filter.currentData()
        while self.group_filter.count() > 1:
            self.group_filter.removeItem(1)
        for g in groups:
            self.group_filter.addItem(g.name, g.id)
        self.group_filter.setCurrentIndex(max(self.group_filter.findData(chosen), 0))

    def _show(self, loaded: Loaded, text: str) -> None:
        rows, doses = loaded
        chosen = self.selected()
        self.error_label.hide()
        self.model.set_notifications(rows)
        if chosen is not None and (row := self.model.row_of(chosen.id)) >= 0:
            self.view.selectRow(row)
        self.show_doses(doses)
        self._show_count(text)

    def show_doses(self, doses: Doses) -> None:
        n = doses.people
        self.cards["people"].set_value(n, self.tr("person nådd av budskapet") if n == 1
                                       else self.tr("personer nådda av budskapet"))
        n = doses.repeat_people
        self.cards["repeat"].set_value(n, self.tr("av dem mer än en gång"))
        n = doses.total
        self.cards["doses"].set_value(n, self.tr("dos (samtal och call-ins)") if n == 1
                                      else self.tr("doser (samtal och call-ins)"))
        n = doses.invitations
        self.cards["invitations"].set_value(n, self.tr("kallelse till call-in") if n == 1
                                            else self.tr("kallelser till call-in"))

    def _show_count(self, text: str) -> None:
        shown = self.model.rowCount()
        self.count_label.setText(self.tr("1 samtal") if shown == 1 else self.tr(
            "%1 samtal").replace("%1", QLocale().toString(shown)))
        if shown >= LIST_LIMIT:
            self.count_label.setText(self.tr("de %1 senaste").replace(
                "%1", QLocale().toString(shown)))
        if shown:
            self.stack.setCurrentWidget(self.view)
            return
        if text:
            title = self.tr("Inget samtal matchar ”%1”").replace("%1", text)
            body = self.tr("Sökningen gäller namnen på dem som fick budskapet och rubriken "
                           "på call-in. Töm sökrutan för att se alla samtal i perioden.")
        elif self.kind_filter.currentData() or self.group_filter.currentData() \
                or self.period.since or self.period.until:
            title = self.tr("Inget samtal matchar")
            body = self.tr("Töm sökrutan, välj ”Alla slag” och ”Alla grupper” och ”Allt” som "
                           "period för att se hela listan.")
        else:
            title = self.tr("Inga riktade samtal ännu")
            body = self.tr("Ett riktat samtal är budskapet framfört till en person, ansikte "
                           "mot ansikte: hemma, på gatan eller hos frivården. Registrera ett med "
                           "”Nytt riktat samtal…”. Kallelser till call-ins visas här när de "
                           "skickas från en call-in.")
        self.empty.say(title, body)
        self.stack.setCurrentWidget(self.empty)

    def _show_error(self, exc: BaseException) -> None:
        self.error_label.setText(user_message(exc))
        self.error_label.show()

    # ---- opening -------------------------------------------------------------------------
    def selected(self) -> NotificationSummary | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.notification(rows[0].row()) if rows else None

    def _selection_changed(self, *_args: Any) -> None:
        self.open_button.setEnabled(self.selected() is not None)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_summary(self.model.notification(index.row()))

    def open_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.open_summary(chosen)

    def open_summary(self, n: NotificationSummary) -> None:
        if n.kind is NotificationKind.CALLIN_INVITATION:
            if n.callin_id:
                self.open_record.emit("callin", n.callin_id)
            return
        self.open_notification(n.id)

    def open_notification(self, notification_id: str) -> NotificationWindow:
        window = self.windows.get(notification_id)
        if window is not None and shiboken6.isValid(window):
            window.showNormal()
            window.raise_()
            window.activateWindow()
            return window
        window = NotificationWindow(self.context, notification_id)
        window.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        window.open_record.connect(self.open_record)
        window.status_message.connect(self.status_message)
        window.destroyed.connect(lambda: self.windows.pop(notification_id, None))
        self.windows[notification_id] = window
        window.show()
        return window

    def new_notification(self, people: list[tuple[str, str]] | None = None
                         ) -> NotificationWizard:
        """One wizard at a time: a second request raises the one already open."""
        if self.wizard is not None and shiboken6.isValid(self.wizard) \
                and self.wizard.isVisible():
            self.wizard.raise_()
            self.wizard.activateWindow()
            return self.wizard
        return self._wizard(people)

    def _wizard(self, people: list[tuple[str, str]] | None) -> NotificationWizard:
        """A new wizard (drafts restored after a lock may need more than one)."""
        wizard = NotificationWizard(self.context, people=people, parent=self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.saved.connect(lambda _id: self.status_message.emit(
            self.tr("Riktat samtal sparat")))
        self.wizard = wizard
        wizard.show()
        return wizard
