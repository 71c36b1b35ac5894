"""Changing an involved person's role or a group's involvement in place, in the incident
form: by button or F2, saved (and logged) with the form, dropped when the form is cancelled."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from app.models.enums import GroupInvolvement, InvolvementRole
from app.services import audit
from app.services.session import Services
from app.ui.dialogs.incident import IncidentDialog
from app.ui.dialogs.incident_involvement import InvolvedPanel, RoleDialog
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.pages.incidents import IncidentsPage
from app.ui.tasks import InlineRunner


def _setup(qtbot: QtBot, services: Services) -> tuple[IncidentsPage, IncidentDialog, str]:
    group = services.groups.create({"name": "Norrgänget"})
    ek = services.people.create({"first_name": "Bo", "last_name": "Ek"})
    berg = services.people.create({"first_name": "Åsa", "last_name": "Berg"})
    incident = services.incidents.create({
        # Seconds the form does not show: an untouched time must not be logged as changed.
        "occurred_at": datetime.now().replace(second=37, microsecond=0) - timedelta(days=2),
        "type": "shooting",
        "groups": [group.id], "persons": [(ek.id, "witness"), (berg.id, "victim")]})
    page = IncidentsPage(PageContext(services, InlineRunner(), Events(), QSettings()))
    qtbot.addWidget(page)
    page.show()
    page.activate()
    dialog = page.show_record(incident.id) or page.dialog
    assert isinstance(dialog, IncidentDialog)
    return page, dialog, incident.id


def _choose_role(qtbot: QtBot, panel: InvolvedPanel, code: str) -> None:
    role_dialog = panel.role_dialog
    assert isinstance(role_dialog, RoleDialog) and role_dialog.isVisible()
    role_dialog.combo.setCurrentIndex(role_dialog.combo.findData(code))
    qtbot.keyClick(role_dialog.combo, Qt.Key.Key_Return)  # Enter takes the choice


def test_f2_changes_a_persons_role_in_place_and_saving_logs_it(
        qtbot: QtBot, services: Services) -> None:
    page, dialog, incident_id = _setup(qtbot, services)
    persons = dialog.persons
    assert not persons.change_button.isEnabled()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    persons.view.setFocus()
    persons.view.selectRow(1)  # Bo Ek, a witness (the list is in name order)
    assert persons.model.item(1).name == "Bo Ek"
    assert persons.change_button.isEnabled()
    qtbot.keyClick(persons.view, Qt.Key.Key_F2)
    assert persons.role_dialog is not None
    assert persons.role_dialog.combo.currentData() == InvolvementRole.WITNESS.value
    _choose_role(qtbot, persons, InvolvementRole.SUSPECT.value)
    assert persons.role_dialog is None
    assert [(r.name, r.role) for r in (persons.model.item(i) for i in range(2))] == [
        ("Åsa Berg", "victim"), ("Bo Ek", "suspect")]  # same rows, same places

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = services.incidents.get(incident_id)
    assert {p.name: p.role for p in stored.persons} == {
        "Åsa Berg": InvolvementRole.VICTIM, "Bo Ek": InvolvementRole.SUSPECT}
    update = next(e for e in audit.list_events(services.db, limit=10)
                  if e.action == "update")
    assert (update.entity_id, update.detail) == (incident_id, {"fields": ["persons"]})
    assert page.dialog is None


def test_the_button_changes_a_groups_involvement_and_cancel_keeps_the_old_one(
        qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    # An "unsaved changes?" question on cancel is answered "discard".
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Discard)
    _page, dialog, incident_id = _setup(qtbot, services)
    groups = dialog.groups
    assert groups.change_button.text() == "Ändra inblandning…"
    groups.view.selectRow(0)
    qtbot.mouseClick(groups.change_button, Qt.MouseButton.LeftButton)
    role_dialog = groups.role_dialog
    assert role_dialog is not None and role_dialog.windowTitle() == "Ändra inblandning"
    # Cancelling the small dialog changes nothing.
    qtbot.keyClick(role_dialog.combo, Qt.Key.Key_Escape)
    assert groups.model.item(0).role == GroupInvolvement.UNKNOWN.value
    qtbot.mouseClick(groups.change_button, Qt.MouseButton.LeftButton)
    _choose_role(qtbot, groups, GroupInvolvement.VICTIM_SIDE.value)
    assert groups.model.item(0).role == GroupInvolvement.VICTIM_SIDE.value
    # Cancelling the form drops the change with everything else typed.
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    stored = services.incidents.get(incident_id)
    assert stored.groups[0].involvement == GroupInvolvement.UNKNOWN
