"""The people page and the person dialog, driven through real widgets."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services import audit
from app.services.session import Services
from app.ui.dialogs.person import PersonWindow
from app.ui.events import Events
from app.ui.labels import count_text
from app.ui.pages.base import PageContext
from app.ui.pages.people import PeoplePage
from app.ui.table_models.people import PeopleTableModel
from app.ui.tasks import InlineRunner
from tests.ui.conftest import add_people, listing_events, numbered_people

SWEDISH = QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)


def _page(qtbot: QtBot, services: Services, runner: InlineRunner,
          events: Events | None = None) -> PeoplePage:
    page = PeoplePage(PageContext(services, runner, events or Events(), QSettings()))
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    page.start()
    return page


def test_counts_read_the_swedish_way() -> None:
    assert count_text(12345, SWEDISH) == "12\u00a0345 personer"
    assert count_text(1, SWEDISH) == "1 person"


def test_empty_vault_explains_what_to_do(qtbot: QtBot, services: Services,
                                         runner: InlineRunner) -> None:
    page = _page(qtbot, services, runner)
    assert page.stack.currentWidget() is page.empty
    assert "mottryck import people FIL" in page.empty.text()
    assert "mottryck demo" in page.empty.text()
    assert page.count_label.text() == "0 personer"


def test_typing_searches_once_after_a_pause(qtbot: QtBot, services: Services,
                                            runner: InlineRunner) -> None:
    add_people(services, [*numbered_people(40), ("Åsa", "Öberg")])
    page = _page(qtbot, services, runner)
    assert page.count_label.text() == "41 personer"
    before = listing_events(services)
    # QTest can only type ASCII keys; an input method delivers "ö" as text, like this.
    for end in range(1, 6):
        page.search.setText("öberg"[:end])
    assert page.model.search_text == ""  # not yet: the search waits for a pause in typing
    qtbot.waitUntil(lambda: page.model.search_text == "öberg")
    assert page.model.rowCount() == 1
    assert page.count_label.text() == "1 träff"
    assert listing_events(services) == before + 1  # one listing for the whole word


def test_no_hits_says_what_can_be_searched(qtbot: QtBot, services: Services,
                                           runner: InlineRunner) -> None:
    add_people(services, numbered_people(3))
    page = _page(qtbot, services, runner)
    qtbot.keyClicks(page.search, "<b>zzz")
    page.search.returnPressed.emit()
    assert page.stack.currentWidget() is page.empty
    assert "&lt;b&gt;zzz" in page.empty.text()  # typed text is never read as markup
    assert page.count_label.text() == "0 träffar"


def test_header_click_turns_the_name_order(qtbot: QtBot, services: Services,
                                           runner: InlineRunner) -> None:
    add_people(services, [("A", "Ek"), ("B", "Öst")])
    page = _page(qtbot, services, runner)
    header = page.view.horizontalHeader()
    header.setSortIndicator(PeopleTableModel.LAST_NAME, Qt.SortOrder.DescendingOrder)
    assert page.model.data(page.model.index(0, 0)) == "Öst"
    header.setSortIndicator(PeopleTableModel.ALIASES, Qt.SortOrder.AscendingOrder)
    assert header.sortIndicatorSection() == PeopleTableModel.LAST_NAME  # arrow stays true
    assert page.model.data(page.model.index(0, 0)) == "Öst"


def test_data_changes_elsewhere_refresh_the_list(qtbot: QtBot, services: Services,
                                                 runner: InlineRunner) -> None:
    events = Events()
    page = _page(qtbot, services, runner, events)
    add_people(services, numbered_people(2))
    events.changed("incident")
    assert page.model.total == 0
    events.changed("person")
    assert page.model.total == 2
    assert page.stack.currentWidget() is page.view


def test_double_click_shows_the_person_masked_and_logs_the_read(
        qtbot: QtBot, services: Services, runner: InlineRunner) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Öberg",
                                     "personnummer": "19811218-9876", "phone": "070-123 45 67",
                                     "frivard_status": "parole"})
    group = services.groups.create({"name": "Norra gänget"})
    services.groups.add_membership({"person_id": person.id, "group_id": group.id})
    page = _page(qtbot, services, runner)
    rect = page.view.visualRect(page.model.index(0, 0))
    # A real double-click is press, release, double-click: the view opens only what it saw
    # pressed first.
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    windows = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, PersonWindow) and w.isVisible() and w.person_id == person.id]
    assert len(windows) == 1
    window = windows[0]
    assert window.heading.text() == "Åsa Öberg"
    assert window.form.inputs["personnummer"].text() == "19811218-****"
    assert window.form.inputs["phone"].text() == "070-123 45 67"
    assert window.form.frivard_status.currentText() == "Villkorligt frigiven"
    assert window.memberships.model.rowCount() == 1
    reads = audit.list_events(services.db, action=audit.Action.READ, entity_id=person.id)
    assert [(e.entity_type, e.user) for e in reads] == [("person", services.user)]
    assert page.open_person(person.id) is window  # one window per person
    qtbot.addWidget(window)


def test_person_window_for_a_deleted_person_says_so(qtbot: QtBot, services: Services,
                                                    runner: InlineRunner) -> None:
    person = services.people.create({"first_name": "Bo", "last_name": "Ek"})
    services.people.delete(person.id)
    context = PageContext(services, runner, Events(), QSettings())
    window = PersonWindow(context, person.id)
    qtbot.addWidget(window)
    assert window.heading.text() == "Kan inte visa personen"
    assert window.message.text() == "Personen finns inte (eller är borttagen)."
    assert not window.save_button.isEnabled()


def test_one_letter_waits_for_the_next_or_enter(qtbot: QtBot, services: Services,
                                                runner: InlineRunner) -> None:
    add_people(services, [("Olle", "Berg"), ("Åsa", "Lind")])
    page = _page(qtbot, services, runner)
    assert page.model.rowCount() == 2
    qtbot.keyClicks(page.search, "b")  # ASCII: QTest aborts on keys it can't map
    qtbot.wait(400)  # past the debounce: nothing was searched
    assert page.model.rowCount() == 2
    assert "Enter" in page.count_label.text()
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    qtbot.keyClicks(page.search, "e")
    qtbot.waitUntil(lambda: page.model.search_text == "be")
    assert page.model.rowCount() == 1
