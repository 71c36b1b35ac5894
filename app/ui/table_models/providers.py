"""The catalogue of service providers: name, what they offer, area, contact, open referrals.
An archived provider is greyed: it stays for the referrals that name it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.providers import ProviderDTO
from app.ui.labels import service_type_label

AnyIndex = QModelIndex | QPersistentModelIndex
MUTED = QColor("#6b6b6b")


def contact_text(p: ProviderDTO) -> str:
    return ", ".join(part for part in (p.contact_person, p.phone, p.email) if part)


class ProvidersModel(QAbstractTableModel):
    NAME, SERVICES, AREA, CONTACT, OPEN = range(5)
    COLUMN_COUNT = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ProviderDTO] = []

    def set_providers(self, rows: list[ProviderDTO]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_providers([])

    def provider(self, row: int) -> ProviderDTO:
        return self._rows[row]

    def row_of(self, provider_id: str) -> int:
        return next((n for n, p in enumerate(self._rows) if p.id == provider_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Namn"), self.tr("Insatser"), self.tr("Område"), self.tr("Kontakt"),
                  self.tr("Pågående remisser"))
        return titles[section] if 0 <= section < self.COLUMN_COUNT else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(p, column)
        if role == Qt.ItemDataRole.ForegroundRole and p.archived:
            return QBrush(MUTED)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.NAME and p.archived:
                return self.tr("Arkiverad: finns kvar för remisserna men väljs inte i nya")
            if column == self.SERVICES:
                return "\n".join(service_type_label(t) for t in p.service_types) or None
            if column == self.NAME and p.offers:
                return p.offers
            return self.text(p, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.OPEN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def text(self, p: ProviderDTO, column: int) -> str:
        if column == self.NAME:
            return (self.tr("%1 (arkiverad)").replace("%1", p.name) if p.archived else p.name)
        if column == self.SERVICES:
            return ", ".join(service_type_label(t) for t in p.service_types)
        if column == self.AREA:
            return p.area or ""
        if column == self.CONTACT:
            return contact_text(p)
        if column == self.OPEN:
            return str(p.open_referrals) if p.open_referrals else ""
        return ""
