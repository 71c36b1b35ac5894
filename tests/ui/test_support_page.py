"""The Stöd page on a real vault: the provider catalogue, proposing a referral and taking it
through its steps (the consent gate: refused without a consent, sent with one, an override
only with a written reason), the register's filters and the referral window's buttons."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.models.enums import ReferralStatus
from app.services.session import Services
from app.ui.dialogs.provider import ProviderDialog
from app.ui.dialogs.referral import ReferralWindow
from app.ui.dialogs.referral_step import ReferralStepDialog
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.pages.support import OPEN, OVERDUE, SupportPage
from app.ui.table_models.referrals import OVERDUE as OVERDUE_COLOUR
from app.ui.table_models.referrals import ReferralsModel
from app.ui.tasks import InlineRunner
from tests.ui.lock_kit import type_text

TODAY = date.today()


@pytest.fixture(autouse=True)
def no_real_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Questions answer Yes (a window left with changes is closed at teardown too)."""
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args, **_kw: QMessageBox.StandardButton.Yes)


@pytest.fixture
def context(services: Services, runner: InlineRunner, tmp_path: Path) -> PageContext:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    return PageContext(services, runner, Events(), settings)


@pytest.fixture
def people(services: Services) -> dict[str, str]:
    return {name: services.people.create({"first_name": name, "last_name": "Ek"}).id
            for name in ("Nora", "Olle", "Åsa")}


@pytest.fixture
def provider(services: Services) -> str:
    return services.providers.create({"name": "Samtalsmottagningen", "area": "Norr",
                                      "service_types": ["support_talks", "work"]}).id


def _page(qtbot: QtBot, context: PageContext) -> SupportPage:
    page = SupportPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.activate()
    return page


def _referral(services: Services, person_id: str, provider_id: str | None = None,
              days_ago: int = 0, due_in: int | None = 14,
              service: str = "support_talks") -> str:
    proposed = TODAY - timedelta(days=days_ago)
    due = proposed + timedelta(days=days_ago + due_in) if due_in is not None else None
    return services.referrals.create(person_id, service, provider_id, due,
                                     "Karin", proposed_on=proposed).id


def _step(window: ReferralWindow, target: ReferralStatus) -> ReferralStepDialog:
    button = window.step_buttons[target]
    assert button.isVisible() and button.isEnabled()
    button.click()
    dialog = window.step_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_a_provider_is_added_with_its_services_and_a_refusal_shown_first(
        qtbot: QtBot, context: PageContext, services: Services) -> None:
    page = _page(qtbot, context)
    page.tabs.setCurrentWidget(page.providers)
    assert page.providers.stack.currentWidget() is page.providers.empty
    page.providers.add()
    dialog = page.providers.dialog
    assert isinstance(dialog, ProviderDialog)
    type_text(dialog.name, "Boendeenheten Söder")
    dialog.save()
    assert dialog.isVisible()  # no service ticked: refused, nothing stored
    assert "minst en insats" in dialog.errors.message("service_types")
    assert services.providers.list() == []
    dialog.types[next(iter(dialog.types))].setChecked(True)
    dialog.phone.setText("040-12 34 56")
    dialog.area.setText("Söder")
    dialog.offers.setPlainText("Akut boende inom en vecka")
    dialog.save()
    assert not dialog.isVisible()
    (saved,) = services.providers.list()
    assert saved.name == "Boendeenheten Söder" and saved.phone == "040-12 34 56"
    tab = page.providers
    assert tab.model.rowCount() == 1
    tab.view.selectRow(0)
    assert "Akut boende inom en vecka" in tab.details.text()
    assert tab.count_label.text() == "1 utförare"


def test_a_provider_with_open_referrals_is_archived_not_deleted(
        qtbot: QtBot, context: PageContext, services: Services, people: dict[str, str],
        provider: str) -> None:
    _referral(services, people["Nora"], provider)
    page = _page(qtbot, context)
    tab = page.providers
    page.tabs.setCurrentWidget(tab)
    tab.view.selectRow(0)
    tab.delete()
    assert tab.error_label.isVisible() and "Arkivera den i stället" in tab.error_label.text()
    assert services.providers.get(provider).archived is False
    tab.toggle_archived()
    assert services.providers.get(provider).archived is True
    assert tab.model.rowCount() == 0  # archived ones are hidden unless asked for
    tab.show_archived.setChecked(True)
    assert tab.model.rowCount() == 1 and "(arkiverad)" in tab.model.index(0, 0).data()
    tab.view.selectRow(0)
    assert tab.archive_button.text() == "Återställ"
    tab.toggle_archived()
    assert services.providers.get(provider).archived is False


