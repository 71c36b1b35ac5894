"""The call-in planning wizard, driven as staff drive it: step by step to a created call-in,
back and forth, refusals on every step, a draft saved and resumed, closing with changes."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from app.models.enums import CallInStatus, FrivardStatus, InviteeStatus, SpeakerRole
from app.services.session import Services
from app.ui.dialogs.callin_wizard import (
    CANDIDATES,
    DETAILS,
    GROUPS,
    LOGISTICS,
    PROGRAMME,
    REVIEW,
    CallInWizard,
)
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.tasks import InlineRunner

NEXT = QWizard.WizardButton.NextButton


@pytest.fixture
def context(services: Services, runner: InlineRunner, tmp_path: Path) -> PageContext:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    return PageContext(services, runner, Events(), settings)


@pytest.fixture(autouse=True)
def never_block(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wizard left open with changes is closed at teardown: answer "discard", not a modal
    box nobody will click."""
    monkeypatch.setattr(CallInWizard, "ask_unsaved",
                        lambda _self: QMessageBox.StandardButton.Discard)


@pytest.fixture
def register(services: Services) -> dict[str, str]:
    """Two groups; Nora (supervised now) and Olle in Norra, Pia in Södra, Ruth in none."""
    norra = services.groups.create({"name": "Norra", "priority": "1"}).id
    sodra = services.groups.create({"name": "Södra"}).id
    today = date.today()
    ids = {"norra": norra, "södra": sodra}
    for first, group, frivard in (("Nora", norra, True), ("Olle", norra, False),
                                  ("Pia", sodra, False), ("Ruth", None, False)):
        values: dict[str, object] = {"first_name": first, "last_name": "Ek"}
        if frivard:
            values.update(frivard_status=FrivardStatus.PAROLE,
                          frivard_from=str(today - timedelta(days=30)),
                          frivard_to=str(today + timedelta(days=300)))
        pid = services.people.create(values).id
        ids[first] = pid
        if group:
            services.groups.add_membership({"person_id": pid, "group_id": group,
                                            "role": "medlem", "valid_from": "2020-01-01"})
    return ids


def _wizard(qtbot: QtBot, context: PageContext, call_in_id: str | None = None) -> CallInWizard:
    wizard = CallInWizard(context, call_in_id)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _next(wizard: CallInWizard) -> None:
    wizard.button(NEXT).click()


def _row(wizard: CallInWizard, first: str) -> int:
    model = wizard.candidates.model
    return next(n for n in range(model.rowCount()) if model.row(n).name.startswith(first))


def _fill_to_candidates(qtbot: QtBot, wizard: CallInWizard) -> None:
    # QTest types ASCII only; the Swedish letters come in through the widget.
    wizard.details.title_edit.setText("Call-in Norra våren")
    qtbot.keyClicks(wizard.details.venue, "Stadshuset")
    _next(wizard)
    assert wizard.currentId() == GROUPS
    wizard.groups.search.setText("nor")
    assert wizard.groups.proxy.rowCount() == 1
    index = wizard.groups.proxy.index(0, 0)
    wizard.groups.view.setCurrentIndex(index)
    wizard.groups.view.activated.emit(index)
    _next(wizard)
    assert wizard.currentId() == CANDIDATES


def _choose(qtbot: QtBot, wizard: CallInWizard, first: str, reason: str) -> None:
    wizard.candidates.view.selectRow(_row(wizard, first))
    qtbot.keyClicks(wizard.candidates.reason.lineEdit(), reason)


def _add_speaker(qtbot: QtBot, wizard: CallInWizard, role: SpeakerRole, name: str,
                 minutes: int) -> None:
    page = wizard.programme
    page.role.setCurrentIndex(page.role.findData(role.value))
    page.add_button.click()
    qtbot.keyClicks(page.name, name)
    page.minutes.setValue(minutes)


