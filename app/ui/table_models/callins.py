"""The call-in register: date, title, venue, status, groups and invitee counts.

A working group holds tens of call-ins, not thousands: the service returns the whole listing
(filtered by status and search text) in one lane job, and the header sorts it in memory
(``SortedListModel``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.models.enums import CallInStatus, InviteeStatus
from app.services.callin_dto import CallInSummary
from app.ui.labels import callin_status_label
from app.ui.table_models.sorted_list import SortedListModel

AnyIndex = QModelIndex | QPersistentModelIndex
MUTED = QColor("#6b6b6b")
ATTENDED = (InviteeStatus.ATTENDED,)


def datetime_text(value: datetime | None) -> str:
    """ÅÅÅÅ-MM-DD TT:MM, the form staff enter."""
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


class CallInsModel(SortedListModel[CallInSummary]):
    DATE, TITLE, VENUE, STATUS, GROUPS, INVITED, ATTENDED = range(7)
    COLUMN_COUNT = 7

    def set_callins(self, rows: list[CallInSummary]) -> None:
        self.set_rows(rows)

    def callin(self, row: int) -> CallInSummary:
        return self.row_item(row)

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Datum"), self.tr("Rubrik"), self.tr("Plats"), self.tr("Status"),
                self.tr("Grupper"), self.tr("Inbjudna"), self.tr("Deltog"))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            tips = {self.INVITED: self.tr("Inbjudna i alla steg (föreslagna till deltagit)"),
                    self.ATTENDED: self.tr("Deltog i mötet")}
            return tips.get(section)
        return super().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        c, column = self.row_at(index), index.column()
        if c is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole and c.status is CallInStatus.CANCELLED:
            return QBrush(MUTED)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.INVITED, self.ATTENDED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.GROUPS:
            return ", ".join(c.groups) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column in (self.INVITED, self.ATTENDED):
            return self._count(c, column)  # a number, shown as one
        return self.text(c, column)

    def _count(self, c: CallInSummary, column: int) -> int:
        if column == self.INVITED:
            return c.invitees_total
        return c.counts.get(InviteeStatus.ATTENDED, 0)

    def text(self, c: CallInSummary, column: int) -> str:
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
        if column in (self.INVITED, self.ATTENDED):
            return str(self._count(c, column))
        return ""

    def sort_key(self, c: CallInSummary, column: int) -> Any:
        """-1 (no column) is the service's order: undated drafts first, then newest first."""
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
        if column in (self.INVITED, self.ATTENDED):
            return self._count(c, column)
        return self.text(c, column).casefold()
