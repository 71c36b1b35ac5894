"""A person's timeline, newest first: when, what happened and more about it.

The entries come whole from ``TimelineService.for_person`` (one person's history is small).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.services.timeline import TimelineEntry

AnyIndex = QModelIndex | QPersistentModelIndex


class TimelineModel(QAbstractTableModel):
    WHEN, TITLE, DETAIL = range(3)
    COLUMN_COUNT = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TimelineEntry] = []

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> TimelineEntry:
        return self._rows[row]

    def clear(self) -> None:
        self.set_entries([])

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Datum"), self.tr("Vad"), self.tr("Mer"))
        return titles[section] if 0 <= section < self.COLUMN_COUNT else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DETAIL and entry.detail:
            return entry.detail  # a long note or purpose is cut off in the cell
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.WHEN:
            # ISO dates; the time only where it is known.
            return (entry.when.strftime("%Y-%m-%d %H:%M") if entry.has_time
                    else entry.day.isoformat())
        if column == self.TITLE:
            return entry.title
        if column == self.DETAIL:
            return " ".join(entry.detail.split())  # one line in the table
        return None