def test_plan_end_to_end_creates_the_call_in(qtbot: QtBot, context: PageContext,
                                             register: dict[str, str]) -> None:
    wizard = _wizard(qtbot, context)
    _fill_to_candidates(qtbot, wizard)
    model = wizard.candidates.model
    # Suggested: the group's current members, the supervised first and marked.
    assert [model.row(n).name for n in range(model.rowCount())] == ["Nora Ek", "Olle Ek"]
    assert model.row(0).supervised and not model.row(1).supervised
    assert model.index(0, model.NAME).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(1, model.NAME).data(Qt.ItemDataRole.BackgroundRole) is None
    _choose(qtbot, wizard, "Nora", "Villkorligt frigiven, aktiv i konflikten")
    # Someone outside the groups, found by name.
    wizard.candidates.pick_person()
    picker = wizard.candidates.picker
    assert picker is not None
    qtbot.keyClicks(picker.search, "Ruth")
    picker.find_people()
    picker.ok.click()
    assert model.name_of(register["Ruth"]) == "Ruth Ek"
    qtbot.keyClicks(wizard.candidates.reason.lineEdit(), "Storebror i Norra")
    _next(wizard)
    assert wizard.currentId() == PROGRAMME
    _add_speaker(qtbot, wizard, SpeakerRole.POLICE, "Per Polis", 10)
    _add_speaker(qtbot, wizard, SpeakerRole.RELATIVE, "Mia Mamma", 15)
    wizard.programme.move_speaker(-1)  # the mother speaks first
    assert wizard.programme.total.text() == "Total tid: 25 min"
    _next(wizard)
    wizard.logistics.items["meal"].setChecked(True)
    qtbot.keyClicks(wizard.logistics.new_item, "Taxi 17.15")
    qtbot.keyClick(wizard.logistics.new_item, Qt.Key.Key_Return)
    _next(wizard)
    assert wizard.currentId() == REVIEW
    text = wizard.review.text.toPlainText()
    assert "Ruth Ek" in text and "Storebror i Norra" in text and "Taxi 17.15" in text
    with qtbot.waitSignal(wizard.saved) as saved:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    dto = context.services.callins.get(saved.args[0])
    assert dto.status is CallInStatus.PLANNED and dto.title == "Call-in Norra våren"
    assert dto.venue == "Stadshuset" and [g.name for g in dto.groups] == ["Norra"]
    assert {i.name: i.reason for i in dto.invitees} == {
        "Nora Ek": "Villkorligt frigiven, aktiv i konflikten", "Ruth Ek": "Storebror i Norra"}
    assert all(i.status is InviteeStatus.PROPOSED for i in dto.invitees)
    assert [(s.role, s.name, s.minutes) for s in dto.speakers] == [
        (SpeakerRole.RELATIVE, "Mia Mamma", 15), (SpeakerRole.POLICE, "Per Polis", 10)]
    assert [i.key for i in dto.logistics if i.done] == ["meal", "Taxi 17.15"]
    assert not wizard.isVisible()


def test_each_step_refuses_until_valid(qtbot: QtBot, context: PageContext,
                                       register: dict[str, str]) -> None:
    wizard = _wizard(qtbot, context)
    _next(wizard)
    assert wizard.currentId() == DETAILS
    assert wizard.details.errors.message("title") == "Skriv en rubrik för mötet."
    assert wizard.details.errors.message("venue") == "Skriv var mötet hålls."
    qtbot.keyClicks(wizard.details.title_edit, "Mote")
    qtbot.keyClicks(wizard.details.venue, "Stadshuset")
    _next(wizard)
    _next(wizard)  # no group ticked
    assert wizard.currentId() == GROUPS
    assert wizard.groups.message.text() == "Välj minst en grupp."
    wizard.groups.model.toggle(wizard.groups.model.row_of(register["norra"]))
    assert wizard.groups.message.isHidden()
    _next(wizard)
    _next(wizard)  # nobody chosen
    assert wizard.currentId() == CANDIDATES
    assert wizard.candidates.message.text() == "Välj minst en person att bjuda in."
    model = wizard.candidates.model
    model.setData(model.index(_row(wizard, "Olle"), model.CHECK), Qt.CheckState.Checked.value,
                  Qt.ItemDataRole.CheckStateRole)
    _next(wizard)  # chosen without a reason
    assert wizard.currentId() == CANDIDATES
    assert wizard.candidates.message.text() == "Motivering saknas för: Olle Ek"
    assert model.index(_row(wizard, "Olle"), model.REASON).data() == "Motivering saknas"
    # The reason column is editable in place too.
    model.setData(model.index(_row(wizard, "Olle"), model.REASON), "Aktiv i konflikten")
    _next(wizard)
    _next(wizard)  # an empty programme
    assert wizard.currentId() == PROGRAMME
    assert wizard.programme.message.text() == "Lägg till minst en talare."
    wizard.programme.add_button.click()
    wizard.programme.minutes.setValue(5)
    _next(wizard)  # a speaker without a name
    assert wizard.currentId() == PROGRAMME
    assert wizard.programme.message.text() == "Talare 1: namn saknas"
    qtbot.keyClicks(wizard.programme.name, "Eva Ek")
    _next(wizard)
    assert wizard.currentId() == LOGISTICS
    assert context.services.callins.count() == 0  # nothing saved along the way


