"""One measure group's numbers: a row per month, a column per series, and the period's total
as the last row — the same table the report prints under the chart.

Values are worded by the service (``Series.text``: "12", "33 %", "–" where a share has
nothing to be taken of), so the screen, the PDF and the CSV never disagree.

The cells are ``QStandardItem``s, not answers from a Python ``data()``: a view asks its model
for every visible cell in every role each time it paints, and while the lane draws a chart
(reportlab, Python) every call from Qt into Python waits its turn for the interpreter lock.
Measured with a chart being drawn: a 26-row table painted in 60–65 ms through ``data()``, in
5 ms from items — the difference between a page that stutters while it fills and one that
does not.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from app.services.measures import MeasureGroup, Month, Series

HEADER_WIDTH = 16  # characters a line of a column title: long titles take two or three lines
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class MeasureTableModel(QStandardItemModel):
    MONTH = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cells: list[list[str]] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_group(self, group: MeasureGroup, months: Sequence[Month]) -> None:
        series = group.series
        self._cells = [[month.label, *(s.text(s.values[i]) for s in series)]
                       for i, month in enumerate(months)]
        self._cells.append([self.tr("Totalt"), *(s.text(s.total) for s in series)])
        # One reset for the views instead of a signal per item.
        self.beginResetModel()
        self.blockSignals(True)
        try:
            self.setRowCount(0)  # not clear(): that is a reset of its own, nested in ours
            self.setColumnCount(len(series) + 1)
            self.setRowCount(len(self._cells))
            self.setHorizontalHeaderItem(self.MONTH, QStandardItem(self.tr("Månad")))
            for column, s in enumerate(series, start=1):
                self.setHorizontalHeaderItem(column, self._header(s))
            total = len(self._cells) - 1
            for row, texts in enumerate(self._cells):
                for column, text in enumerate(texts):
                    item = QStandardItem(text)
                    item.setEditable(False)
                    if column != self.MONTH:
                        item.setTextAlignment(RIGHT)
                    if row == total:
                        item.setFont(self._bold)
                    self.setItem(row, column, item)
        finally:
            self.blockSignals(False)
        self.endResetModel()

    def _header(self, series: Series) -> QStandardItem:
        item = QStandardItem(textwrap.fill(series.title, HEADER_WIDTH))
        item.setToolTip(f"{series.title} ({series.unit})")
        item.setTextAlignment(RIGHT)
        return item

    def clear(self) -> None:
        self._cells = []
        super().clear()

    @property
    def total_row(self) -> int:
        return len(self._cells) - 1

    def text(self, row: int, column: int) -> str:
        """What the cell shows."""
        return self._cells[row][column]

    def column_texts(self, column: int) -> list[str]:
        return [row[column] for row in self._cells]
