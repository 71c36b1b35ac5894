"""A group's rounds of follow-through (ökat fokus) and the incidents a round can be tied to.

``RoundsModel``: start, end, levers, agencies, running or ended, and whether (and how) the
group was told; running rounds first, each part newest first. ``TriggerChoiceModel``: the
group's incidents (date, type, place), newest first, to tick as the ones that set a round
off; the ticked ones are handed back oldest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.models.enums import IncidentType, Lever
from app.services.followthrough import FollowThroughDTO
from app.services.timeline_words import lever_word
from app.ui.labels import date_text, incident_type_label

AnyIndex = QModelIndex | QPersistentModelIndex
ENDED = QColor("#6b6b6b")
RUNNING = QColor("#2e7d32")


def lever_label(lever: Lever | str) -> str:
    """A lever as a checkbox or a list shows it ("Trafikkontroller")."""
    word = lever_word(lever)
    return word[:1].upper() + word[1:]


class RoundsModel(QAbstractTableModel):
    START, END, LEVERS, AGENCIES, STATE, TOLD = range(6)
    COLUMN_COUNT = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FollowThroughDTO] = []
        self.today = date.today()

    def set_rounds(self, rounds: list[FollowThroughDTO]) -> None:
        self.today = date.today()
        # The service lists newest start first; running rounds go on top.
        rows = sorted(rounds, key=lambda r: r.ended)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def clear(self) -> None:
        self.set_rounds([])

    def round(self, row: int) -> FollowThroughDTO:
        return self._rows[row]

    def row_of(self, action_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == action_id), -1)

    def running(self) -> int:
        return sum(1 for r in self._rows if not r.ended)

    def state_text(self, r: FollowThroughDTO) -> str:
        if r.ended:
            return self.tr("Avslutad")
        if r.started_on is not None and r.started_on > self.today:
            return self.tr("Börjar %1").replace("%1", date_text(r.started_on))
        return self.tr("Pågår")

    def told_text(self, r: FollowThroughDTO) -> str:
        if r.communicated_on is None and not r.communicated_how:
            return self.tr("Inte ännu")
        return " ".join(v for v in (date_text(r.communicated_on), r.communicated_how or "") if v)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self.COLUMN_COUNT:
            return (self.tr("Start"), self.tr("Slut"), self.tr("Åtgärder"),
                    self.tr("Myndigheter"), self.tr("Läge"),
                    self.tr("Återkopplat"))[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.START: date_text(r.started_on), self.END: date_text(r.ended_on),
                self.LEVERS: ", ".join(lever_label(lv) for lv in r.levers),
                self.AGENCIES: ", ".join(r.agencies), self.STATE: self.state_text(r),
                self.TOLD: self.told_text(r),
            }.get(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.STATE and r.end_reason:
                return self.tr("Avslutad: %1").replace("%1", r.end_reason)
            if column == self.LEVERS:
                return "\n".join(lever_label(lv) for lv in r.levers) or None
            if column == self.AGENCIES:
                return "\n".join(r.agencies) or None
            if column == self.TOLD:
                return r.communicated_how or None
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.ended:
                return QBrush(ENDED)
            if column == self.STATE:
                return QBrush(RUNNING)
        return None


@dataclass(frozen=True)
class IncidentChoice:
    incident_id: str
    occurred_at: datetime
    type: IncidentType
    place: str  # place and area, as the group's incident list shows them


class TriggerChoiceModel(QAbstractTableModel):
    DATE, TYPE, PLACE = range(3)
    COLUMN_COUNT = 3
    checked_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[IncidentChoice] = []
        self._checked: set[str] = set()

    def set_incidents(self, incidents: list[IncidentChoice], checked: set[str]) -> None:
        self.beginResetModel()
        self._rows = sorted(incidents, key=lambda i: (i.occurred_at, i.incident_id),
                            reverse=True)
        self._checked = {c for c in checked if any(i.incident_id == c for i in self._rows)}
        self.endResetModel()
        self.checked_changed.emit()

    def checked_ids(self) -> list[str]:
        """The ticked incidents, oldest first."""
        return [i.incident_id for i in reversed(self._rows) if i.incident_id in self._checked]

    def row_of(self, incident_id: str) -> int:
        return next((n for n, i in enumerate(self._rows) if i.incident_id == incident_id), -1)

    def toggle(self, row: int) -> None:
        iid = self._rows[row].incident_id
        state = Qt.CheckState.Unchecked if iid in self._checked else Qt.CheckState.Checked
        self.setData(self.index(row, self.DATE), state.value, Qt.ItemDataRole.CheckStateRole)

    def clear(self) -> None:
        self.set_incidents([], set())

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self.COLUMN_COUNT:
            return (self.tr("Datum"), self.tr("Typ"), self.tr("Plats"))[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.DATE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.DATE \
                or role != Qt.ItemDataRole.CheckStateRole:
            return False
        iid = self._rows[index.row()].incident_id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(iid)
        else:
            self._checked.discard(iid)
        self.dataChanged.emit(index, index)
        self.checked_changed.emit()
        return True

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        i, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.DATE:
            return (Qt.CheckState.Checked if i.incident_id in self._checked
                    else Qt.CheckState.Unchecked)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return {self.DATE: date_text(i.occurred_at.date()),
                    self.TYPE: incident_type_label(i.type), self.PLACE: i.place}.get(column)
        return None
