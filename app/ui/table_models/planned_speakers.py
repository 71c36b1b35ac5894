"""The programme being planned: speaker slots in order, with role, name and minutes.

The order is the row order; a slot already saved keeps its id so the service updates it
instead of making a new one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.models.enums import SpeakerRole
from app.services.callin_dto import PlannedSpeaker
from app.ui.labels import speaker_role_label

AnyIndex = QModelIndex | QPersistentModelIndex


class PlannedSpeakersModel(QAbstractTableModel):
    ORDER, ROLE, NAME, MINUTES = range(4)
    COLUMN_COUNT = 4
    programme_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PlannedSpeaker] = []

    def set_speakers(self, speakers: list[PlannedSpeaker]) -> None:
        self.beginResetModel()
        self._rows = list(speakers)
        self.endResetModel()
        self.programme_changed.emit()

    def speakers(self) -> tuple[PlannedSpeaker, ...]:
        return tuple(self._rows)

    def speaker(self, row: int) -> PlannedSpeaker:
        return self._rows[row]

    def add(self, role: SpeakerRole) -> int:
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(PlannedSpeaker(role, "", None))
        self.endInsertRows()
        self.programme_changed.emit()
        return n

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self._renumber(row)
        self.programme_changed.emit()

    def move(self, row: int, delta: int) -> int:
        """Swap a slot with its neighbour; returns where it went (unchanged at an end)."""
        to = row + delta
        if not (0 <= row < len(self._rows) and 0 <= to < len(self._rows)):
            return row
        self._rows[row], self._rows[to] = self._rows[to], self._rows[row]
        first, last = min(row, to), max(row, to)
        self.dataChanged.emit(self.index(first, 0), self.index(last, self.COLUMN_COUNT - 1))
        self.programme_changed.emit()
        return to

    def update(self, row: int, *, role: SpeakerRole | None = None, name: str | None = None,
               minutes: int | None = None) -> None:
        old = self._rows[row]
        new = replace(old, role=role if role is not None else old.role,
                      name=name if name is not None else old.name,
                      minutes=minutes if minutes is not None else old.minutes)
        if new == old:
            return
        self._rows[row] = new
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMN_COUNT - 1))
        self.programme_changed.emit()

    def total_minutes(self) -> int:
        return sum(sp.minutes or 0 for sp in self._rows)

    def incomplete(self) -> list[int]:
        """Slots without a name or without minutes."""
        return [n for n, sp in enumerate(self._rows) if not sp.name.strip() or not sp.minutes]

    def clear(self) -> None:
        self.set_speakers([])

    def _renumber(self, first: int) -> None:
        if first < len(self._rows):
            self.dataChanged.emit(self.index(first, self.ORDER),
                                  self.index(len(self._rows) - 1, self.ORDER))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Ordning"), self.tr("Roll"), self.tr("Namn"), self.tr("Minuter"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        sp, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.ORDER:
                return str(index.row() + 1)
            if column == self.ROLE:
                return speaker_role_label(sp.role)
            if column == self.NAME:
                return sp.name or self.tr("(namn saknas)")
            if column == self.MINUTES:
                return str(sp.minutes) if sp.minutes else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.ORDER, self.MINUTES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
