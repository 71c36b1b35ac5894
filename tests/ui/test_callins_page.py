"""The call-ins page and the call-in window, driven through real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.models.enums import CallInStatus, InviteeStatus, LetterKind, SpeakerRole
from app.services.callin_dto import CallInPlan, PlannedInvitee, PlannedSpeaker
from app.services.session import Services
from app.ui.dialogs import callin_invitee_dialogs as dialogs
from app.ui.dialogs.callin import CallInWindow
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.pages.callins import CallInsPage
from app.ui.table_models.callins import CallInsModel
from app.ui.tasks import InlineRunner

PAST = (datetime.now() - timedelta(days=2)).replace(hour=18, minute=0, second=0,
                                                     microsecond=0)


def _callin(services: Services, title: str = "Forum Rosengård", *, people: int = 3,
            when: datetime = PAST, finish: bool = True) -> tuple[str, list[str]]:
    group = services.groups.create({"name": f"Grupp {title}"})
    ids = []
    for n in range(people):
        person = services.people.create({"first_name": f"Åsa{n}", "last_name": "Öberg"})
        services.groups.add_membership({"person_id": person.id, "group_id": group.id})
        ids.append(person.id)
    plan = CallInPlan(
        title=title, starts_at=when, venue="Folkets hus", group_ids=(group.id,),
        invitees=tuple(PlannedInvitee(pid, reason="Medlem i gruppen") for pid in ids),
        speakers=(PlannedSpeaker(SpeakerRole.POLICE, "Kim Polis", 10),
                  PlannedSpeaker(SpeakerRole.RELATIVE, "Mamma Maria", 15)))
    return services.callins.save_plan(plan, finish=finish), ids


def _page(qtbot: QtBot, services: Services, runner: InlineRunner,
          events: Events | None = None) -> CallInsPage:
    page = CallInsPage(PageContext(services, runner, events or Events(), QSettings()))
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    page.activate()
    return page


@pytest.fixture
def answer_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)


@pytest.fixture(autouse=True)
def close_windows() -> Iterator[None]:
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, CallInWindow):
            widget.discard()


def test_empty_register_explains_how_to_plan(qtbot: QtBot, services: Services,
                                             runner: InlineRunner) -> None:
    page = _page(qtbot, services, runner)
    assert page.stack.currentWidget() is page.empty
    assert "Ny call-in" in page.empty.text()
    assert not page.open_button.isEnabled()


def test_lists_filters_and_searches(qtbot: QtBot, services: Services,
                                   runner: InlineRunner) -> None:
    held_id, _ids = _callin(services, "Forum Malmö")
    services.callins.mark_held(held_id)
    _callin(services, "Forum Lund", when=PAST + timedelta(days=400))
    page = _page(qtbot, services, runner)
    assert page.model.rowCount() == 2
    assert page.model.data(page.model.index(0, CallInsModel.TITLE)) == "Forum Lund"
    row = page.model.row_of(held_id)
    assert page.model.data(page.model.index(row, CallInsModel.STATUS)) == "Genomförd"
    assert page.model.data(page.model.index(row, CallInsModel.INVITED)) == 3
    assert page.model.data(page.model.index(row, CallInsModel.DATE)) == \
        PAST.strftime("%Y-%m-%d %H:%M")

    page.status_filter.setCurrentIndex(page.status_filter.findData(CallInStatus.HELD.value))
    page.reload()
    assert [page.model.callin(r).id for r in range(page.model.rowCount())] == [held_id]

    page.status_filter.setCurrentIndex(0)
    qtbot.keyClicks(page.search, "lund")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.model.rowCount() == 1
    assert page.model.callin(0).title == "Forum Lund"

    page.search.clear()
    qtbot.keyClicks(page.search, "ystad")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.empty
    assert "ystad" in page.empty.text()


def test_enter_opens_one_window_per_callin(qtbot: QtBot, services: Services,
                                           runner: InlineRunner) -> None:
    callin_id, _ids = _callin(services)
    page = _page(qtbot, services, runner)
    page.view.setFocus()
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    window = page.windows[callin_id]
    assert window.heading.text() == "Forum Rosengård"
    assert window.programme.model.rowCount() == 2
    assert window.invitees.model.rowCount() == 3
    assert page.open_callin(callin_id) is window


def _window(qtbot: QtBot, services: Services, runner: InlineRunner,
            callin_id: str, events: Events | None = None) -> CallInWindow:
    page = _page(qtbot, services, runner, events)
    return page.open_callin(callin_id)


def test_walk_an_invitee_through_the_pipeline(qtbot: QtBot, services: Services,
                                              runner: InlineRunner,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    callin_id, _ids = _callin(services)
    window = _window(qtbot, services, runner, callin_id)
    tab = window.invitees
    tab.view.selectRow(0)
    name = tab.model.invitee(0).name

    # A refused step: attendance for someone only proposed. The service's reason is shown.
    qtbot.mouseClick(tab.attended_button, Qt.MouseButton.LeftButton)
    assert name in tab.message.text() and "ett steg i taget" in tab.message.text()
    assert services.callins.get(callin_id).invitees[0].status is InviteeStatus.PROPOSED

    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    assert not tab.message.isVisibleTo(tab)
    assert tab.model.invitee(0).status is InviteeStatus.APPROVED

    def fill_and_save(dialog: dialogs.InviteDialog) -> int:
        dialog.how.setCurrentText("Personligen")
        assert dialog.by.text() == services.db.user  # the current user by default
        dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(dialogs.InviteDialog, "exec", fill_and_save)
    qtbot.mouseClick(tab.invite_button, Qt.MouseButton.LeftButton)
    invitee = tab.model.invitee(0)
    assert invitee.status is InviteeStatus.INVITED
    assert invitee.invited_how == "Personligen" and invitee.invited_by == services.db.user

    qtbot.mouseClick(tab.attended_button, Qt.MouseButton.LeftButton)
    assert tab.model.invitee(0).status is InviteeStatus.ATTENDED
    assert "Deltog: 1" in tab.counts.text()

    def sign_out_at(dialog: dialogs.SignOutDialog) -> int:
        dialog.at.setText(PAST.strftime("%Y-%m-%d") + " 20:15")
        dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(dialogs.SignOutDialog, "exec", sign_out_at)
    qtbot.mouseClick(tab.sign_out_button, Qt.MouseButton.LeftButton)
    assert tab.model.invitee(0).signed_out_at == PAST.replace(hour=20, minute=15)

    qtbot.mouseClick(tab.back_button, Qt.MouseButton.LeftButton)
    back = tab.model.invitee(0)
    assert back.status is InviteeStatus.INVITED and back.signed_out_at is None


def test_invite_form_shows_refusal_next_to_the_field(qtbot: QtBot, services: Services,
                                                     runner: InlineRunner) -> None:
    callin_id, _ids = _callin(services)
    first = services.callins.get(callin_id).invitees[0]
    services.callins.set_invitee_status(first.id, InviteeStatus.APPROVED)
    window = _window(qtbot, services, runner, callin_id)
    callins = services.callins
    dialog = dialogs.InviteDialog(window.context, [first.name], lambda how, by, at: (
        callins.set_invitee_status(first.id, InviteeStatus.INVITED, how=how, by=by,
                                   at=at or None)))
    qtbot.addWidget(dialog)
    dialog.by.clear()
    dialog.save()
    assert dialog.errors.message("by")
    assert services.callins.get(callin_id).invitees[0].status is InviteeStatus.APPROVED


def test_speakers_add_and_reorder(qtbot: QtBot, services: Services, runner: InlineRunner,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from app.ui.dialogs import callin_programme

    callin_id, _ids = _callin(services)
    window = _window(qtbot, services, runner, callin_id)
    tab = window.programme

    def add_prosecutor(dialog: callin_programme.SpeakerDialog) -> int:
        dialog.role.setCurrentIndex(dialog.role.findData(SpeakerRole.PROSECUTOR.value))
        qtbot.keyClicks(dialog.name, "Åke Åklagare")
        dialog.minutes.setValue(20)
        dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(callin_programme.SpeakerDialog, "exec", add_prosecutor)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 3
    assert "45" in tab.total.text()

    window.tabs.setCurrentWidget(tab)
    window.activateWindow()
    tab.view.setFocus()
    tab.view.selectRow(2)
    qtbot.keyClick(tab.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    names = [s.name for s in services.callins.get(callin_id).speakers]
    assert names == ["Kim Polis", "Åke Åklagare", "Mamma Maria"]
    assert tab.selected() is not None and tab.selected().name == "Åke Åklagare"
    qtbot.mouseClick(tab.up_button, Qt.MouseButton.LeftButton)
    assert tab.model.speaker(0).name == "Åke Åklagare"
    assert not tab.up_button.isEnabled()


def test_letters_tab_previews_one_page_per_attendee_and_records_once(
        qtbot: QtBot, services: Services, runner: InlineRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from app.ui.dialogs import callin_letters

    callin_id, _ids = _callin(services, people=3)
    for invitee in services.callins.get(callin_id).invitees[:2]:
        for step in (InviteeStatus.APPROVED, InviteeStatus.INVITED, InviteeStatus.ATTENDED):
            services.callins.set_invitee_status(invitee.id, step, how="Personligen",
                                                by="anna")
    services.letters.save_letterhead({
        "partners": ["Polisen", "Kriminalvården"], "place": "Malmö",
        "contact_person": "Eva Ström", "phone": "040-12 34 56", "opening_hours": "Vardagar 9–16",
        "signatories": [{"name": "Eva Ström", "title": "Samordnare"}]})
    window = _window(qtbot, services, runner, callin_id)
    tab = window.letters
    assert tab.attendees_button.isEnabled() and tab.invitations_button.isEnabled()
    assert tab.model.rowCount() == 0

    monkeypatch.setattr(callin_letters.LetterChoiceDialog, "exec", lambda self: 1)
    qtbot.mouseClick(tab.attendees_button, Qt.MouseButton.LeftButton)
    preview = tab.preview
    assert preview is not None
    qtbot.addWidget(preview)
    assert preview.page_count == 2
    assert services.letters.printed(call_in_id=callin_id) == []  # a preview records nothing

    preview.save_to(tmp_path / "brev.pdf")
    assert (tmp_path / "brev.pdf").is_file(), preview.message.text()
    letters = services.letters.printed(call_in_id=callin_id)
    assert len(letters) == 2
    assert {r.kind for r in letters} == {LetterKind.CALLIN_HANDOUT}
    assert tab.model.rowCount() == 2  # the tab shows what was recorded
    assert tab.model.data(tab.model.index(0, 0)).startswith("Åsa")


def test_letter_buttons_disabled_when_nobody_qualifies(qtbot: QtBot, services: Services,
                                                       runner: InlineRunner) -> None:
    callin_id, _ids = _callin(services)
    window = _window(qtbot, services, runner, callin_id)
    assert not window.letters.attendees_button.isEnabled()
    assert "Ingen" in window.letters.attendees_button.toolTip()
    assert not window.letters.invitations_button.isEnabled()


def test_status_actions_and_delete(qtbot: QtBot, services: Services, runner: InlineRunner,
                                   answer_yes: None) -> None:
    callin_id, _ids = _callin(services)
    events = Events()
    page = _page(qtbot, services, runner, events)
    window = page.open_callin(callin_id)
    details = window.details
    assert details.held_button.isVisibleTo(details)
    qtbot.mouseClick(details.held_button, Qt.MouseButton.LeftButton)
    assert services.callins.get(callin_id).status is CallInStatus.HELD
    assert page.model.callin(0).status is CallInStatus.HELD  # the page listed it again
    assert details.planned_button.isVisibleTo(details)

    qtbot.mouseClick(details.delete_button, Qt.MouseButton.LeftButton)
    assert services.callins.count() == 0
    qtbot.waitUntil(lambda: callin_id not in page.windows)
    assert page.stack.currentWidget() is page.empty


def test_details_errors_next_to_the_field(qtbot: QtBot, services: Services,
                                          runner: InlineRunner) -> None:
    callin_id, _ids = _callin(services)
    window = _window(qtbot, services, runner, callin_id)
    details = window.details
    details.starts_edit.setText("nästa tisdag")
    details.venue_edit.setText("Stadsbiblioteket")
    qtbot.mouseClick(details.save_button, Qt.MouseButton.LeftButton)
    assert details.errors.message("starts_at")
    assert services.callins.get(callin_id).venue == "Folkets hus"  # nothing saved
    details.starts_edit.setText(PAST.strftime("%Y-%m-%d %H:%M"))
    qtbot.mouseClick(details.save_button, Qt.MouseButton.LeftButton)
    assert services.callins.get(callin_id).venue == "Stadsbiblioteket"
    assert not details.dirty()


def test_double_click_invitee_opens_the_person(qtbot: QtBot, services: Services,
                                               runner: InlineRunner) -> None:
    callin_id, ids = _callin(services)
    window = _window(qtbot, services, runner, callin_id)
    opened: list[tuple[str, str]] = []
    window.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    view = window.invitees.view
    window.tabs.setCurrentWidget(window.invitees)
    qtbot.waitExposed(window)
    rect = view.visualRect(window.invitees.model.index(0, 0))
    # A real double-click is press, release, double-click.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [("person", window.invitees.model.invitee(0).person_id)]
    assert opened[0][1] in ids


def test_lock_clears_the_page_and_closes_windows(qtbot: QtBot, services: Services,
                                                 runner: InlineRunner) -> None:
    callin_id, _ids = _callin(services)
    page = _page(qtbot, services, runner)
    window = page.open_callin(callin_id)
    qtbot.keyClicks(page.search, "forum")
    page.clear()
    assert not window.isVisible()
    qtbot.waitUntil(lambda: page.windows == {})
    assert page.model.rowCount() == 0 and page.search.text() == ""
