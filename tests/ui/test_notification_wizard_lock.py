"""Locking loses no notification being recorded: the wizard's unsaved values are kept in the
vault while it is locked, nothing of them stays on screen, and unlocking brings them back,
unsaved, on the step the user was on — for a new notification and for one being changed."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.models.enums import MessagePart
from app.services.session import Services, open_vault
from app.ui.controller import AppController
from app.ui.dialogs.notification_wizard import MESSAGE, OUTCOME, WHERE, WHO, NotificationWizard
from app.ui.main_window import MainWindow
from app.ui.pages.notifications import NotificationsPage
from app.ui.pages.people import PeoplePage
from tests.conftest import PASSPHRASE, USER
from tests.ui.lock_kit import lock, texts_on_screen, type_text, unlock

WHEN = (datetime.now() - timedelta(days=2)).replace(second=0, microsecond=0)


@pytest.fixture(autouse=True)
def never_block(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows left with changes are closed at teardown: never wait on a real box."""
    monkeypatch.setattr(NotificationWizard, "ask_discard", lambda _self: True)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args: QMessageBox.StandardButton.Discard)


@pytest.fixture
def register(vault_dir: Path) -> dict[str, str]:
    seed = open_vault(vault_dir, USER, PASSPHRASE)
    ids = {first: seed.people.create({"first_name": first, "last_name": "Ek"}).id
           for first in ("Åke", "Bo")}
    seed.lock()
    return ids


def _page(window: MainWindow) -> NotificationsPage:
    page = window.show_page("notifications")
    assert isinstance(page, NotificationsPage)
    return page


def _wizards() -> list[NotificationWizard]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, NotificationWizard) and w.isVisible()]


def _services(controller: AppController) -> Services:
    assert controller.services is not None
    return controller.services


def _fill_to_message(wizard: NotificationWizard, people: list[tuple[str, str]]) -> None:
    for pid, name in people:
        wizard.who.add_person(pid, name)
    wizard.who.when.setDateTime(wizard.who.when.dateTime().addDays(-2))
    wizard.next()
    wizard.why.trigger.setCurrentIndex(wizard.why.trigger.findData("release"))
    wizard.next()
    wizard.where.setting.setCurrentIndex(wizard.where.setting.findData("home"))
    type_text(wizard.where.name, "Karin Lund")
    wizard.where.add_member()
    wizard.next()
    assert wizard.currentId() == MESSAGE
    wizard.message.parts[MessagePart.LEGAL_EXPOSURE].setChecked(True)
    type_text(wizard.message.legal, "Vapenbrott ger långt fängelse")


def test_a_new_notification_comes_back_on_the_same_step(
        qtbot: QtBot, controller: AppController, register: dict[str, str]) -> None:
    page = _page(unlock(qtbot, controller))
    wizard = page.new_notification()
    _fill_to_message(wizard, [(register["Åke"], "Åke Ek"), (register["Bo"], "Bo Ek")])
    before = wizard.values()
    assert wizard.windowTitle().endswith("*")

    lock(qtbot, controller)
    screen = texts_on_screen()
    assert not any(t in screen for t in ("Karin", "Vapenbrott", "Åke"))
    assert _wizards() == []

    window = unlock(qtbot, controller)
    assert "1 osparat formulär återställdes" in window.statusBar().currentMessage()
    (back,) = _wizards()
    assert back.notification_id is None and back.currentId() == MESSAGE
    assert back.values() == before
    assert back.who.chosen.people() == [(register["Åke"], "Åke Ek"), (register["Bo"], "Bo Ek")]
    assert back.has_changes() and back.windowTitle().endswith("*")
    assert not back.message.message.isVisible()  # nothing to say: all came back
    assert _services(controller).drafts.count() == 0

    back.next()
    back.next()
    back.accept()
    (saved,) = _services(controller).notifications.list()
    assert saved.team[0].name == "Karin Lund" and len(saved.persons) == 2


