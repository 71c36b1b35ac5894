"""Work in progress survives locking: unsaved forms are kept in the vault while it is locked,
nothing typed stays on screen, and unlocking brings the forms back, unsaved."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.services.drafts import DraftService
from app.services.session import open_vault
from app.ui.controller import AppController
from app.ui.dialogs.person import PersonWindow
from app.ui.main_window import MainWindow
from app.ui.pages.groups import GroupsPage
from app.ui.pages.incidents import IncidentsPage
from app.ui.pages.people import PeoplePage
from app.ui.table_models.involvement import Involved
from tests.conftest import PASSPHRASE, USER
from tests.ui.lock_kit import lock, texts_on_screen, type_text, unlock


@pytest.fixture(autouse=True)
def no_real_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows left with unsaved changes are closed at teardown: never block on a real box."""
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args: QMessageBox.StandardButton.Discard)


def _people_page(window: MainWindow) -> PeoplePage:
    page = window.show_page("people")
    assert isinstance(page, PeoplePage)
    return page


def _person_windows() -> list[PersonWindow]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, PersonWindow) and w.isVisible()]


def test_person_forms_come_back_after_a_lock(qtbot: QtBot, controller: AppController,
                                             vault_dir: Path) -> None:
    seed = open_vault(vault_dir, USER, PASSPHRASE)
    person = seed.people.create({"first_name": "Åsa", "last_name": "Öberg", "city": "Lund"})
    seed.lock()
    page = _people_page(unlock(qtbot, controller))
    existing = page.open_person(person.id)
    existing.form.inputs["city"].clear()
    type_text(existing.form.inputs["city"], "Hässleholm")
    type_text(existing.form.notes, "Träffade socialtjänsten")
    fresh = page.new_person()
    type_text(fresh.form.inputs["first_name"], "Örjan")
    type_text(fresh.form.inputs["birth_date"], "2005-04-03")

    lock(qtbot, controller)
    screen = texts_on_screen()
    assert not any(t in screen for t in ("Hässleholm", "Träffade", "Örjan", "Öberg"))
    assert _person_windows() == []

    window = unlock(qtbot, controller)
    page = _people_page(window)
    assert "2 osparade formulär återställdes" in window.statusBar().currentMessage()
    back = page.windows[person.id]
    assert back.form.inputs["city"].text() == "Hässleholm"
    assert back.form.notes.toPlainText() == "Träffade socialtjänsten"
    assert back.form.inputs["last_name"].text() == "Öberg"  # the stored rest is shown too
    assert back.form.changes() == {"city": "Hässleholm", "notes": "Träffade socialtjänsten"}
    assert back.windowTitle().endswith("*")
    (new,) = page._new_windows
    assert new.form.inputs["first_name"].text() == "Örjan"
    assert new.form.inputs["birth_date"].text() == "2005-04-03"
    assert new.form.is_dirty() and new.person is None
    assert controller.services is not None
    assert controller.services.drafts.count() == 0  # taken: not restored twice


def test_a_restored_form_is_saved_like_any_other(qtbot: QtBot, controller: AppController,
                                                 vault_dir: Path) -> None:
    seed = open_vault(vault_dir, USER, PASSPHRASE)
    person = seed.people.create({"first_name": "Åsa", "last_name": "Öberg"})
    seed.lock()
    page = _people_page(unlock(qtbot, controller))
    window = page.open_person(person.id)
    type_text(window.form.inputs["phone"], "070-1234567")
    lock(qtbot, controller)
    page = _people_page(unlock(qtbot, controller))
    window = page.windows[person.id]
    window.save()
    assert controller.services is not None
    assert controller.services.people.get(person.id).phone == "070-1234567"
    assert not window.form.is_dirty()


