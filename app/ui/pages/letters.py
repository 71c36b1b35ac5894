"""Letter templates: pick one, edit its text with the merge fields beside it, save it as a new
version, look at or restore an old version, and see a sample letter before anyone prints one.

Saving is refused while the text has problems (the same check the service makes before a
letter is printed). A sample letter goes to a made-up person and records nothing. Unsaved
edits are asked about before another template replaces them; when the user leaves the page
they stay in the editor, and the page asks once what to do with them.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer
from PySide6.QtGui import QHideEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.drafts import Draft
from app.services.letters import LetterService
from app.services.letters.templates import TemplateDTO, TemplateSummary
from app.ui.crash import user_message
from app.ui.dialogs.letter_preview import LetterPreview
from app.ui.dialogs.letter_template_editor import TemplateEditor
from app.ui.dialogs.letterhead import LetterheadDialog
from app.ui.icons import page_icon
from app.ui.labels import letter_kind_label
from app.ui.pages.base import Page, PageContext
from app.ui.table_models.letter_templates import TemplatesModel, VersionsModel, language_label
from app.ui.widgets.field_errors import error_label


def _table(model: TemplatesModel | VersionsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


class LetterTemplatesPage(Page):
    key = "letters"
    watches = ("letter_template",)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.letters: LetterService = context.services.letters
        self._runner = context.runner
        self._current: TemplateDTO | None = None
        self._asking = False
        self._pending: Draft | None = None  # edited text kept over a lock, shown once opened

        self.model = TemplatesModel(self)
        self.table = _table(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.sortByColumn(TemplatesModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.letterhead_button = QPushButton(self.tr("Brevhuvud och kontakt…"))
        self.letterhead_button.clicked.connect(self.open_letterhead)

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setStyleSheet("font-weight: 600; font-size: 13pt;")
        self.editor = TemplateEditor()
        self.editor.changed.connect(self._update_buttons)
        self.editor.checked.connect(lambda _n: self._update_buttons())
        self.message = error_label()
        self.save_button = QPushButton(page_icon("edit"), self.tr("Spara som ny version"))
        self.revert_button = QPushButton(self.tr("Ångra ändringar"))
        self.preview_button = QPushButton(self.tr("Förhandsgranska…"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.preview_button.clicked.connect(self.preview)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        self.versions = VersionsModel(self)
        self.version_table = _table(self.versions)
        self.version_table.selectionModel().currentRowChanged.connect(self._show_version)
        self.version_text = QPlainTextEdit()
        self.version_text.setReadOnly(True)
        self.restore_button = QPushButton(self.tr("Återställ den här versionen"))
        self.restore_button.clicked.connect(self.restore)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._edit_tab(), self.tr("Text"))
        self.tabs.addTab(self._versions_tab(), self.tr("Versioner"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.tabs, 1)
        self.empty = QLabel(self.tr("Välj en brevmall i listan för att läsa och ändra texten. "
                                    "Ändringar sparas som en ny version; breven som redan "
                                    "skrivits ut behåller sin version."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right = QStackedWidget()
        self.right.addWidget(self.empty)
        self.right.addWidget(right)

        # A handful of templates: a short table on top leaves the width to the text.
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Mallar för breven som skrivs ut. Brevhuvudet och "
                                     "kontaktuppgifterna gäller alla mallar.")), 1)
        bar.addWidget(self.letterhead_button)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([235, 525])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._update_buttons()

    def _edit_tab(self) -> QWidget:
        tab = QWidget()
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addStretch(0)
        for button in (self.preview_button, self.revert_button, self.save_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.editor, 1)
        layout.addLayout(buttons)
        return tab

    def _versions_tab(self) -> QWidget:
        tab = QWidget()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.version_table)
        splitter.addWidget(self.version_text)
        splitter.setStretchFactor(1, 3)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        return tab

    # ---- page ----------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Brevmallar")

    def icon(self) -> QIcon:
        return page_icon("letters")

    def load(self) -> None:
        self._runner.run(self.letters.templates, on_done=self._loaded_templates,
                         on_error=self._failed)

    def clear(self) -> None:
        self._current = None
        self._pending = None
        self.model.clear()
        self.versions.clear()
        self.editor.clear()
        self.version_text.clear()
        self.message.hide()
        self.right.setCurrentWidget(self.empty)
        for dialog in self.findChildren(LetterheadDialog) + self.findChildren(LetterPreview):
            dialog.close()
        self._update_buttons()
        super().clear()

    def show_record(self, record_id: str) -> None:
        """``record_id`` is "name/language" (the page also routes itself back here)."""
        name, _sep, language = record_id.partition("/")
        row = self.model.row_of(name, language)
        if row >= 0:
            self.table.selectRow(row)

    # ---- kept over a lock ----------------------------------------------------------------
    def drafts(self) -> list[Draft]:
        if self._current is None or not self.dirty():
            return []
        return [Draft("letter_template", self._current.id,
                      {"name": self._current.name, "language": self._current.language,
                       "body": self.editor.body()})]

    def restore_draft(self, draft: Draft) -> bool:
        if draft.kind != "letter_template":
            return False
        name, language = draft.fields.get("name", ""), draft.fields.get("language", "")
        if not name or not language or "body" not in draft.fields:
            return False
        self._pending = draft
        self.activate()
        self._open(name, language)
        return True

    # ---- choosing a template -------------------------------------------------------------
    def dirty(self) -> bool:
        return self._current is not None and self.editor.body() != self._current.body

    def _loaded_templates(self, rows: list[TemplateSummary]) -> None:
        keep = (self._current.name, self._current.language) if self._current else None
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        self.table.selectionModel().blockSignals(False)
        row = self.model.row_of(*keep) if keep else -1
        if row >= 0:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if not rows:
            return
        summary = self.model.summary(rows[0].row())
        if self._current and (summary.name, summary.language) == (self._current.name,
                                                                   self._current.language):
            return
        if self.dirty() and not self._discard_ok():
            old = deselected.indexes()
            self.table.selectionModel().blockSignals(True)
            if old:
                self.table.selectRow(old[0].row())
            self.table.selectionModel().blockSignals(False)
            return
        self._open(summary.name, summary.language)

    def _discard_ok(self) -> bool:
        assert self._current is not None
        answer = QMessageBox.question(
            self, self.tr("Osparade ändringar"),
            self.tr("Mallen %1 har ändringar som inte är sparade. Vill du kasta dem?")
            .replace("%1", self._current.name),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def _open(self, name: str, language: str) -> None:
        self._runner.run(self.letters.versions, name, language, on_done=self._opened,
                         on_error=self._failed, owner=self)

    def _opened(self, versions: list[TemplateDTO]) -> None:
        current = versions[0]
        self._current = current
        self.heading.setText(self.tr("%1 – %2, %3 (version %4)")
                             .replace("%1", current.name)
                             .replace("%2", letter_kind_label(current.kind))
                             .replace("%3", language_label(current.language))
                             .replace("%4", str(current.version)))
        self.editor.set_body(current.body, current.kind)
        pending, self._pending = self._pending, None
        if pending is not None and (pending.fields["name"], pending.fields["language"]) == (
                current.name, current.language):
            # The text typed before the lock, still unsaved, over the newest version.
            self.editor.set_body(pending.fields["body"], current.kind)
        self.versions.set_rows(versions)
        self.version_text.clear()
        self.message.hide()
        self.right.setCurrentIndex(1)
        self._update_buttons()

    # ---- saving --------------------------------------------------------------------------
    def save(self) -> None:
        if self._current is None:
            return
        if self.editor.problem_list_now():
            self._tell(self.tr("Mallen sparas inte: rätta problemen i listan först."))
            return
        if not self.dirty():
            self._tell(self.tr("Inga ändringar att spara."), error=False)
            return
        current = self._current
        self._runner.run(self.letters.save_template, current.name, current.language,
                         self.editor.body(), on_done=self._saved, on_error=self._failed)

    def _saved(self, version: int) -> None:
        self._after_save(self.tr("Sparad som version %1.").replace("%1", str(version)))

    def _after_save(self, text: str) -> None:
        assert self._current is not None
        self.status_message.emit(text)
        self._open(self._current.name, self._current.language)
        self._tell(text, error=False)
        self.context.events.changed("letter_template")

    def revert(self) -> None:
        if self._current is not None:
            self.editor.set_body(self._current.body, self._current.kind)
            self.message.hide()
            self._update_buttons()

    # ---- versions ------------------------------------------------------------------------
    def _show_version(self, index: QModelIndex, _previous: QModelIndex) -> None:
        if index.isValid():
            self.version_text.setPlainText(self.versions.version(index.row()).body)
        self._update_buttons()

    def restore(self) -> None:
        index = self.version_table.currentIndex()
        if self._current is None or not index.isValid() or index.row() == 0:
            return
        if self.dirty() and not self._discard_ok():
            return
        old = self.versions.version(index.row())
        current = self._current
        self._runner.run(
            self.letters.save_template, current.name, current.language, old.body,
            on_done=lambda version: self._after_save(
                self.tr("Version %1 är återställd som version %2.")
                .replace("%1", str(old.version)).replace("%2", str(version))),
            on_error=self._failed, owner=self)

    # ---- sample letter -------------------------------------------------------------------
    def preview(self) -> None:
        if self._current is None:
            return
        if self.editor.problem_list_now():
            self._tell(self.tr("Ingen förhandsgranskning: rätta problemen i listan först."))
            return
        current = self._current
        self._runner.run(self.letters.preview_sample, current.name, current.language,
                         self.editor.body(), on_done=self._show_sample, on_error=self._failed)

    def _show_sample(self, pdf: bytes) -> None:
        assert self._current is not None
        dialog = LetterPreview(
            self._runner, pdf,
            self.tr("Exempelbrev: %1").replace("%1", self._current.name),
            record=lambda _output: None, file_name=f"exempel-{self._current.name}.pdf",
            parent=self)
        # A sample letter is for looking at: nothing to print or save, nothing to record.
        dialog.print_button.hide()
        dialog.save_button.hide()
        for shortcut in dialog.findChildren(QShortcut):
            if shortcut.key() in (QKeySequence(QKeySequence.StandardKey.Print),
                                  QKeySequence(QKeySequence.StandardKey.Save)):
                shortcut.setEnabled(False)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    # ---- letterhead ----------------------------------------------------------------------
    def open_letterhead(self) -> None:
        dialog = LetterheadDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda: self.status_message.emit(
            self.tr("Brevhuvudet är sparat.")))
        dialog.open()

    # ---- leaving with unsaved edits ------------------------------------------------------
    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        # Another page was chosen while the window stays open (not a lock, not minimising).
        if self.dirty() and not event.spontaneous() and self.window().isVisible():
            QTimer.singleShot(0, self._ask_on_leave)

    def _ask_on_leave(self) -> None:
        if self._asking or self.isVisible() or not self.dirty() or self._current is None:
            return
        self._asking = True
        try:
            answer = QMessageBox.question(
                self.window(), self.tr("Osparade ändringar"),
                self.tr("Mallen %1 har ändringar som inte är sparade. Spara dem som en ny "
                        "version?").replace("%1", self._current.name),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        finally:
            self._asking = False
        current = self._current
        if answer == QMessageBox.StandardButton.Discard:
            self.revert()
        elif answer == QMessageBox.StandardButton.Save:
            self.save()
            if self.editor.problems.problems():  # refused: go back to the problems
                self.open_record.emit("letter_template", f"{current.name}/{current.language}")
        else:
            self.open_record.emit("letter_template", f"{current.name}/{current.language}")

    # ---- shared --------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        has = self._current is not None
        dirty = self.dirty()
        self.save_button.setEnabled(has)
        self.revert_button.setEnabled(dirty)
        self.preview_button.setEnabled(has)
        index = self.version_table.currentIndex()
        self.restore_button.setEnabled(has and index.isValid() and index.row() > 0)

    def _tell(self, text: str, *, error: bool = True) -> None:
        self.message.setStyleSheet(f"color: {'#a4262c' if error else '#2b6b3f'};")
        self.message.setText(text)
        self.message.show()

    def _failed(self, exc: BaseException) -> None:
        self._tell(user_message(exc))
