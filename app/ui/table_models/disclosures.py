"""The disclosure register as a table, newest first as the service gives it.

One row per bundle written or read: a few a week, so the filtered register comes whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.services.disclosures import DisclosureDTO
from app.ui.labels import disclosure_direction_label

AnyIndex = QModelIndex | QPersistentModelIndex


def when_text(at: datetime) -> str:
    # Stored in UTC (naive); staff read their own clock.
    return at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


class DisclosuresModel(QAbstractTableModel):
    WHEN, DIRECTION, PARTNER, BASIS, PURPOSE, RECORDS, USER = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DisclosureDTO] = []

    def set_rows(self, rows: Sequence[DisclosureDTO]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def disclosure(self, row: int) -> DisclosureDTO:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Tid"), self.tr("Riktning"), self.tr("Partner"),
                self.tr("Rättslig grund"), self.tr("Ändamål"), self.tr("Poster"),
                self.tr("Användare"))[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (when_text(d.at), disclosure_direction_label(d.direction), d.partner_name,
                    d.legal_basis.splitlines()[0] if d.legal_basis else "",
                    (d.purpose or "").splitlines()[0] if d.purpose else "",
                    QLocale().toString(d.total), d.user)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (self.BASIS, self.PURPOSE):
            return d.legal_basis if index.column() == self.BASIS else d.purpose
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.RECORDS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
