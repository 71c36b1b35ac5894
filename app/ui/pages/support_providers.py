"""The Stöd page's Utförare tab: the catalogue of who offers which help to leave.

A list (name, support offered, area, contact, open referrals) with the selected provider's
address, offer and notes below it. New and Ändra open the provider dialog; a provider that no
longer takes referrals is archived (kept for the referrals that name it, left out of new
ones) and can be brought back; deleting is for one entered by mistake, and the service
refuses it while open referrals name the provider — its message is shown as it is.
"""

from __future__ import annotations

import html
from functools import partial

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.providers import ProviderDTO
from app.ui.crash import user_message
from app.ui.dialogs.provider import ProviderDialog
from app.ui.icons import page_icon
from app.ui.labels import service_type_label
from app.ui.pages.base import PageContext
from app.ui.table_models.providers import ProvidersModel, contact_text
from app.ui.widgets.field_errors import error_label

SEARCH_DELAY_MS = 250


class ProvidersTab(QWidget):
    status_message = Signal(str)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._selected_id: str | None = None
        self.dialog: QDialog | None = None

        self.model = ProvidersModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((ProvidersModel.NAME, 240), (ProvidersModel.SERVICES, 250),
                              (ProvidersModel.AREA, 100), (ProvidersModel.CONTACT, 270)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.view.activated.connect(lambda _i: self.edit())
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök på namn eller område"))
        self.search.setClearButtonEnabled(True)
        self.show_archived = QCheckBox(self.tr("Visa arkiverade"))
        self.show_archived.toggled.connect(lambda _on: self.load())
        self.count_label = QLabel()
        self.new_button = QPushButton(page_icon("add"), self.tr("Ny utförare…"))
        self.new_button.clicked.connect(self.add)
        self.edit_button = QPushButton(page_icon("edit"), self.tr("Ändra…"))
        self.edit_button.clicked.connect(self.edit)
        self.archive_button = QPushButton(self.tr("Arkivera"))
        self.archive_button.clicked.connect(self.toggle_archived)
        self.delete_button = QPushButton(page_icon("delete"), self.tr("Ta bort…"))
        self.delete_button.setToolTip(self.tr("Ta bort en utförare som lagts in av misstag"))
        self.delete_button.clicked.connect(self.delete)
        self.error_label = error_label()

        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setContentsMargins(4, 4, 4, 4)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setContentsMargins(48, 48, 48, 48)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        tools = QHBoxLayout()
        tools.addWidget(self.new_button)
        tools.addWidget(self.edit_button)
        tools.addWidget(self.archive_button)
        tools.addWidget(self.delete_button)
        tools.addStretch(1)
        tools.addWidget(self.count_label)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.show_archived)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.details)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([400, 160])
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addLayout(filters)
        layout.addWidget(self.error_label)
        layout.addWidget(splitter, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.load)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.load)
        self._selection_changed()

    # ---- loading -------------------------------------------------------------------------
    def load(self) -> None:
        self._debounce.stop()
        listing = partial(self.context.services.providers.list,
                          include_archived=self.show_archived.isChecked(),
                          search=self.search.text().strip())
        self.context.runner.run(listing, on_done=self._show, on_error=self._failed,
                                owner=self)

    def _show(self, providers: list[ProviderDTO]) -> None:
        keep = self._selected_id
        self.error_label.hide()
        self.model.set_providers(providers)
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.view.selectRow(row)
        self.count_label.setText(self.tr("1 utförare") if len(providers) == 1 else self.tr(
            "%1 utförare").replace("%1", str(len(providers))))
        if providers:
            self.stack.setCurrentWidget(self.view)
        else:
            self.empty.setText(self.tr("Ingen utförare matchar sökningen.")
                               if self.search.text().strip() else self.tr(
                "Inga utförare ännu. Lägg in de verksamheter som tar emot remisser — "
                "stödsamtal, boende, arbete, beroendevård, skuldrådgivning och andra — med "
                "”Ny utförare…”."))
            self.stack.setCurrentWidget(self.empty)
        self._selection_changed()

    def _failed(self, exc: BaseException) -> None:
        self.error_label.setText(user_message(exc))
        self.error_label.show()

    def clear(self) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reject()
        self.dialog = None
        self._selected_id = None
        self._debounce.stop()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.show_archived.blockSignals(True)
        self.show_archived.setChecked(False)
        self.show_archived.blockSignals(False)
        self.model.clear()
        self.details.clear()
        self.count_label.clear()
        self.error_label.hide()

    def show_provider(self, provider_id: str) -> None:
        """Select the provider (once the list is there, if it is not yet)."""
        self._selected_id = provider_id
        row = self.model.row_of(provider_id)
        if row >= 0:
            self.view.selectRow(row)
        else:
            self.show_archived.setChecked(True)  # it may be archived; reloads

    # ---- selection -----------------------------------------------------------------------
    def selected(self) -> ProviderDTO | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.provider(rows[0].row()) if rows else None

    def _selection_changed(self, *_args: object) -> None:
        p = self.selected()
        if p is not None:
            self._selected_id = p.id
        for button in (self.edit_button, self.archive_button, self.delete_button):
            button.setEnabled(p is not None)
        archived = p is not None and p.archived
        self.archive_button.setText(self.tr("Återställ") if archived else self.tr("Arkivera"))
        self.archive_button.setToolTip(
            self.tr("Ta in utföraren bland dem som kan väljas i nya remisser igen") if archived
            else self.tr("Tar inte längre emot remisser: finns kvar för de remisser som "
                         "nämner den men väljs inte i nya"))
        self.details.setText(self.details_html(p) if p is not None else "")

    def details_html(self, p: ProviderDTO) -> str:
        rows = [(self.tr("Insatser"), ", ".join(service_type_label(t) for t in p.service_types)),
                (self.tr("Kontakt"), contact_text(p)), (self.tr("Adress"), p.address or ""),
                (self.tr("Område"), p.area or ""), (self.tr("Erbjuder"), p.offers or ""),
                (self.tr("Anteckningar"), p.notes or "")]
        cells = "".join(
            f"<tr><td style='padding:2px 14px 2px 0'><b>{html.escape(k)}</b></td>"
            f"<td style='padding:2px 0'>{html.escape(v).replace(chr(10), '<br>') or '–'}</td>"
            "</tr>" for k, v in rows)
        return f"<h3>{html.escape(p.name)}</h3><table>{cells}</table>"

    # ---- actions -------------------------------------------------------------------------
    def add(self) -> None:
        self._open(ProviderDialog(self.context, None, self))

    def edit(self) -> None:
        p = self.selected()
        if p is not None:
            self._open(ProviderDialog(self.context, p, self))

    def _open(self, dialog: ProviderDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        self.dialog = dialog
        dialog.open()

    def _saved(self, provider: ProviderDTO) -> None:
        self._selected_id = provider.id
        self.status_message.emit(self.tr("%1 är sparad").replace("%1", provider.name))

    def toggle_archived(self) -> None:
        p = self.selected()
        if p is None:
            return
        providers = self.context.services.providers
        action = providers.unarchive if p.archived else providers.archive
        self.context.runner.run(action, p.id, on_done=self._changed, on_error=self._failed,
                                owner=self)

    def delete(self) -> None:
        p = self.selected()
        if p is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Ta bort utförare"),
            self.tr("Ta bort %1? Gör det bara om utföraren lagts in av misstag; en utförare som "
                    "inte längre tar emot remisser arkiveras i stället.").replace("%1", p.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._selected_id = None
        self.context.runner.run(self.context.services.providers.delete, p.id,
                                on_done=self._changed, on_error=self._failed, owner=self)

    def _changed(self, _result: object) -> None:
        self.error_label.hide()
        self.context.events.changed("service_provider")
