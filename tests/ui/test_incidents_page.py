"""The incident register and form, driven through real widgets."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.models.enums import GroupInvolvement, IncidentType, InvolvementRole
from app.services.session import Services
from app.ui.dialogs.incident import IncidentDialog
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.pages.incidents import IncidentsPage
from app.ui.tasks import InlineRunner
from tests.ui.conftest import add_people


def _page(qtbot: QtBot, services: Services, runner: InlineRunner) -> IncidentsPage:
    page = IncidentsPage(PageContext(services, runner, Events(), QSettings()))
    qtbot.addWidget(page)
    page.resize(1000, 640)
    page.show()
    page.activate()
    return page


def _choose(combo: object, data: str) -> None:
    index = combo.findData(data)  # type: ignore[attr-defined]
    assert index >= 0
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def test_empty_register_says_how_to_add(qtbot: QtBot, services: Services,
                                        runner: InlineRunner) -> None:
    page = _page(qtbot, services, runner)
    assert page.stack.currentWidget() is page.empty
    assert "Ny händelse" in page.empty.text()
    assert page.count_label.text() == "0 händelser"
    assert not page.open_button.isEnabled() and not page.delete_button.isEnabled()


def test_create_through_the_form_with_a_group_and_a_person(
        qtbot: QtBot, services: Services, runner: InlineRunner) -> None:
    group = services.groups.create({"name": "Norrgänget"})
    add_people(services, [("Åsa", "Lindqvist"), ("Bo", "Ek")])
    page = _page(qtbot, services, runner)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, IncidentDialog)
    _choose(dialog.type, IncidentType.SHOOTING.value)
    qtbot.keyClicks(dialog.place, "Storgatan 1")
    qtbot.keyClicks(dialog.area, "Centrum")
    dialog.injured.setValue(2)

    groups = dialog.groups
    # QTest types ASCII only; an input method delivers "ä" as text, like this.
    groups.chooser_text.setText("norrgänget")
    _choose(groups.role, GroupInvolvement.PERPETRATOR_SIDE.value)
    qtbot.mouseClick(groups.add_button, Qt.MouseButton.LeftButton)
    assert groups.model.pairs() == [(group.id, "perpetrator_side")]

    persons = dialog.persons
    persons.search.setFocus()
    qtbot.keyClicks(persons.search, "lindq")
    qtbot.keyClick(persons.search, Qt.Key.Key_Return)
    assert persons.found.rowCount() == 1
    _choose(persons.role, InvolvementRole.VICTIM.value)
    qtbot.mouseClick(persons.add_button, Qt.MouseButton.LeftButton)
    assert persons.model.rowCount() == 1
    assert persons.model.item(0).name == "Åsa Lindqvist"

    opened: list[tuple[str, str]] = []
    dialog.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    persons.view.doubleClicked.emit(persons.model.index(0, 0))
    groups.view.doubleClicked.emit(groups.model.index(0, 0))
    assert [k for k, _r in opened] == ["person", "group"]

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.dialog is None or not page.dialog.isVisible()
    assert page.model.total == 1
    row = page.model.row_at(0)
    assert row.place == "Storgatan 1" and row.injured == 2
    assert [g.name for g in row.groups] == ["Norrgänget"]
    stored = services.incidents.get(row.id)
    assert [(p.name, p.role) for p in stored.persons] == [("Åsa Lindqvist",
                                                           InvolvementRole.VICTIM)]
    assert page.model.data(page.model.index(0, page.model.GROUPS)) == "Norrgänget"


def test_invalid_values_are_shown_next_to_the_field_and_nothing_is_saved(
        qtbot: QtBot, services: Services, runner: InlineRunner) -> None:
    page = _page(qtbot, services, runner)
    page.new_incident()
    dialog = page.dialog
    assert dialog is not None
    future = QDateTime.currentDateTime().addDays(5)
    dialog.when.setDateTime(future)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.errors["type"].text() == "Måste väljas"
    assert dialog.errors["occurred_at"].text() == "Ligger i framtiden"
    assert not dialog.errors["place"].isVisibleTo(dialog)
    assert services.incidents.count() == 0

    # Fixing both saves it and the messages go away.
    _choose(dialog.type, IncidentType.THREAT.value)
    dialog.when.setDateTime(QDateTime.currentDateTime().addDays(-1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert services.incidents.count() == 1
    assert page.count_label.text() == "1 händelse"


def test_filters_open_and_delete(qtbot: QtBot, services: Services, runner: InlineRunner,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    now = datetime.now().replace(microsecond=0)
    services.incidents.create({"occurred_at": now - timedelta(days=3), "type": "shooting",
                               "place": "Nära"})
    services.incidents.create({"occurred_at": now - timedelta(days=100), "type": "threat",
                               "place": "Långt bort"})
    page = _page(qtbot, services, runner)
    assert page.model.total == 2
    qtbot.mouseClick(page.period.quick["30d"], Qt.MouseButton.LeftButton)
    assert page.model.total == 1
    qtbot.mouseClick(page.period.quick["all"], Qt.MouseButton.LeftButton)
    _choose(page.type_filter, "threat")
    assert page.model.total == 1 and page.model.row_at(0).place == "Långt bort"
    _choose(page.type_filter, "homicide")
    assert page.stack.currentWidget() is page.empty
    assert "matchar filtret" in page.empty.text()
    page.type_filter.setCurrentIndex(0)

    page.view.selectRow(0)
    assert page.open_button.isEnabled()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert page.dialog is not None and page.dialog.place.text() == "Nära"
    page.dialog.close()

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    page.view.selectRow(0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert services.incidents.count() == 1
    assert page.model.total == 1 and page.model.row_at(0).place == "Långt bort"


def test_lock_clears_rows_and_closes_the_form(qtbot: QtBot, services: Services,
                                              runner: InlineRunner) -> None:
    services.incidents.create({"occurred_at": datetime.now() - timedelta(days=1),
                               "type": "shooting"})
    page = _page(qtbot, services, runner)
    page.show_record(page.model.id_at(0))
    assert page.dialog is not None
    page.clear()
    assert page.dialog is None
    assert page.model.rowCount() == 0 and page.count_label.text() == ""
