"""Stöd: help to leave. Two tabs — Remisser, the register of referrals (who was referred to
what and where, how far it has come, when it is followed up, and whether a consent covers
it), and Utförare, the catalogue of providers.

The register's filters — status (with "open" and "overdue"), provider and support — are asked
of the service; the name search narrows the rows already read (a register holds hundreds,
not hundreds of thousands). A referral opens in a window of its own, one per referral.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, Qt
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
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import NotFound
from app.models.enums import ReferralStatus, ServiceType
from app.services.drafts import Draft
from app.services.providers import ProviderDTO
from app.services.referrals import ReferralDTO
from app.ui.crash import user_message
from app.ui.dialogs.referral import ReferralWindow
from app.ui.dialogs.referral_new import NewReferralDialog
from app.ui.icons import page_icon
from app.ui.labels import service_type_label
from app.ui.pages.base import Page, PageContext
from app.ui.pages.support_providers import ProvidersTab
from app.ui.support_words import referral_status_label
from app.ui.table_models.referrals import ReferralsModel
from app.ui.widgets.empty_state import EmptyState
from app.ui.widgets.field_errors import error_label

OPEN = "open"  # the status filter's two groupings beside the statuses themselves
OVERDUE = "overdue"


def _load(context: PageContext, status: str | None, provider_id: str | None,
          service_type: str | None) -> list[ReferralDTO]:
    """Runs on the lane: the referrals for the filters (logged as one listing)."""
    referrals = context.services.referrals
    if status == OVERDUE:
        return referrals.list(provider_id=provider_id, service_type=service_type,
                              overdue_only=True)
    rows = referrals.list(status=None if status == OPEN else status, provider_id=provider_id,
                          service_type=service_type)
    return [r for r in rows if r.is_open] if status == OPEN else rows


def _provider_or_none(context: PageContext, record_id: str) -> ProviderDTO | None:
    """Runs on the lane: the provider with this id, or None (then it is a referral)."""
    try:
        return context.services.providers.get(record_id)
    except NotFound:
        return None


def _fold(text: str) -> str:
    return text.casefold()


class SupportPage(Page):
    key = "support"
    watches = ("referral", "consent", "service_provider", "person")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = ReferralsModel(self)
        self._rows: list[ReferralDTO] = []

        self.status_filter = QComboBox()
        self.status_filter.setToolTip(self.tr("Visa remisser med en viss status"))
        self.status_filter.addItem(self.tr("Alla statusar"), None)
        self.status_filter.addItem(self.tr("Öppna"), OPEN)
        self.status_filter.addItem(self.tr("Försenade"), OVERDUE)
        for status in ReferralStatus:
            self.status_filter.addItem(referral_status_label(status), status.value)
        self.status_filter.activated.connect(lambda _i: self.reload())
        self.provider_filter = QComboBox()
        self.provider_filter.setToolTip(self.tr("Visa remisser till en utförare"))
        self.provider_filter.addItem(self.tr("Alla utförare"), None)
        self.provider_filter.activated.connect(lambda _i: self.reload())
        self.type_filter = QComboBox()
        self.type_filter.setToolTip(self.tr("Visa remisser till en viss insats"))
        self.type_filter.addItem(self.tr("Alla insatser"), None)
        for kind in ServiceType:
            self.type_filter.addItem(service_type_label(kind), kind.value)
        self.type_filter.activated.connect(lambda _i: self.reload())
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök på personens namn"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._filter())
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
        self.view.activated.connect(self._open_index)  # double-click and Enter
        self.empty = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        self.new_button = QPushButton(page_icon("add"), self.tr("Ny remiss…"))
        self.new_button.setToolTip(self.tr("Föreslå en remiss för en person (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.new_referral())
        self.open_button = QPushButton(page_icon("edit"), self.tr("Öppna"))
        self.open_button.setToolTip(self.tr("Öppna den valda remissen (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)

        referrals = QWidget()
        tools = QHBoxLayout()
        tools.addWidget(self.new_button)
        tools.addWidget(self.open_button)
        tools.addStretch(1)
        tools.addWidget(self.count_label)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.provider_filter)
        filters.addWidget(self.type_filter)
        referral_layout = QVBoxLayout(referrals)
        referral_layout.addLayout(tools)
        referral_layout.addLayout(filters)
        referral_layout.addWidget(self.error_label)
        referral_layout.addWidget(self.stack, 1)

        self.providers = ProvidersTab(context)
        self.providers.status_message.connect(self.status_message)
        self.tabs = QTabWidget()
        self.tabs.addTab(referrals, self.tr("Remisser"))
        self.tabs.addTab(self.providers, self.tr("Utförare"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        QShortcut(QKeySequence.StandardKey.New, referrals, lambda: self.new_referral())

        self.windows: dict[str, ReferralWindow] = {}
        self.new_dialog: NewReferralDialog | None = None
        self._selection_changed()

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        metrics = self.fontMetrics()
        em = metrics.horizontalAdvance("M")
        date_width = metrics.horizontalAdvance("2026-12-31") + 3 * em
        for column, width in ((ReferralsModel.PERSON, 13 * em),
                              (ReferralsModel.SERVICE, 13 * em),
                              (ReferralsModel.PROVIDER, 15 * em),
                              (ReferralsModel.STATUS, 8 * em),
                              (ReferralsModel.PROPOSED, date_width),
                              (ReferralsModel.DUE, date_width + 2 * em),
                              (ReferralsModel.OFFICER, 10 * em)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order

    # ---- page life cycle -----------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Stöd")

    def icon(self) -> QIcon:
        return page_icon("support")

    def load(self) -> None:
        self.context.runner.run(partial(self.context.services.providers.list,
                                        include_archived=True),
                                on_done=self._provider_choices, owner=self)
        self.providers.load()
        self.reload()

    def reload(self) -> None:
        self.context.runner.run(_load, self.context, self.status_filter.currentData(),
                                self.provider_filter.currentData(),
                                self.type_filter.currentData(), on_done=self._show,
                                on_error=self._show_error, owner=self)

    def show_record(self, record_id: str) -> None:
        """A referral opens in its window; a provider is selected on the Utförare tab."""
        self.context.runner.run(_provider_or_none, self.context, record_id,
                                on_done=lambda p: self._route(record_id, p),
                                on_error=self._show_error, owner=self)

    def _route(self, record_id: str, provider: ProviderDTO | None) -> None:
        if provider is not None:
            self.tabs.setCurrentWidget(self.providers)
            self.providers.show_provider(provider.id)
        else:
            self.open_referral(record_id)

    def drafts(self) -> list[Draft]:
        found = (w.draft() for w in self.windows.values() if shiboken6.isValid(w))
        return [d for d in found if d is not None]

    def restore_draft(self, draft: Draft) -> bool:
        if draft.kind != "referral" or draft.record_id is None:
            return False
        self.open_referral(draft.record_id).restore_draft(draft)
        return True

    def clear(self) -> None:
        super().clear()
        for window in list(self.windows.values()):
            if shiboken6.isValid(window):
                window.discard()
        self.windows.clear()
        if self.new_dialog is not None and shiboken6.isValid(self.new_dialog):
            self.new_dialog.reject()
        self.new_dialog = None
        self.providers.clear()
        self._rows = []
        self.model.clear()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.status_filter.setCurrentIndex(0)
        self.type_filter.setCurrentIndex(0)
        self.provider_filter.setCurrentIndex(0)
        while self.provider_filter.count() > 1:
            self.provider_filter.removeItem(1)
        self.count_label.clear()
        self.error_label.hide()
        self.tabs.setCurrentIndex(0)

    # ---- showing -------------------------------------------------------------------------
    def _provider_choices(self, providers: list[ProviderDTO]) -> None:
        chosen = self.provider_filter.currentData()
        while self.provider_filter.count() > 1:
            self.provider_filter.removeItem(1)
        for p in providers:
            name = self.tr("%1 (arkiverad)").replace("%1", p.name) if p.archived else p.name
            self.provider_filter.addItem(f"{name}, {p.area}" if p.area else name, p.id)
        self.provider_filter.setCurrentIndex(max(self.provider_filter.findData(chosen), 0))

    def _show(self, rows: list[ReferralDTO]) -> None:
        self._rows = rows
        self.error_label.hide()
        self._filter()

    def _filter(self) -> None:
        """The rows whose person's name holds every typed word (case ignored)."""
        chosen = self.selected()
        words = _fold(self.search.text()).split()
        shown = [r for r in self._rows if all(w in _fold(r.person_name) for w in words)]
        self.model.set_referrals(shown)
        if chosen is not None and (row := self.model.row_of(chosen.id)) >= 0:
            self.view.selectRow(row)
        self._show_count(shown)

    def _show_count(self, shown: list[ReferralDTO]) -> None:
        n = len(shown)
        overdue = sum(1 for r in shown if r.is_overdue())
        text = self.tr("1 remiss") if n == 1 else self.tr("%1 remisser").replace("%1", str(n))
        if overdue:
            text += ", " + (self.tr("1 försenad") if overdue == 1 else self.tr(
                "%1 försenade").replace("%1", str(overdue)))
        self.count_label.setText(text)
        if n:
            self.stack.setCurrentWidget(self.view)
            return
        if self.search.text().strip():
            title = self.tr("Ingen remiss matchar ”%1”").replace("%1", self.search.text().strip())
            body = self.tr("Sökningen gäller personens namn. Töm sökrutan för att se alla.")
        elif (self.status_filter.currentData() or self.provider_filter.currentData()
              or self.type_filter.currentData()):
            title = self.tr("Ingen remiss matchar")
            body = self.tr("Välj ”Alla statusar”, ”Alla utförare” och ”Alla insatser” för att "
                           "se hela registret.")
        else:
            title = self.tr("Inga remisser ännu")
            body = self.tr("En remiss är stöd att lämna: en person hänvisas till en utförare, "
                           "med personens samtycke. Föreslå en med ”Ny remiss…” eller från "
                           "personens flik Stöd. Lägg först in utförarna under fliken "
                           "Utförare.")
        self.empty.say(title, body)
        self.stack.setCurrentWidget(self.empty)

    def _show_error(self, exc: BaseException) -> None:
        self.error_label.setText(user_message(exc))
        self.error_label.show()

    # ---- opening -------------------------------------------------------------------------
    def selected(self) -> ReferralDTO | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.referral(rows[0].row()) if rows else None

    def _selection_changed(self, *_args: Any) -> None:
        self.open_button.setEnabled(self.selected() is not None)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_referral(self.model.referral(index.row()).id)

    def open_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.open_referral(chosen.id)

    def open_referral(self, referral_id: str) -> ReferralWindow:
        window = self.windows.get(referral_id)
        if window is not None and shiboken6.isValid(window):
            window.showNormal()
            window.raise_()
            window.activateWindow()
            return window
        window = ReferralWindow(self.context, referral_id)
        window.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        window.open_record.connect(self.open_record)
        window.status_message.connect(self.status_message)
        window.destroyed.connect(lambda: self.windows.pop(referral_id, None))
        self.windows[referral_id] = window
        window.show()
        return window

    def new_referral(self) -> NewReferralDialog:
        """One at a time: a second request raises the one already open."""
        dialog = self.new_dialog
        if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
            dialog.raise_()
            return dialog
        dialog = NewReferralDialog(self.context, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(lambda r: self.open_referral(r.id))
        self.new_dialog = dialog
        dialog.open()
        return dialog
