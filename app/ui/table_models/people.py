"""The people list as a lazily paged table: never more than the pages the user scrolled to.

A new search text or filter is a new consultation of the register: one lane job counts,
fetches the first page and writes one audit entry for the listing (see ``LazyTableModel``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import partial

from PySide6.QtCore import QObject, Qt

from app.models.enums import FrivardStatus
from app.services.people import PeopleService, PersonSummary
from app.ui.labels import date_text, frivard_label
from app.ui.table_models.lazy import PAGE_SIZE, Counter, LazyTableModel, ListingLog, Pager
from app.ui.tasks import Runner


@dataclass(frozen=True)
class PeopleFilter:
    """What the listing is narrowed to besides the search text (all in SQL)."""

    group_id: str | None = None
    frivard_status: str | None = None
    active_only: bool = False  # a current membership in some group
    former_only: bool = False  # an ended membership and no current one


class PeopleTableModel(LazyTableModel):
    LAST_NAME, FIRST_NAME, ALIASES, PERSONNUMMER, BIRTH_DATE, FRIVARD = range(6)
    COLUMN_COUNT = 6
    SORTABLE = (LAST_NAME,)  # the service sorts by "efternamn förnamn" in Swedish order
    DEFAULT_SORT = (LAST_NAME, Qt.SortOrder.AscendingOrder)
    PERSON_ID_ROLE = LazyTableModel.ID_ROLE

    def __init__(self, people: PeopleService | None, runner: Runner, *,
                 page_size: int = PAGE_SIZE, parent: QObject | None = None) -> None:
        super().__init__(runner, page_size=page_size, parent=parent)
        self._people = people
        self._text = ""
        self._filters = PeopleFilter()

    # ---- state -----------------------------------------------------------------------------
    @property
    def search_text(self) -> str:
        return self._text

    @property
    def filters(self) -> PeopleFilter:
        return self._filters

    def person_id(self, row: int) -> str:
        return self.id_at(row)

    # ---- loading ---------------------------------------------------------------------------
    def set_search(self, text: str) -> None:
        """Show the people matching ``text``; a new text is a new, logged listing."""
        text = text.strip()
        if self.loaded_once and text == self._text:
            return
        self._text = text
        self.reload(log=True)

    def set_filters(self, filters: PeopleFilter) -> None:
        """Narrow the listing; a new filter is a new, logged listing."""
        if self.loaded_once and filters == self._filters:
            return
        self._filters = filters
        self.reload(log=True)

    def clear(self) -> None:
        """Forget every row and the service (the vault is being locked)."""
        self._people = None
        self._text = ""
        self._filters = PeopleFilter()
        super().clear()

    def _source(self) -> tuple[Counter, Pager] | None:
        people = self._people
        if people is None:
            return None
        text, filters, descending = self._text, asdict(self._filters), self.descending

        def pager(limit: int, offset: int) -> list[PersonSummary]:
            return people.search(text, **filters, limit=limit, offset=offset,
                                 descending=descending, log=False)

        return partial(people.count, text, **filters), pager

    def _listing_log(self) -> ListingLog | None:
        return None if self._people is None else self._people.log_listing

    # ---- the table -------------------------------------------------------------------------
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Efternamn"), self.tr("Förnamn"), self.tr("Alias"),
                self.tr("Personnummer"), self.tr("Födelsedatum"), self.tr("Frivårdsstatus"))

    def header_tooltip(self, section: int) -> str | None:
        if section == self.PERSONNUMMER:
            return self.tr("De fyra sista siffrorna visas inte i listor.")
        if section in self.SORTABLE:
            return self.tr("Klicka för att vända sorteringen (efternamn, förnamn).")
        return None

    def display(self, row: PersonSummary, column: int) -> str:
        if column == self.LAST_NAME:
            return row.last_name
        if column == self.FIRST_NAME:
            return row.first_name
        if column == self.ALIASES:
            return ", ".join(row.aliases)
        if column == self.PERSONNUMMER:
            return row.personnummer_masked
        if column == self.BIRTH_DATE:
            return date_text(row.birth_date)
        if column == self.FRIVARD:
            if row.frivard_status == FrivardStatus.NONE:
                return ""  # most people: an empty cell reads faster than a column of "Ingen"
            return frivard_label(row.frivard_status)
        return ""
