"""The letter templates page: live checks that block Save, versions, restoring, merge fields,
the sample letter, and unsaved edits asked about before they are replaced."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.services import audit
from app.services.session import Services
from app.ui.dialogs.letter_preview import LetterPreview
from app.ui.events import Events
from app.ui.main_window import MainWindow
from app.ui.pages.base import PageContext
from app.ui.pages.letters import LetterTemplatesPage
from app.ui.table_models.letter_templates import TemplatesModel
from app.ui.tasks import InlineRunner


@pytest.fixture
def page(qtbot: QtBot, services: Services, runner: InlineRunner,
         tmp_path: Path) -> LetterTemplatesPage:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    widget = LetterTemplatesPage(PageContext(services, runner, Events(), settings))
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    widget.activate()
    return widget


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` key by key; QTest cannot map å ä ö to keys, so those go as key events
    carrying their text, as a keyboard layout would send them."""
    for ch in text:
        if ch == "\n":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        elif ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                         ch))


def _open(page: LetterTemplatesPage, name: str, language: str = "sv") -> None:
    page.show_record(f"{name}/{language}")
    assert page._current is not None and page._current.name == name


def _append(qtbot: QtBot, page: LetterTemplatesPage, text: str) -> None:
    page.editor.text.moveCursor(page.editor.text.textCursor().MoveOperation.End)
    type_text(qtbot, page.editor.text, text)


def test_templates_are_listed_and_sortable(page: LetterTemplatesPage) -> None:
    model = page.model
    assert model.rowCount() == 6  # three shipped templates in Swedish and English
    names = [model.index(r, TemplatesModel.NAME).data() for r in range(model.rowCount())]
    assert names == sorted(names)
    model.sort(TemplatesModel.NAME, Qt.SortOrder.DescendingOrder)
    assert model.index(0, TemplatesModel.NAME).data() == "riktat-samtal"
    assert model.index(0, TemplatesModel.VERSION).data() == "1"
    assert page.right.currentWidget() is page.empty


def test_unknown_field_is_listed_and_save_refuses_then_fixed_saves(
        qtbot: QtBot, page: LetterTemplatesPage, services: Services) -> None:
    _open(page, "riktat-samtal")
    _append(qtbot, page, "\n\nHej {förnman}!")
    qtbot.waitUntil(lambda: page.editor.problems.rowCount() == 1)
    (problem,) = page.editor.problems.problems()
    line = page.editor.body().count("\n") + 1
    assert problem.line == line and problem.suggestion == "förnamn"
    assert page.editor.tinted_lines() == [line]
    page.save_button.click()
    assert "rätta problemen" in page.message.text()
    assert services.letters.versions("riktat-samtal", "sv")[0].version == 1

    for _ in range(len("förnman}!")):
        qtbot.keyClick(page.editor.text, Qt.Key.Key_Backspace)
    type_text(qtbot, page.editor.text, "förnamn}!")
    qtbot.waitUntil(lambda: page.editor.problems.rowCount() == 0)
    assert page.editor.tinted_lines() == []
    page.save_button.click()
    versions = services.letters.versions("riktat-samtal", "sv")
    assert versions[0].version == 2 and versions[0].body.endswith("Hej {förnamn}!")
    assert page.versions.rowCount() == 2 and not page.dirty()
    assert page.model.index(page.model.row_of("riktat-samtal", "sv"),
                            TemplatesModel.VERSION).data() == "2"


def test_restore_an_old_version_saves_it_as_new(qtbot: QtBot, page: LetterTemplatesPage,
                                                 services: Services) -> None:
    original = services.letters.template("forum", "sv").body
    services.letters.save_template("forum", "sv", original + "\n\nEtt tillägg.")
    _open(page, "forum")
    assert page.editor.body().endswith("Ett tillägg.")
    page.tabs.setCurrentIndex(1)
    assert not page.restore_button.isEnabled()  # the current version needs no restoring
    page.version_table.selectRow(1)
    assert page.version_text.toPlainText() == original
    page.restore_button.click()
    latest = services.letters.versions("forum", "sv")[0]
    assert latest.version == 3 and latest.body == original.strip()
    assert page.editor.body() == latest.body
    assert "återställd som version 3" in page.message.text()


