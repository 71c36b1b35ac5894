"""Locking loses no call-in planning: the wizard's unsaved plan and the call-in window's typed
details are kept in the vault while it is locked, nothing of them stays on screen, and
unlocking brings them back, unsaved, on the step the user was on."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.models.enums import InviteeStatus
from app.services import audit
from app.services.callin_dto import CallInPlan, PlannedInvitee
from app.services.session import Services, open_vault
from app.ui.controller import AppController
from app.ui.dialogs.callin_wizard import CANDIDATES, DETAILS, GROUPS, CallInWizard
from app.ui.main_window import MainWindow
from app.ui.pages.callins import CallInsPage
from tests.conftest import PASSPHRASE, USER
from tests.ui.lock_kit import lock, texts_on_screen, type_text, unlock


@pytest.fixture(autouse=True)
def never_block(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows left with changes are closed at teardown: never wait on a real box."""
    monkeypatch.setattr(CallInWizard, "ask_unsaved",
                        lambda _self: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args: QMessageBox.StandardButton.Discard)


@pytest.fixture
def register(vault_dir: Path) -> dict[str, str]:
    """Two groups; Åke Ek in Östra, Bo Ek in Västra."""
    seed = open_vault(vault_dir, USER, PASSPHRASE)
    ids = {}
    for group, first in (("Östra", "Åke"), ("Västra", "Bo")):
        gid = seed.groups.create({"name": group}).id
        pid = seed.people.create({"first_name": first, "last_name": "Ek"}).id
        seed.groups.add_membership({"person_id": pid, "group_id": gid,
                                    "valid_from": "2020-01-01"})
        ids[group], ids[first] = gid, pid
    seed.lock()
    return ids


def _page(window: MainWindow) -> CallInsPage:
    page = window.show_page("callins")
    assert isinstance(page, CallInsPage)
    return page


def _wizards() -> list[CallInWizard]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, CallInWizard) and w.isVisible()]


def _tick(wizard: CallInWizard, group_id: str) -> None:
    model = wizard.groups.model
    model.toggle(model.row_of(group_id))


def _choose(wizard: CallInWizard, person_id: str, reason: str) -> None:
    model = wizard.candidates.model
    row = next(n for n in range(model.rowCount()) if model.row(n).person_id == person_id)
    wizard.candidates.view.selectRow(row)
    line = wizard.candidates.reason.lineEdit()
    assert line is not None
    type_text(line, reason)


def _services(controller: AppController) -> Services:
    assert controller.services is not None
    return controller.services


def test_a_new_plan_comes_back_on_the_same_step(qtbot: QtBot, controller: AppController,
                                                register: dict[str, str]) -> None:
    page = _page(unlock(qtbot, controller))
    wizard = page.new_callin()
    type_text(wizard.details.title_edit, "Våren i Östra")
    type_text(wizard.details.venue, "Tingsrättens sal 2")
    type_text(wizard.details.security, "Två vakter vid ingången")
    starts = wizard.details.starts_at()
    wizard.next()
    _tick(wizard, register["Östra"])
    wizard.next()
    assert wizard.currentId() == CANDIDATES
    _choose(wizard, register["Åke"], "Central i gruppen")
    assert wizard.windowTitle().endswith("*")

    lock(qtbot, controller)
    screen = texts_on_screen()
    assert not any(t in screen for t in ("Våren", "Tingsrätten", "vakter", "Central"))
    assert _wizards() == []

    window = unlock(qtbot, controller)
    assert "1 osparat formulär återställdes" in window.statusBar().currentMessage()
    (back,) = _wizards()
    assert back is _page(window).wizard and back.call_in_id is None
    assert back.currentId() == CANDIDATES
    plan = back.current_plan()
    assert (plan.title, plan.venue, plan.security_plan) == (
        "Våren i Östra", "Tingsrättens sal 2", "Två vakter vid ingången")
    assert plan.starts_at == starts and plan.group_ids == (register["Östra"],)
    assert plan.invitees == (PlannedInvitee(register["Åke"], "Central i gruppen"),)
    assert back.candidates.model.name_of(register["Åke"]) == "Åke Ek"
    assert back.has_changes() and back.windowTitle().endswith("*")
    assert _services(controller).drafts.count() == 0

    back.save_draft()  # saved like any plan
    (saved,) = _services(controller).callins.list()
    assert saved.title == "Våren i Östra" and saved.groups == ("Östra",)


