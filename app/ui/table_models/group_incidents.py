"""The incidents a group was involved in, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.services.incidents import IncidentDTO
from app.ui.labels import date_text, incident_type_label

AnyIndex = QModelIndex | QPersistentModelIndex


class GroupIncidentsModel(QAbstractTableModel):
    DATE, TYPE, PLACE, GROUPS = range(4)
    COLUMN_COUNT = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[IncidentDTO] = []

    def set_incidents(self, incidents: list[IncidentDTO]) -> None:
        self.beginResetModel()
        self._rows = list(incidents)
        self.endResetModel()

    def incident_id(self, row: int) -> str:
        return self._rows[row].id

    def clear(self) -> None:
        self.set_incidents([])

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self.COLUMN_COUNT:
            return (self.tr("Datum"), self.tr("Typ"), self.tr("Plats"),
                    self.tr("Inblandade grupper"))[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        inc = self._rows[index.row()]
        return {
            self.DATE: date_text(inc.occurred_at.date()),
            self.TYPE: incident_type_label(inc.type),
            self.PLACE: ", ".join(v for v in (inc.place, inc.area) if v),
            self.GROUPS: ", ".join(g.name for g in inc.groups),
        }.get(index.column())
