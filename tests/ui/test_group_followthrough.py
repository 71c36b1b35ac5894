"""The group window's "Ökat fokus" tab driven through real widgets: a round recorded against
the group with two of its incidents, ended in one step, refusals next to the field, the rounds
on the group's timeline, and nothing left open when the vault locks."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.models.enums import Lever
from app.services.session import Services
from app.ui.dialogs.group import GroupDialog
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.pages.groups import GroupsPage
from app.ui.table_models.followthrough import RoundsModel, TriggerChoiceModel
from app.ui.tasks import InlineRunner
from tests.ui.lock_kit import type_text

TODAY = date.today()


@pytest.fixture
def context(services: Services, runner: InlineRunner, tmp_path: Path) -> PageContext:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    return PageContext(services, runner, Events(), settings)


def _group_with_incidents(services: Services) -> tuple[str, list[str]]:
    """A group in three incidents (oldest first) and one incident it had no part in."""
    group = services.groups.create({"name": "Norra Ligan"}).id
    now = datetime.now().replace(microsecond=0)
    ids = [services.incidents.create({
        "occurred_at": now - timedelta(days=days), "type": kind, "place": place,
        "groups": [(group, "perpetrator_side")]}).id
        for days, kind, place in ((40, "shooting", "Torget"), (20, "explosion", "Storgatan 4"),
                                  (5, "shooting", "Parken"))]
    services.incidents.create({"occurred_at": now - timedelta(days=3), "type": "threat",
                               "place": "Annanstans"})
    return group, ids


def _window(qtbot: QtBot, context: PageContext, group_id: str) -> tuple[GroupsPage,
                                                                         GroupDialog]:
    page = GroupsPage(context)
    qtbot.addWidget(page)
    dialog = page.open_group(group_id)
    dialog.tabs.setCurrentWidget(dialog.followthrough)
    return page, dialog


def test_a_round_with_two_incidents_is_recorded_and_ended(qtbot: QtBot,
                                                          context: PageContext) -> None:
    s = context.services
    group, incidents = _group_with_incidents(s)
    _page, window = _window(qtbot, context, group)
    tab = window.followthrough
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == "Ökat fokus"
    assert tab.model.rowCount() == 0 and "Inget ökat fokus" in tab.info.text()

    dialog = tab.add()
    assert dialog is not None
    assert dialog.started_on.text() == TODAY.isoformat()
    # Only the group's own incidents are offered, newest first.
    choices = dialog.incidents
    assert choices.rowCount() == 3
    assert [choices.index(r, TriggerChoiceModel.PLACE).data() for r in range(3)] == [
        "Parken", "Storgatan 4", "Torget"]
    dialog.started_on.setText((TODAY - timedelta(days=4)).isoformat())
    dialog.levers[Lever.TRAFFIC_CHECKS].setChecked(True)
    dialog.levers[Lever.TAX_CHECKS].setChecked(True)
    for name in ("Polisen", "Skatteverket"):
        type_text(dialog.agencies.entry, name)
        qtbot.keyClick(dialog.agencies.entry, Qt.Key.Key_Return)  # adds; does not save
    assert dialog.isVisible() and dialog.agencies.names() == ["Polisen", "Skatteverket"]
    choices.toggle(choices.row_of(incidents[2]))
    choices.toggle(choices.row_of(incidents[1]))
    dialog.communicated_how.setEditText("Vid nästa call-in")
    dialog.save_button.click()

    assert not dialog.isVisible()
    (saved,) = s.followthrough.list(group_id=group)
    assert saved.incident_ids == (incidents[1], incidents[2])  # oldest first
    assert saved.levers == (Lever.TRAFFIC_CHECKS, Lever.TAX_CHECKS)
    assert saved.agencies == ("Polisen", "Skatteverket")
    assert saved.communicated_how == "Vid nästa call-in" and not saved.ended
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, RoundsModel.STATE).data() == "Pågår"
    assert tab.model.index(0, RoundsModel.LEVERS).data() == "Trafikkontroller, Skattekontroller"

    tab.view.selectRow(0)
    assert "Storgatan 4" in tab.detail.text() and "Parken" in tab.detail.text()
    ender = tab.end_selected()
    assert ender is not None
    ender.ended_on.setText((TODAY - timedelta(days=10)).isoformat())  # before the start
    type_text(ender.end_reason, "Våldet upphörde")
    ender.save()
    assert ender.errors.message("ended_on") == "Kan inte ligga före startdatumet"
    assert ender.isVisible() and not s.followthrough.get(saved.id).ended
    ender.ended_on.setText(TODAY.isoformat())
    ender.end_reason.clear()
    ender.save()
    assert "måste fyllas i" in ender.errors.message("end_reason").lower()
    assert ender.errors.message("ended_on") == ""
    type_text(ender.end_reason, "Våldet upphörde")
    ender.save()

    assert not ender.isVisible()
    ended = s.followthrough.get(saved.id)
    assert ended.ended_on == TODAY and ended.end_reason == "Våldet upphörde"
    assert tab.model.index(0, RoundsModel.STATE).data() == "Avslutad"
    assert not tab.end_button.isEnabled()
    # The group's timeline tells the round from start to end.
    titles = [window.timeline.model.entry(r).title
              for r in range(window.timeline.model.rowCount())]
    assert any("inleddes" in t for t in titles) and any("avslutades" in t for t in titles)


def test_refusals_are_shown_next_to_the_field_and_nothing_is_saved(
        qtbot: QtBot, context: PageContext) -> None:
    s = context.services
    group, incidents = _group_with_incidents(s)
    _page, window = _window(qtbot, context, group)
    dialog = window.followthrough.add()
    assert dialog is not None
    dialog.ended_on.setText((TODAY - timedelta(days=1)).isoformat())
    dialog.save()
    assert dialog.errors.message("levers") == "Välj minst en åtgärd"
    assert dialog.errors.message("end_reason").startswith("Måste fyllas i")
    assert "före startdatumet" in dialog.errors.message("ended_on")
    assert s.followthrough.list(group_id=group) == [] and dialog.isVisible()

    # Changing a round: the ticked incidents and the agency list are what is kept.
    dialog.close()
    round_id = s.followthrough.create({"group_id": group, "levers": ["seizures"],
                                       "agencies": ["Polisen", "Kronofogden"],
                                       "incident_ids": incidents[:2],
                                       "started_on": TODAY - timedelta(days=30)}).id
    window.followthrough.load(group)
    window.followthrough.view.selectRow(0)
    edit = window.followthrough.edit_selected()
    assert edit is not None
    assert edit.levers[Lever.SEIZURES].isChecked()
    assert edit.incidents.checked_ids() == incidents[:2]
    edit.incidents.toggle(edit.incidents.row_of(incidents[0]))
    edit.agencies.list.setCurrentRow(0)
    edit.agencies.remove_selected()
    edit.save()
    changed = s.followthrough.get(round_id)
    assert changed.incident_ids == (incidents[1],) and changed.agencies == ("Kronofogden",)


def test_the_timeline_opens_a_round_and_a_lock_closes_everything(
        qtbot: QtBot, context: PageContext, monkeypatch: pytest.MonkeyPatch) -> None:
    s = context.services
    group, incidents = _group_with_incidents(s)
    round_id = s.followthrough.create({"group_id": group, "levers": ["other"],
                                       "incident_ids": incidents[2:],
                                       "started_on": TODAY - timedelta(days=2),
                                       "notes": "Samordnat med kommunen"}).id
    page, window = _window(qtbot, context, group)
    # Double-clicking the round's line on the timeline opens it on its own tab.
    timeline = window.timeline.model
    row = next(r for r in range(timeline.rowCount())
               if timeline.entry(r).record_kind == "enforcement_action")
    assert timeline.entry(row).record_id == round_id
    window.tabs.setCurrentWidget(window.timeline)
    window.timeline.view.activated.emit(timeline.index(row, 0))
    assert window.tabs.currentWidget() is window.followthrough
    dialog = window.followthrough.dialog
    assert dialog is not None and dialog.notes.toPlainText() == "Samordnat med kommunen"
    type_text(dialog.end_reason, "Hemligt")

    page.clear()
    assert page.dialogs == [] and not window.isVisible() and not dialog.isVisible()
    assert dialog.notes.toPlainText() == "" and dialog.end_reason.text() == ""
    assert window.followthrough.model.rowCount() == 0

    # Removing asks first; "no" keeps the round.
    _page2, again = _window(qtbot, context, group)
    again.followthrough.view.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    again.followthrough.remove_selected()
    assert len(s.followthrough.list(group_id=group)) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    again.followthrough.remove_selected()
    assert s.followthrough.list(group_id=group) == []
    assert again.followthrough.model.rowCount() == 0
