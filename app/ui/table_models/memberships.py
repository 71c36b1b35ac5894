"""One person's memberships: group, role, dates, source, confidence and whether it is current.

A person has a handful of memberships: the whole list comes in one lane job. Current ones
come first, then former ones, most recently ended first.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.models.enums import Confidence
from app.services.groups import MembershipDTO
from app.ui.labels import confidence_label, date_text

AnyIndex = QModelIndex | QPersistentModelIndex
FORMER = QColor("#6b6b6b")


class MembershipsModel(QAbstractTableModel):
    GROUP, ROLE, FROM, TO, SOURCE, CONFIDENCE, STATE = range(7)
    COLUMN_COUNT = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MembershipDTO] = []
        self.today = date.today()

    def set_memberships(self, memberships: list[MembershipDTO]) -> None:
        self.beginResetModel()
        self.today = date.today()
        rows = list(memberships)
        rows.sort(key=lambda m: (m.valid_to or date.max, m.valid_from or date.min),
                  reverse=True)
        rows.sort(key=lambda m: not m.is_current(self.today))  # stable: current ones first
        self._rows = rows
        self.endResetModel()

    def membership(self, row: int) -> MembershipDTO:
        return self._rows[row]

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Grupp"), self.tr("Roll"), self.tr("Från"), self.tr("Till"),
                  self.tr("Källa"), self.tr("Tillförlitlighet"), self.tr("Läge"))
        return titles[section] if 0 <= section < self.COLUMN_COUNT else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        m = self._rows[index.row()]
        current = m.is_current(self.today)
        if role == Qt.ItemDataRole.ForegroundRole and not current:
            return QBrush(FORMER)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.GROUP:
            return self.tr("Dubbelklicka för att öppna gruppen")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.GROUP:
            return m.group_name
        if column == self.ROLE:
            return m.role or ""
        if column == self.FROM:
            return date_text(m.valid_from)
        if column == self.TO:
            return date_text(m.valid_to)
        if column == self.SOURCE:
            return m.source or ""
        if column == self.CONFIDENCE:
            return confidence_label(Confidence(m.confidence))
        if column == self.STATE:
            if current:
                return self.tr("Nuvarande")
            if m.valid_from and m.valid_from > self.today:
                return self.tr("Kommande")
            return self.tr("Tidigare")
        return None
