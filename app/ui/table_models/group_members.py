"""One group's members, current and (on request) former, with role and dates.

A group has tens of members, not thousands: the whole list comes in one lane job and the
"show former" toggle filters the rows already here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.groups import MembershipDTO
from app.services.people import PersonSummary
from app.ui.labels import date_text

AnyIndex = QModelIndex | QPersistentModelIndex
FORMER = QColor("#6b6b6b")


class GroupMembersModel(QAbstractTableModel):
    NAME, ROLE, FROM, TO, STATE = range(5)
    COLUMN_COUNT = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[MembershipDTO] = []
        self._rows: list[MembershipDTO] = []
        self._show_former = False
        self.today = date.today()

    @property
    def show_former(self) -> bool:
        return self._show_former

    def set_memberships(self, memberships: list[MembershipDTO]) -> None:
        self.today = date.today()
        self._all = list(memberships)
        self._refilter()

    def set_show_former(self, show: bool) -> None:
        if show != self._show_former:
            self._show_former = show
            self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        rows = [m for m in self._all if self._show_former or m.is_current(self.today)]
        # Current members first, then former ones, newest ending first.
        rows.sort(key=lambda m: (not m.is_current(self.today), m.person_name.casefold()))
        self._rows = rows
        self.endResetModel()

    def current_count(self) -> int:
        return sum(1 for m in self._all if m.is_current(self.today))

    def former_count(self) -> int:
        return len(self._all) - self.current_count()

    def membership(self, row: int) -> MembershipDTO:
        return self._rows[row]

    def clear(self) -> None:
        self.beginResetModel()
        self._all, self._rows = [], []
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self.COLUMN_COUNT:
            return (self.tr("Namn"), self.tr("Roll"), self.tr("Från"), self.tr("Till"),
                    self.tr("Medlem"))[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        m = self._rows[index.row()]
        current = m.is_current(self.today)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == self.NAME:
                return m.person_name
            if column == self.ROLE:
                return m.role or ""
            if column == self.FROM:
                return date_text(m.valid_from)
            if column == self.TO:
                return date_text(m.valid_to)
            if column == self.STATE:
                return self.tr("Nuvarande") if current else self.tr("Tidigare")
        if role == Qt.ItemDataRole.ForegroundRole and not current:
            return QBrush(FORMER)
        return None


class PersonPickModel(QAbstractTableModel):
    """People found when adding a member: name and masked personnummer."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PersonSummary] = []

    def set_people(self, people: list[PersonSummary]) -> None:
        self.beginResetModel()
        self._rows = list(people)
        self.endResetModel()

    def person(self, row: int) -> PersonSummary:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and section in (0, 1):
            return (self.tr("Namn"), self.tr("Personnummer"))[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or role != Qt.ItemDataRole.DisplayRole:
            return None
        p = self._rows[index.row()]
        return f"{p.first_name} {p.last_name}" if index.column() == 0 else p.personnummer_masked
