"""The letter templates and one template's versions, as tables.

Both lists are short (a handful of templates, tens of versions), so they are loaded whole on
the lane and sorted in memory; the page hands the rows in with ``set_rows``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.services.letters.templates import TemplateDTO, TemplateSummary
from app.ui.labels import letter_kind_label

AnyIndex = QModelIndex | QPersistentModelIndex


def language_label(language: str) -> str:
    labels = {"sv": QCoreApplication.translate("letters", "Svenska"),
              "en": QCoreApplication.translate("letters", "Engelska")}
    return labels.get(language, language)


def _when(value: datetime | None) -> str:
    # Stored in UTC (naive); staff read their own clock.
    if value is None:
        return ""
    return value.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


class TemplatesModel(QAbstractTableModel):
    """Name, kind, language, latest version and when it was saved; sortable by any column."""

    NAME, KIND, LANGUAGE, VERSION, CHANGED = range(5)
    KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # (name, language)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TemplateSummary] = []
        self._sort: tuple[int, Qt.SortOrder] = (self.NAME, Qt.SortOrder.AscendingOrder)

    def set_rows(self, rows: Sequence[TemplateSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._sorted()
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def summary(self, row: int) -> TemplateSummary:
        return self._rows[row]

    def row_of(self, name: str, language: str) -> int:
        return next((i for i, r in enumerate(self._rows)
                     if (r.name, r.language) == (name, language)), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Namn"), self.tr("Brevtyp"), self.tr("Språk"), self.tr("Version"),
                self.tr("Senast ändrad"))[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == self.KEY_ROLE:
            return (row.name, row.language)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.VERSION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._text(row, index.column())

    def _text(self, row: TemplateSummary, column: int) -> str:
        if column == self.NAME:
            return row.name
        if column == self.KIND:
            return letter_kind_label(row.kind)
        if column == self.LANGUAGE:
            return language_label(row.language)
        if column == self.VERSION:
            return QLocale().toString(row.version)
        return _when(row.updated_at)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sorted()
        self.layoutChanged.emit()

    def _sorted(self) -> None:
        column, order = self._sort
        keys: dict[int, Callable[[TemplateSummary], Any]] = {
            self.VERSION: lambda r: r.version,
            self.CHANGED: lambda r: r.updated_at,
        }
        key = keys.get(column, lambda r: self._text(r, column).casefold())
        self._rows.sort(key=lambda r: (key(r), r.name, r.language),
                        reverse=order == Qt.SortOrder.DescendingOrder)


class VersionsModel(QAbstractTableModel):
    """Every version of one template, newest first (as the service gives them)."""

    VERSION, SAVED = range(2)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TemplateDTO] = []

    def set_rows(self, rows: Sequence[TemplateDTO]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def version(self, row: int) -> TemplateDTO:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Version"), self.tr("Sparad"))[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        if index.column() == self.VERSION:
            text = QLocale().toString(row.version)
            return self.tr("%1 (gällande)").replace("%1", text) if index.row() == 0 else text
        return _when(row.created_at)
