"""Open review items after a merge: the record, the field, the value kept here, the other
value, where it came from and when it was written. A working group has few at a time, so the
list comes whole in one lane job."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.models.enums import FrivardStatus
from app.services.merge_review import ReviewItem
from app.ui.labels import frivard_label

AnyIndex = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate  # the name lupdate looks for


def shown_value(value: Any) -> str:
    """A bundle value in words: lists joined, nothing as a dash."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def review_value(field: str, value: Any) -> str:
    """A value under review as staff read it, on the review list and in an import's preview:
    yes/no, a frivård status by its word (stored by its code, as in a bundle), else as is."""
    if isinstance(value, bool):
        return translate("reviews", "ja") if value else translate("reviews", "nej")
    if field == "frivard_status" and value:
        try:
            return frivard_label(FrivardStatus(value))
        except ValueError:
            return shown_value(value)
    return shown_value(value)


def _when(at: datetime | None) -> str:
    if at is None:
        return ""
    local = at.astimezone() if at.tzinfo else at
    return local.strftime("%Y-%m-%d %H:%M")


class ReviewsModel(QAbstractTableModel):
    RECORD, FIELD, KEPT, OTHER, SOURCE, WHEN = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReviewItem] = []

    def set_items(self, items: list[ReviewItem]) -> None:
        self.beginResetModel()
        self._rows = list(items)
        self.endResetModel()

    def clear(self) -> None:
        self.set_items([])

    def item(self, row: int) -> ReviewItem:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Post"), self.tr("Uppgift"), self.tr("Behållet värde"),
                  self.tr("Andra värdet"), self.tr("Från"), self.tr("Skrivet"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.RECORD:
                label = f"{r.entity_label}: {r.record_label}"
                return label + self.tr(" (borttagen)") if r.record_deleted else label
            if column == self.FIELD:
                return r.field_label
            if column in (self.KEPT, self.OTHER):
                return review_value(r.field, r.kept_value if column == self.KEPT
                                    else r.other_value)
            if column == self.SOURCE:
                return r.other_source
            if column == self.WHEN:
                return _when(r.other_written_at)
        return None
