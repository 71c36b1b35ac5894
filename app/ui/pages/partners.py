"""Partners: the units we send bundles to and accept bundles from.

The table says at a glance who can receive and who can send to us; the panel below shows the
selected partner's keys, its fingerprint (to compare by phone) and, in plain words, what it
may receive. "Vår enhet" shows our own keys to give to a partner.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFontDatabase, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.exchange.profiles import describe
from app.services.partners import PartnerDTO, PartnerService
from app.ui.crash import user_message
from app.ui.dialogs.partner import PartnerDialog
from app.ui.dialogs.partner_profile import ProfileDialog
from app.ui.dialogs.unit_keys import UnitKeysDialog, spaced_fingerprint
from app.ui.icons import page_icon
from app.ui.labels import partner_kind_label
from app.ui.pages.base import Page, PageContext
from app.ui.table_models.partners import PartnersModel


def _value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PartnersPage(Page):
    key = "partners"
    watches = ("partner",)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.partners: PartnerService = context.services.partners
        self._runner = context.runner
        self._selected_id: str | None = None

        self.model = PartnersModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PartnersModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit())

        self.add_button = QPushButton(page_icon("add"), self.tr("Ny partner…"))
        self.unit_button = QPushButton(page_icon("partners"), self.tr("Vår enhet…"))
        self.edit_button = QPushButton(page_icon("edit"), self.tr("Ändra…"))
        self.profile_button = QPushButton(self.tr("Vad som lämnas ut…"))
        self.revoke_button = QPushButton(self.tr("Spärra…"))
        self.delete_button = QPushButton(page_icon("delete"), self.tr("Ta bort…"))
        self.add_button.clicked.connect(self.add)
        self.unit_button.clicked.connect(self.show_unit)
        self.edit_button.clicked.connect(self.edit)
        self.profile_button.clicked.connect(self.edit_profile)
        self.revoke_button.clicked.connect(self.revoke)
        self.delete_button.clicked.connect(self.delete)
        QShortcut(QKeySequence.StandardKey.New, self, self.add)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete)

        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.name_label = QLabel()
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setStyleSheet("font-weight: 600; font-size: 13pt;")
        self.kind_label = _value_label()
        self.state_label = _value_label()
        self.fingerprint_label = _value_label()
        self.fingerprint_label.setFont(mono)
        self.fingerprint_label.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.recipient_label = _value_label()
        self.signing_label = _value_label()
        self.unit_id_label = _value_label()
        for label in (self.recipient_label, self.signing_label, self.unit_id_label):
            label.setFont(mono)
        self.notes_label = _value_label()
        self.profile_label = _value_label()

        details = QWidget()
        form = QFormLayout()
        form.addRow(self.tr("Typ:"), self.kind_label)
        form.addRow(self.tr("Läge:"), self.state_label)
        form.addRow(self.tr("Fingeravtryck:"), self.fingerprint_label)
        form.addRow(self.tr("Age-mottagare:"), self.recipient_label)
        form.addRow(self.tr("Signeringsnyckel:"), self.signing_label)
        form.addRow(self.tr("Enhets-id:"), self.unit_id_label)
        form.addRow(self.tr("Anteckningar:"), self.notes_label)
        form.addRow(self.tr("Lämnas ut:"), self.profile_label)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for button in (self.edit_button, self.profile_button, self.revoke_button,
                       self.delete_button):
            actions.addWidget(button)
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.name_label)
        details_layout.addLayout(form)
        details_layout.addStretch(1)
        details_layout.addLayout(actions)

        self.empty = QLabel(self.tr(
            "Inga partner ännu. En partner är en enhet som ni skickar buntar till eller tar "
            "emot buntar från, t.ex. polisen eller en kollega på en annan dator. Välj \"Ny "
            "partner…\" och klistra in nycklarna partnern gett er; ge partnern era egna "
            "under \"Vår enhet…\"."))
        self.choose = QLabel(self.tr("Välj en partner i listan för att se nycklarna och vad "
                                     "som får lämnas ut."))
        for label in (self.empty, self.choose):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.panel = QStackedWidget()
        # A full profile runs to many lines: the panel scrolls rather than squeeze the table.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(details)
        for widget in (self.empty, self.choose, scroll):
            self.panel.addWidget(widget)
        self.details = scroll

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Enheter som buntar skickas till och tas emot från.")), 1)
        bar.addWidget(self.unit_button)
        bar.addWidget(self.add_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.panel)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([260, 440])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._show_partner(None)

    # ---- page ----------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Partner")

    def icon(self) -> QIcon:
        return page_icon("partners")

    def load(self) -> None:
        self._runner.run(self.partners.list, on_done=self._listed, on_error=self._failed,
                         owner=self)

    def clear(self) -> None:
        self._selected_id = None
        self.model.clear()
        for dialog in (self.findChildren(PartnerDialog) + self.findChildren(ProfileDialog)
                       + self.findChildren(UnitKeysDialog) + self.findChildren(QMessageBox)):
            dialog.close()
        self._show_partner(None)
        super().clear()

    def show_record(self, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._selected_id = record_id  # selected once the list arrives

    # ---- list and panel ------------------------------------------------------------------
    def _listed(self, rows: list[PartnerDTO]) -> None:
        keep = self._selected_id
        self.model.set_rows(rows)
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._show_partner(None)

    def selected(self) -> PartnerDTO | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.partner(index.row())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        partner = self.model.partner(current.row()) if current.isValid() else None
        self._show_partner(partner)

    def _show_partner(self, p: PartnerDTO | None) -> None:
        self._selected_id = p.id if p is not None else self._selected_id
        for button in (self.edit_button, self.profile_button, self.revoke_button,
                       self.delete_button):
            button.setEnabled(p is not None)
        if p is None:
            self.panel.setCurrentWidget(self.empty if self.model.rowCount() == 0
                                        else self.choose)
            return
        self.revoke_button.setEnabled(not p.revoked)
        self.name_label.setText(p.name)
        self.kind_label.setText(partner_kind_label(p.kind))
        self.state_label.setText(self._state(p))
        self.fingerprint_label.setText(spaced_fingerprint(p.fingerprint) if p.fingerprint
                                       else self.tr("Visas när signeringsnyckeln är angiven."))
        self.recipient_label.setText(p.age_recipient or self.tr("Saknas"))
        self.signing_label.setText(p.signing_public_key or self.tr("Saknas"))
        self.unit_id_label.setText(p.unit_id or self.tr("Saknas"))
        self.notes_label.setText(p.notes or "")
        self.profile_label.setText("\n".join(describe(p.profile)))
        self.panel.setCurrentWidget(self.details)

    def _state(self, p: PartnerDTO) -> str:
        if p.revoked:
            return self.tr("Spärrad: inga buntar skickas till eller tas emot från partnern.")
        if p.can_send_to_us:
            return self.tr("Kan ta emot buntar från oss och skicka buntar till oss.")
        return self.tr("Kan ta emot buntar från oss. För att ta emot buntar från partnern "
                       "behövs dess signeringsnyckel och enhets-id.")

    # ---- actions -------------------------------------------------------------------------
    def add(self) -> None:
        self._open(PartnerDialog(self.context, None, self))

    def edit(self) -> None:
        partner = self.selected()
        if partner is not None:
            self._open(PartnerDialog(self.context, partner, self))

    def edit_profile(self) -> None:
        partner = self.selected()
        if partner is not None:
            self._open(ProfileDialog(self.context, partner, self))

    def show_unit(self) -> None:
        dialog = UnitKeysDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _open(self, dialog: PartnerDialog | ProfileDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.open()

    def _saved(self, partner: PartnerDTO) -> None:
        self._selected_id = partner.id
        self.status_message.emit(self.tr("Partnern %1 är sparad.").replace("%1", partner.name))

    def revoke(self) -> None:
        partner = self.selected()
        if partner is None or partner.revoked:
            return
        answer = QMessageBox.question(self, self.tr("Spärra partner"), self.tr(
            "Spärra %1? Inga fler buntar skickas till partnern och buntar från den tas inte "
            "emot. Partnern finns kvar i registret över utlämnanden.").replace(
                "%1", partner.name))
        if answer == QMessageBox.StandardButton.Yes:
            self._runner.run(self.partners.revoke, partner.id, on_done=self._changed,
                             on_error=self._failed, owner=self)

    def delete(self) -> None:
        partner = self.selected()
        if partner is None:
            return
        answer = QMessageBox.question(self, self.tr("Ta bort partner"), self.tr(
            "Ta bort %1 ur listan? Registret över utlämnanden behåller namnet.").replace(
                "%1", partner.name))
        if answer == QMessageBox.StandardButton.Yes:
            self._selected_id = None
            self._runner.run(self.partners.delete, partner.id, on_done=self._changed,
                             on_error=self._failed, owner=self)

    def _changed(self, _result: object) -> None:
        self.context.events.changed("partner")

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Partner"), user_message(exc))
