"""A table that holds only the pages the user scrolled to, fetched on the database lane.

Subclasses say how to count and fetch one page for the current filter (``_source``) and how to
show a row. A new filter is one lane job (count and first page); scrolling fetches the next
page with the same filter it started with. Answers for an older filter are dropped by a
generation counter, so quick filter changes never show stale rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.ui.crash import user_message
from app.ui.tasks import Runner

PAGE_SIZE = 100
AnyIndex = QModelIndex | QPersistentModelIndex
Counter = Callable[[], int]
Pager = Callable[[int, int], list[Any]]  # (limit, offset) -> rows


def _first(counter: Counter, pager: Pager, limit: int) -> tuple[int, list[Any]]:
    return counter(), pager(limit, 0)


class LazyTableModel(QAbstractTableModel):
    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    count_changed = Signal(int)  # matching rows, after each (re)load
    failed = Signal(str)  # a message fit to show

    def __init__(self, runner: Runner, *, page_size: int = PAGE_SIZE,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._page_size = page_size
        self._rows: list[Any] = []
        self._total = 0
        self._generation = 0
        self._fetching = False
        self._pager: Pager | None = None
        self._closed = False

    # ---- for subclasses --------------------------------------------------------------------
    def _source(self) -> tuple[Counter, Pager] | None:
        """Count and page functions for the current filter (run on the lane); None when
        there is nothing to read."""
        return None

    def headers(self) -> tuple[str, ...]:
        return ()

    def display(self, row: Any, column: int) -> str:
        return ""

    def row_id(self, row: Any) -> str:
        return str(row.id)

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return None

    # ---- state -----------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def id_at(self, row: int) -> str:
        return self.row_id(self._rows[row])

    # ---- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Count and fetch the first page for the current filter."""
        source = None if self._closed else self._source()
        if source is None:
            return
        counter, pager = source
        self._generation += 1
        generation = self._generation
        self._fetching = False
        self._pager = pager

        def done(result: tuple[int, list[Any]]) -> None:
            if generation != self._generation:
                return
            self.beginResetModel()
            self._total, self._rows = result
            self.endResetModel()
            self.count_changed.emit(self._total)

        self._runner.run(_first, counter, pager, self._page_size, on_done=done,
                         on_error=lambda exc: self._failed(generation, exc), owner=self)

    def clear(self) -> None:
        """Forget every row for good (the vault is being locked)."""
        self.beginResetModel()
        self._generation += 1
        self._closed = True
        self._rows, self._total, self._pager, self._fetching = [], 0, None, False
        self.endResetModel()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self.failed.emit(user_message(exc))

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._pager is not None and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if self._fetching or not self.canFetchMore(parent):
            return
        assert self._pager is not None
        self._fetching = True
        generation = self._generation
        offset = len(self._rows)

        def done(page: list[Any]) -> None:
            if generation != self._generation:
                return
            self._fetching = False
            if not page:  # rows went away since the count: stop asking
                self._total = len(self._rows)
                return
            self.beginInsertRows(QModelIndex(), offset, offset + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

        self._runner.run(self._pager, self._page_size, offset, on_done=done,
                         on_error=lambda exc: self._failed(generation, exc), owner=self)

    # ---- the table -------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            names = self.headers()
            return names[section] if 0 <= section < len(names) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == self.ID_ROLE:
            return self.row_id(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = self.alignment(index.column())
            return None if align is None else int(align | Qt.AlignmentFlag.AlignVCenter)
        return None