def test_going_back_keeps_what_was_entered(qtbot: QtBot, context: PageContext,
                                           register: dict[str, str]) -> None:
    wizard = _wizard(qtbot, context)
    _fill_to_candidates(qtbot, wizard)
    _choose(qtbot, wizard, "Olle", "Bror till Nora")
    _next(wizard)
    _add_speaker(qtbot, wizard, SpeakerRole.PROSECUTOR, "Asa Aklagare", 12)
    for _ in range(2):
        wizard.back()
    assert wizard.currentId() == GROUPS
    assert wizard.groups.group_ids() == (register["norra"],)
    wizard.back()
    assert wizard.currentId() == DETAILS
    assert wizard.details.title_edit.text() == "Call-in Norra våren"
    assert wizard.details.venue.text() == "Stadshuset"
    for _ in range(3):
        _next(wizard)
    assert wizard.currentId() == PROGRAMME
    model = wizard.candidates.model
    assert model.reason(_row(wizard, "Olle")) == "Bror till Nora"
    assert [(s.name, s.minutes) for s in wizard.programme.speakers()] == [("Asa Aklagare", 12)]


def test_draft_saved_and_resumed_with_everything(qtbot: QtBot, context: PageContext,
                                                 register: dict[str, str]) -> None:
    wizard = _wizard(qtbot, context)
    _fill_to_candidates(qtbot, wizard)
    _choose(qtbot, wizard, "Nora", "Under tillsyn")
    with qtbot.waitSignal(wizard.saved) as saved:
        wizard.button(QWizard.WizardButton.CustomButton1).click()
    assert not wizard.isVisible()
    call_in_id = saved.args[0]
    assert context.services.callins.get(call_in_id).status is CallInStatus.DRAFT
    plan = wizard.current_plan()

    again = _wizard(qtbot, context, call_in_id)
    assert again.current_plan() == plan
    assert not again.has_changes()
    # The programme is the first step not done yet.
    assert again.currentId() == PROGRAMME
    assert again.candidates.model.reason(0) == "Under tillsyn"
    _add_speaker(qtbot, again, SpeakerRole.POLICE, "Per Polis", 10)
    _next(again)
    _next(again)
    with qtbot.waitSignal(again.saved):
        again.button(QWizard.WizardButton.FinishButton).click()
    dto = context.services.callins.get(call_in_id)
    assert dto.status is CallInStatus.PLANNED and context.services.callins.count() == 1
    assert [s.name for s in dto.speakers] == ["Per Polis"]


def test_refusal_from_the_service_goes_to_the_step(qtbot: QtBot, context: PageContext,
                                                  register: dict[str, str]) -> None:
    wizard = _wizard(qtbot, context)
    _fill_to_candidates(qtbot, wizard)
    _choose(qtbot, wizard, "Olle", "Aktiv")
    _next(wizard)
    _add_speaker(qtbot, wizard, SpeakerRole.POLICE, "Per Polis", 10)
    _next(wizard)
    _next(wizard)
    context.services.groups.delete(register["norra"])  # meanwhile, elsewhere
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible() and wizard.currentId() == GROUPS
    assert "finns inte" in wizard.groups.message.text()
    assert context.services.callins.count() == 0


