"""Avhopparlinjen driven through real widgets: logging an anonymous call while on the phone,
linking it to a person when the caller says who they are, the follow-ups to do, refusals next
to the field, and nothing left on screen when the vault locks."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.models.enums import HelplineChannel
from app.services import audit
from app.services.session import Services, open_vault
from app.ui.controller import AppController
from app.ui.dialogs.helpline_contact import HelplineContactDialog
from app.ui.events import Events
from app.ui.main_window import MainWindow
from app.ui.pages.base import PageContext
from app.ui.pages.helpline import HelplinePage
from app.ui.pages.overview import OverviewPage
from app.ui.pages.registry import RECORD_PAGES
from app.ui.table_models.helpline import DUE, HelplineModel
from app.ui.tasks import InlineRunner
from tests.conftest import PASSPHRASE, USER
from tests.ui.lock_kit import lock, texts_on_screen, type_text, unlock

TODAY = date.today()


@pytest.fixture(autouse=True)
def no_real_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forms left with unsaved text are closed at teardown: never block on a real box."""
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args, **_kw: QMessageBox.StandardButton.Discard)


def _page(qtbot: QtBot, services: Services, runner: InlineRunner,
          tmp_path: Path) -> HelplinePage:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    page = HelplinePage(PageContext(services, runner, Events(), settings))
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    page.activate()
    return page


def _contact(services: Services, days_ago: float, **values: object) -> str:
    at = datetime.now() - timedelta(days=days_ago)
    return services.helpline.create({"contacted_at": at, "channel": "phone",
                                     **values}).id


def _cells(page: HelplinePage, column: int) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def test_an_anonymous_call_is_logged_from_the_quick_form(
        qtbot: QtBot, services: Services, runner: InlineRunner, tmp_path: Path) -> None:
    page = _page(qtbot, services, runner, tmp_path)
    assert page.stack.currentWidget() is page.empty
    assert "Ny kontakt" in page.empty.text()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    before = datetime.now().replace(second=0, microsecond=0)
    qtbot.keyClick(page.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, HelplineContactDialog) and dialog.isVisible()
    # Made for the phone: now, by phone, anonymous, taken by the user; the question first.
    assert dialog.anonymous.isChecked() and not dialog.caller_name.isEnabled()
    assert dialog.channel.currentData() == HelplineChannel.PHONE.value
    shown = dialog.when.dateTime().toPython()
    assert before <= shown <= datetime.now()
    assert dialog.handled_by.text() == USER
    type_text(dialog.asked, "Vill lämna gänget men är rädd för skulder")
    type_text(dialog.offered, "Stödsamtal, kontakt med avhopparverksamheten")
    type_text(dialog.follow_up, "Ringer tillbaka")
    dialog.in_a_week.click()
    assert dialog.follow_up_on.text() == (shown.date() + timedelta(days=7)).isoformat()
    assert dialog.windowTitle().endswith("*")
    dialog.save_button.click()

    assert page.dialog is None and not dialog.isVisible()
    (saved,) = services.helpline.list()
    assert saved.anonymous and saved.person_id is None and saved.caller_name is None
    assert saved.channel is HelplineChannel.PHONE and saved.handled_by == USER
    assert saved.asked == "Vill lämna gänget men är rädd för skulder"
    assert saved.follow_up_on == shown.date() + timedelta(days=7)
    assert page.count_label.text() == "1 kontakt"
    assert _cells(page, HelplineModel.CALLER) == ["Anonym"]
    assert _cells(page, HelplineModel.CHANNEL) == ["Telefon"]
    assert page.stack.currentWidget() is page.view


def test_refused_values_are_shown_next_to_the_field_and_nothing_is_saved(
        qtbot: QtBot, services: Services, runner: InlineRunner, tmp_path: Path) -> None:
    page = _page(qtbot, services, runner, tmp_path)
    dialog = page.new_contact()
    dialog.anonymous.setChecked(False)  # a name was given, yet none is typed
    assert dialog.caller_name.isEnabled()
    yesterday = QDateTime.currentDateTime().addDays(-1)
    dialog.when.setDateTime(yesterday)
    dialog.follow_up_on.setText((TODAY - timedelta(days=3)).isoformat())
    dialog.save()
    assert "namnet som uppgavs" in dialog.errors.message("caller_name")
    assert "före kontakten" in dialog.errors.message("follow_up_on")
    assert services.helpline.list() == [] and dialog.isVisible()
    type_text(dialog.caller_name, "Jonna")
    dialog.follow_up_on.clear()
    dialog.save()
    (saved,) = services.helpline.list()
    assert not saved.anonymous and saved.caller_name == "Jonna"
    assert _cells(page, HelplineModel.CALLER) == ["Jonna"]


