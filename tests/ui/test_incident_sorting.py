"""Sorting and listing audit of the incident register: the model without a window (a new
order reloads in SQL and paging still works; filters are logged, orders and reloads are not)
and the page's header clicks and place search through real widgets."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QPoint, QSettings, Qt
from pytestqt.qtbot import QtBot

from app.models.enums import IncidentType
from app.services import audit
from app.services.session import Services
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.pages.incidents import IncidentsPage
from app.ui.table_models.incidents import IncidentFilter, IncidentTableModel
from app.ui.tasks import InlineRunner

M = IncidentTableModel
START = datetime(2024, 5, 1, 20, 0)
PLACES = ["Östra torget", "Ärtgatan", "Åbygatan", "Zinkgatan", "Berga", "Ekgatan"]


def _incidents(services: Services, copies: int = 1) -> None:
    for n in range(copies):
        for i, place in enumerate(PLACES):
            services.incidents.create({
                "occurred_at": START - timedelta(days=i + 10 * n),
                "type": IncidentType.SHOOTING if i % 2 else IncidentType.THREAT,
                "place": place, "area": "Norr" if i < 3 else "Söder", "injured": i})


def _column(model: IncidentTableModel, column: int) -> list[str]:
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def _listings(services: Services) -> int:
    events = audit.list_events(services.db, action=audit.Action.READ, limit=10_000)
    return sum(1 for e in events if e.entity_type == "incident_list")


def test_sort_reloads_in_the_new_order_and_paging_follows_it(services: Services) -> None:
    _incidents(services, copies=3)
    model = M(services.incidents, InlineRunner(), page_size=5)
    model.set_filter(IncidentFilter())
    assert (model.sort_column, model.descending) == (M.WHEN, True)
    model.sort(M.PLACE, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 5 and model.total == 18
    while model.canFetchMore():
        model.fetchMore()
    assert _column(model, M.PLACE) == [p for p in ["Berga", "Ekgatan", "Zinkgatan",
                                                   "Åbygatan", "Ärtgatan", "Östra torget"]
                                       for _n in range(3)]
    assert len({model.id_at(r) for r in range(18)}) == 18  # pages neither overlap nor skip
    model.sort(M.INJURED, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 5
    assert _column(model, M.INJURED) == ["5", "5", "5", "4", "4"]


def test_sort_keeps_the_filter_and_a_list_column_is_not_sortable(services: Services) -> None:
    _incidents(services)
    model = M(services.incidents, InlineRunner())
    model.set_filter(IncidentFilter(type=IncidentType.SHOOTING))
    model.sort(M.PLACE, Qt.SortOrder.DescendingOrder)
    assert _column(model, M.PLACE) == ["Ärtgatan", "Zinkgatan", "Ekgatan"]
    runner_calls = model._runner.calls  # type: ignore[attr-defined]
    model.sort(M.GROUPS, Qt.SortOrder.AscendingOrder)
    assert model._runner.calls == runner_calls  # type: ignore[attr-defined]
    assert (model.sort_column, model.descending) == (M.PLACE, True)
    assert model.headerData(M.PLACE, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert model.headerData(M.GROUPS, Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.ToolTipRole) is None


def test_sorting_before_the_first_load_sets_the_order_without_reading(
        services: Services) -> None:
    _incidents(services)
    runner = InlineRunner()
    model = M(services.incidents, runner)
    model.sort(M.TYPE, Qt.SortOrder.AscendingOrder)
    assert runner.calls == 0
    model.set_filter(IncidentFilter())
    assert _column(model, M.TYPE) == ["Skjutning"] * 3 + ["Olaga hot"] * 3


def test_a_new_filter_is_one_logged_listing_order_and_reload_are_not(
        services: Services) -> None:
    _incidents(services, copies=3)
    model = M(services.incidents, InlineRunner(), page_size=5)
    before = _listings(services)
    model.set_filter(IncidentFilter())
    model.fetchMore()
    model.sort(M.PLACE, Qt.SortOrder.AscendingOrder)
    model.set_filter(IncidentFilter())  # the page reloading after a change
    assert _listings(services) == before + 1
    model.set_filter(IncidentFilter(text="berga"))
    assert model.total == 3
    assert _listings(services) == before + 2
    newest = audit.list_events(services.db, limit=1)[0]
    assert (newest.entity_id, newest.detail) == (None, {"rows": 3})  # a count, no content


def _page(qtbot: QtBot, services: Services) -> IncidentsPage:
    page = IncidentsPage(PageContext(services, InlineRunner(), Events(), QSettings()))
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    page.activate()
    return page


def _click_header(qtbot: QtBot, page: IncidentsPage, column: int) -> None:
    header = page.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def test_header_clicks_sort_and_a_second_click_reverses(qtbot: QtBot,
                                                        services: Services) -> None:
    _incidents(services)
    page = _page(qtbot, services)
    header = page.view.horizontalHeader()
    assert header.sortIndicatorSection() == M.WHEN
    _click_header(qtbot, page, M.PLACE)
    swedish = ["Berga", "Ekgatan", "Zinkgatan", "Åbygatan", "Ärtgatan", "Östra torget"]
    first = _column(page.model, M.PLACE)
    ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert first == (swedish if ascending else list(reversed(swedish)))
    assert header.sortIndicatorSection() == M.PLACE
    assert page.model.sort_order == header.sortIndicatorOrder()
    _click_header(qtbot, page, M.PLACE)
    assert _column(page.model, M.PLACE) == list(reversed(first))
    assert page.model.sort_order == header.sortIndicatorOrder()
    _click_header(qtbot, page, M.GROUPS)  # no order by a list: the arrow stays
    assert header.sortIndicatorSection() == M.PLACE
    assert _column(page.model, M.PLACE) == list(reversed(first))


def test_place_search_narrows_after_a_pause_and_explains_an_empty_result(
        qtbot: QtBot, services: Services) -> None:
    _incidents(services)
    page = _page(qtbot, services)
    page.search.setFocus()
    qtbot.keyClicks(page.search, "gatan")
    qtbot.waitUntil(lambda: page.model.total == 4)
    assert page.count_label.text() == "4 händelser"
    page.search.setText("ingenstans")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.model.total == 0
    assert page.stack.currentWidget() is page.empty
    assert "sökrutan" in page.empty.text()
    page.clear()
    assert page.search.text() == ""
