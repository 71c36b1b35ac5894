"""The custom notification wizard driven as staff drive it: step by step to a saved
notification, back and forth, refusals with their messages, editing an existing one."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, QSettings, Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from app.models.enums import MessagePart, NotificationKind, NotificationSetting, NotificationTrigger
from app.services.session import Services
from app.ui.dialogs.notification_wizard import (
    MESSAGE,
    OUTCOME,
    REVIEW,
    WHERE,
    WHO,
    WHY,
    NotificationWizard,
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
    monkeypatch.setattr(NotificationWizard, "ask_discard", lambda _self: True)


@pytest.fixture
def nora(services: Services) -> str:
    return services.people.create({"first_name": "Nora", "last_name": "Ek"}).id


def wizard_for(qtbot: QtBot, context: PageContext, **kwargs: object) -> NotificationWizard:
    wizard = NotificationWizard(context, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def next_step(qtbot: QtBot, wizard: NotificationWizard) -> None:
    qtbot.mouseClick(wizard.button(NEXT), Qt.MouseButton.LeftButton)


def fill_to_review(qtbot: QtBot, wizard: NotificationWizard) -> None:
    """From step 1 with a person chosen, through every step with valid answers."""
    next_step(qtbot, wizard)
    assert wizard.currentId() == WHY
    wizard.why.trigger.setCurrentIndex(wizard.why.trigger.findData("release"))
    next_step(qtbot, wizard)
    assert wizard.currentId() == WHERE
    wizard.where.setting.setCurrentIndex(wizard.where.setting.findData("home"))
    qtbot.keyClicks(wizard.where.name, "Anna Polis")
    qtbot.keyClick(wizard.where.name, Qt.Key.Key_Return)
    next_step(qtbot, wizard)
    assert wizard.currentId() == MESSAGE
    wizard.message.parts[MessagePart.MORAL].setChecked(True)
    wizard.message.parts[MessagePart.LEGAL_EXPOSURE].setChecked(True)
    qtbot.keyClicks(wizard.message.legal, "Vapenbrott ger fangelse")
    next_step(qtbot, wizard)
    assert wizard.currentId() == OUTCOME
    qtbot.keyClicks(wizard.outcome.reaction, "Lyssnade")
    next_step(qtbot, wizard)
    assert wizard.currentId() == REVIEW


def test_search_add_and_save_creates_the_notification(
        qtbot: QtBot, context: PageContext, services: Services, nora: str) -> None:
    wizard = wizard_for(qtbot, context)
    qtbot.keyClicks(wizard.who.search, "Nora")
    wizard.who.run_search()
    assert wizard.who.found.rowCount() == 1
    qtbot.mouseClick(wizard.who.add_button, Qt.MouseButton.LeftButton)
    assert wizard.who.chosen.ids() == [nora]
    fill_to_review(qtbot, wizard)
    assert "Nora Ek" in wizard.review.summary.text()
    assert "Anna Polis" in wizard.review.summary.text()
    with qtbot.waitSignal(wizard.saved):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    [row] = services.notifications.list(person_id=nora)
    assert row.kind is NotificationKind.CUSTOM
    dto = services.notifications.get(row.id)
    assert dto.trigger is NotificationTrigger.RELEASE
    assert dto.setting is NotificationSetting.HOME
    assert [(m.name, m.role.value) for m in dto.team] == [("Anna Polis", "police")]
    assert dto.message_parts == (MessagePart.MORAL, MessagePart.LEGAL_EXPOSURE)
    assert dto.legal_assessment == "Vapenbrott ger fangelse"
    assert dto.reaction == "Lyssnade"


def test_going_back_keeps_the_values(qtbot: QtBot, context: PageContext, nora: str) -> None:
    wizard = wizard_for(qtbot, context, people=[(nora, "Nora Ek")])
    fill_to_review(qtbot, wizard)
    while wizard.currentId() != WHO:
        wizard.back()
    assert wizard.who.chosen.ids() == [nora]
    assert wizard.values()["trigger"] == "release"
    assert wizard.values()["team"] == [{"name": "Anna Polis", "role": "police"}]
    assert wizard.values()["reaction"] == "Lyssnade"


def test_no_person_no_team_and_future_date_are_refused_with_messages(
        qtbot: QtBot, context: PageContext, services: Services, nora: str) -> None:
    wizard = wizard_for(qtbot, context)
    wizard.who.when.setDateTime(QDateTime(datetime.now() + timedelta(days=2)))
    next_step(qtbot, wizard)
    assert wizard.currentId() == WHO
    assert "minst en person" in wizard.who.errors.message("person_ids")
    assert "framtiden" in wizard.who.errors.message("delivered_at")
    wizard.who.add_person(nora, "Nora Ek")
    wizard.who.when.setDateTime(QDateTime(datetime.now() - timedelta(hours=2)))
    next_step(qtbot, wizard)
    wizard.why.trigger.setCurrentIndex(wizard.why.trigger.findData("other"))
    next_step(qtbot, wizard)
    next_step(qtbot, wizard)  # no setting, no team
    assert wizard.currentId() == WHERE
    assert wizard.where.errors.message("team")
    assert wizard.where.errors.message("setting")
    assert services.notifications.list() == []


def test_legal_assessment_only_with_legal_exposure(qtbot: QtBot, context: PageContext) -> None:
    wizard = wizard_for(qtbot, context)
    assert not wizard.message.legal.isEnabled()
    wizard.message.parts[MessagePart.LEGAL_EXPOSURE].setChecked(True)
    assert wizard.message.legal.isEnabled()


def test_edit_an_existing_notification(qtbot: QtBot, context: PageContext,
                                       services: Services, nora: str) -> None:
    created = services.notifications.create({
        "person_ids": [nora], "delivered_at": datetime.now() - timedelta(days=3),
        "trigger": "conflict", "setting": "street",
        "team": [{"name": "Bo", "role": "social_worker"}], "message_parts": ["moral"]})
    wizard = wizard_for(qtbot, context, notification_id=created.id)
    assert wizard.who.chosen.ids() == [nora]
    assert wizard.values()["setting"] == "street"
    assert not wizard.has_changes()
    for _step in range(5):
        next_step(qtbot, wizard)
    assert wizard.currentId() == REVIEW
    wizard.back()
    qtbot.keyClicks(wizard.outcome.next_step, "Nytt besok om en manad")
    next_step(qtbot, wizard)
    with qtbot.waitSignal(wizard.saved):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    dto = services.notifications.get(created.id)
    assert dto.next_step == "Nytt besok om en manad"
    assert dto.trigger is NotificationTrigger.CONFLICT
    assert len(services.notifications.list()) == 1


def test_a_refusal_from_the_service_goes_back_to_its_step(
        qtbot: QtBot, context: PageContext, services: Services, nora: str) -> None:
    wizard = wizard_for(qtbot, context, people=[(nora, "Nora Ek")])
    fill_to_review(qtbot, wizard)
    services.people.delete(nora)  # gone meanwhile
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.currentId() == WHO
    assert wizard.who.errors.message("person_ids")
    assert wizard.isVisible()