def test_refer_a_person_and_send_it_only_with_a_consent(
        qtbot: QtBot, context: PageContext, services: Services, people: dict[str, str],
        provider: str) -> None:
    page = _page(qtbot, context)
    dialog = page.new_referral()
    type_text(dialog.search, "Åsa")
    dialog.find_people()
    dialog.service.setCurrentIndex(dialog.service.findData("work"))
    dialog.provider.setCurrentIndex(dialog.provider.findData(provider))
    dialog.accept()
    (referral,) = services.referrals.list(log=False)
    assert referral.person_id == people["Åsa"] and referral.provider_id == provider
    assert referral.status is ReferralStatus.PROPOSED and referral.responsible_officer == "anna"
    window = page.windows[referral.id]
    assert window.isVisible() and window.heading.text() == "Åsa Ek – Arbete"
    assert page.model.rowCount() == 1  # the register reloaded on the change
    assert page.model.index(0, ReferralsModel.CONSENT).data() == "saknas"

    step = _step(window, ReferralStatus.SENT)
    assert step.no_consent.isVisible()  # Åsa has not consented to anything yet
    step.accept()
    assert step.isVisible()
    assert "välj ett samtycke" in step.errors.message("consent_id")
    assert services.referrals.get(referral.id).status is ReferralStatus.PROPOSED

    step.record_consent()
    consent_dialog = step.consent_dialog
    assert consent_dialog is not None and consent_dialog.given_by.text() == "Åsa Ek"
    type_text(consent_dialog.purpose, "Remiss till arbetsträning")
    consent_dialog.shared_with.setText("Samtalsmottagningen")
    consent_dialog.accept()
    assert not consent_dialog.isVisible()
    assert step.consents.rowCount() == 1 and step.consent_id() is not None
    type_text(step.note, "Skickad med säker e-post")
    step.accept()
    assert not step.isVisible()
    sent = services.referrals.get(referral.id)
    assert sent.status is ReferralStatus.SENT and sent.consent_id == step.consent_id()
    assert window.history.rowCount() == 2
    assert window.history.index(1, window.history.STEP).data() == "Föreslagen → Skickad"
    assert "arbetsträning" in window.history.index(1, window.history.CONSENT).data()
    assert window.history.index(1, window.history.NOTE).data() == "Skickad med säker e-post"
    assert page.model.index(0, ReferralsModel.CONSENT).data() == "ok"
    assert not window.provider.isEnabled()  # who received the data is not changed


def test_going_ahead_without_consent_needs_a_written_reason(
        qtbot: QtBot, context: PageContext, services: Services, people: dict[str, str],
        provider: str) -> None:
    referral_id = _referral(services, people["Nora"], provider)
    page = _page(qtbot, context)
    window = page.open_referral(referral_id)
    step = _step(window, ReferralStatus.SENT)
    step.override.setChecked(True)
    assert step.reason.isEnabled() and not step.consent_view.isEnabled()
    step.accept()
    assert step.errors.message("override_reason") == "Måste fyllas i"
    assert services.referrals.get(referral_id).status is ReferralStatus.PROPOSED
    type_text(step.reason, "Akut hotbild, nödvändigt utlämnande")
    step.accept()
    assert not step.isVisible()
    assert services.referrals.get(referral_id).overridden
    assert window.flag.isVisible() and "utan samtycke" in window.flag.text()
    assert window.history.index(1, window.history.CONSENT).data() == (
        "Utan samtycke: Akut hotbild, nödvändigt utlämnande")
    assert page.model.index(0, ReferralsModel.CONSENT).data() == "undantag"


def test_the_buttons_are_the_next_steps_the_service_allows(
        qtbot: QtBot, context: PageContext, services: Services, people: dict[str, str],
        provider: str) -> None:
    referral_id = _referral(services, people["Nora"], provider, days_ago=5)
    page = _page(qtbot, context)
    window = page.open_referral(referral_id)

    def shown() -> set[ReferralStatus]:
        return {s for s, b in window.step_buttons.items() if b.isVisible()}

    assert shown() == {ReferralStatus.SENT, ReferralStatus.DECLINED, ReferralStatus.WITHDRAWN}
    assert window.step_buttons[ReferralStatus.SENT].text() == "Skicka till utföraren"
    assert window.step_buttons[ReferralStatus.WITHDRAWN].text() == "Återkalla"
    step = _step(window, ReferralStatus.SENT)
    step.override.setChecked(True)
    step.reason.setPlainText("Personen bad oss skicka direkt")
    step.day.setText((TODAY - timedelta(days=4)).isoformat())
    step.accept()
    assert shown() == {ReferralStatus.ACCEPTED, ReferralStatus.DECLINED,
                       ReferralStatus.DROPPED, ReferralStatus.WITHDRAWN}
    step = _step(window, ReferralStatus.ACCEPTED)
    assert not hasattr(step, "override")  # nothing is shared: no consent asked for
    step.day.setText((TODAY - timedelta(days=10)).isoformat())  # before the previous step
    step.accept()
    assert "föregående steg" in step.errors.message("on")
    step.day.setText(TODAY.isoformat())
    step.due.setText((TODAY + timedelta(days=30)).isoformat())
    step.accept()
    assert services.referrals.get(referral_id).due_on == TODAY + timedelta(days=30)
    _step(window, ReferralStatus.STARTED).accept()
    _step(window, ReferralStatus.COMPLETED).accept()
    assert shown() == set() and window.closed_label.isVisible()
    assert [window.history.index(r, 1).data() for r in range(window.history.rowCount())] == [
        "Föreslagen", "Föreslagen → Skickad", "Skickad → Accepterad",
        "Accepterad → Påbörjad", "Påbörjad → Avslutad"]


