"""Importing a bundle from a partner: choose the file → every check and a dry run (what would
change, what would go to the review list) or the specific refusal with what to do → import →
done.

Both the dry run and the import run ``BundleService.import_bundle`` on the lane with a progress
bar and a cancel button; a refused or cancelled bundle writes nothing, and the import itself is
one transaction. Closing the window while either runs cancels it and closes once it stopped.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.errors import BundleRejected, Cancelled
from app.services.bundles import BundleService, CancelRequested, ImportPreview, Progress
from app.services.partners import PartnerDTO, PartnerService
from app.ui.crash import user_message
from app.ui.events import ANY
from app.ui.pages.base import PageContext
from app.ui.table_models.bundle import ReviewPreviewModel, TableChangesModel
from app.ui.widgets.field_errors import ERROR_COLOUR, error_label

CHOOSE, PREVIEW, DONE = range(3)
MANY_TYPES = 3


@dataclass(frozen=True)
class Checked:
    preview: ImportPreview
    partner: PartnerDTO | None


def touched(result: ImportPreview) -> list[str]:
    """What an import changed, as the entity types pages watch (a table name is its type).

    Past a few types it is "everything" once: a page watching several of them (Översikt)
    would otherwise reload once per type."""
    entities = ["bundle"]  # the disclosure register watches it
    entities += [t.table for t in result.tables if t.new or t.changed]
    if any(t.conflicts for t in result.tables):
        entities.append("merge_review")
    return entities if len(entities) <= MANY_TYPES else [ANY]


def dry_run(service: BundleService, path: Path, *, progress: Progress | None = None,
            cancelled: CancelRequested | None = None) -> Checked:
    """The preview and the sender as pinned here (for its fingerprint)."""
    preview = service.import_bundle(path, dry_run=True, progress=progress, cancelled=cancelled)
    return Checked(preview, PartnerService(service.db).by_unit(preview.sender_unit))


def _show_progress(bar: QProgressBar, done: int, total: int | None) -> None:
    """Busy until the first report with a total, then done of total."""
    if total:
        bar.setRange(0, total)
        bar.setValue(min(done, total))


def _big(label: QLabel) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


class ChooseStep(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Välj bunt"))
        self.setSubTitle(self.tr("En bunt (.age) från en partner. Den kontrolleras innan "
                                 "något läses in."))
        self.path = QLineEdit()
        self.browse = QPushButton(self.tr("&Välj…"))
        self.browse.clicked.connect(self._browse)
        self.message = error_label()
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        form = QFormLayout(self)
        form.addRow(self.tr("&Fil:"), row)
        form.addRow("", self.message)
        self.path.textChanged.connect(self.completeChanged)

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Öppna bunt"), self.path.text() or str(Path.home()),
            self.tr("Mottryck-buntar (*.age);;Alla filer (*)"))
        if chosen:
            self.path.setText(chosen)

    def target(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:
        ok = self.target().is_file()
        self.message.setText("" if ok else self.tr("Filen finns inte."))
        self.message.setVisible(not ok)
        return ok


class PreviewStep(QWizardPage):
    """The dry run: either the refusal, big and plain, or what the import would do."""

    def __init__(self, wizard: BundleImportWizard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._wizard = wizard
        self.setTitle(self.tr("Kontroll"))
        self.checked: Checked | None = None
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.progress = QProgressBar()
        self.cancel = QPushButton(self.tr("&Avbryt kontrollen"))
        self.cancel.clicked.connect(wizard.request_cancel)
        self.refusal = _big(QLabel())
        self.refusal.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.refusal.setTextFormat(Qt.TextFormat.PlainText)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.from_whom = QLabel()
        self.from_whom.setWordWrap(True)
        self.from_whom.setTextFormat(Qt.TextFormat.PlainText)
        self.from_whom.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.changes = TableChangesModel(self)
        self.table = QTableView()
        self.table.setModel(self.changes)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.reviews = QLabel()
        self.reviews.setWordWrap(True)
        self.review_rows = ReviewPreviewModel(self)
        self.review_table = QTableView()
        self.review_table.setModel(self.review_rows)
        self.review_table.verticalHeader().hide()
        header = self.review_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)  # the values whole, side by side
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignLeft)
        for w in (self.refusal, self.advice, self.from_whom):
            layout.addWidget(w)
        layout.addWidget(self.table, 2)  # the review list is short: less room for it
        layout.addWidget(self.reviews)
        layout.addWidget(self.review_table, 1)
        layout.addStretch(0)  # takes the room only while the tables are hidden (a refusal)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Importera"))

    def initializePage(self) -> None:
        self.checked = None
        hidden: tuple[QWidget, ...] = (self.refusal, self.advice, self.from_whom, self.table,
                                       self.reviews, self.review_table)
        for w in hidden:
            w.hide()
        self.state.setText(self.tr("Bunten kontrolleras…"))
        self.progress.setRange(0, 0)
        self.cancel.setEnabled(True)
        shown: tuple[QWidget, ...] = (self.state, self.progress, self.cancel)
        for w in shown:
            w.show()
        self.completeChanged.emit()
        self._wizard.check()

    def cleanupPage(self) -> None:
        """Back to the file: a check still running is left to stop on its own."""
        self._wizard.abandon_check()
        super().cleanupPage()

    def show_progress(self, done: int, total: int | None) -> None:
        _show_progress(self.progress, done, total)

    def _stopped(self) -> None:
        self.progress.hide()
        self.cancel.hide()

    def show_cancelled(self) -> None:
        self._stopped()
        self.state.setText(self.tr("Kontrollen avbröts. Inget har ändrats.\n\nVälj en annan "
                                   "fil eller kontrollera igen med Tillbaka."))

    def show_checked(self, checked: Checked) -> None:
        self._stopped()
        self.checked = checked
        p = checked.preview
        self.state.setText(self.tr("Bunten är hel, signerad av avsändaren och adresserad hit. "
                                   "Så här skulle den ändra registret:"))
        print_ = checked.partner.fingerprint if checked.partner and \
            checked.partner.fingerprint else self.tr("okänt")
        lines = [self.tr("Från: %1").replace("%1", p.partner_name),
                 self.tr("Fingeravtryck: %1").replace("%1", print_),
                 self.tr("Löpnummer: %1").replace("%1", QLocale().toString(p.sequence)),
                 self.tr("Rättslig grund: %1").replace("%1", p.legal_basis or "—"),
                 self.tr("Ändamål: %1").replace("%1", p.purpose or "—")]
        self.from_whom.setText("\n".join(lines))
        self.changes.set_changes(p.tables)
        self.review_rows.set_reviews(p.reviews)
        conflicts = sum(t.conflicts for t in p.tables)
        # The later write is kept, whichever side made it: the sentence points at the table
        # rather than promising that this computer's value stays.
        if not conflicts:
            text = self.tr("Inga uppgifter behöver granskas.")
        elif conflicts == 1:
            text = self.tr("1 uppgift där den här datorn och avsändaren skiljer sig åt läggs i "
                           "listan Att granska; värdet under Behålls gäller tills någon "
                           "väljer.")
        else:
            text = self.tr("%1 uppgifter där den här datorn och avsändaren skiljer sig åt "
                           "läggs i listan Att granska; värdet under Behålls gäller tills "
                           "någon väljer.").replace("%1", QLocale().toString(conflicts))
        self.reviews.setText(text)
        for w in (self.from_whom, self.table, self.reviews):
            w.show()
        self.review_table.setVisible(self.review_rows.rowCount() > 0)
        self.completeChanged.emit()

    def show_refusal(self, exc: BaseException) -> None:
        self._stopped()
        self.state.setText(self.tr("Bunten kan inte läsas in. Inget har ändrats."))
        self.refusal.setText(user_message(exc))
        self.refusal.show()
        if isinstance(exc, BundleRejected):
            self.advice.setText(self.advice_for(exc.code))
            self.advice.show()

    def advice_for(self, code: str) -> str:
        resend = self.tr("Be avsändaren skicka bunten på nytt och använd inte den här filen.")
        advice = {
            "unknown_signer": self.tr(
                "Lägg först till avsändaren under Partner med dess signeringsnyckel och "
                "enhets-id (jämför fingeravtrycket med avsändarens), eller kontrollera att "
                "partnern inte är spärrad."),
            "not_for_us": self.tr("Bunten gjordes för någon annan. Be avsändaren kontrollera "
                                  "den här enhetens age-mottagare."),
            "not_a_recipient": self.tr("Bunten gjordes för någon annan. Be avsändaren "
                                       "kontrollera den här enhetens age-mottagare."),
            "replayed": self.tr("Inget behöver göras: innehållet finns redan här."),
            "older_sequence": self.tr("En nyare bunt från samma avsändare är redan inläst. "
                                      "Be om den senaste bunten om något saknas."),
            "expired": self.tr("Be avsändaren göra en ny bunt."),
            "unsupported_schema": self.tr("Uppdatera Mottryck så att båda datorerna har "
                                          "samma version."),
            "unsupported_format": self.tr("Uppdatera Mottryck så att båda datorerna har "
                                          "samma version."),
            "too_large": self.tr("Be avsändaren dela upp utlämnandet, t.ex. per grupp."),
            "unreadable": self.tr("Kontrollera att filen går att läsa (USB-minnet kvar?)."),
        }
        return advice.get(code, resend)

    def isComplete(self) -> bool:
        return self.checked is not None


class DoneStep(QWizardPage):
    def __init__(self, wizard: BundleImportWizard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._wizard = wizard
        self.setTitle(self.tr("Import"))
        self.result: ImportPreview | None = None
        self.finished = False
        self.state = _big(QLabel())
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.phase = QLabel()
        self.progress = QProgressBar()
        self.cancel = QPushButton(self.tr("&Avbryt importen"))
        self.cancel.clicked.connect(wizard.request_cancel)
        self.error = error_label()
        self.retry = QPushButton(self.tr("&Försök igen"))
        self.retry.clicked.connect(self.start)
        self.to_reviews = QPushButton(self.tr("Öppna &listan Att granska"))
        self.to_reviews.clicked.connect(wizard.open_reviews)
        layout = QVBoxLayout(self)
        for w in (self.state, self.phase, self.progress):
            layout.addWidget(w)
        for button in (self.cancel, self.retry):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)
        layout.addWidget(self.to_reviews, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.start()

    def start(self) -> None:
        self.finished = False
        self.state.setText(self.tr("Bunten läses in…"))
        self.phase.setText(self.tr("Kontrollerar…"))
        self.progress.setRange(0, 0)
        self.cancel.setEnabled(True)
        for w in (self.phase, self.progress, self.cancel):
            w.show()
        for w in (self.error, self.retry, self.to_reviews):
            w.hide()
        self.completeChanged.emit()
        self._wizard.run_import()

    def show_progress(self, done: int, total: int | None) -> None:
        # The total counts each record twice, checked and written; past half of it rows are
        # being written (the next tables may still be checked alongside).
        if total and done > total // 2:
            self.phase.setText(self.tr("Skriver…"))
        _show_progress(self.progress, done, total)

    def _stopped(self) -> None:
        self.finished = True
        for w in (self.phase, self.progress, self.cancel):
            w.hide()

    def show_result(self, result: ImportPreview) -> None:
        self._stopped()
        self.result = result
        conflicts = sum(t.conflicts for t in result.tables)
        changes = result.total_changes
        said = (self.tr("Importerad. 1 ändring.") if changes == 1 else
                self.tr("Importerad. %1 ändringar.").replace(
                    "%1", QLocale().toString(changes)))
        if conflicts == 1:
            said += " " + self.tr("1 punkt att granska.")
        elif conflicts:
            said += " " + self.tr("%1 punkter att granska.").replace(
                "%1", QLocale().toString(conflicts))
        self.state.setText(said)
        self.to_reviews.setVisible(conflicts > 0)
        self.completeChanged.emit()

    def show_failure(self, exc: BaseException) -> None:
        """Cancelled or failed: nothing was imported; close, or try again (a stick put back)."""
        self._stopped()
        if isinstance(exc, Cancelled):
            self.state.setText(self.tr("Importen avbröts. Inget lästes in och inget har "
                                       "ändrats."))
        else:
            self.state.setText(self.tr("Bunten lästes inte in. Inget har ändrats."))
            self.error.setText(user_message(exc))
            self.error.show()
        self.retry.show()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.finished


class BundleImportWizard(QWizard):
    open_reviews = Signal()  # the shell shows the review list

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.service = BundleService(context.services.db)
        self._cancel = threading.Event()
        self._job = 0  # answers of an earlier run (a check left with Back) are dropped
        self.running = False
        self._close_when_stopped = False
        self.setWindowTitle(self.tr("Importera från partner"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Kontrollera >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Tillbaka"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Stäng"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Avbryt"))
        self.choose = ChooseStep()
        self.preview = PreviewStep(self)
        self.done_step = DoneStep(self)
        for n, step in enumerate((self.choose, self.preview, self.done_step)):
            self.setPage(n, step)
        self.resize(760, 560)
        self.setMinimumSize(640, 480)

    def _start(self, task: Callable[..., Any], progress: Progress,
               done: Callable[[int, Any], None],
               failed: Callable[[int, BaseException], None]) -> None:
        # A fresh event per run: a check left with Back keeps its own, already set.
        self._cancel = threading.Event()
        self._job += 1
        job = self._job
        self.running = True
        self.context.runner.run(functools.partial(task, cancelled=self._cancel.is_set),
                                on_done=lambda result: done(job, result),
                                on_error=lambda exc: failed(job, exc),
                                progress=progress, owner=self)

    def check(self) -> None:
        self._start(functools.partial(dry_run, self.service, self.choose.target()),
                    self.preview.show_progress, self._checked, self._check_failed)

    def run_import(self) -> None:
        self.button(QWizard.WizardButton.CancelButton).setEnabled(False)  # the page's own
        self._start(functools.partial(self.service.import_bundle, self.choose.target()),
                    self.done_step.show_progress, self._imported, self._failed)

    def request_cancel(self) -> None:
        """Stop the running check or import at its next check; nothing is then written."""
        if self.running:
            self._cancel.set()
            step = self.done_step if self.currentId() == DONE else self.preview
            step.cancel.setEnabled(False)
            step.state.setText(self.tr("Avbryter…"))

    def abandon_check(self) -> None:
        """Back from the preview while checking: stop it and drop its answer."""
        if self.running:
            self._cancel.set()
            self._job += 1
            self.running = False

    def _stopped(self, job: int) -> bool:
        """The run ``job`` has finished; True if its answer is to be shown (it is the current
        run and the window was not asked to close meanwhile)."""
        if job != self._job:
            return False
        self.running = False
        if self._close_when_stopped:
            super().reject()
            return False
        return True

    def _checked(self, job: int, checked: Checked) -> None:
        if self._stopped(job):
            self.preview.show_checked(checked)

    def _check_failed(self, job: int, exc: BaseException) -> None:
        if not self._stopped(job):
            return
        if isinstance(exc, Cancelled):
            self.preview.show_cancelled()
        else:
            self.preview.show_refusal(exc)

    def _imported(self, job: int, result: ImportPreview) -> None:
        for entity in touched(result):  # also when closing: the import is in
            self.context.events.changed(entity)
        if self._stopped(job):
            self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
            self.done_step.show_result(result)

    def _failed(self, job: int, exc: BaseException) -> None:
        if self._stopped(job):
            self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
            self.done_step.show_failure(exc)

    def reject(self) -> None:
        if self.running:  # Escape, the close box or a lock: close once the work has stopped
            self._close_when_stopped = True
            self.request_cancel()
            return
        super().reject()