def test_clicking_a_merge_field_inserts_it_at_the_cursor(qtbot: QtBot,
                                                         page: LetterTemplatesPage) -> None:
    _open(page, "inbjudan")
    page.editor.text.moveCursor(page.editor.text.textCursor().MoveOperation.Start)
    fields = page.editor.fields
    row = next(r for r in range(fields.rowCount())
               if fields.index(r).data(fields.TOKEN_ROLE) == "{telefon}")
    assert "telefonnumret" in fields.index(row).data()
    rect = page.editor.field_list.visualRect(fields.index(row))
    qtbot.mouseClick(page.editor.field_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert page.editor.body().startswith("{telefon}")
    assert page.dirty() and page.revert_button.isEnabled()
    page.revert_button.click()
    assert not page.dirty()


def test_sample_preview_opens_one_page_and_records_nothing(
        qtbot: QtBot, page: LetterTemplatesPage, services: Services) -> None:
    _open(page, "forum")
    before = len(audit.list_events(services.db, limit=10_000))
    page.preview_button.click()
    (preview,) = page.findChildren(LetterPreview)
    assert preview.page_count == 1
    assert preview.save_button.isHidden() and preview.print_button.isHidden()
    assert len(audit.list_events(services.db, limit=10_000)) == before
    assert services.letters.printed() == []
    preview.close()


def test_switching_template_with_unsaved_edits_asks(
        qtbot: QtBot, page: LetterTemplatesPage, monkeypatch: pytest.MonkeyPatch) -> None:
    _open(page, "forum")
    _append(qtbot, page, " ändrat")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    page.table.selectRow(page.model.row_of("inbjudan", "sv"))
    assert page._current is not None and page._current.name == "forum"
    assert page.editor.body().endswith(" ändrat")
    page.table.selectRow(page.model.row_of("inbjudan", "sv"))
    assert page._current is not None and page._current.name == "inbjudan"
    assert not page.dirty() and answers == []


def test_locking_clears_the_editor(qtbot: QtBot, page: LetterTemplatesPage) -> None:
    _open(page, "forum")
    _append(qtbot, page, " hemligt")
    page.clear()
    assert page.editor.body() == "" and page.model.rowCount() == 0
    assert page.right.currentWidget() is page.empty


def test_unsaved_edits_are_kept_over_a_lock_and_come_back_unsaved(
        qtbot: QtBot, page: LetterTemplatesPage, services: Services) -> None:
    assert page.drafts() == []  # nothing typed: nothing to keep
    _open(page, "forum")
    _append(qtbot, page, " Vi ses på fredag.")
    (draft,) = page.drafts()
    services.drafts.stash([draft])
    page.clear()
    assert "fredag" not in page.editor.body()

    (back,) = services.drafts.take()
    assert page.restore_draft(back)
    assert page._current is not None and page._current.name == "forum"
    assert page.editor.body().endswith(" Vi ses på fredag.")
    assert page.dirty()
    assert services.letters.template("forum", "sv").version == 1  # nothing was saved


def test_leaving_with_unsaved_edits_asks_and_cancel_comes_back(
        qtbot: QtBot, services: Services, runner: InlineRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, runner, Events(), settings)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("letters")
    assert isinstance(page, LetterTemplatesPage)
    _open(page, "forum")
    _append(qtbot, page, " ny rad")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    window.show_page("people")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    assert page.editor.body().endswith(" ny rad")
    window.show_page("people")
    qtbot.waitUntil(lambda: not answers)
    assert window.stack.currentWidget() is not page and not page.dirty()
