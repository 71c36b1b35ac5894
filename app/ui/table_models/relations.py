"""One group's alliances and conflicts, seen from that group: the other side, kind,
intensity, since/until and the incident that set it off."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.models.enums import RelationKind
from app.services.groups import RelationDTO
from app.ui.labels import date_text, relation_kind_label

AnyIndex = QModelIndex | QPersistentModelIndex
CONFLICT = QColor("#c62828")
ALLIANCE = QColor("#2e7d32")
ENDED = QColor("#6b6b6b")


@dataclass(frozen=True)
class RelationView:
    relation: RelationDTO
    other_id: str
    other_name: str
    trigger_text: str  # "2024-05-01 Skjutning, Rosengård" or ""


class RelationsModel(QAbstractTableModel):
    OTHER, KIND, INTENSITY, SINCE, UNTIL, TRIGGER = range(6)
    COLUMN_COUNT = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RelationView] = []
        self.today = date.today()

    def set_relations(self, group_id: str, relations: list[RelationDTO],
                      triggers: dict[str, str]) -> None:
        self.today = date.today()
        rows = []
        for r in relations:
            mine = r.group_a_id == group_id
            rows.append(RelationView(r, r.group_b_id if mine else r.group_a_id,
                                     r.group_b_name if mine else r.group_a_name,
                                     triggers.get(r.trigger_incident_id or "", "")))
        rows.sort(key=lambda v: (not self.is_current(v.relation), v.other_name.casefold()))
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def is_current(self, r: RelationDTO) -> bool:
        return (r.since is None or r.since <= self.today) and (
            r.until is None or r.until >= self.today)

    def view(self, row: int) -> RelationView:
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
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self.COLUMN_COUNT:
            return (self.tr("Grupp"), self.tr("Typ"), self.tr("Intensitet"), self.tr("Sedan"),
                    self.tr("Till"), self.tr("Utlösande händelse"))[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        v = self._rows[index.row()]
        r, column = v.relation, index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return {
                self.OTHER: v.other_name, self.KIND: relation_kind_label(r.kind),
                self.INTENSITY: str(r.intensity), self.SINCE: date_text(r.since),
                self.UNTIL: date_text(r.until), self.TRIGGER: v.trigger_text,
            }.get(column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if not self.is_current(r):
                return QBrush(ENDED)
            if column == self.KIND:
                return QBrush(CONFLICT if r.kind == RelationKind.CONFLICT else ALLIANCE)
        return None