def test_closing_with_changes_asks(qtbot: QtBot, context: PageContext,
                                   register: dict[str, str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = _wizard(qtbot, context)
    wizard.reject()  # nothing typed: closes without asking
    assert not wizard.isVisible()
    wizard = _wizard(qtbot, context)
    qtbot.keyClicks(wizard.details.title_edit, "Halvfardig")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    monkeypatch.setattr(wizard, "ask_unsaved", lambda: answers.pop(0))
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isVisible() and context.services.callins.count() == 0
    with qtbot.waitSignal(wizard.saved):
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    drafts = context.services.callins.list()
    assert [d.title for d in drafts] == ["Halvfardig"]
    wizard = _wizard(qtbot, context)
    qtbot.keyClicks(wizard.details.title_edit, "Slangs")
    monkeypatch.setattr(wizard, "ask_unsaved", lambda: QMessageBox.StandardButton.Discard)
    wizard.close()
    assert not wizard.isVisible() and context.services.callins.count() == 1


def test_discard_on_lock_forgets_without_asking(qtbot: QtBot, context: PageContext,
                                                register: dict[str, str]) -> None:
    wizard = _wizard(qtbot, context)
    _fill_to_candidates(qtbot, wizard)
    _choose(qtbot, wizard, "Nora", "Hemlig motivering")
    wizard.discard()
    assert not wizard.isVisible()
    assert wizard.details.title_edit.text() == "" and wizard.candidates.model.rowCount() == 0
    assert context.services.callins.count() == 0


def test_callins_page_plans_new_and_continues_drafts(qtbot: QtBot, context: PageContext,
                                                    register: dict[str, str]) -> None:
    from app.ui.pages.callins import CallInsPage

    page = CallInsPage(context)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    wizard = page.new_callin()
    assert page.new_callin() is wizard  # one wizard at a time
    wizard.details.title_edit.setText("Utkast från sidan")
    with qtbot.waitSignal(wizard.saved) as saved:
        wizard.save_draft()
    page.reload()
    page.view.selectRow(page.model.row_of(saved.args[0]))
    assert page.plan_button.isEnabled()
    page.continue_planning()
    assert page.wizard is not None and page.wizard is not wizard
    assert page.wizard.call_in_id == saved.args[0]
    assert page.wizard.details.title_edit.text() == "Utkast från sidan"
    page.clear()  # locking closes the wizard without asking
    assert page.wizard is None


def test_models_keep_choices_and_order(services: Services, register: dict[str, str]) -> None:
    from app.ui.table_models.candidates import CandidatesModel
    from app.ui.table_models.planned_speakers import PlannedSpeakersModel

    found = services.callins.candidates([register["norra"]], date.today())
    model = CandidatesModel()
    model.set_candidates(found)
    model.set_reason(1, "Aktiv")  # a reason chooses the person
    assert [i.person_id for i in model.invitees()] == [register["Olle"]]
    model.set_candidates([])  # other groups: the chosen stays, the rest go
    assert model.rowCount() == 1 and model.row(0).name == "Olle Ek" and model.reason(0) == "Aktiv"
    model.set_chosen(0, False)
    assert model.invitees() == () and model.missing_reasons() == []
    speakers = PlannedSpeakersModel()
    for role in (SpeakerRole.POLICE, SpeakerRole.PROSECUTOR, SpeakerRole.OTHER):
        speakers.update(speakers.add(role), name=role.value, minutes=5)
    assert speakers.move(2, -1) == 1 and speakers.move(0, -1) == 0  # the top stays on top
    speakers.remove(0)
    assert [s.name for s in speakers.speakers()] == ["other", "prosecutor"]
    assert speakers.total_minutes() == 10 and speakers.incomplete() == []
    assert speakers.index(0, speakers.ORDER).data() == "1"