def test_untouched_forms_leave_no_draft(qtbot: QtBot, controller: AppController,
                                        vault_dir: Path) -> None:
    seed = open_vault(vault_dir, USER, PASSPHRASE)
    person = seed.people.create({"first_name": "Åsa", "last_name": "Öberg"})
    seed.lock()
    page = _people_page(unlock(qtbot, controller))
    page.open_person(person.id)
    page.new_person()
    lock(qtbot, controller)
    seed = open_vault(vault_dir, USER, PASSPHRASE)
    assert seed.drafts.count() == 0
    seed.lock()


def test_a_person_deleted_meanwhile_comes_back_as_a_new_person(
        qtbot: QtBot, controller: AppController, vault_dir: Path) -> None:
    seed = open_vault(vault_dir, USER, PASSPHRASE)
    person = seed.people.create({"first_name": "Åsa", "last_name": "Öberg"})
    seed.lock()
    page = _people_page(unlock(qtbot, controller))
    window = page.open_person(person.id)
    window.form.inputs["first_name"].clear()
    type_text(window.form.inputs["first_name"], "Åse")
    lock(qtbot, controller)
    other = open_vault(vault_dir, USER, PASSPHRASE)  # e.g. a colleague at the same desk
    other.people.delete(person.id)
    other.lock()

    page = _people_page(unlock(qtbot, controller))
    (window,) = page._new_windows
    assert window.person is None and window.form.inputs["first_name"].text() == "Åse"
    assert window.message.isVisible() and "togs bort" in window.message.text()


def test_quitting_keeps_the_forms_for_the_next_start(qtbot: QtBot, controller: AppController,
                                                     vault_dir: Path) -> None:
    window = unlock(qtbot, controller)
    fresh = _people_page(window).new_person()
    type_text(fresh.form.inputs["last_name"], "Ärlig")
    window.close()
    assert controller.window is None and controller.services is None
    assert _person_windows() == []
    seed = open_vault(vault_dir, USER, PASSPHRASE)
    (draft,) = DraftService(seed.db).take()
    assert draft.kind == "person" and draft.fields == {"last_name": "Ärlig"}
    seed.lock()


def test_a_failed_stash_does_not_stop_the_lock_and_is_told_later(
        qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch,
        log_folder: Path) -> None:
    def broken(_self: DraftService, _drafts: object) -> int:
        raise OSError("disk full")

    monkeypatch.setattr(DraftService, "stash", broken)
    window = unlock(qtbot, controller)
    fresh = _people_page(window).new_person()
    type_text(fresh.form.inputs["first_name"], "Örjan")
    lock(qtbot, controller)
    assert "Örjan" not in texts_on_screen()
    assert "OSError" in (log_folder / "mottryck-gui.log").read_text(encoding="utf-8")

    window = unlock(qtbot, controller)
    assert "1 osparade formulär kunde inte sparas" in window.statusBar().currentMessage()
    assert _person_windows() == []



def _incidents_page(window: MainWindow) -> IncidentsPage:
    page = window.show_page("incidents")
    assert isinstance(page, IncidentsPage)
    return page


def _groups_page(window: MainWindow) -> GroupsPage:
    page = window.show_page("groups")
    assert isinstance(page, GroupsPage)
    return page


def test_group_details_come_back_after_a_lock(qtbot: QtBot, controller: AppController,
                                              vault_dir: Path) -> None:
    seed = open_vault(vault_dir, USER, PASSPHRASE)
    group = seed.groups.create({"name": "Östra gänget", "area": "Rosengård"})
    seed.lock()
    page = _groups_page(unlock(qtbot, controller))
    dialog = page.open_group(group.id)
    dialog.details.area.clear()
    type_text(dialog.details.area, "Möllevången")
    type_text(dialog.details.notes, "Ny ledare sedan i våras")
    fresh = page.open_group(None)
    type_text(fresh.details.name, "Väst")
    assert dialog.windowTitle() == "Östra gänget *"

    lock(qtbot, controller)
    screen = texts_on_screen()
    assert not any(t in screen for t in ("Möllevången", "Ny ledare", "Väst", "Östra"))

    window = unlock(qtbot, controller)
    page = _groups_page(window)
    assert "2 osparade formulär" in window.statusBar().currentMessage()
    back = next(d for d in page.dialogs if d.group_id == group.id)
    assert back.details.area.text() == "Möllevången"
    assert back.details.notes.toPlainText() == "Ny ledare sedan i våras"
    assert back.details.name.text() == "Östra gänget"
    assert back.windowTitle().endswith("*") and back.draft() is not None
    new = next(d for d in page.dialogs if d.group_id is None)
    assert new.details.name.text() == "Väst"
    new.details.save()
    assert controller.services is not None
    assert [g.name for g in controller.services.groups.search("Väst")] == ["Väst"]


