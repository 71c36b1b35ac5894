"""Preview of rendered letters, with printing and saving as PDF.

The PDF is held in memory only (a ``QBuffer``), never in a temporary file: letters name
people. Showing a preview records nothing; each print or save records the letters once,
through the ``record`` callable the caller passes (a service call, run on the lane).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import MottryckError, os_error_text
from app.ui.crash import user_message
from app.ui.tasks import Runner
from app.vault.atomic import fsync_dir

PRINT_DPI = 300
Record = Callable[[str], object]  # output ("pdf" | "printer") → the letters are recorded


def save_and_record(path: Path, pdf: bytes, record: Record) -> Path:
    """Write ``pdf`` to ``path`` and record the letters, so a record means a file exists.

    The bytes go to a temporary file beside the target first; the letters are recorded;
    only then does the file take its name. A full disk therefore records nothing, and a
    failed record leaves no file behind.
    """
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise MottryckError(_save_failed(path, exc)) from exc
    try:
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(pdf)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise MottryckError(_save_failed(path, exc)) from exc
        record("pdf")
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise MottryckError(_save_failed(path, exc)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)
    return path


def _save_failed(path: Path, exc: OSError) -> str:
    return (QCoreApplication.translate("LetterPreview", "Kunde inte spara %1: %2")
            .replace("%1", path.name).replace("%2", os_error_text(exc)))


class LetterPreview(QDialog):
    """The letters as they will look on paper; Ctrl+P prints, Ctrl+S saves."""

    recorded = Signal(str)  # output, after the letters were recorded

    def __init__(self, runner: Runner, pdf: bytes, title: str, *, record: Record,
                 file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._pdf = pdf
        self._record = record
        self._file_name = file_name
        self.setWindowTitle(title)
        self.setMinimumSize(720, 560)
        self.resize(900, 760)

        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.pages_label = QLabel()
        self.zoom_out = QPushButton(self.tr("Förminska"))
        self.zoom_in = QPushButton(self.tr("Förstora"))
        self.fit = QPushButton(self.tr("Hela bredden"))
        self.print_button = QPushButton(self.tr("Skriv ut…"))
        self.save_button = QPushButton(self.tr("Spara som PDF…"))
        self.close_button = QPushButton(self.tr("Stäng"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()

        self.zoom_out.clicked.connect(lambda: self._zoom(1 / 1.25))
        self.zoom_in.clicked.connect(lambda: self._zoom(1.25))
        self.fit.clicked.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.print_button.clicked.connect(self.print_letters)
        self.save_button.clicked.connect(self.save_letters)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_letters)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_letters)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self._zoom(1.25))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self._zoom(1 / 1.25))

        bar = QHBoxLayout()
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        for button in (self.zoom_out, self.zoom_in, self.fit):
            bar.addWidget(button)
        actions = QHBoxLayout()
        actions.addWidget(self.message, 1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.save_button)
        actions.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)

        self.view.pageNavigator().currentPageChanged.connect(self._show_page)
        self._show_page(0)
        self.save_button.setDefault(True)

    # ---- viewing -------------------------------------------------------------------------
    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def _show_page(self, page: int) -> None:
        self.pages_label.setText(self.tr("Sida %1 av %2")
                                 .replace("%1", str(page + 1))
                                 .replace("%2", str(self.page_count)))

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, self.view.zoomFactor() * factor)))

    # ---- saving --------------------------------------------------------------------------
    def save_letters(self) -> None:
        start = str(Path.home() / self._file_name)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Spara brev som PDF"), start, self.tr("PDF-filer (*.pdf)"))
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self._busy(True)
        self._runner.run(save_and_record, path, self._pdf, self._record,
                         on_done=self._saved, on_error=self._failed)

    def _saved(self, path: Path) -> None:
        self._busy(False)
        self._tell(self.tr("Sparat som %1. Breven är antecknade i loggen.")
                   .replace("%1", str(path)))
        self.recorded.emit("pdf")

    # ---- printing ------------------------------------------------------------------------
    def print_letters(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.page_count))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Paint every page onto ``printer``; the letters are recorded once it is done."""
        first, last = printer.fromPage(), printer.toPage()
        pages = range(0, self.page_count) if first == 0 else range(first - 1, last)
        progress = QProgressDialog(self.tr("Skriver ut…"), self.tr("Avbryt"), 0, len(pages),
                                   self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)
        painter = QPainter()
        if not painter.begin(printer):
            self._tell(self.tr("Skrivaren kunde inte startas. Inget har skrivits ut."))
            return False
        try:
            for done, page in enumerate(pages):
                if progress.wasCanceled():
                    printer.abort()
                    self._tell(self.tr("Utskriften avbröts. Inget har antecknats."))
                    return False
                if done:
                    printer.newPage()
                self._paint_page(painter, printer, page)
                progress.setValue(done + 1)
                QApplication.processEvents()
        finally:
            painter.end()
            progress.close()
        self._busy(True)
        self._runner.run(self._record, "printer", on_done=self._printed, on_error=self._failed)
        return True

    def _paint_page(self, painter: QPainter, printer: QPrinter, page: int) -> None:
        area = painter.viewport()
        size = self.document.pagePointSize(page)
        scale = min(area.width() / size.width(), area.height() / size.height())
        target = QRect(0, 0, int(size.width() * scale), int(size.height() * scale))
        # 300 dpi is sharp on paper; the printer's own resolution (often 1200 dpi) would make
        # a half-gigabyte image per A4 page.
        dpi = min(PRINT_DPI, printer.resolution())
        pixels = QSize(int(size.width() * dpi / 72), int(size.height() * dpi / 72))
        image: QImage = self.document.render(page, pixels, QPdfDocumentRenderOptions())
        painter.drawImage(target, image)

    def _printed(self, _result: object) -> None:
        self._busy(False)
        self._tell(self.tr("Utskriften är skickad. Breven är antecknade i loggen."))
        self.recorded.emit("printer")

    # ---- shared --------------------------------------------------------------------------
    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self._tell(user_message(exc))

    def _busy(self, busy: bool) -> None:
        for button in (self.print_button, self.save_button):
            button.setEnabled(not busy)

    def _tell(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def closeEvent(self, event: object) -> None:
        self.document.close()
        super().closeEvent(event)  # type: ignore[arg-type]
