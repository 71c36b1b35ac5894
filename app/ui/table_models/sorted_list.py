"""A register's rows as the service listed them, sorted by the header in memory.

For registers of hundreds or a few thousand rows that come in one lane job. Sorting column -1
gives the service's own order back; a new listing keeps the column the user sorted by.
Subclasses say what the columns are called, what a cell shows and how a column sorts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


Row = TypeVar("Row", bound=_Identified)


class SortedListModel(QAbstractTableModel, Generic[Row]):
    COLUMN_COUNT = 0  # as many as ``titles`` names

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listed: list[Row] = []  # in the service's order
        self._rows: list[Row] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # ---- what a subclass says ------------------------------------------------------------
    def titles(self) -> Sequence[str]:
        """The column headers (asked each time: the language may have changed)."""
        raise TypeError(f"{type(self).__name__} must define titles()")

    def text(self, row: Row, column: int) -> str:
        raise TypeError(f"{type(self).__name__} must define text()")

    def sort_key(self, row: Row, column: int) -> Any:
        """How a column sorts; by default its text, ignoring case."""
        return self.text(row, column).casefold()

    def listed(self) -> None:
        """Called as a new listing comes in, before it is sorted (e.g. to note the day)."""

    # ---- content -------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.listed()
        self._listed = list(rows)
        self._rows = list(rows)
        if self._sort is not None:
            self._order(*self._sort)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows(())

    def row_item(self, row: int) -> Row:
        return self._rows[row]

    def row_of(self, row_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == row_id), -1)

    # ---- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole
                or not 0 <= section < self.COLUMN_COUNT):
            return None
        return self.titles()[section]

    def row_at(self, index: AnyIndex) -> Row | None:
        """The row an index points at, or None for an invalid one."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    # ---- sorting -------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By a column; -1 is the service's order again."""
        self.layoutAboutToBeChanged.emit()
        if 0 <= column < self.COLUMN_COUNT:
            self._sort = (column, order)
            self._order(column, order)
        else:
            self._sort = None
            self._rows = list(self._listed)
        self.layoutChanged.emit()

    def _order(self, column: int, order: Qt.SortOrder) -> None:
        self._rows.sort(key=lambda r: self.sort_key(r, column),
                        reverse=order == Qt.SortOrder.DescendingOrder)
