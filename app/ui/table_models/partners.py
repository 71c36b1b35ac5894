"""The partners as a table: a handful of rows, loaded whole on the lane and sorted here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.services.partners import PartnerDTO
from app.ui.labels import partner_kind_label

AnyIndex = QModelIndex | QPersistentModelIndex


class PartnersModel(QAbstractTableModel):
    """Name, kind, fingerprint, whether we can send to it and accept from it, revoked."""

    NAME, KIND, FINGERPRINT, RECEIVES, SENDS, REVOKED = range(6)
    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PartnerDTO] = []
        self._sort: tuple[int, Qt.SortOrder] = (self.NAME, Qt.SortOrder.AscendingOrder)

    def set_rows(self, rows: Sequence[PartnerDTO]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._sorted()
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def partner(self, row: int) -> PartnerDTO:
        return self._rows[row]

    def row_of(self, partner_id: str) -> int:
        return next((i for i, p in enumerate(self._rows) if p.id == partner_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Namn"), self.tr("Typ"), self.tr("Fingeravtryck"),
                self.tr("Kan ta emot"), self.tr("Kan skicka till oss"),
                self.tr("Spärrad"))[section]

    def _yes(self, value: bool) -> str:
        return self.tr("Ja") if value else self.tr("Nej")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self._rows[index.row()]
        column = index.column()
        if role == self.ID_ROLE:
            return p.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (p.name, partner_kind_label(p.kind),
                    p.fingerprint or self.tr("(signeringsnyckel saknas)"),
                    self._yes(p.can_receive), self._yes(p.can_send_to_us),
                    self.tr("Spärrad") if p.revoked else "")[column]
        if role == Qt.ItemDataRole.ForegroundRole and (p.revoked or (
                column == self.FINGERPRINT and not p.fingerprint)):
            return QColor("#6b6b6b")
        if role == Qt.ItemDataRole.ToolTipRole and column == self.SENDS and not p.can_send_to_us:
            if p.revoked:
                return self.tr("Spärrad: buntar från partnern tas inte emot.")
            return self.tr("Ange partnerns signeringsnyckel och enhets-id för att kunna ta "
                           "emot buntar från den.")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sorted()
        self.layoutChanged.emit()

    def _sorted(self) -> None:
        column, order = self._sort

        def key(p: PartnerDTO) -> tuple[Any, ...]:
            values: tuple[Any, ...] = (
                p.name.casefold(), partner_kind_label(p.kind).casefold(), p.fingerprint or "",
                not p.can_receive, not p.can_send_to_us, p.revoked)
            return (values[column], p.name.casefold(), p.id)

        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
