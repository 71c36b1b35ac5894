"""A table that holds only the pages the user scrolled to, fetched on the database lane.

Subclasses say how to count and fetch one page for the current filter and order
(``_source``) and how to show a row. A new filter is one lane job (count, first page and,
for a register of personal data, one audit entry for the listing: consultation is logged
under brottsdatalagen); scrolling fetches the next page with the filter it started with.
Answers for an older filter are dropped by a generation counter, so quick filter changes
never show stale rows. Sorting is done in SQL: a header click reloads in the new order.
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
ListingLog = Callable[[int], None]  # the number of matching rows -> one audit entry


def _first(counter: Counter, pager: Pager, limit: int,
           log: ListingLog | None) -> tuple[int, list[Any]]:
    """Runs on the lane: how many match, the first page, and the listing's audit entry."""
    total = counter()
    rows = pager(limit, 0)
    if log is not None:
        # Every match is reachable by scrolling, so the listing is logged as that many rows.
        log(total)
    return total, rows


class LazyTableModel(QAbstractTableModel):
    ID_ROLE = Qt.ItemDataRole.UserRole + 1
    SORTABLE: tuple[int, ...] = ()  # columns the service can order by
    DEFAULT_SORT = (-1, Qt.SortOrder.AscendingOrder)

    count_changed = Signal(int)  # matching rows, after each (re)load
    loading_changed = Signal(bool)
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
        self._loading = False
        self._loaded_once = False
        self._sort_column, self._sort_order = self.DEFAULT_SORT

    # ---- for subclasses --------------------------------------------------------------------
    def _source(self) -> tuple[Counter, Pager] | None:
        """Count and page functions for the current filter (run on the lane); None when
        there is nothing to read."""
        return None

    def headers(self) -> tuple[str, ...]:
        return ()

    def display(self, row: Any, column: int) -> str:
        return ""

    def _listing_log(self) -> ListingLog | None:
        """How to log one consultation of the listing (run on the lane); None: not logged."""
        return None

    def header_tooltip(self, section: int) -> str | None:
        return None

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

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def loaded_once(self) -> bool:
        return self._loaded_once

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    @property
    def descending(self) -> bool:
        return self._sort_order == Qt.SortOrder.DescendingOrder

    # ---- loading ---------------------------------------------------------------------------
    def reload(self, *, log: bool = False) -> None:
        """Count and fetch the first page for the current filter; ``log`` when the user asked
        for a new listing (a new filter or search), not after a change or a new order."""
        source = None if self._closed else self._source()
        if source is None:
            return
        counter, pager = source
        self._generation += 1
        generation = self._generation
        self._fetching = False
        self._pager = pager
        self._set_loading(True)

        def done(result: tuple[int, list[Any]]) -> None:
            if generation != self._generation:
                return
            self.beginResetModel()
            self._total, self._rows = result
            self.endResetModel()
            self._loaded_once = True
            self._set_loading(False)
            self.count_changed.emit(self._total)

        self._runner.run(_first, counter, pager, self._page_size,
                         self._listing_log() if log else None, on_done=done,
                         on_error=lambda exc: self._failed(generation, exc), owner=self)

    def refresh(self) -> None:
        """Reload after a change elsewhere: the same listing, so logged only if it is the
        first."""
        self.reload(log=not self._loaded_once)

    def clear(self) -> None:
        """Forget every row for good (the vault is being locked)."""
        self.beginResetModel()
        self._generation += 1
        self._closed = True
        self._rows, self._total, self._pager, self._fetching = [], 0, None, False
        self._loaded_once = False
        self.endResetModel()
        self._set_loading(False)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._set_loading(False)
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

    # ---- sorting ---------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reload in the new order (a column the service cannot order by is ignored). The
        same rows in another order are no new consultation: not logged."""
        if column not in self.SORTABLE or (column, order) == (self._sort_column,
                                                                self._sort_order):
            return
        self._sort_column, self._sort_order = column, order
        if self._loaded_once or self._loading:
            self.reload()

    # ---- the table -------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            names = self.headers()
            return names[section] if 0 <= section < len(names) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tooltip(section)
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
