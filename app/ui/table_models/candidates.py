"""The call-in wizard's candidates: the chosen groups' current members with a tick and a reason.

What staff ticked and wrote is kept apart from the suggested rows, so a new suggestion list
(other groups, another date) never loses a choice: someone chosen who is no longer suggested
stays in the table, as does a person added by hand. Under frivård supervision on the day is
what can oblige someone to attend, so those rows stand out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.models.enums import FrivardStatus, InviteeStatus
from app.services.callin_dto import Candidate, PlannedInvitee
from app.ui.labels import date_text, frivard_label

AnyIndex = QModelIndex | QPersistentModelIndex
SUPERVISED = QColor("#fff4ce")
MISSING = QColor("#a4262c")


@dataclass(frozen=True)
class CandidateRow:
    person_id: str
    name: str
    groups: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    frivard_status: FrivardStatus = FrivardStatus.NONE
    frivard_from: date | None = None
    frivard_to: date | None = None
    supervised: bool = False
    notifications: int | None = None  # None: not known (added by hand)

    @classmethod
    def of(cls, c: Candidate) -> CandidateRow:
        return cls(c.person_id, c.name, c.groups, c.roles, c.frivard_status, c.frivard_from,
                   c.frivard_to, c.supervised, c.notifications)


def supervised_on(status: FrivardStatus, start: date | None, end: date | None, on: date) -> bool:
    """Under frivård supervision on ``on`` (the same rule the candidate listing uses)."""
    return (status is not FrivardStatus.NONE and (start is None or start <= on)
            and (end is None or end >= on))


class CandidatesModel(QAbstractTableModel):
    CHECK, NAME, REASON, GROUP, ROLE, FRIVARD, PERIOD, NOTIFIED = range(8)
    COLUMN_COUNT = 8
    chosen_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CandidateRow] = []
        self._known: dict[str, CandidateRow] = {}
        self._chosen: dict[str, PlannedInvitee] = {}  # in the order staff chose them

    # ---- filling ---------------------------------------------------------------------------
    def set_candidates(self, candidates: list[Candidate]) -> None:
        """New suggestions; the chosen who are not among them stay, after them."""
        self.beginResetModel()
        fresh = [CandidateRow.of(c) for c in candidates]
        self._known.update((r.person_id, r) for r in fresh)
        ids = {r.person_id for r in fresh}
        self._rows = fresh + [self._known[pid] for pid in self._chosen
                              if pid not in ids and pid in self._known]
        self.endResetModel()

    def set_invitees(self, invitees: list[PlannedInvitee], people: list[CandidateRow]) -> None:
        """A saved plan's invitees (with what is known about them) replace every choice."""
        self.beginResetModel()
        self._known.update((r.person_id, r) for r in people)
        self._chosen = {inv.person_id: inv for inv in invitees}
        shown = {r.person_id for r in self._rows}
        self._rows += [self._known[i.person_id] for i in invitees
                       if i.person_id not in shown and i.person_id in self._known]
        self.endResetModel()
        self.chosen_changed.emit()

    def add_person(self, row: CandidateRow) -> int:
        """A person staff found themselves: shown (if not yet), chosen; returns the row."""
        self._known.setdefault(row.person_id, row)
        for n, existing in enumerate(self._rows):
            if existing.person_id == row.person_id:
                self.set_chosen(n, True)
                return n
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(self._known[row.person_id])
        self.endInsertRows()
        self.set_chosen(len(self._rows) - 1, True)
        return len(self._rows) - 1

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._known, self._chosen = [], {}, {}
        self.endResetModel()

    # ---- choices ---------------------------------------------------------------------------
    def row(self, n: int) -> CandidateRow:
        return self._rows[n]

    def is_chosen(self, n: int) -> bool:
        return self._rows[n].person_id in self._chosen

    def reason(self, n: int) -> str:
        chosen = self._chosen.get(self._rows[n].person_id)
        return (chosen.reason or "") if chosen else ""

    def set_chosen(self, n: int, chosen: bool) -> None:
        pid = self._rows[n].person_id
        if chosen == (pid in self._chosen):
            return
        if chosen:
            self._chosen[pid] = PlannedInvitee(pid, None, InviteeStatus.PROPOSED)
        else:
            del self._chosen[pid]
        self._row_changed(n)

    def set_reason(self, n: int, text: str) -> None:
        """A reason chooses the person; clearing it keeps them chosen (and short of one)."""
        pid = self._rows[n].person_id
        current = self._chosen.get(pid) or PlannedInvitee(pid, None, InviteeStatus.PROPOSED)
        reason = text.strip() or None
        if pid in self._chosen and current.reason == reason:
            return
        self._chosen[pid] = replace(current, reason=reason)
        self._row_changed(n)

    def invitees(self) -> tuple[PlannedInvitee, ...]:
        return tuple(self._chosen.values())

    def chosen_names(self) -> list[str]:
        return [self._known[pid].name if pid in self._known else pid for pid in self._chosen]

    def missing_reasons(self) -> list[int]:
        """Rows chosen without a reason."""
        return [n for n, r in enumerate(self._rows)
                if r.person_id in self._chosen and not self._chosen[r.person_id].reason]

    def name_of(self, person_id: str) -> str:
        row = self._known.get(person_id)
        return row.name if row else person_id

    def frivard_of(self, person_id: str) -> str:
        row = self._known.get(person_id)
        return (row.frivard_status if row else FrivardStatus.NONE).value

    def _row_changed(self, n: int) -> None:
        self.dataChanged.emit(self.index(n, 0), self.index(n, self.COLUMN_COUNT - 1))
        self.chosen_changed.emit()

    # ---- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = ("", self.tr("Namn"), self.tr("Motivering"), self.tr("Grupp"), self.tr("Roll"),
                  self.tr("Frivård"), self.tr("Tillsynsperiod"), self.tr("Tidigare samtal"))
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.CHECK:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == self.REASON:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        if index.column() == self.CHECK and role == Qt.ItemDataRole.CheckStateRole:
            self.set_chosen(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
            return True
        if index.column() == self.REASON and role == Qt.ItemDataRole.EditRole:
            self.set_reason(index.row(), str(value or ""))
            return True
        return False

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, column = self._rows[index.row()], index.column()
        chosen = r.person_id in self._chosen
        if role == Qt.ItemDataRole.CheckStateRole and column == self.CHECK:
            return Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(index.row(), r, column, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.BackgroundRole and r.supervised:
            return QBrush(SUPERVISED)
        if role == Qt.ItemDataRole.FontRole and r.supervised and column == self.NAME:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == self.REASON and chosen \
                and not self.reason(index.row()):
            return QBrush(MISSING)
        if role == Qt.ItemDataRole.ToolTipRole and r.supervised:
            return self.tr("Under frivårdstillsyn på dagen: tillsynen kan ålägga deltagande.")
        return None

    def _text(self, n: int, r: CandidateRow, column: int, editing: bool) -> str | None:
        if column == self.NAME:
            return r.name
        if column == self.GROUP:
            return ", ".join(r.groups) if r.groups else self.tr("(tillagd för hand)")
        if column == self.ROLE:
            return ", ".join(r.roles)
        if column == self.FRIVARD:
            if r.frivard_status is FrivardStatus.NONE:
                return ""
            label = frivard_label(r.frivard_status)
            return self.tr("%1 – under tillsyn").replace("%1", label) if r.supervised else label
        if column == self.PERIOD:
            if r.frivard_from is None and r.frivard_to is None:
                return ""
            return f"{date_text(r.frivard_from)} – {date_text(r.frivard_to)}"
        if column == self.NOTIFIED:
            return "" if r.notifications is None else str(r.notifications)
        if column == self.REASON:
            reason = self.reason(n)
            if reason or editing or r.person_id not in self._chosen:
                return reason
            return self.tr("Motivering saknas")
        return None