def test_a_restored_notification_asks_before_closing(
        qtbot: QtBot, controller: AppController, register: dict[str, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(unlock(qtbot, controller))
    page.new_notification().who.add_person(register["Bo"], "Bo Ek")
    lock(qtbot, controller)
    unlock(qtbot, controller)
    (back,) = _wizards()
    asked: list[bool] = []

    def cancel(_self: NotificationWizard) -> bool:
        asked.append(True)
        return False

    monkeypatch.setattr(NotificationWizard, "ask_discard", cancel)
    back.reject()
    assert asked == [True] and back.isVisible()
    assert back.currentId() == WHO and back.who.chosen.ids() == [register["Bo"]]


def test_an_untouched_wizard_leaves_no_draft(qtbot: QtBot, controller: AppController,
                                             vault_dir: Path) -> None:
    _page(unlock(qtbot, controller)).new_notification()
    lock(qtbot, controller)
    seed = open_vault(vault_dir, USER, PASSPHRASE)
    assert seed.drafts.count() == 0
    seed.lock()


def test_a_person_deleted_meanwhile_is_dropped_and_named_on_the_first_step(
        qtbot: QtBot, controller: AppController, vault_dir: Path,
        register: dict[str, str]) -> None:
    wizard = _page(unlock(qtbot, controller)).new_notification()
    _fill_to_message(wizard, [(register["Åke"], "Åke Ek"), (register["Bo"], "Bo Ek")])
    lock(qtbot, controller)
    other = open_vault(vault_dir, USER, PASSPHRASE)  # a colleague at the same desk
    other.people.delete(register["Bo"])
    other.lock()

    unlock(qtbot, controller)
    (back,) = _wizards()
    assert back.currentId() == WHO
    assert back.who.chosen.people() == [(register["Åke"], "Åke Ek")]
    assert back.who.message.isVisible() and "Bo Ek" in back.who.message.text()
    assert back.message.legal.toPlainText() == "Vapenbrott ger långt fängelse"
    back.next()  # the rest is there to go on with
    assert back.currentId() > WHO


def _existing(vault_dir: Path, register: dict[str, str]) -> str:
    seed = open_vault(vault_dir, USER, PASSPHRASE)
    notification_id = seed.notifications.create({
        "person_ids": [register["Åke"]], "delivered_at": WHEN, "trigger": "conflict",
        "setting": "street", "team": [{"name": "Omar Said", "role": "social_worker"}],
        "message_parts": ["moral"], "reaction": "Lugn"}).id
    seed.lock()
    return notification_id


def test_a_notification_being_changed_comes_back_over_what_is_stored(
        qtbot: QtBot, controller: AppController, vault_dir: Path,
        register: dict[str, str]) -> None:
    notification_id = _existing(vault_dir, register)
    page = _page(unlock(qtbot, controller))
    wizard = page.open_notification(notification_id).edit()
    for _step in range(OUTCOME):
        wizard.next()
    assert wizard.currentId() == OUTCOME
    wizard.outcome.reaction.clear()
    type_text(wizard.outcome.reaction, "Arg, gick därifrån")

    lock(qtbot, controller)
    assert "Arg" not in texts_on_screen() and _wizards() == []
    assert page.windows == {}

    page = _page(unlock(qtbot, controller))
    (back,) = _wizards()
    assert back.notification_id == notification_id and back.currentId() == OUTCOME
    assert back is page.windows[notification_id].wizard
    values = back.values()
    assert values["reaction"] == "Arg, gick därifrån" and values["setting"] == "street"
    assert back.has_changes() and back.windowTitle().endswith("*")
    back.next()
    back.accept()
    stored = _services(controller).notifications.get(notification_id)
    assert stored.reaction == "Arg, gick därifrån"
    assert len(_services(controller).notifications.list()) == 1


def test_a_notification_deleted_meanwhile_comes_back_as_a_new_one(
        qtbot: QtBot, controller: AppController, vault_dir: Path,
        register: dict[str, str]) -> None:
    notification_id = _existing(vault_dir, register)
    wizard = _page(unlock(qtbot, controller)).open_notification(notification_id).edit()
    wizard.next()
    wizard.next()
    assert wizard.currentId() == WHERE
    type_text(wizard.where.name, "Per Frid")
    wizard.where.add_member()
    lock(qtbot, controller)
    other = open_vault(vault_dir, USER, PASSPHRASE)
    other.notifications.delete(notification_id)
    other.lock()

    unlock(qtbot, controller)
    (back,) = _wizards()
    assert back.notification_id is None and back.currentId() == WHERE
    assert [m.name for m in back.where.team.members()] == ["Omar Said", "Per Frid"]
    assert back.where.message.isVisible() and "togs bort" in back.where.message.text()
    assert back.windowTitle().startswith("Nytt riktat samtal")


def test_a_wizard_opened_from_a_person_window_comes_back(
        qtbot: QtBot, controller: AppController, register: dict[str, str]) -> None:
    window = unlock(qtbot, controller)
    people = window.show_page("people")
    assert isinstance(people, PeoplePage)
    person = people.open_person(register["Åke"])
    person.new_notification()
    wizard = person.notification_wizard
    assert wizard is not None
    wizard.who.when.setDateTime(wizard.who.when.dateTime().addDays(-1))
    wizard.next()
    wizard.why.trigger.setCurrentIndex(wizard.why.trigger.findData("release"))

    lock(qtbot, controller)
    assert _wizards() == []
    unlock(qtbot, controller)
    (back,) = _wizards()
    assert back.who.chosen.people() == [(register["Åke"], "Åke Ek")]
    assert back.values()["trigger"] == "release" and back.currentId() > WHO