def test_the_window_saves_its_fields_and_saves_before_a_step(
        qtbot: QtBot, context: PageContext, services: Services, people: dict[str, str],
        provider: str) -> None:
    referral_id = _referral(services, people["Olle"], None)
    page = _page(qtbot, context)
    window = page.open_referral(referral_id)
    window.due.setText("31-12-2030")
    type_text(window.feedback, "Väntar på svar")
    window.save()
    assert "ÅÅÅÅ-MM-DD" in window.errors.message("due_on")
    assert services.referrals.get(referral_id).feedback is None
    window.due.setText((TODAY + timedelta(days=3)).isoformat())
    window.save()
    saved = services.referrals.get(referral_id)
    assert saved.feedback == "Väntar på svar" and saved.due_on == TODAY + timedelta(days=3)
    assert not window.windowTitle().endswith("*")
    # A provider chosen and the step asked for at once: the choice is saved first.
    window.provider.setCurrentIndex(window.provider.findData(provider))
    window.step(ReferralStatus.SENT)
    assert services.referrals.get(referral_id).provider_id == provider
    assert window.step_dialog is not None and window.step_dialog.isVisible()


def test_the_register_filters_and_highlights_overdue_referrals(
        qtbot: QtBot, context: PageContext, services: Services, people: dict[str, str],
        provider: str) -> None:
    late = _referral(services, people["Nora"], provider, days_ago=30, due_in=-10)
    _referral(services, people["Olle"], provider, days_ago=2)
    closed = _referral(services, people["Åsa"], None, days_ago=40, due_in=-20,
                       service="debt")
    services.referrals.transition(closed, "withdrawn")
    page = _page(qtbot, context)
    assert page.model.rowCount() == 3
    assert page.count_label.text() == "3 remisser, 1 försenad"
    row = page.model.row_of(late)
    due = page.model.index(row, ReferralsModel.DUE)
    assert due.data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_COLOUR
    assert due.data(Qt.ItemDataRole.ToolTipRole) == "10 dagar sen"

    page.status_filter.setCurrentIndex(page.status_filter.findData(OVERDUE))
    page.reload()
    assert [page.model.referral(r).id for r in range(page.model.rowCount())] == [late]
    page.status_filter.setCurrentIndex(page.status_filter.findData(OPEN))
    page.reload()
    assert page.model.rowCount() == 2
    page.status_filter.setCurrentIndex(page.status_filter.findData("withdrawn"))
    page.reload()
    assert [page.model.referral(r).id for r in range(page.model.rowCount())] == [closed]
    page.status_filter.setCurrentIndex(0)
    page.type_filter.setCurrentIndex(page.type_filter.findData("debt"))
    page.reload()
    assert page.model.rowCount() == 1
    page.type_filter.setCurrentIndex(0)
    page.provider_filter.setCurrentIndex(page.provider_filter.findData(provider))
    page.reload()
    assert page.model.rowCount() == 2
    type_text(page.search, "olle")
    assert [page.model.referral(r).person_name for r in range(page.model.rowCount())] == [
        "Olle Ek"]
    page.search.setText("Pelle")
    assert page.stack.currentWidget() is page.empty and "Pelle" in page.empty.text()


def test_enter_in_the_register_opens_the_referral_once(
        qtbot: QtBot, context: PageContext, services: Services, people: dict[str, str]) -> None:
    referral_id = _referral(services, people["Nora"])
    page = _page(qtbot, context)
    page.view.setFocus()
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    window = page.windows[referral_id]
    assert window.isVisible()
    page.open_selected()
    assert list(page.windows) == [referral_id]


def test_a_proposed_referral_can_be_deleted_from_its_window(
        qtbot: QtBot, context: PageContext, services: Services, people: dict[str, str]) -> None:
    referral_id = _referral(services, people["Nora"])
    page = _page(qtbot, context)
    window = page.open_referral(referral_id)
    assert window.delete_button.isEnabled()
    window.delete()
    assert services.referrals.list(log=False) == []
    qtbot.waitUntil(lambda: page.windows == {})
    assert page.model.rowCount() == 0


def test_clear_drops_rows_filters_and_windows(
        qtbot: QtBot, context: PageContext, services: Services, people: dict[str, str],
        provider: str) -> None:
    referral_id = _referral(services, people["Nora"], provider)
    page = _page(qtbot, context)
    window = page.open_referral(referral_id)
    type_text(window.feedback, "Hemligt svar från utföraren")
    type_text(page.search, "Nora")
    page.status_filter.setCurrentIndex(2)
    page.providers.search.setText("Samtal")
    page.clear()
    assert not window.isVisible()
    qtbot.waitUntil(lambda: page.windows == {})
    assert page.model.rowCount() == 0 and page.search.text() == ""
    assert page.status_filter.currentIndex() == 0 and page.provider_filter.count() == 1
    assert page.providers.model.rowCount() == 0 and page.providers.search.text() == ""
    assert page.providers.details.text() == ""
