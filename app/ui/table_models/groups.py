"""The groups register as a lazily paged, sortable table; filtering and sorting happen in SQL.

A new search, status or sort costs one lane job (count and first page); scrolling fetches the
next page. Answers to an older request are dropped by a generation counter.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.models.enums import GroupStatus
from app.services.group_register import GroupRegister, GroupRow
from app.ui.crash import user_message
from app.ui.labels import date_text, group_status_label
from app.ui.tasks import Runner

PAGE_SIZE = 100
AnyIndex = QModelIndex | QPersistentModelIndex
OVERDUE = QColor("#a4262c")


def _first_page(register: GroupRegister, query: tuple[str, str | None, str, bool],
                limit: int) -> tuple[int, list[GroupRow]]:
    text, status, sort, descending = query
    return (register.count(text, status=status),
            register.page(text, status=status, sort=sort, descending=descending, limit=limit))


def _next_page(register: GroupRegister, query: tuple[str, str | None, str, bool], limit: int,
               offset: int) -> list[GroupRow]:
    text, status, sort, descending = query
    return register.page(text, status=status, sort=sort, descending=descending, limit=limit,
                         offset=offset)


class GroupsTableModel(QAbstractTableModel):
    NAME, ALIASES, AREA, STATUS, PRIORITY, REVIEW, MEMBERS, CONFLICTS = range(8)
    COLUMN_COUNT = 8
    SORT_KEYS = ("name", "aliases", "area", "status", "priority", "review", "members",
                 "conflicts")
    GROUP_ID_ROLE = Qt.ItemDataRole.UserRole + 1

    count_changed = Signal(int)
    failed = Signal(str)

    def __init__(self, register: GroupRegister | None, runner: Runner, *,
                 page_size: int = PAGE_SIZE, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._register = register
        self._runner = runner
        self._page_size = page_size
        self._rows: list[GroupRow] = []
        self._total = 0
        self._text = ""
        self._status: str | None = None
        self._sort = "name"
        self._descending = False
        self._generation = 0
        self._fetching = False
        self.today = date.today()

    # ---- state -----------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return self._total

    @property
    def search_text(self) -> str:
        return self._text

    @property
    def status_filter(self) -> str | None:
        return self._status

    def group_id(self, row: int) -> str:
        return self._rows[row].id

    def row_of(self, group_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == group_id), -1)

    # ---- loading ---------------------------------------------------------------------------
    def set_filter(self, text: str, status: GroupStatus | str | None) -> None:
        self._text = text.strip()
        self._status = str(status) if status else None
        self.refresh()

    def refresh(self) -> None:
        if self._register is None:
            return
        self._generation += 1
        generation = self._generation
        self._fetching = False
        self.today = date.today()

        def done(result: tuple[int, list[GroupRow]]) -> None:
            if generation != self._generation:
                return
            self.beginResetModel()
            self._total, self._rows = result
            self.endResetModel()
            self.count_changed.emit(self._total)

        self._runner.run(_first_page, self._register, self._query(), self._page_size,
                         on_done=done, on_error=lambda exc: self._failed(generation, exc),
                         owner=self)

    def _query(self) -> tuple[str, str | None, str, bool]:
        return self._text, self._status, self._sort, self._descending

    def clear(self) -> None:
        self.beginResetModel()
        self._generation += 1
        self._register = None
        self._rows = []
        self._total = 0
        self._text = ""
        self._status = None
        self._fetching = False
        self.endResetModel()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._fetching = False
            self.failed.emit(user_message(exc))

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._register is not None and \
            len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if self._fetching or not self.canFetchMore(parent):
            return
        self._fetching = True
        generation, offset = self._generation, len(self._rows)

        def done(page: list[GroupRow]) -> None:
            if generation != self._generation:
                return
            self._fetching = False
            if not page:
                self._total = len(self._rows)
                return
            self.beginInsertRows(QModelIndex(), offset, offset + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

        self._runner.run(_next_page, self._register, self._query(), self._page_size, offset,
                         on_done=done, on_error=lambda exc: self._failed(generation, exc),
                         owner=self)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.COLUMN_COUNT:
            return
        self._sort = self.SORT_KEYS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    # ---- the table -------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Namn"), self.tr("Alias"), self.tr("Område"), self.tr("Status"),
                    self.tr("Prioritet"), self.tr("Omprövas"), self.tr("Medlemmar"),
                    self.tr("Konflikter"))[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.PRIORITY:
            return self.tr("1 är högst prioritet.")
        if role == Qt.ItemDataRole.ToolTipRole and section == self.CONFLICTS:
            return self.tr("Pågående konflikter med andra grupper.")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == self.GROUP_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        overdue = column == self.REVIEW and row.review_overdue(self.today)
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return QBrush(OVERDUE)
        if role == Qt.ItemDataRole.ToolTipRole:
            if overdue:
                return self.tr("Prioriteringen skulle ha omprövats.")
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                self.PRIORITY, self.MEMBERS, self.CONFLICTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: GroupRow, column: int) -> str:
        locale = QLocale()
        values = {
            self.NAME: row.name,
            self.ALIASES: ", ".join(row.aliases),
            self.AREA: row.area or "",
            self.STATUS: group_status_label(row.status),
            self.PRIORITY: locale.toString(row.priority) if row.priority is not None else "",
            self.REVIEW: date_text(row.priority_review_date),
            self.MEMBERS: locale.toString(row.current_members),
            self.CONFLICTS: locale.toString(row.current_conflicts) if row.current_conflicts
            else "",
        }
        return values.get(column, "")