def test_a_caller_who_gives_their_name_is_linked_and_a_wrong_link_undone(
        qtbot: QtBot, services: Services, runner: InlineRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Lindqvist"})
    contact_id = _contact(services, 2, asked="Hur gör man?")
    page = _page(qtbot, services, runner, tmp_path)
    assert not page.link_button.isEnabled()
    page.view.selectRow(0)
    assert page.link_button.isEnabled() and not page.unlink_button.isEnabled()
    picker = page.link_selected()
    assert picker is not None and picker.ok.text() == "Koppla"
    type_text(picker.search, "Lindqvist")
    picker.find_people()
    picker.choose()

    linked = services.helpline.get(contact_id)
    assert linked.person_id == person.id and not linked.anonymous
    assert _cells(page, HelplineModel.CALLER) == ["Åsa Lindqvist"]
    assert page.unlink_button.isEnabled() and not page.link_button.isEnabled()
    # The form shows the link and does not offer "anonymous" while it holds.
    page.show_record(contact_id)
    form = page.dialog
    assert form is not None and form.linked.text() == "Åsa Lindqvist"
    assert not form.anonymous.isEnabled()
    form.close()

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    page.unlink_selected()
    unlinked = services.helpline.get(contact_id)
    assert unlinked.person_id is None and unlinked.anonymous
    assert _cells(page, HelplineModel.CALLER) == ["Anonym"]
    updates = [e for e in audit.list_events(services.db, action=audit.Action.UPDATE,
                                            limit=100)
               if e.entity_type == "helpline_contact" and e.entity_id == contact_id]
    assert len(updates) == 2  # the link and the unlink, each logged by the service


def test_follow_ups_to_do_are_filtered_marked_and_done(
        qtbot: QtBot, services: Services, runner: InlineRunner, tmp_path: Path) -> None:
    overdue = _contact(services, 6, asked="Skulder", follow_up="Ringer tillbaka",
                       follow_up_on=TODAY - timedelta(days=1))
    _contact(services, 1, asked="Boende", follow_up_on=TODAY + timedelta(days=3))
    _contact(services, 3, asked="Jobb")
    sms_due = services.helpline.create({"contacted_at": datetime.now() - timedelta(days=2),
                                        "channel": "sms", "asked": "Flytt",
                                        "follow_up_on": TODAY}).id
    page = _page(qtbot, services, runner, tmp_path)
    assert page.model.rowCount() == 4
    page.due_filter.setChecked(True)
    assert {page.model.contact(r).id for r in range(2)} == {overdue, sms_due}
    assert page.model.rowCount() == 2 and page.count_label.text() == "2 kontakter"
    row = page.model.row_of(overdue)
    cell = page.model.index(row, HelplineModel.FOLLOW_UP)
    assert cell.data() == (TODAY - timedelta(days=1)).isoformat()
    assert cell.data(Qt.ItemDataRole.ForegroundRole).color() == DUE
    # Sorting by the follow-up day puts the longest overdue first.
    page.view.sortByColumn(HelplineModel.FOLLOW_UP, Qt.SortOrder.AscendingOrder)
    assert page.model.contact(0).id == overdue
    page.channel_filter.setCurrentIndex(page.channel_filter.findData("sms"))
    page.reload()
    assert [page.model.contact(r).id for r in range(page.model.rowCount())] == [sms_due]
    page.channel_filter.setCurrentIndex(0)
    page.reload()

    page.view.selectRow(page.model.row_of(overdue))
    done = page.mark_followed_up()
    assert done is not None
    done.day.setText("inte ett datum")
    done.save()
    assert done.errors.message("follow_up_on") and done.isVisible()
    done.day.setText(TODAY.isoformat())
    type_text(done.note, "Bokade möte")
    done.save()
    assert [page.model.contact(r).id for r in range(page.model.rowCount())] == [sms_due]
    kept = services.helpline.get(overdue)
    assert kept.follow_up_on is None and kept.follow_up is not None
    assert kept.follow_up.startswith("Ringer tillbaka\n") and "Bokade möte" in kept.follow_up
    page.view.selectRow(0)
    page.mark_followed_up()
    assert page.followed is not None
    page.followed.save()
    assert page.stack.currentWidget() is page.empty
    assert "Ingen uppföljning att göra" in page.empty.text()


def test_search_anonymous_only_and_clear_on_lock(
        qtbot: QtBot, services: Services, runner: InlineRunner, tmp_path: Path) -> None:
    _contact(services, 1, asked="Vill flytta från området")
    _contact(services, 2, caller_name="Kim", asked="Skulder hos kronofogden")
    page = _page(qtbot, services, runner, tmp_path)
    page.anonymous_filter.setChecked(True)
    assert _cells(page, HelplineModel.CALLER) == ["Anonym"]
    page.anonymous_filter.setChecked(False)
    type_text(page.search, "KRONOFOGDEN")
    page.reload()
    assert _cells(page, HelplineModel.CALLER) == ["Kim"]
    type_text(page.search, " inget")
    page.reload()
    assert page.stack.currentWidget() is page.empty
    assert "matchar" in page.empty.text()

    dialog = page.new_contact()
    type_text(dialog.asked, "Hemligt samtal")
    page.clear()
    assert page.dialog is None and not dialog.isVisible()
    assert page.model.rowCount() == 0 and page.search.text() == ""
    assert page.count_label.text() == "" and not page.anonymous_filter.isChecked()


def _helpline_page(window: MainWindow) -> HelplinePage:
    page = window.show_page("helpline")
    assert isinstance(page, HelplinePage)
    return page


def test_a_call_being_typed_comes_back_after_a_lock(qtbot: QtBot, controller: AppController,
                                                     vault_dir: Path) -> None:
    seed = open_vault(vault_dir, USER, PASSPHRASE)
    seed.helpline.create({"contacted_at": datetime.now() - timedelta(days=1),
                          "channel": "visit", "asked": "Tidigare besök"})
    seed.lock()
    page = _helpline_page(unlock(qtbot, controller))
    assert page.model.rowCount() == 1
    dialog = page.new_contact()
    type_text(dialog.asked, "Rädd för repressalier från Östra")
    dialog.channel.setCurrentIndex(dialog.channel.findData("sms"))

    lock(qtbot, controller)
    screen = texts_on_screen()
    assert "repressalier" not in screen and "Tidigare besök" not in screen

    page = _helpline_page(unlock(qtbot, controller))
    back = page.dialog
    assert back is not None and back.isVisible() and back.contact_id is None
    assert back.asked.toPlainText() == "Rädd för repressalier från Östra"
    assert back.channel.currentData() == "sms" and back.anonymous.isChecked()
    assert back.windowTitle().endswith("*")
    back.save()
    assert controller.services is not None
    assert {c.asked for c in controller.services.helpline.list()} == {
        "Tidigare besök", "Rädd för repressalier från Östra"}


def test_overview_lists_the_follow_ups_that_are_due(
        qtbot: QtBot, services: Services, runner: InlineRunner, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "o.ini"), QSettings.Format.IniFormat)
    page = OverviewPage(PageContext(services, runner, Events(), settings))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.activate()
    assert page.follow_ups.isHidden()  # nothing promised: the list takes no room

    person = services.people.create({"first_name": "Åsa", "last_name": "Lindqvist"})
    late = _contact(services, 9, person_id=person.id, follow_up_on=TODAY - timedelta(days=4))
    _contact(services, 2, follow_up_on=TODAY)
    _contact(services, 1, follow_up_on=TODAY + timedelta(days=2))  # not yet
    page.load()
    assert not page.follow_ups.isHidden()
    model = page.follow_ups.model
    assert model.rowCount() == 2 and page.follow_ups.heading.text().endswith("(2)")
    assert [model.index(0, c).data() for c in (0, 2, 3)] == [
        "Åsa Lindqvist", (TODAY - timedelta(days=4)).isoformat(), "4"]
    assert model.index(1, 0).data() == "Anonym"
    opened: list[tuple[str, str]] = []
    page.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    page.follow_ups.view.activated.emit(model.index(0, 0))
    assert opened == [("helpline_contact", late)]
    assert RECORD_PAGES["helpline_contact"] == HelplinePage.key
    page.clear()
    assert page.follow_ups.isHidden() and model.rowCount() == 0
