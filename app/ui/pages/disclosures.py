"""Utlämnanden: the register of every bundle written for or read from a partner, with the
legal basis and purpose given, filtered and printable.

Each look at the register is logged by the service (it names partners and grounds); the
printout is logged only when it leaves the program, from the preview's print or save.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.disclosure_report import counts_text, scope_text
from app.services.disclosures import DisclosureDTO, DisclosureFilter, DisclosureService
from app.services.partners import PartnerDTO
from app.ui.crash import user_message
from app.ui.dialogs.letter_preview import LetterPreview
from app.ui.icons import page_icon
from app.ui.pages.base import Page, PageContext
from app.ui.period import PeriodFilter
from app.ui.table_models.disclosures import DisclosuresModel, when_text
from app.ui.widgets.field_errors import error_label

SEARCH_DELAY_MS = 300


def _value() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DisclosuresPage(Page):
    key = "disclosures"
    watches = ("partner", "disclosure", "bundle")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.service = DisclosureService(context.services.db)
        self._runner = context.runner

        self.direction = QComboBox()
        self.direction.addItem(self.tr("Båda riktningarna"), None)
        self.direction.addItem(self.tr("Utlämnat"), "export")
        self.direction.addItem(self.tr("Mottaget"), "import")
        self.partner = QComboBox()
        self.partner.addItem(self.tr("Alla partner"), None)
        self.period = PeriodFilter()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök i partner, grund, ändamål…"))
        self.search.setClearButtonEnabled(True)
        self.print_button = QPushButton(self.tr("Skriv ut…"))
        self.print_button.clicked.connect(self.print_register)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.load)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.load)
        self.direction.currentIndexChanged.connect(lambda _i: self.load())
        self.partner.currentIndexChanged.connect(lambda _i: self.load())
        self.period.changed.connect(self.load)

        self.model = DisclosuresModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DisclosuresModel.PURPOSE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setStyleSheet("font-weight: 600; font-size: 12pt;")
        self.detail = {key: _value() for key in ("basis", "purpose", "note", "counts",
                                                 "scope", "bundle")}
        form = QFormLayout()
        for key, text in (("basis", self.tr("Rättslig grund:")),
                          ("purpose", self.tr("Ändamål:")),
                          ("note", self.tr("Avvägning eller samtycke:")),
                          ("counts", self.tr("Poster:")), ("scope", self.tr("Urval:")),
                          ("bundle", self.tr("Bunt:"))):
            form.addRow(text, self.detail[key])
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.heading)
        details_layout.addLayout(form)
        details_layout.addStretch(1)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.panel = QStackedWidget()
        self.panel.addWidget(self.empty)
        self.panel.addWidget(details)
        self.details = details
        self.message = error_label()

        filters = QHBoxLayout()
        filters.addWidget(self.direction)
        filters.addWidget(self.partner)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.print_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.panel)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([420, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.period)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self._show(None)

    # ---- page ----------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Utlämnanden")

    def icon(self) -> QIcon:
        return page_icon("disclosures")

    def filters(self) -> DisclosureFilter:
        return DisclosureFilter(direction=self.direction.currentData(),
                                partner_id=self.partner.currentData(),
                                since=self.period.since, until=self.period.until,
                                search=self.search.text().strip() or None)

    def load(self) -> None:
        self._debounce.stop()
        if not self.period.is_valid():
            return
        self._runner.run(self.context.services.partners.list, on_done=self._partners,
                         on_error=self._failed, owner=self)
        self._runner.run(self.service.listing, self.filters(), on_done=self._listed,
                         on_error=self._failed, owner=self)

    def clear(self) -> None:
        # Resetting the filters must not load again: the vault is locking.
        for widget in (self.search, self.direction, self.partner):
            widget.blockSignals(True)
        self.search.clear()
        self.direction.setCurrentIndex(0)
        while self.partner.count() > 1:
            self.partner.removeItem(1)
        for widget in (self.search, self.direction, self.partner):
            widget.blockSignals(False)
        self._debounce.stop()
        self.period.clear()
        self.model.clear()
        self.message.hide()
        for dialog in self.findChildren(LetterPreview):
            dialog.close()
        self._show(None)
        super().clear()

    # ---- list and details ----------------------------------------------------------------
    def _partners(self, partners: list[PartnerDTO]) -> None:
        chosen = self.partner.currentData()
        self.partner.blockSignals(True)
        while self.partner.count() > 1:
            self.partner.removeItem(1)
        for p in partners:
            self.partner.addItem(p.name, p.id)
        index = self.partner.findData(chosen) if chosen else 0
        self.partner.setCurrentIndex(max(index, 0))
        self.partner.blockSignals(False)

    def _listed(self, rows: list[DisclosureDTO]) -> None:
        self.message.hide()
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        else:
            self._show(None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.model.disclosure(current.row()) if current.isValid() else None)

    def _show(self, d: DisclosureDTO | None) -> None:
        if d is None:
            filtered = self.filters() != DisclosureFilter()
            self.empty.setText(self.tr("Inget i registret matchar filtren.") if filtered
                               else self.tr(
                "Registret är tomt. Varje bunt som lämnas ut till eller tas emot från en "
                "partner skrivs in här med rättslig grund och ändamål."))
            self.panel.setCurrentWidget(self.empty)
            return
        verb = self.tr("Utlämnat till %1") if d.direction == "export" else self.tr(
            "Mottaget från %1")
        self.heading.setText(f"{verb.replace('%1', d.partner_name)} · {when_text(d.at)} · "
                             f"{d.user}")
        self.detail["basis"].setText(d.legal_basis)
        self.detail["purpose"].setText(d.purpose or "–")
        self.detail["note"].setText(d.basis_note or "–")
        self.detail["counts"].setText(counts_text(d.counts) or "0")
        self.detail["scope"].setText(scope_text(d.scope) or self.tr("Allt som profilen tillåter"))
        self.detail["bundle"].setText(self.tr("nr %1, id %2").replace(
            "%1", str(d.sequence)).replace("%2", d.bundle_id))
        self.panel.setCurrentWidget(self.details)

    # ---- printing ------------------------------------------------------------------------
    def print_register(self) -> None:
        if not self.period.is_valid():
            return
        f = self.filters()
        self._runner.run(self.service.report_pdf, f,
                         on_done=lambda pdf: self._preview(pdf, f), on_error=self._failed,
                         owner=self)

    def _preview(self, pdf: bytes, f: DisclosureFilter) -> None:
        dialog = LetterPreview(
            self._runner, pdf, self.tr("Register över utlämnanden"),
            record=lambda output: self.service.record_report(f, output),
            file_name="utlamnanden.pdf", parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(user_message(exc))
        self.message.show()
