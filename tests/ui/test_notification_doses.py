"""Doses on screen: a person's window counts the custom notifications delivered and opens the
wizard with the person chosen; a group's dialog counts its members' doses."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.services.session import Services
from app.ui.dialogs.notification_wizard import NotificationWizard
from app.ui.dialogs.person import PersonWindow
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.tasks import InlineRunner


@pytest.fixture
def context(services: Services, runner: InlineRunner, tmp_path: Path) -> PageContext:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    return PageContext(services, runner, Events(), settings)


@pytest.fixture(autouse=True)
def never_block(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(NotificationWizard, "ask_discard", lambda _self: True)


def notify(services: Services, person_id: str, days_ago: int) -> None:
    services.notifications.create({
        "person_ids": [person_id], "delivered_at": datetime.now() - timedelta(days=days_ago),
        "trigger": "other", "setting": "street", "team": [("Anna", "police")],
        "message_parts": ["moral"]})


def test_person_window_shows_doses_after_two_notifications(
        qtbot: QtBot, context: PageContext, services: Services) -> None:
    nora = services.people.create({"first_name": "Nora", "last_name": "Ek"}).id
    window = PersonWindow(context, nora)
    qtbot.addWidget(window)
    assert window.doses.text().startswith("Doser: inga")
    notify(services, nora, 10)
    notify(services, nora, 3)
    context.events.changed("notification")
    assert "Doser: 2 (2 riktade samtal, 0 call-ins)" in window.doses.text()
    assert (datetime.now() - timedelta(days=3)).date().isoformat() in window.doses.text()


def test_new_notification_from_the_person_window_is_prefilled(
        qtbot: QtBot, context: PageContext, services: Services) -> None:
    nora = services.people.create({"first_name": "Nora", "last_name": "Ek"}).id
    window = PersonWindow(context, nora)
    qtbot.addWidget(window)
    assert window.notify_button.isEnabled()
    window.notify_button.click()
    wizard = window.notification_wizard
    assert wizard is not None and wizard.isVisible()
    assert wizard.who.chosen.people() == [(nora, "Nora Ek")]
    window.discard()


def test_group_dialog_shows_members_doses_and_a_timeline(
        qtbot: QtBot, context: PageContext, services: Services) -> None:
    from app.ui.dialogs.group import GroupDialog

    nora = services.people.create({"first_name": "Nora", "last_name": "Ek"}).id
    norra = services.groups.create({"name": "Norra"}).id
    services.groups.add_membership({"person_id": nora, "group_id": norra})
    notify(services, nora, 2)
    dialog = GroupDialog(context, norra)
    qtbot.addWidget(dialog)
    assert "Doser: 1 (1 riktat samtal, 0 call-ins)" in dialog.doses.text()
    assert dialog.tabs.isTabEnabled(4)
    titles = [dialog.timeline.model.entry(r).record_kind
              for r in range(dialog.timeline.model.rowCount())]
    assert "notification" in titles
    notify(services, nora, 1)
    context.events.changed("notification")
    assert "Doser: 2" in dialog.doses.text()
