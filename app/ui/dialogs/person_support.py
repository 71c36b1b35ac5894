"""The person window's Stöd tab: the person's consents and referrals.

Consents: add, correct, and "Återkalla samtycke…" — one action with its day, after which the
consent is greyed with that day and covers nothing new. Referrals: propose a new one (the
person already chosen) and open one in its own window (``open_record("referral", id)``, which
the main window routes to the Stöd page).

The tab reads its lists only once it is shown (each read is logged), and again when consents,
referrals or providers change anywhere.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.consents import ConsentDTO
from app.services.referrals import ReferralDTO
from app.ui.crash import user_message
from app.ui.dialogs.consent import ConsentDialog, WithdrawConsentDialog
from app.ui.dialogs.referral_new import NewReferralDialog
from app.ui.events import concerns
from app.ui.icons import page_icon
from app.ui.pages.base import PageContext
from app.ui.table_models.consents import ConsentsModel
from app.ui.table_models.referrals import ReferralsModel
from app.ui.widgets.field_errors import error_label

Loaded = tuple[list[ConsentDTO], list[ReferralDTO]]


def _load(context: PageContext, person_id: str) -> Loaded:
    """Runs on the lane."""
    services = context.services
    return (services.consents.list_for_person(person_id),
            services.referrals.list(person_id=person_id))


def _table(model: ConsentsModel | ReferralsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: 600;")
    return label


def _empty(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class SupportTab(QWidget):
    open_record = Signal(str, str)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.person_id: str | None = None
        self.person_name = ""
        self.dialog: QDialog | None = None  # the one open, for tests and for locking
        self._loaded_for: str | None = None
        self._stale = False
        self._select_consent: str | None = None  # asked for before the list arrived
        self.message = error_label()

        self.consents = ConsentsModel(self)
        self.consent_view = _table(self.consents)
        self.consent_view.horizontalHeader().setSectionResizeMode(
            ConsentsModel.PURPOSE, QHeaderView.ResizeMode.Interactive)
        self.consent_view.horizontalHeader().resizeSection(ConsentsModel.PURPOSE, 240)
        self.consent_view.doubleClicked.connect(lambda _i: self.edit_consent())
        self.consent_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.consents_empty = _empty(self.tr(
            "Inga samtycken registrerade. Ett samtycke behövs innan en remiss skickas till en "
            "utförare."))
        self.consent_stack = QStackedWidget()
        self.consent_stack.addWidget(self.consent_view)
        self.consent_stack.addWidget(self.consents_empty)
        self.add_consent_button = QPushButton(page_icon("add"), self.tr("Nytt samtycke…"))
        self.add_consent_button.clicked.connect(self.add_consent)
        self.edit_consent_button = QPushButton(page_icon("edit"), self.tr("Ändra…"))
        self.edit_consent_button.setToolTip(self.tr("Rätta ett samtycke som inte är "
                                                    "återkallat"))
        self.edit_consent_button.clicked.connect(self.edit_consent)
        self.withdraw_button = QPushButton(self.tr("Återkalla samtycke…"))
        self.withdraw_button.setToolTip(self.tr("Personen har tagit tillbaka samtycket"))
        self.withdraw_button.clicked.connect(self.withdraw_consent)

        self.referrals = ReferralsModel(self)
        self.referral_view = _table(self.referrals)
        self.referral_view.setColumnHidden(ReferralsModel.PERSON, True)  # it is this person
        self.referral_view.setSortingEnabled(True)
        self.referral_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.referral_view.activated.connect(self._open_index)
        self.referral_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.referrals_empty = _empty(self.tr("Inga remisser. Föreslå en med ”Ny remiss…”."))
        self.referral_stack = QStackedWidget()
        self.referral_stack.addWidget(self.referral_view)
        self.referral_stack.addWidget(self.referrals_empty)
        self.new_referral_button = QPushButton(page_icon("add"), self.tr("Ny remiss…"))
        self.new_referral_button.clicked.connect(self.new_referral)
        self.open_referral_button = QPushButton(page_icon("edit"), self.tr("Öppna"))
        self.open_referral_button.setToolTip(self.tr("Öppna den valda remissen (Enter)"))
        self.open_referral_button.clicked.connect(self.open_selected)

        consent_box = QWidget()
        consent_layout = QVBoxLayout(consent_box)
        consent_layout.setContentsMargins(0, 0, 0, 0)
        consent_tools = QHBoxLayout()
        consent_tools.addWidget(_heading(self.tr("Samtycken")))
        consent_tools.addStretch(1)
        for button in (self.add_consent_button, self.edit_consent_button,
                       self.withdraw_button):
            consent_tools.addWidget(button)
        consent_layout.addLayout(consent_tools)
        consent_layout.addWidget(self.consent_stack, 1)
        referral_box = QWidget()
        referral_layout = QVBoxLayout(referral_box)
        referral_layout.setContentsMargins(0, 0, 0, 0)
        referral_tools = QHBoxLayout()
        referral_tools.addWidget(_heading(self.tr("Remisser")))
        referral_tools.addStretch(1)
        referral_tools.addWidget(self.new_referral_button)
        referral_tools.addWidget(self.open_referral_button)
        referral_layout.addLayout(referral_tools)
        referral_layout.addWidget(self.referral_stack, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(consent_box)
        splitter.addWidget(referral_box)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        context.events.data_changed.connect(self._data_changed)
        self._selection_changed()

    # ---- data ----------------------------------------------------------------------------
    def set_person(self, person_id: str, name: str) -> None:
        """The window shows ``person_id``; the lists are read when the tab is first shown."""
        if person_id != self.person_id:
            self._loaded_for = None
        self.person_id, self.person_name = person_id, name
        if self.isVisible():
            self.load()
        self._selection_changed()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.person_id is not None and (self._loaded_for != self.person_id or self._stale):
            self.load()

    def load(self) -> None:
        if self.person_id is None:
            return
        self._stale = False
        person_id = self.person_id
        self.context.runner.run(_load, self.context, person_id,
                                on_done=lambda loaded: self._show(person_id, loaded),
                                on_error=self._failed, owner=self)

    def _data_changed(self, entity_type: str) -> None:
        if self.person_id is None or self._loaded_for is None or not concerns(
                entity_type, "consent", "referral", "service_provider"):
            return
        if self.isVisible():
            self.load()
        else:
            self._stale = True

    def _show(self, person_id: str, loaded: Loaded) -> None:
        if person_id != self.person_id:
            return
        consents, referrals = loaded
        self._loaded_for = person_id
        self.message.hide()
        keep_consent, keep_referral = self.selected_consent(), self.selected_referral()
        self.consents.set_consents(consents)
        self.referrals.set_referrals(referrals)
        self.consent_stack.setCurrentWidget(self.consent_view if consents
                                            else self.consents_empty)
        self.referral_stack.setCurrentWidget(self.referral_view if referrals
                                             else self.referrals_empty)
        wanted = self._select_consent or (keep_consent.id if keep_consent else None)
        self._select_consent = None
        if wanted is not None and (row := self.consents.row_of(wanted)) >= 0:
            self.consent_view.selectRow(row)
        if keep_referral is not None and (row := self.referrals.row_of(keep_referral.id)) >= 0:
            self.referral_view.selectRow(row)
        self._selection_changed()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(user_message(exc))
        self.message.show()

    def clear(self) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reject()
        self.dialog = None
        self.person_id, self.person_name, self._loaded_for = None, "", None
        self._select_consent = None
        self.consents.clear()
        self.referrals.clear()
        self.message.hide()
        self._selection_changed()

    # ---- selection -----------------------------------------------------------------------
    def selected_consent(self) -> ConsentDTO | None:
        rows = self.consent_view.selectionModel().selectedRows()
        return self.consents.consent(rows[0].row()) if rows else None

    def selected_referral(self) -> ReferralDTO | None:
        rows = self.referral_view.selectionModel().selectedRows()
        return self.referrals.referral(rows[0].row()) if rows else None

    def _selection_changed(self, *_args: object) -> None:
        consent = self.selected_consent()
        known = self.person_id is not None
        self.add_consent_button.setEnabled(known)
        self.new_referral_button.setEnabled(known)
        # A withdrawn consent is the record of what was agreed: neither changed nor
        # withdrawn again.
        live = consent is not None and not consent.withdrawn
        self.edit_consent_button.setEnabled(live)
        self.withdraw_button.setEnabled(live)
        self.open_referral_button.setEnabled(self.selected_referral() is not None)

    def select_consent(self, consent_id: str) -> None:
        row = self.consents.row_of(consent_id)
        if row >= 0:
            self.consent_view.selectRow(row)
        else:
            self._select_consent = consent_id  # selected once the list arrives

    # ---- actions -------------------------------------------------------------------------
    def add_consent(self) -> None:
        if self.person_id is not None:
            self._open(ConsentDialog(self.context, self.person_id, self.person_name,
                                     parent=self))

    def edit_consent(self) -> None:
        consent = self.selected_consent()
        if consent is not None and not consent.withdrawn and self.person_id is not None:
            self._open(ConsentDialog(self.context, self.person_id, self.person_name, consent,
                                     parent=self))

    def withdraw_consent(self) -> None:
        consent = self.selected_consent()
        if consent is not None and not consent.withdrawn:
            self._open(WithdrawConsentDialog(self.context, consent, parent=self))

    def new_referral(self) -> None:
        if self.person_id is None:
            return
        dialog = NewReferralDialog(self.context, (self.person_id, self.person_name),
                                   parent=self)
        dialog.created.connect(lambda r: self.open_record.emit("referral", r.id))
        self._open(dialog)

    def _open(self, dialog: QDialog) -> None:
        """Window-modal, not a nested event loop: the lane keeps answering meanwhile."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_record.emit("referral", self.referrals.referral(index.row()).id)

    def open_selected(self) -> None:
        referral = self.selected_referral()
        if referral is not None:
            self.open_record.emit("referral", referral.id)
