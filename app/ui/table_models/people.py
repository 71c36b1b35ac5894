"""The people list as a lazily paged table: never more than the pages the user scrolled to.

Every query runs on the database lane. A new search text costs one lane job (count, first
page, and one audit entry for the listing — consultation is logged under brottsdatalagen);
scrolling fetches the next page. Results from an older search are dropped by a generation
counter, so fast typing never shows stale rows.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.models.enums import FrivardStatus
from app.services.people import PeopleService, PersonSummary
from app.ui.crash import user_message
from app.ui.labels import date_text, frivard_label
from app.ui.tasks import Runner

PAGE_SIZE = 100
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class PeopleFilter:
    """What the listing is narrowed to besides the search text (all in SQL)."""

    group_id: str | None = None
    frivard_status: str | None = None
    active_only: bool = False  # a current membership in some group
    former_only: bool = False  # an ended membership and no current one


def _first_page(people: PeopleService, text: str, filters: PeopleFilter, descending: bool,
                limit: int, log: bool) -> tuple[int, list[PersonSummary]]:
    """Runs on the lane: how many match, the first page, and the listing's audit entry."""
    total = people.count(text, **asdict(filters))
    rows = people.search(text, **asdict(filters), limit=limit, offset=0, descending=descending,
                         log=False)
    if log:
        # Every match is reachable by scrolling, so the listing is logged as that many rows.
        people.log_listing(total)
    return total, rows


class PeopleTableModel(QAbstractTableModel):
    LAST_NAME, FIRST_NAME, ALIASES, PERSONNUMMER, BIRTH_DATE, FRIVARD = range(6)
    COLUMN_COUNT = 6
    SORTABLE = (LAST_NAME,)  # the service sorts by "efternamn förnamn" in Swedish order
    PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1

    count_changed = Signal(int)  # matches for the current search, after each new search
    loading_changed = Signal(bool)
    failed = Signal(str)  # a message fit to show

    def __init__(self, people: PeopleService | None, runner: Runner, *,
                 page_size: int = PAGE_SIZE, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._people = people
        self._runner = runner
        self._page_size = page_size
        self._rows: list[PersonSummary] = []
        self._total = 0
        self._text = ""
        self._filters = PeopleFilter()
        self._descending = False
        self._generation = 0
        self._fetching = False
        self._loading = False
        self._loaded_once = False

    # ---- state -----------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return self._total

    @property
    def search_text(self) -> str:
        return self._text

    @property
    def filters(self) -> PeopleFilter:
        return self._filters

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def loading(self) -> bool:
        return self._loading

    def person_id(self, row: int) -> str:
        return self._rows[row].id

    # ---- loading ---------------------------------------------------------------------------
    def set_search(self, text: str) -> None:
        """Show the people matching ``text``; a new text is a new, logged listing."""
        text = text.strip()
        if self._loaded_once and text == self._text:
            return
        self._text = text
        self._load(log=True)

    def set_filters(self, filters: PeopleFilter) -> None:
        """Narrow the listing; a new filter is a new, logged listing."""
        if self._loaded_once and filters == self._filters:
            return
        self._filters = filters
        self._load(log=True)

    def refresh(self) -> None:
        """Reload the current listing after a change (not a new consultation: not logged)."""
        self._load(log=not self._loaded_once)

    def clear(self) -> None:
        """Forget every row and the service (the vault is being locked)."""
        self.beginResetModel()
        self._generation += 1
        self._people = None
        self._rows = []
        self._total = 0
        self._text = ""
        self._filters = PeopleFilter()
        self._fetching = False
        self._loaded_once = False
        self.endResetModel()
        self._set_loading(False)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def _load(self, *, log: bool) -> None:
        if self._people is None:
            return
        self._generation += 1
        generation = self._generation
        self._fetching = False
        self._set_loading(True)

        def done(result: tuple[int, list[PersonSummary]]) -> None:
            if generation != self._generation:
                return
            self.beginResetModel()
            self._total, self._rows = result
            self.endResetModel()
            self._loaded_once = True
            self._set_loading(False)
            self.count_changed.emit(self._total)

        self._runner.run(_first_page, self._people, self._text, self._filters,
                         self._descending, self._page_size, log, on_done=done,
                         on_error=lambda exc: self._failed(generation, exc), owner=self)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._set_loading(False)
        self.failed.emit(user_message(exc))

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._people is not None and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if self._fetching or not self.canFetchMore(parent):
            return
        assert self._people is not None
        self._fetching = True
        generation = self._generation
        offset = len(self._rows)

        def done(page: list[PersonSummary]) -> None:
            if generation != self._generation:
                return
            self._fetching = False
            if not page:  # rows were deleted since the count: stop asking
                self._total = len(self._rows)
                return
            self.beginInsertRows(QModelIndex(), offset, offset + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

        self._runner.run(_next_page, self._people, self._text, self._filters,
                         self._descending, self._page_size, offset, on_done=done,
                         on_error=lambda exc: self._failed(generation, exc), owner=self)

    # ---- sorting ---------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in self.SORTABLE:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if descending != self._descending:
            self._descending = descending
            self._load(log=False)

    # ---- the table -------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section] if 0 <= section < self.COLUMN_COUNT else None
        if role == Qt.ItemDataRole.ToolTipRole and section == self.PERSONNUMMER:
            return self.tr("De fyra sista siffrorna visas inte i listor.")
        if role == Qt.ItemDataRole.ToolTipRole and section in self.SORTABLE:
            return self.tr("Klicka för att vända sorteringen (efternamn, förnamn).")
        return None

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Efternamn"), self.tr("Förnamn"), self.tr("Alias"),
                self.tr("Personnummer"), self.tr("Födelsedatum"), self.tr("Frivårdsstatus"))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        person = self._rows[index.row()]
        if role == self.PERSON_ID_ROLE:
            return person.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(person, index.column())
        return None

    def _display(self, person: PersonSummary, column: int) -> str:
        if column == self.LAST_NAME:
            return person.last_name
        if column == self.FIRST_NAME:
            return person.first_name
        if column == self.ALIASES:
            return ", ".join(person.aliases)
        if column == self.PERSONNUMMER:
            return person.personnummer_masked
        if column == self.BIRTH_DATE:
            return date_text(person.birth_date)
        if column == self.FRIVARD:
            if person.frivard_status == FrivardStatus.NONE:
                return ""  # most people: an empty cell reads faster than a column of "Ingen"
            return frivard_label(person.frivard_status)
        return ""


def _next_page(people: PeopleService, text: str, filters: PeopleFilter, descending: bool,
               limit: int, offset: int) -> list[PersonSummary]:
    return people.search(text, **asdict(filters), limit=limit, offset=offset,
                         descending=descending, log=False)
