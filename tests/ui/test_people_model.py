"""PeopleTableModel without a window: paging, search, sort, audit of listings, stale results."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from app.services.session import Services
from app.ui.table_models.people import PeopleTableModel
from app.ui.tasks import InlineRunner, TaskRunner
from tests.ui.conftest import DeferredRunner, add_people, listing_events, numbered_people

M = PeopleTableModel


def _names(model: PeopleTableModel, column: int = M.LAST_NAME) -> list[str]:
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_pages_load_as_the_view_asks_never_all_at_once(services: Services,
                                                       runner: InlineRunner) -> None:
    add_people(services, numbered_people(250))
    model = PeopleTableModel(services.people, runner, page_size=100)
    model.set_search("")
    assert model.total == 250
    assert model.rowCount() == 100
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 200
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 250
    assert not model.canFetchMore(QModelIndex())
    names = _names(model)
    assert names == sorted(names) and len(set(names)) == 250  # pages neither overlap nor skip


def test_columns_show_masked_number_and_swedish_labels(services: Services,
                                                       runner: InlineRunner) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Öberg",
                                     "aliases": ["Ödlan"], "personnummer": "19811218-9876",
                                     "frivard_status": "probation"})
    model = PeopleTableModel(services.people, runner)
    model.set_search("")
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row == ["Öberg", "Åsa", "Ödlan", "19811218-****", "1981-12-18", "Skyddstillsyn"]
    assert model.data(model.index(0, 0), M.PERSON_ID_ROLE) == person.id
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["Efternamn", "Förnamn", "Alias", "Personnummer", "Födelsedatum",
                       "Frivårdsstatus"]


def test_search_narrows_and_folds_unicode_case(services: Services, runner: InlineRunner) -> None:
    add_people(services, [*numbered_people(30), ("Åsa", "Öberg"), ("Örjan", "Ek")])
    model = PeopleTableModel(services.people, runner)
    model.set_search("")
    assert model.total == 32
    model.set_search("öberg")
    assert model.total == 1
    assert _names(model) == ["Öberg"]
    model.set_search("ÖRJ")
    assert _names(model, M.FIRST_NAME) == ["Örjan"]
    model.set_search("ingen-sådan")
    assert model.total == 0 and model.rowCount() == 0


def test_name_sort_both_ways_and_other_columns_leave_order_alone(
        services: Services, runner: InlineRunner) -> None:
    add_people(services, [("A", "Ek"), ("B", "Åberg"), ("C", "Zetterlund"), ("D", "Öst")])
    model = PeopleTableModel(services.people, runner)
    model.set_search("")
    assert _names(model) == ["Ek", "Zetterlund", "Åberg", "Öst"]  # Swedish: Z < Å < Ä < Ö
    model.sort(M.LAST_NAME, Qt.SortOrder.DescendingOrder)
    assert _names(model) == ["Öst", "Åberg", "Zetterlund", "Ek"]
    model.sort(M.ALIASES, Qt.SortOrder.AscendingOrder)
    assert _names(model) == ["Öst", "Åberg", "Zetterlund", "Ek"]


def test_each_search_is_logged_once_paging_and_sorting_are_not(
        services: Services, runner: InlineRunner) -> None:
    add_people(services, numbered_people(250))
    model = PeopleTableModel(services.people, runner, page_size=100)
    before = listing_events(services)
    model.set_search("")
    model.fetchMore(QModelIndex())
    model.sort(M.LAST_NAME, Qt.SortOrder.DescendingOrder)
    model.refresh()
    assert listing_events(services) == before + 1
    model.set_search("Efternamn001")
    model.set_search("Efternamn001 ")  # same search after trimming: not a new listing
    assert listing_events(services) == before + 2


def test_late_results_of_an_older_search_are_dropped(services: Services,
                                                     deferred_runner: DeferredRunner) -> None:
    add_people(services, [("Åsa", "Öberg"), ("Bo", "Ek")])
    model = PeopleTableModel(services.people, deferred_runner)
    model.set_search("öberg")
    model.set_search("ek")
    assert model.loading
    deferred_runner.release_all()
    assert _names(model) == ["Ek"]
    assert not model.loading


def test_clear_forgets_rows_and_the_service(services: Services, runner: InlineRunner) -> None:
    add_people(services, numbered_people(5))
    model = PeopleTableModel(services.people, runner)
    model.set_search("")
    model.clear()
    assert model.rowCount() == 0 and model.total == 0
    calls = runner.calls
    model.set_search("x")
    model.fetchMore(QModelIndex())
    assert runner.calls == calls  # nothing reaches the (locked) vault any more


def test_a_failed_query_reports_a_swedish_message(qtbot: QtBot, services: Services,
                                                  runner: InlineRunner) -> None:
    model = PeopleTableModel(services.people, runner)
    services.lock()
    with qtbot.waitSignal(model.failed) as blocker:
        model.set_search("")
    assert blocker.args == ["Valvet är låst."]
    assert not model.loading


def test_paging_through_the_real_lane(qtbot: QtBot, services: Services) -> None:
    add_people(services, numbered_people(150))
    lane = TaskRunner()
    try:
        model = PeopleTableModel(services.people, lane, page_size=100)
        model.set_search("")
        qtbot.waitUntil(lambda: model.rowCount() == 100)
        model.fetchMore(QModelIndex())
        model.fetchMore(QModelIndex())  # a second call while one is in flight is ignored
        qtbot.waitUntil(lambda: model.rowCount() == 150)
        assert lane.pending == 0
        assert len(set(_names(model))) == 150
    finally:
        lane.shutdown()