def test_a_restored_plan_asks_before_closing(qtbot: QtBot, controller: AppController,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(unlock(qtbot, controller))
    type_text(page.new_callin().details.title_edit, "Norr")
    lock(qtbot, controller)
    (back,) = (unlock(qtbot, controller), _wizards())[1]
    asked: list[bool] = []

    def cancel(_self: CallInWizard) -> QMessageBox.StandardButton:
        asked.append(True)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(CallInWizard, "ask_unsaved", cancel)
    back.reject()
    assert asked == [True] and back.isVisible()
    assert back.currentId() == DETAILS and back.details.title_edit.text() == "Norr"


def test_an_untouched_wizard_leaves_no_draft(qtbot: QtBot, controller: AppController,
                                             vault_dir: Path) -> None:
    _page(unlock(qtbot, controller)).new_callin()
    lock(qtbot, controller)
    seed = open_vault(vault_dir, USER, PASSPHRASE)
    assert seed.drafts.count() == 0
    seed.lock()


def _existing(vault_dir: Path, register: dict[str, str]) -> str:
    seed = open_vault(vault_dir, USER, PASSPHRASE)
    call_in_id = seed.callins.save_plan(CallInPlan(
        title="Höst", starts_at=datetime(2026, 10, 6, 17, 0), venue="Rådhuset",
        group_ids=(register["Östra"],),
        invitees=(PlannedInvitee(register["Åke"], "Ledare", InviteeStatus.PROPOSED),)))
    seed.lock()
    return call_in_id


def test_an_existing_call_in_comes_back_over_what_is_stored(
        qtbot: QtBot, controller: AppController, vault_dir: Path,
        register: dict[str, str]) -> None:
    call_in_id = _existing(vault_dir, register)
    page = _page(unlock(qtbot, controller))
    wizard = page._plan(call_in_id)
    while wizard.currentId() > GROUPS:
        wizard.back()
    _tick(wizard, register["Västra"])
    wizard.next()
    _choose(wizard, register["Bo"], "Ny i gruppen")
    wizard.details.venue.clear()  # an edit on an earlier step, too
    type_text(wizard.details.venue, "Medborgarhuset")

    lock(qtbot, controller)
    assert "Medborgarhuset" not in texts_on_screen() and _wizards() == []

    unlock(qtbot, controller)
    (back,) = _wizards()
    assert back.call_in_id == call_in_id and back.currentId() == CANDIDATES
    plan = back.current_plan()
    assert plan.title == "Höst" and plan.venue == "Medborgarhuset"
    assert set(plan.group_ids) == {register["Östra"], register["Västra"]}
    assert [(i.person_id, i.reason) for i in plan.invitees] == [
        (register["Åke"], "Ledare"), (register["Bo"], "Ny i gruppen")]
    assert back.has_changes() and back.windowTitle().endswith("*")
    back.save_draft()
    stored = _services(controller).callins.get(call_in_id)
    assert stored.venue == "Medborgarhuset" and len(stored.invitees) == 2


def test_a_group_deleted_meanwhile_is_unticked_and_named_on_the_groups_step(
        qtbot: QtBot, controller: AppController, vault_dir: Path,
        register: dict[str, str]) -> None:
    page = _page(unlock(qtbot, controller))
    wizard = page.new_callin()
    type_text(wizard.details.title_edit, "Båda")
    type_text(wizard.details.venue, "Sal 1")
    wizard.next()
    _tick(wizard, register["Östra"])
    _tick(wizard, register["Västra"])
    wizard.next()
    _choose(wizard, register["Bo"], "Aktiv")
    lock(qtbot, controller)
    other = open_vault(vault_dir, USER, PASSPHRASE)  # a colleague at the same desk
    other.groups.delete(register["Västra"])
    other.lock()

    unlock(qtbot, controller)
    (back,) = _wizards()
    assert back.currentId() == GROUPS
    assert back.groups.group_ids() == (register["Östra"],)
    assert back.groups.gone.isVisible() and "Västra" in back.groups.gone.text()
    assert back.current_plan().invitees == (PlannedInvitee(register["Bo"], "Aktiv"),)
    back.next()  # the rest of the plan is there to go on with
    assert back.currentId() == CANDIDATES


def test_a_call_in_deleted_meanwhile_comes_back_as_a_new_plan(
        qtbot: QtBot, controller: AppController, vault_dir: Path,
        register: dict[str, str]) -> None:
    call_in_id = _existing(vault_dir, register)
    page = _page(unlock(qtbot, controller))
    wizard = page._plan(call_in_id)
    wizard.details.venue.clear()
    type_text(wizard.details.venue, "Stadshuset")
    lock(qtbot, controller)
    other = open_vault(vault_dir, USER, PASSPHRASE)
    other.callins.delete(call_in_id)
    other.lock()

    unlock(qtbot, controller)
    (back,) = _wizards()
    assert back.call_in_id is None and back.current_plan().venue == "Stadshuset"
    current = back.steps()[back.currentId()]
    assert current.message.isVisible() and "togs bort" in current.message.text()


def test_typed_details_in_a_call_in_window_come_back(
        qtbot: QtBot, controller: AppController, vault_dir: Path,
        register: dict[str, str]) -> None:
    call_in_id = _existing(vault_dir, register)
    page = _page(unlock(qtbot, controller))
    window = page.open_callin(call_in_id)
    window.details.venue_edit.clear()
    type_text(window.details.venue_edit, "Folkets hus")
    type_text(window.details.notes_edit, "Fika från 16:30")
    lock(qtbot, controller)
    assert not any(t in texts_on_screen() for t in ("Folkets", "Fika", "Höst"))
    assert page.windows == {}

    page = _page(unlock(qtbot, controller))
    back = page.windows[call_in_id]
    assert back.details.venue_edit.text() == "Folkets hus"
    assert back.details.notes_edit.toPlainText() == "Fika från 16:30"
    assert back.details.title_edit.text() == "Höst"  # the stored rest is shown too
    assert back.details.dirty() and back.draft() is not None
    back.details.save()
    assert _services(controller).callins.get(call_in_id).venue == "Folkets hus"
    assert back.draft() is None


def test_the_call_in_window_logs_one_read_per_opening(
        qtbot: QtBot, controller: AppController, vault_dir: Path,
        register: dict[str, str]) -> None:
    call_in_id = _existing(vault_dir, register)
    page = _page(unlock(qtbot, controller))
    window = page.open_callin(call_in_id)
    window.details.venue_edit.setText("Folkets hus")
    window.details.save()
    window.details.notes_edit.setPlainText("Fika")
    window.details.save()
    services = _services(controller)
    assert window.callin is not None and window.callin.practical_notes == "Fika"
    reads = [e for e in audit.list_events(services.db, action=audit.Action.READ, limit=100)
             if e.entity_type == "callin" and e.entity_id == call_in_id]
    assert len(reads) == 1
