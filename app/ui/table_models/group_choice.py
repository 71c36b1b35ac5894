"""Groups to tick (the groups a call-in addresses): name, area, current members, priority.

A working group has tens of groups, so the whole list comes in one lane job and a
``QSortFilterProxyModel`` over this model does the search. Ticked ids survive a new list.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.services.groups import GroupDTO

AnyIndex = QModelIndex | QPersistentModelIndex


class GroupChoiceModel(QAbstractTableModel):
    NAME, AREA, MEMBERS, PRIORITY = range(4)
    COLUMN_COUNT = 4
    checked_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[GroupDTO] = []
        self._checked: list[str] = []
        self._names: dict[str, str] = {}

    def set_groups(self, groups: list[GroupDTO]) -> None:
        self.beginResetModel()
        self._rows = list(groups)
        self._names.update((g.id, g.name) for g in groups)
        self.endResetModel()

    def set_checked(self, group_ids: list[str], names: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self._checked = list(dict.fromkeys(group_ids))
        self._names.update(names or {})
        self.endResetModel()
        self.checked_changed.emit()

    def checked_ids(self) -> tuple[str, ...]:
        return tuple(self._checked)

    def checked_names(self) -> list[str]:
        return [self._names.get(gid, "") for gid in self._checked]

    def group(self, row: int) -> GroupDTO:
        return self._rows[row]

    def row_of(self, group_id: str) -> int:
        return next((n for n, g in enumerate(self._rows) if g.id == group_id), -1)

    def toggle(self, row: int) -> None:
        gid = self._rows[row].id
        state = Qt.CheckState.Unchecked if gid in self._checked else Qt.CheckState.Checked
        self.setData(self.index(row, self.NAME), state.value, Qt.ItemDataRole.CheckStateRole)

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._checked, self._names = [], [], {}
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Grupp"), self.tr("Område"), self.tr("Medlemmar nu"),
                  self.tr("Prioritet"))
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.NAME:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.NAME \
                or role != Qt.ItemDataRole.CheckStateRole:
            return False
        gid = self._rows[index.row()].id
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked and gid not in self._checked:
            self._checked.append(gid)
        elif not checked and gid in self._checked:
            self._checked.remove(gid)
        else:
            return True
        self.dataChanged.emit(index, index)
        self.checked_changed.emit()
        return True

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        g, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.NAME:
            return Qt.CheckState.Checked if g.id in self._checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return g.name
            if column == self.AREA:
                return g.area or ""
            if column == self.MEMBERS:
                return str(g.current_members)
            if column == self.PRIORITY:
                return "" if g.priority is None else str(g.priority)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.MEMBERS, self.PRIORITY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
