"""The letter preview: shows the PDF, and every save or print records the letters once."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from app.errors import MottryckError
from app.ui.dialogs.letter_preview import LetterPreview, save_and_record
from app.ui.tasks import InlineRunner


def _pdf(pages: int) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for n in range(pages):
        canvas.drawString(72, 760, f"Brev {n + 1}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


class Recorder:
    def __init__(self, fail: bool = False) -> None:
        self.calls: list[str] = []
        self.fail = fail

    def __call__(self, output: str) -> None:
        if self.fail:
            raise MottryckError("Breven kunde inte antecknas.")
        self.calls.append(output)


def _preview(qtbot: QtBot, runner: InlineRunner, record: Recorder, pages: int = 3) -> LetterPreview:
    dialog = LetterPreview(runner, _pdf(pages), "Brev", record=record, file_name="brev.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_preview_shows_every_page_and_records_nothing(qtbot: QtBot,
                                                      runner: InlineRunner) -> None:
    record = Recorder()
    dialog = _preview(qtbot, runner, record, pages=3)
    assert dialog.page_count == 3
    assert dialog.pages_label.text() == "Sida 1 av 3"
    assert record.calls == []


def test_saving_writes_the_file_and_records_once(qtbot: QtBot, runner: InlineRunner,
                                                 tmp_path: Path) -> None:
    record = Recorder()
    dialog = _preview(qtbot, runner, record, pages=2)
    dialog.save_to(tmp_path / "brev")  # the suffix is added
    target = tmp_path / "brev.pdf"
    assert len(PdfReader(target).pages) == 2
    assert record.calls == ["pdf"]
    assert "brev.pdf" in dialog.message.text()
    assert [p.name for p in tmp_path.iterdir()] == ["brev.pdf"]  # no temporary file left


def test_a_failed_record_leaves_no_file(qtbot: QtBot, runner: InlineRunner,
                                        tmp_path: Path) -> None:
    dialog = _preview(qtbot, runner, Recorder(fail=True))
    dialog.save_to(tmp_path / "brev.pdf")
    assert list(tmp_path.iterdir()) == []
    assert dialog.message.text() == "Breven kunde inte antecknas."
    assert dialog.save_button.isEnabled()


def test_a_folder_that_cannot_be_written_records_nothing(tmp_path: Path) -> None:
    record = Recorder()
    with pytest.raises(MottryckError, match="Kunde inte spara"):
        save_and_record(tmp_path / "saknas" / "brev.pdf", _pdf(1), record)
    assert record.calls == []


def test_printing_paints_every_page_and_records_once(qtbot: QtBot, runner: InlineRunner,
                                                     tmp_path: Path) -> None:
    record = Recorder()
    dialog = _preview(qtbot, runner, record, pages=3)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 3
    assert record.calls == ["printer"]
