"""Who was involved in an incident, while the form is open: groups or people with a role each,
and the people a search in the form found. Nothing here touches the database; the form saves
the lists through the incident service."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.services.people import PersonSummary
from app.ui.labels import date_text

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Involved:
    id: str
    name: str
    role: str  # a GroupInvolvement or InvolvementRole code


class InvolvementModel(QAbstractTableModel):
    NAME, ROLE = range(2)
    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, name_header: str, role_header: str, role_label: Callable[[str], str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (name_header, role_header)
        self._role_label = role_label
        self._rows: list[Involved] = []

    def set_rows(self, rows: list[Involved]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def add(self, item: Involved) -> bool:
        """Add, or change the role of one already listed; False when nothing changed."""
        for i, row in enumerate(self._rows):
            if row.id == item.id:
                if row.role == item.role:
                    return False
                self._rows[i] = item
                self.dataChanged.emit(self.index(i, 0), self.index(i, 1))
                return True
        at = len(self._rows)
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.append(item)
        self.endInsertRows()
        return True

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def item(self, row: int) -> Involved:
        return self._rows[row]

    def pairs(self) -> list[tuple[str, str]]:
        """``[(id, role)]`` as the incident service takes them."""
        return [(r.id, r.role) for r in self._rows]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < 2 else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == self.ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.name if index.column() == self.NAME else self._role_label(row.role)
        return None


def person_choice_text(person: PersonSummary) -> str:
    """"Ek, Åsa (2001-02-03)": the birth date tells two people of one name apart."""
    text = f"{person.last_name}, {person.first_name}"
    born = date_text(person.birth_date)
    return f"{text} ({born})" if born else text


class PersonChoiceModel(QAbstractListModel):
    """The people a search in the form found, to pick one from."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._people: list[PersonSummary] = []

    def set_people(self, people: list[PersonSummary]) -> None:
        self.beginResetModel()
        self._people = list(people)
        self.endResetModel()

    def person(self, row: int) -> PersonSummary:
        return self._people[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return person_choice_text(self._people[index.row()])
        return None
