"""A call-in's programme: the speaker slots in order, with role, name and minutes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.services.callin_dto import SpeakerDTO
from app.ui.labels import speaker_role_label

AnyIndex = QModelIndex | QPersistentModelIndex


class SpeakersModel(QAbstractTableModel):
    ORDER, ROLE, NAME, MINUTES = range(4)
    COLUMN_COUNT = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SpeakerDTO] = []

    def set_speakers(self, speakers: tuple[SpeakerDTO, ...] | list[SpeakerDTO]) -> None:
        self.beginResetModel()
        self._rows = list(speakers)
        self.endResetModel()

    def clear(self) -> None:
        self.set_speakers([])

    def speaker(self, row: int) -> SpeakerDTO:
        return self._rows[row]

    def ids(self) -> list[str]:
        return [s.id for s in self._rows]

    def total_minutes(self) -> int:
        return sum(s.minutes for s in self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Ordning"), self.tr("Roll"), self.tr("Namn"), self.tr("Minuter"))
        return titles[section] if 0 <= section < self.COLUMN_COUNT else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.ORDER, self.MINUTES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.ORDER:
            return s.position
        if column == self.ROLE:
            return speaker_role_label(s.role)
        if column == self.NAME:
            return s.name
        if column == self.MINUTES:
            return s.minutes or ""
        return None
