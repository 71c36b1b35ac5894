"""The incident register as a lazily paged table, filtered and sorted in SQL (newest first
until a header is clicked). A new filter is one audited listing; a new order is not."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import partial
from typing import Any, ClassVar

from PySide6.QtCore import QLocale, QObject, Qt

from app.models.enums import Gmi, IncidentType
from app.services.incidents import IncidentDTO, IncidentService
from app.ui.labels import gmi_label, incident_type_label
from app.ui.table_models.lazy import PAGE_SIZE, Counter, LazyTableModel, ListingLog, Pager
from app.ui.tasks import Runner


@dataclass(frozen=True)
class IncidentFilter:
    type: IncidentType | None = None
    since: date | None = None  # calendar days, both ends included
    until: date | None = None
    gmi: Gmi | None = None
    group_id: str | None = None
    text: str = ""  # words in the place or area

    def query(self) -> dict[str, Any]:
        """Keyword arguments for ``IncidentService.search``/``count``."""
        return {
            "type": self.type, "gmi": self.gmi, "group_id": self.group_id,
            "text": self.text.strip(),
            "since": datetime.combine(self.since, time()) if self.since else None,
            "until": (datetime.combine(self.until + timedelta(days=1), time())
                      if self.until else None),
        }


def datetime_text(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M")


class IncidentTableModel(LazyTableModel):
    WHEN, TYPE, PLACE, AREA, GMI, INJURED, KILLED, GROUPS = range(8)
    # Column → the service's sort key; the involved groups are a list, not one value.
    SORT_KEYS: ClassVar[dict[int, str]] = {
        WHEN: "occurred_at", TYPE: "type", PLACE: "place", AREA: "area", GMI: "gmi",
        INJURED: "injured", KILLED: "killed"}
    SORTABLE = tuple(SORT_KEYS)
    DEFAULT_SORT = (WHEN, Qt.SortOrder.DescendingOrder)

    def __init__(self, incidents: IncidentService | None, runner: Runner, *,
                 page_size: int = PAGE_SIZE, parent: QObject | None = None) -> None:
        super().__init__(runner, page_size=page_size, parent=parent)
        self._incidents = incidents
        self._filter = IncidentFilter()
        self._locale = QLocale()

    @property
    def filter(self) -> IncidentFilter:
        return self._filter

    def set_filter(self, new: IncidentFilter) -> None:
        """Show the incidents matching ``new``: a new filter is a new, logged listing; the
        same one again (a reload after a change) is not."""
        if self.loaded_once and new == self._filter:
            self.refresh()
            return
        self._filter = new
        self.reload(log=True)

    def _source(self) -> tuple[Counter, Pager] | None:
        service = self._incidents
        if service is None:
            return None
        query = self._filter.query()
        sort, descending = self.SORT_KEYS[self.sort_column], self.descending

        def pager(limit: int, offset: int) -> list[IncidentDTO]:
            return service.search(limit=limit, offset=offset, sort=sort,
                                  descending=descending, **query)

        return partial(service.count, **query), pager

    def _listing_log(self) -> ListingLog | None:
        return None if self._incidents is None else self._incidents.log_listing

    def clear(self) -> None:
        self._incidents = None
        super().clear()

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Tidpunkt"), self.tr("Typ"), self.tr("Plats"), self.tr("Område"),
                self.tr("GMI"), self.tr("Skadade"), self.tr("Döda"),
                self.tr("Inblandade grupper"))

    def display(self, row: IncidentDTO, column: int) -> str:
        if column == self.WHEN:
            return datetime_text(row.occurred_at)
        if column == self.TYPE:
            return incident_type_label(row.type)
        if column == self.PLACE:
            return row.place or ""
        if column == self.AREA:
            return row.area or ""
        if column == self.GMI:
            return gmi_label(row.gmi)
        if column == self.INJURED:
            return self._locale.toString(row.injured)
        if column == self.KILLED:
            return self._locale.toString(row.killed)
        if column == self.GROUPS:
            return ", ".join(g.name for g in row.groups)
        return ""

    def header_tooltip(self, section: int) -> str | None:
        if section in self.SORTABLE:
            return self.tr("Klicka för att sortera; klicka igen för att vända ordningen.")
        return None

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        if column in (self.INJURED, self.KILLED):
            return Qt.AlignmentFlag.AlignRight
        return None
