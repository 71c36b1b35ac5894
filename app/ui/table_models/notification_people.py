"""A short list of people by name (search results, and the people a notification is for)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex


class NamedPeopleModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str]] = []  # (person id, name)

    def people(self) -> list[tuple[str, str]]:
        return list(self._rows)

    def ids(self) -> list[str]:
        return [pid for pid, _name in self._rows]

    def set_people(self, people: list[tuple[str, str]]) -> None:
        self.beginResetModel()
        self._rows = list(dict(people).items())  # one row per person
        self.endResetModel()

    def add(self, person_id: str, name: str) -> bool:
        """Add at the end; False if the person is already listed."""
        if person_id in self.ids():
            return False
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append((person_id, name))
        self.endInsertRows()
        return True

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def person(self, row: int) -> tuple[str, str]:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() \
                and 0 <= index.row() < len(self._rows):
            return self._rows[index.row()][1]
        return None
