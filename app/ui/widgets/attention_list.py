"""One attention list of the overview: a heading with the count, a short table, and a calm
empty state when there is nothing to do."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.table_models.attention import AttentionTableModel

VISIBLE_ROWS = 6  # enough to see what is most urgent; the table scrolls for the rest


class AttentionList(QWidget):
    open_record = Signal(str, str)  # kind, id

    def __init__(self, title: str, hint: str, model: AttentionTableModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._title = title
        self.heading = QLabel(title)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.heading.setFont(font)
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")

        self.view = QTableView()
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        row_height = self.fontMetrics().height() + 8
        self.view.verticalHeader().setDefaultSectionSize(row_height)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setMinimumHeight(header.sizeHint().height() + VISIBLE_ROWS * row_height + 4)
        # Double-click and Enter both arrive as "activated".
        self.view.activated.connect(self._activated)

        self.empty = QLabel(self.tr("Inget att göra här just nu"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Framed like the table it stands in for, so the grid keeps its shape.
        self.empty.setStyleSheet("QLabel { color: palette(placeholder-text); "
                                 "border: 1px solid palette(mid); }")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.stack.setCurrentWidget(self.empty)

        self.footnote = QLabel()
        self.footnote.setStyleSheet("color: palette(placeholder-text);")
        self.footnote.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.footnote)

    def set_items(self, items: tuple[object, ...], total: int) -> None:
        self.model.set_items(items)
        number = QLocale().toString(total)
        self.heading.setText(f"{self._title} ({number})" if total else self._title)
        self.stack.setCurrentWidget(self.view if items else self.empty)
        if total > len(items):
            self.footnote.setText(self.tr("Visar de %1 första av %2.")
                                  .replace("%1", QLocale().toString(len(items)))
                                  .replace("%2", number))
            self.footnote.show()
        else:
            self.footnote.hide()

    def clear(self) -> None:
        self.set_items((), 0)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_record.emit(self.model.kind, self.model.id_at(index.row()))
