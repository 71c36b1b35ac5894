"""The call-in register: date, title, venue, status, groups and invitee counts.

A working group holds tens of call-ins, not thousands: the service returns the whole listing
(filtered by status and search text) in one lane job, and the header sorts it in memory.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.models.enums import CallInStatus, InviteeStatus
from app.services.callin_dto import CallInSummary
from app.ui.labels import callin_status_label

AnyIndex = QModelIndex | QPersistentModelIndex
MUTED = QColor("#6b6b6b")
ATTENDED = (InviteeStatus.ATTENDED,)


def datetime_text(value: datetime | None) -> str:
    """ÅÅÅÅ-MM-DD TT:MM, the form staff enter."""
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


class CallInsModel(QAbstractTableModel):
    DATE, TITLE, VENUE, STATUS, GROUPS, INVITED, ATTENDED = range(7)
    COLUMN_COUNT = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CallInSummary] = []
        self._listed: list[CallInSummary] = []  # in the service's order
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # ---- content -------------------------------------------------------------------------
    def set_callins(self, rows: list[CallInSummary]) -> None:
        self.beginResetModel()
        self._listed = list(rows)
        self._rows = list(rows)
        if self._sort is not None:
            self._order(*self._sort)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._listed = [], []
        self.endResetModel()

    def callin(self, row: int) -> CallInSummary:
        return self._rows[row]

    def row_of(self, call_in_id: str) -> int:
        return next((n for n, c in enumerate(self._rows) if c.id == call_in_id), -1)

    # ---- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = {self.INVITED: self.tr("Inbjudna i alla steg (föreslagna till deltagit)"),
                    self.ATTENDED: self.tr("Deltog i mötet")}
            return tips.get(section)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Datum"), self.tr("Rubrik"), self.tr("Plats"), self.tr("Status"),
                  self.tr("Grupper"), self.tr("Inbjudna"), self.tr("Deltog"))
        return titles[section] if 0 <= section < self.COLUMN_COUNT else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ForegroundRole and c.status is CallInStatus.CANCELLED:
            return QBrush(MUTED)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.INVITED, self.ATTENDED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.GROUPS:
            return ", ".join(c.groups) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.DATE:
            return datetime_text(c.starts_at) or self.tr("ej bestämt")
        if column == self.TITLE:
            return c.title or self.tr("(utan rubrik)")
        if column == self.VENUE:
            return c.venue or ""
        if column == self.STATUS:
            return callin_status_label(c.status)
        if column == self.GROUPS:
            return ", ".join(c.groups)
        if column == self.INVITED:
            return c.invitees_total
        if column == self.ATTENDED:
            return c.counts.get(InviteeStatus.ATTENDED, 0)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By a column; a column outside the table (-1) is the service's order again:
        undated drafts first, then newest first."""
        self.layoutAboutToBeChanged.emit()
        if 0 <= column < self.COLUMN_COUNT:
            self._sort = (column, order)
            self._order(column, order)
        else:
            self._sort = None
            self._rows = list(self._listed)
        self.layoutChanged.emit()

    def _order(self, column: int, order: Qt.SortOrder) -> None:
        def key(c: CallInSummary) -> Any:
            if column == self.DATE:
                return c.starts_at or datetime.min
            if column == self.TITLE:
                return c.title.casefold()
            if column == self.VENUE:
                return (c.venue or "").casefold()
            if column == self.STATUS:
                return list(CallInStatus).index(c.status)
            if column == self.GROUPS:
                return ", ".join(c.groups).casefold()
            if column == self.INVITED:
                return c.invitees_total
            return c.counts.get(InviteeStatus.ATTENDED, 0)

        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
