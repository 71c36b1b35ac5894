"""The body of a letter template being edited: text, merge fields beside it, problems below.

Checking is pure and fast (``LetterService.check`` parses one template's text, no database),
so it runs on the UI thread, a moment after typing stops. Each problem is listed by line and
its line is tinted in the text; choosing a problem moves the cursor there.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import LetterKind
from app.services.letters.fields import TemplateProblem, check, merge_fields
from app.services.letters.templates import layout_problem
from app.ui.table_models.letter_fields import MergeFieldsModel, ProblemsModel
from app.ui.widgets.field_errors import ERROR_COLOUR

CHECK_DELAY_MS = 300
PROBLEM_TINT = QColor("#fde7e9")
OK_COLOUR = "#2b6b3f"


def problems_in(body: str, kind: LetterKind | None) -> list[TemplateProblem]:
    """What Save would refuse: unknown fields, braces, and a body with no heading or text."""
    problems = check(body, kind)
    layout = layout_problem(body)
    if layout:
        problems.append(TemplateProblem(1, 1, "", layout))
    return problems


class _FieldList(QListView):
    """Enter inserts the current field (``activated`` only fires on some platforms' Enter)."""

    chosen = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.chosen.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class TemplateEditor(QWidget):
    changed = Signal()  # the text changed (after each keystroke)
    checked = Signal(int)  # problems found by the latest check

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind: LetterKind | None = None
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setAccessibleName(self.tr("Brevtext"))

        self.fields = MergeFieldsModel(merge_fields(), self)
        self.field_list = _FieldList()
        self.field_list.setModel(self.fields)
        self.field_list.setWordWrap(True)
        self.field_list.setAlternatingRowColors(True)
        self.field_list.setSpacing(1)
        self.field_list.setAccessibleName(self.tr("Kopplingsfält"))
        self.field_list.clicked.connect(self.insert_field)
        self.field_list.chosen.connect(self.insert_field)

        self.problems = ProblemsModel(self)
        self.problem_list = QListView()
        self.problem_list.setModel(self.problems)
        self.problem_list.setWordWrap(True)
        self.problem_list.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.problem_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.problem_list.setAccessibleName(self.tr("Problem i mallen"))
        self.problem_list.activated.connect(self._go_to_problem)
        self.problem_list.clicked.connect(self._go_to_problem)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        self.text.textChanged.connect(self._typed)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.text, 1)
        left_layout.addWidget(self.status)
        left_layout.addWidget(self.problem_list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        fields_title = QLabel(self.tr("Kopplingsfält – klicka för att infoga vid markören"))
        fields_title.setWordWrap(True)
        right_layout.addWidget(fields_title)
        right_layout.addWidget(self.field_list, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.setTabOrder(self.text, self.field_list)
        self.setTabOrder(self.field_list, self.problem_list)

    # ---- content -------------------------------------------------------------------------
    def set_body(self, body: str, kind: LetterKind | None) -> None:
        self._kind = kind
        self.text.setPlainText(body)
        self.check_now()

    def body(self) -> str:
        return self.text.toPlainText()

    def clear(self) -> None:
        self._timer.stop()
        self._kind = None
        self.text.clear()
        self.problems.set_problems([])
        self.text.setExtraSelections([])
        self.status.clear()

    def problem_list_now(self) -> list[TemplateProblem]:
        """The problems of the text as it is this moment (Save asks this, not the timer)."""
        self.check_now()
        return self.problems.problems()

    # ---- merge fields --------------------------------------------------------------------
    def insert_field(self, index: QModelIndex) -> None:
        token = index.data(MergeFieldsModel.TOKEN_ROLE)
        if not token:
            return
        self.text.insertPlainText(token)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- checking ------------------------------------------------------------------------
    def _typed(self) -> None:
        self.changed.emit()
        self._timer.start()

    def check_now(self) -> None:
        self._timer.stop()
        body = self.body()
        problems = problems_in(body, self._kind) if body.strip() or self._kind else []
        self.problems.set_problems(problems)
        self._tint(self.problems.lines())
        if problems:
            self.status.setStyleSheet(f"color: {ERROR_COLOUR};")
            count = len(problems)
            self.status.setText(self.tr("1 problem – rätta det innan mallen kan sparas:")
                                if count == 1 else
                                self.tr("%1 problem – rätta dem innan mallen kan sparas:")
                                .replace("%1", str(count)))
        else:
            self.status.setStyleSheet(f"color: {OK_COLOUR};")
            self.status.setText(self.tr("Inga problem i mallen."))
        self.problem_list.setVisible(bool(problems))
        self.checked.emit(len(problems))

    def _tint(self, lines: list[int]) -> None:
        selections = []
        document = self.text.document()
        for line in lines:
            block = document.findBlockByNumber(line - 1)
            if not block.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(PROBLEM_TINT)
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selection.cursor = QTextCursor(block)
            selections.append(selection)
        self.text.setExtraSelections(selections)

    def tinted_lines(self) -> list[int]:
        return [s.cursor.blockNumber() + 1 for s in self.text.extraSelections()]

    def _go_to_problem(self, index: QModelIndex) -> None:
        problem = self.problems.problems()[index.row()]
        block = self.text.document().findBlockByNumber(problem.line - 1)
        if not block.isValid():
            return
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.Right, n=max(0, problem.column - 1))
        self.text.setTextCursor(cursor)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)