def test_a_restored_group_asks_before_closing(qtbot: QtBot, controller: AppController,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    page = _groups_page(unlock(qtbot, controller))
    type_text(page.open_group(None).details.name, "Norr")
    lock(qtbot, controller)
    page = _groups_page(unlock(qtbot, controller))
    (dialog,) = page.dialogs
    asked: list[str] = []

    def cancel(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    dialog.reject()
    assert asked == ["Osparade ändringar"] and dialog.isVisible()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a: QMessageBox.StandardButton.Discard)
    dialog.close()
    assert not dialog.isVisible()


def test_an_incident_form_comes_back_after_a_lock(qtbot: QtBot, controller: AppController,
                                                  vault_dir: Path) -> None:
    seed = open_vault(vault_dir, USER, PASSPHRASE)
    group = seed.groups.create({"name": "Östra gänget"})
    seed.lock()
    page = _incidents_page(unlock(qtbot, controller))
    page.new_incident()
    dialog = page.dialog
    assert dialog is not None
    dialog.type.setCurrentIndex(dialog.type.findData("shooting"))
    type_text(dialog.place, "Möllevångstorget")
    type_text(dialog.description, "Skott mot en bil, två skadade")
    dialog.injured.setValue(2)
    dialog.groups.model.set_rows([Involved(group.id, group.name, "perpetrator_side")])
    when = dialog.when.dateTime().toString("yyyy-MM-dd HH:mm")
    assert dialog.windowTitle().endswith("*")

    lock(qtbot, controller)
    screen = texts_on_screen()
    assert not any(t in screen for t in ("Möllevångstorget", "Skott mot", "Östra"))

    page = _incidents_page(unlock(qtbot, controller))
    back = page.dialog
    assert back is not None and back.isVisible() and back.incident_id is None
    assert back.place.text() == "Möllevångstorget" and back.injured.value() == 2
    assert back.description.toPlainText() == "Skott mot en bil, två skadade"
    assert back.type.currentData() == "shooting"
    assert back.when.dateTime().toString("yyyy-MM-dd HH:mm") == when
    assert back.groups.model.pairs() == [(group.id, "perpetrator_side")]
    assert back.windowTitle().endswith("*")
    back.save()
    assert controller.services is not None
    (saved,) = controller.services.incidents.search(limit=10)
    assert saved.place == "Möllevångstorget" and [g.group_id for g in saved.groups] == [group.id]


def test_an_incident_deleted_meanwhile_comes_back_as_a_new_one(
        qtbot: QtBot, controller: AppController, vault_dir: Path) -> None:
    seed = open_vault(vault_dir, USER, PASSPHRASE)
    incident = seed.incidents.create({"occurred_at": datetime(2026, 3, 1, 21, 30),
                                      "type": "threat", "place": "Torget"})
    seed.lock()
    page = _incidents_page(unlock(qtbot, controller))
    page.show_record(incident.id)
    assert page.dialog is not None
    type_text(page.dialog.area, "Södra")
    lock(qtbot, controller)
    other = open_vault(vault_dir, USER, PASSPHRASE)
    other.incidents.delete(incident.id)
    other.lock()

    page = _incidents_page(unlock(qtbot, controller))
    back = page.dialog
    assert back is not None and back.incident_id is None
    assert back.area.text() == "Södra" and back.place.text() == ""  # only what was typed
    assert back.message.isVisible() and "togs bort" in back.message.text()
