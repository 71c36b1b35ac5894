"""A person's consents: given on and by whom, for what, shared with whom, what is withheld.
A withdrawn consent is greyed with its day: it is the record of what was agreed, and covers
nothing new."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.consents import ConsentDTO
from app.ui.labels import date_text

AnyIndex = QModelIndex | QPersistentModelIndex
MUTED = QColor("#6b6b6b")


class ConsentsModel(QAbstractTableModel):
    GIVEN_ON, GIVEN_BY, PURPOSE, SHARED_WITH, WITHHELD, STATE = range(6)
    COLUMN_COUNT = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ConsentDTO] = []

    def set_consents(self, rows: list[ConsentDTO]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_consents([])

    def consent(self, row: int) -> ConsentDTO:
        return self._rows[row]

    def row_of(self, consent_id: str) -> int:
        return next((n for n, c in enumerate(self._rows) if c.id == consent_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Lämnat"), self.tr("Lämnat av"), self.tr("Ändamål"),
                  self.tr("Delas med"), self.tr("Undantas"), self.tr("Gäller"))
        return titles[section] if 0 <= section < self.COLUMN_COUNT else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(c, column).replace("\n", " ")
        if role == Qt.ItemDataRole.ForegroundRole and c.withdrawn:
            return QBrush(MUTED)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.WITHHELD and c.withheld:
                return self.tr("%1\nSkäl: %2").replace("%1", c.withheld).replace(
                    "%2", c.withheld_reason or "")
            if column == self.STATE and c.legal_basis:
                return c.legal_basis
            return self.text(c, column) or None
        return None

    def text(self, c: ConsentDTO, column: int) -> str:
        if column == self.GIVEN_ON:
            return date_text(c.given_on)
        if column == self.GIVEN_BY:
            return c.given_by or ""
        if column == self.PURPOSE:
            return c.purpose
        if column == self.SHARED_WITH:
            return c.shared_with or ""
        if column == self.WITHHELD:
            return c.withheld or ""
        if column == self.STATE:
            if c.withdrawn_on is not None:
                return self.tr("återkallat %1").replace("%1", date_text(c.withdrawn_on))
            return self.tr("ja")
        return ""
