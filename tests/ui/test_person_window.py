"""The person window and the register's filters and buttons, driven through real widgets."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.services import audit
from app.services.session import Services
from app.ui.dialogs.person import PersonWindow
from app.ui.dialogs.person_membership import EndMembershipDialog, MembershipDialog
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.pages.people import PeoplePage
from app.ui.tasks import InlineRunner

TODAY = date.today()


@pytest.fixture(autouse=True)
def no_real_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """A window left with unsaved changes is closed at teardown: never block on a real box."""
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args: QMessageBox.StandardButton.Discard)


def _page(qtbot: QtBot, services: Services, runner: InlineRunner) -> PeoplePage:
    page = PeoplePage(PageContext(services, runner, Events(), QSettings()))
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    page.start()
    return page


def _window(qtbot: QtBot, services: Services, runner: InlineRunner,
            person_id: str | None = None) -> PersonWindow:
    window = PersonWindow(PageContext(services, runner, Events(), QSettings()), person_id)
    qtbot.addWidget(window)
    window.show()
    return window


def _answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, title: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_add_a_person_through_the_form_and_find_them(qtbot: QtBot, services: Services,
                                                     runner: InlineRunner) -> None:
    page = _page(qtbot, services, runner)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    (window,) = page._new_windows
    qtbot.addWidget(window)
    form = window.form
    qtbot.keyClicks(form.inputs["first_name"], "Kalle")
    qtbot.keyClicks(form.inputs["last_name"], "Lindqvist")
    qtbot.keyClicks(form.inputs["personnummer"], "19811218-9876")
    qtbot.keyClicks(form.inputs["city"], "Malmo")
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    assert window.person is not None
    assert window.heading.text() == "Kalle Lindqvist"
    assert form.inputs["personnummer"].text() == "19811218-****"
    assert page.windows[window.person.id] is window  # now the person's own window
    page.search.setText("lindq")
    page.search.returnPressed.emit()
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 0)) == "Lindqvist"
    assert services.people.get(window.person.id).city == "Malmo"


def test_an_invalid_personnummer_is_shown_by_its_field_and_nothing_saved(
        qtbot: QtBot, services: Services, runner: InlineRunner) -> None:
    window = _window(qtbot, services, runner)
    qtbot.keyClicks(window.form.inputs["first_name"], "Kalle")
    qtbot.keyClicks(window.form.inputs["last_name"], "Ek")
    qtbot.keyClicks(window.form.inputs["personnummer"], "19811218-1234")
    qtbot.keyClicks(window.form.inputs["email"], "kalle@")
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    assert window.form.errors.message("personnummer")
    assert window.form.errors.message("email")
    assert window.form.errors.message("first_name") == ""
    assert not window.form.errors.label("personnummer").isHidden()
    assert services.people.count() == 0
    assert window.person is None


def test_reveal_requires_a_purpose_and_is_audited(qtbot: QtBot, services: Services,
                                                  runner: InlineRunner) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Öberg",
                                     "personnummer": "19811218-9876"})
    window = _window(qtbot, services, runner, person.id)
    qtbot.mouseClick(window.form.reveal_button, Qt.MouseButton.LeftButton)
    dialog = window.reveal_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not dialog.error.isHidden()
    assert audit.list_events(services.db, action=audit.Action.REVEAL) == []
    qtbot.keyClicks(dialog.purpose, "kontroll mot frivarden")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    (event,) = audit.list_events(services.db, action=audit.Action.REVEAL)
    assert (event.entity_id, event.purpose) == (person.id, "kontroll mot frivarden")
    assert window.form.inputs["personnummer"].text() == "19811218-9876"
    assert not window.form.is_dirty()  # showing the number is not an edit
    assert not window.form.reveal_button.isEnabled()


def test_edit_and_save_audits_the_field_names(qtbot: QtBot, services: Services,
                                              runner: InlineRunner) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Öberg",
                                     "personnummer": "19811218-9876"})
    window = _window(qtbot, services, runner, person.id)
    window.form.inputs["phone"].clear()
    qtbot.keyClicks(window.form.inputs["phone"], "070-123 45 67")
    window.form.frivard_status.setCurrentIndex(window.form.frivard_status.findData("probation"))
    assert window.windowTitle() == "Åsa Öberg *"
    window.save()
    stored = services.people.get(person.id)
    assert (stored.phone, stored.frivard_status) == ("070-123 45 67", "probation")
    assert stored.personnummer_masked == "19811218-****"  # the masked text kept the number
    (update,) = audit.list_events(services.db, action=audit.Action.UPDATE, entity_id=person.id)
    assert update.detail == {"fields": ["frivard_status", "phone"]}
    assert not window.form.is_dirty()


def test_closing_with_unsaved_changes_asks(qtbot: QtBot, services: Services,
                                           runner: InlineRunner,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Öberg"})
    window = _window(qtbot, services, runner, person.id)
    qtbot.keyClicks(window.form.inputs["city"], "Lund")
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.close()
    assert asked == ["Osparade ändringar"] and window.isVisible()
    _answer(monkeypatch, QMessageBox.StandardButton.Save)
    window.close()
    assert services.people.get(person.id).city == "Lund"


def test_delete_asks_and_tombstones(qtbot: QtBot, services: Services, runner: InlineRunner,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Öberg"})
    page = _page(qtbot, services, runner)
    assert not page.delete_button.isEnabled()
    page.view.selectRow(0)
    assert page.delete_button.isEnabled() and page.open_button.isEnabled()
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert asked == ["Ta bort person"] and services.people.count() == 1
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert services.people.count() == 0
    with services.db.engine.connect() as conn:
        deleted = conn.execute(text("SELECT deleted FROM person WHERE id = :id"),
                               {"id": person.id}).scalar_one()
    assert deleted == 1  # a tombstone, not a removed row
    assert page.model.rowCount() == 0


def test_delete_from_the_window(qtbot: QtBot, services: Services, runner: InlineRunner,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Öberg"})
    window = _window(qtbot, services, runner, person.id)
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(window.delete_button, Qt.MouseButton.LeftButton)
    assert services.people.count() == 0
    assert not window.isVisible()


def test_add_and_end_a_membership(qtbot: QtBot, services: Services,
                                  runner: InlineRunner) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Öberg"})
    group = services.groups.create({"name": "Norra gänget"})
    window = _window(qtbot, services, runner, person.id)
    tab = window.memberships
    assert tab.stack.currentWidget() is tab.empty
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, MembershipDialog)
    dialog.valid_from.setText("2020-01-01")
    dialog.accept()  # no group chosen yet: refused next to the field
    assert dialog.errors.message("group_id") and dialog.isVisible()
    dialog.group.setCurrentIndex(dialog.group.findData(group.id))
    qtbot.keyClicks(dialog.role, "ledare")
    dialog.valid_to.setText("2019-01-01")  # before "from"
    dialog.accept()
    assert dialog.errors.message("valid_to")
    assert services.groups.memberships(person_id=person.id) == []
    dialog.valid_to.clear()
    dialog.accept()
    (m,) = services.groups.memberships(person_id=person.id)
    assert (m.group_id, m.role, m.valid_from, m.valid_to) == (group.id, "ledare",
                                                              date(2020, 1, 1), None)
    assert tab.model.rowCount() == 1  # the window refreshed on the change
    assert window.timeline_model.rowCount() == 1

    tab.view.selectRow(0)
    qtbot.mouseClick(tab.end_button, Qt.MouseButton.LeftButton)
    end = tab.dialog
    assert isinstance(end, EndMembershipDialog)
    yesterday = TODAY - timedelta(days=1)
    end.day.setText(yesterday.isoformat())
    end.accept()
    (m,) = services.groups.memberships(person_id=person.id)
    assert m.valid_to == yesterday
    assert tab.model.data(tab.model.index(0, tab.model.STATE)) == "Tidigare"
    assert window.timeline_model.rowCount() == 2  # started and ended


def test_double_click_on_a_membership_opens_the_group(qtbot: QtBot, services: Services,
                                                      runner: InlineRunner) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Öberg"})
    group = services.groups.create({"name": "Norra gänget"})
    services.groups.add_membership({"person_id": person.id, "group_id": group.id})
    window = _window(qtbot, services, runner, person.id)
    window.tabs.setCurrentIndex(1)
    opened: list[tuple[str, str]] = []
    window.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    view = window.memberships.view
    rect = view.visualRect(window.memberships.model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [("group", group.id)]


def test_filters_narrow_the_register(qtbot: QtBot, services: Services,
                                     runner: InlineRunner) -> None:
    people = services.people
    anna = people.create({"first_name": "Anna", "last_name": "Ek",
                          "frivard_status": "parole"}).id
    bo = people.create({"first_name": "Bo", "last_name": "Ek"}).id
    people.create({"first_name": "Cissi", "last_name": "Ek"})
    north = services.groups.create({"name": "Norra"}).id
    services.groups.add_membership({"person_id": anna, "group_id": north})
    services.groups.add_membership({"person_id": bo, "group_id": north,
                                    "valid_to": TODAY - timedelta(days=3)})
    page = _page(qtbot, services, runner)
    assert page.model.total == 3

    def choose(combo_name: str, data: object) -> list[str]:
        combo = getattr(page, combo_name)
        combo.setCurrentIndex(combo.findData(data))
        combo.activated.emit(combo.currentIndex())
        return [str(page.model.data(page.model.index(r, 1)))
                for r in range(page.model.rowCount())]

    assert choose("group_filter", north) == ["Anna", "Bo"]
    assert choose("standing_filter", "active") == ["Anna"]
    assert choose("standing_filter", "former") == ["Bo"]
    assert choose("group_filter", None) == ["Bo"]
    assert choose("standing_filter", "all") == ["Anna", "Bo", "Cissi"]
    assert choose("status_filter", "parole") == ["Anna"]
    assert choose("status_filter", "probation") == []
    assert page.stack.currentWidget() is page.empty
    assert "filtret" in page.empty.text()


def test_locking_closes_the_person_windows(qtbot: QtBot, services: Services,
                                           runner: InlineRunner) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Öberg"})
    page = _page(qtbot, services, runner)
    window = page.open_person(person.id)
    qtbot.keyClicks(window.form.inputs["city"], "X")
    fresh = page.new_person()
    qtbot.keyClicks(fresh.form.inputs["first_name"], "Ny")
    page.clear()  # no question about unsaved changes: everything typed is dropped
    assert not window.isVisible() and not fresh.isVisible()
    assert page.windows == {} and page._new_windows == []
    assert page.group_filter.count() == 1
