"""The team that delivered a custom notification: a name and a role per row, in the order
they were added (the letter and the record list them so)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.services.notification_fields import TeamMember
from app.ui.labels import team_role_label

AnyIndex = QModelIndex | QPersistentModelIndex


class TeamModel(QAbstractTableModel):
    NAME, ROLE = range(2)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TeamMember] = []

    def members(self) -> tuple[TeamMember, ...]:
        return tuple(self._rows)

    def set_members(self, members: tuple[TeamMember, ...] | list[TeamMember]) -> None:
        self.beginResetModel()
        self._rows = list(members)
        self.endResetModel()

    def add(self, member: TeamMember) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(member)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Namn"), self.tr("Roll"))[section] if section in (0, 1) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid() \
                or not 0 <= index.row() < len(self._rows):
            return None
        member = self._rows[index.row()]
        return member.name if index.column() == self.NAME else team_role_label(member.role)
