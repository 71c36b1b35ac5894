"""Exporting an encrypted bundle to a partner, step by step: partner → scope → what will leave
→ legal basis and purpose → file → writing (progress, cancel) → done.

The file is written by ``BundleService.export`` on the lane: whole or not at all, and the
disclosure register entry only once the file exists. Cancelling while it runs stops the
writer at its next check and leaves no file behind.
"""

from __future__ import annotations

import functools
import threading

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.errors import Cancelled
from app.services.bundles import BundleService, ExportResult
from app.ui.crash import user_message
from app.ui.dialogs.bundle_export_steps import (
    BasisStep,
    FileStep,
    PartnerStep,
    ProfileStep,
    ScopeStep,
)
from app.ui.pages.base import PageContext
from app.ui.table_models.bundle import RecordCountsModel
from app.ui.widgets.field_errors import error_label

PARTNER, SCOPE, PROFILE, BASIS, FILE, RUN = range(6)


class RunStep(QWizardPage):
    """Writes the bundle when shown; ends with the bundle id, sequence and counts."""

    def __init__(self, wizard: BundleExportWizard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._wizard = wizard
        self.setTitle(self.tr("Export"))
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.cancel = QPushButton(self.tr("&Avbryt exporten"))
        self.cancel.clicked.connect(wizard.request_cancel)
        self.error = error_label()
        bigger = QFont(self.error.font())
        bigger.setPointSizeF(bigger.pointSizeF() * 1.2)
        self.error.setFont(bigger)
        self.counts = RecordCountsModel(self)
        self.table = QTableView()
        self.table.setModel(self.counts)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addStretch(0)  # takes the room only while the table is hidden
        self.result: ExportResult | None = None
        self.finished = False

    def initializePage(self) -> None:
        self.state.setText(self.tr("Bunten skrivs…"))
        self.progress.setRange(0, 0)
        self.cancel.setEnabled(True)
        self._wizard.start_export()

    def show_progress(self, done: int, total: int | None) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def show_result(self, result: ExportResult) -> None:
        self.result, self.finished = result, True
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.cancel.hide()
        self.counts.set_counts(result.counts)
        self.state.setText(self.tr(
            "Bunten är sparad och utlämnandet är infört i registret.\n\nFil: %1\nBunt-id: %2\n"
            "Löpnummer: %3\nPoster: %4").replace("%1", result.path)
            .replace("%2", result.bundle_id).replace("%3", QLocale().toString(result.sequence))
            .replace("%4", QLocale().toString(self.counts.total())))
        self.table.show()
        self.completeChanged.emit()

    def show_failure(self, text: str) -> None:
        self.finished = True
        self.progress.hide()
        self.cancel.hide()
        self.state.setText(self.tr("Ingen bunt skrevs och inget fördes in i registret."))
        self.error.setText(text)
        self.error.show()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.finished


class BundleExportWizard(QWizard):
    def __init__(self, context: PageContext, partner_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.service = BundleService(context.services.db)
        self._cancel = threading.Event()
        self.running = False
        self._close_when_stopped = False
        self.setWindowTitle(self.tr("Exportera till partner"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Nästa >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Tillbaka"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Stäng"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Avbryt"))
        self.partner_step = PartnerStep(context)
        self.scope = ScopeStep(context)
        self.profile = ProfileStep(self.partner_step)
        self.basis = BasisStep()
        self.file = FileStep(self.partner_step)
        self.run_step = RunStep(self)
        for n, step in enumerate((self.partner_step, self.scope, self.profile, self.basis,
                                  self.file, self.run_step)):
            self.setPage(n, step)
        if partner_id is not None:
            self.partner_step.choose(partner_id)
        self.resize(760, 560)
        self.setMinimumSize(640, 480)

    def start_export(self) -> None:
        partner = self.partner_step.partner()
        assert partner is not None  # the first step is complete only with one
        self._cancel.clear()
        self.running = True
        self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        task = functools.partial(
            self.service.export, partner.id, self.file.target(),
            legal_basis=self.basis.legal_basis(), purpose=self.basis.purpose_text(),
            basis_note=self.basis.basis_note(), groups=self.scope.group_names(),
            since=self.scope.since_date(), cancelled=self._cancel.is_set)
        self.context.runner.run(task, on_done=self._done, on_error=self._failed,
                                progress=self.run_step.show_progress, owner=self)

    def request_cancel(self) -> None:
        """Stop the writer at its next check; the file is then never created."""
        if self.running:
            self._cancel.set()
            self.run_step.cancel.setEnabled(False)
            self.run_step.state.setText(self.tr("Avbryter…"))

    def _stopped(self) -> bool:
        """The writer has finished; True if the window was asked to close meanwhile."""
        self.running = False
        if self._close_when_stopped:
            super().reject()
            return True
        return False

    def _done(self, result: ExportResult) -> None:
        self.context.events.changed("bundle")  # the disclosure register watches it
        if self._stopped():
            return
        self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        self.run_step.show_result(result)

    def _failed(self, exc: BaseException) -> None:
        if self._stopped():
            return
        self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        if isinstance(exc, Cancelled):
            self.run_step.show_failure(self.tr("Exporten avbröts. Ingen fil skrevs."))
        else:
            self.run_step.show_failure(user_message(exc))

    def reject(self) -> None:
        if self.running:  # Escape or a lock while writing: close once the writer has stopped
            self._close_when_stopped = True
            self.request_cancel()
            return
        super().reject()
