"""What a bundle holds, per kind of record: records written by an export, and the new /
changed / unchanged rows and review items of an import (its preview or its result), and each
field an import would set aside for review."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.exchange.profile_words import RECORD_LABELS
from app.services.bundle_import import ReviewPreview, TableChanges
from app.ui.table_models.reviews import review_value

AnyIndex = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def record_label(table: str) -> str:
    """The plain word for a record type; an unknown one (a newer sender) by its name."""
    return RECORD_LABELS.get(table, table)


class RecordCountsModel(QAbstractTableModel):
    """Records per kind, in the order a receiver applies them."""

    KIND, COUNT = range(2)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, int]] = []

    def set_counts(self, counts: Mapping[str, int]) -> None:
        order = {t: n for n, t in enumerate(RECORD_LABELS)}
        self.beginResetModel()
        self._rows = sorted(counts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
        self.endResetModel()

    def total(self) -> int:
        return sum(n for _t, n in self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Slags uppgifter"), self.tr("Poster"))[section] \
            if 0 <= section < 2 else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        table, count = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return record_label(table) if index.column() == self.KIND \
                else QLocale().toString(count)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COUNT:
            return RIGHT
        return None


class TableChangesModel(QAbstractTableModel):
    """An import per kind of record: new, changed, unchanged, and fields set aside for review."""

    KIND, NEW, CHANGED, UNCHANGED, CONFLICTS = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TableChanges] = []

    def set_changes(self, tables: tuple[TableChanges, ...] | list[TableChanges]) -> None:
        order = {t: n for n, t in enumerate(RECORD_LABELS)}
        self.beginResetModel()
        self._rows = sorted(tables, key=lambda t: (order.get(t.table, len(order)), t.table))
        self.endResetModel()

    def changes(self, row: int) -> TableChanges:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Slags uppgifter"), self.tr("Nya"), self.tr("Ändrade"),
                  self.tr("Oförändrade"), self.tr("Att granska"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        t, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.KIND:
                return record_label(t.table)
            value = (t.new, t.changed, t.unchanged, t.conflicts)[column - 1]
            return QLocale().toString(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.KIND:
            return RIGHT
        return None


class ReviewPreviewModel(QAbstractTableModel):
    """The fields an import would put on the review list, worded as that list words them.
    The kept value is the later write (whichever side made it), so the other column is not
    always the sender's. No names: the preview reads no one's record."""

    RECORD, FIELD, KEPT, OTHER = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReviewPreview] = []

    def set_reviews(self, reviews: tuple[ReviewPreview, ...] | list[ReviewPreview]) -> None:
        self.beginResetModel()
        self._rows = list(reviews)
        self.endResetModel()

    def review(self, row: int) -> ReviewPreview:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Post"), self.tr("Uppgift"), self.tr("Behålls"),
                  self.tr("Andra värdet"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.RECORD:
                return r.entity_label
            if column == self.FIELD:
                return r.field_label
            if column in (self.KEPT, self.OTHER):
                return review_value(r.field, r.kept_value if column == self.KEPT
                                    else r.other_value)
        return None
