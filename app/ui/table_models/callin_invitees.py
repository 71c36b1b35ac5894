"""A call-in's invitees as a table: the pipeline step of each, how and by whom they were invited,
and when they signed out. The whole list comes with the call-in (one lane job)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.models.enums import FrivardStatus, InviteeStatus
from app.services.callin_dto import InviteeDTO
from app.ui.labels import frivard_label, invitee_status_label
from app.ui.table_models.callins import datetime_text

AnyIndex = QModelIndex | QPersistentModelIndex


class InviteesModel(QAbstractTableModel):
    NAME, GROUPS, FRIVARD, REASON, STATUS, INVITED, SIGNED_OUT = range(7)
    COLUMN_COUNT = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[InviteeDTO] = []
        self._groups: dict[str, str] = {}

    def set_invitees(self, invitees: tuple[InviteeDTO, ...] | list[InviteeDTO],
                     groups: dict[str, str] | None = None) -> None:
        """``groups``: person id → the names of the call-in's groups they belong to."""
        self.beginResetModel()
        self._rows = list(invitees)
        self._groups = dict(groups or {})
        self.endResetModel()

    def clear(self) -> None:
        self.set_invitees([])

    def invitee(self, row: int) -> InviteeDTO:
        return self._rows[row]

    def row_of(self, invitee_id: str) -> int:
        return next((n for n, i in enumerate(self._rows) if i.id == invitee_id), -1)

    def counts(self) -> dict[InviteeStatus, int]:
        found = dict.fromkeys(InviteeStatus, 0)
        for i in self._rows:
            found[i.status] += 1
        return found

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Namn"), self.tr("Grupp"), self.tr("Frivård"), self.tr("Skäl"),
                  self.tr("Status"), self.tr("Kallad (hur, av vem)"), self.tr("Utcheckad"))
        return titles[section] if 0 <= section < self.COLUMN_COUNT else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        i = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.NAME:
                return self.tr("Dubbelklicka för att öppna personen")
            if column == self.REASON:
                return i.reason or None
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.NAME:
            return i.name
        if column == self.GROUPS:
            return self._groups.get(i.person_id, "")
        if column == self.FRIVARD:
            return "" if i.frivard_status is FrivardStatus.NONE else frivard_label(
                i.frivard_status)
        if column == self.REASON:
            return (i.reason or "").replace("\n", " ")
        if column == self.STATUS:
            return invitee_status_label(i.status)
        if column == self.INVITED:
            if not i.invited_how and not i.invited_by:
                return ""
            parts = [p for p in (i.invited_how, i.invited_by, datetime_text(i.invited_at)) if p]
            return ", ".join(parts)
        if column == self.SIGNED_OUT:
            return datetime_text(i.signed_out_at)
        return None
