"""The person window's Stöd tab on a real vault: consents added, corrected and withdrawn (one
action with its day; greyed afterwards, and the referral sent on it flagged), and a referral
proposed with the person already chosen."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.services import audit
from app.services.session import Services
from app.ui.dialogs.consent import ConsentDialog, WithdrawConsentDialog
from app.ui.dialogs.person import PersonWindow
from app.ui.dialogs.referral_new import NewReferralDialog
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.table_models.consents import MUTED, ConsentsModel
from app.ui.table_models.referrals import ReferralsModel
from app.ui.tasks import InlineRunner
from tests.ui.lock_kit import type_text

TODAY = date.today()


@pytest.fixture(autouse=True)
def no_real_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args: QMessageBox.StandardButton.Discard)


@pytest.fixture
def person(services: Services) -> str:
    return services.people.create({"first_name": "Åsa", "last_name": "Ek"}).id


def _window(qtbot: QtBot, services: Services, runner: InlineRunner,
            person_id: str) -> PersonWindow:
    window = PersonWindow(PageContext(services, runner, Events(), QSettings()), person_id)
    qtbot.addWidget(window)
    window.show()
    return window


def _consent_reads(services: Services) -> int:
    events = audit.list_events(services.db, action=audit.Action.READ, limit=10_000)
    return sum(1 for e in events if e.entity_type == "consent_list")


def test_the_lists_are_read_only_when_the_tab_is_shown(
        qtbot: QtBot, services: Services, runner: InlineRunner, person: str) -> None:
    services.consents.record(person, {"given_by": "Åsa Ek", "purpose": "Stödsamtal",
                                      "given_on": TODAY})
    window = _window(qtbot, services, runner, person)
    assert window.support.consents.rowCount() == 0 and _consent_reads(services) == 0
    window.tabs.setCurrentWidget(window.support)
    assert window.support.consents.rowCount() == 1 and _consent_reads(services) == 1


def test_record_correct_and_withdraw_a_consent(
        qtbot: QtBot, services: Services, runner: InlineRunner, person: str) -> None:
    provider = services.providers.create({"name": "Krami", "service_types": ["work"]}).id
    window = _window(qtbot, services, runner, person)
    tab = window.support
    window.tabs.setCurrentWidget(tab)
    assert tab.consent_stack.currentWidget() is tab.consents_empty

    tab.add_consent()
    dialog = tab.dialog
    assert isinstance(dialog, ConsentDialog) and dialog.given_by.text() == "Åsa Ek"
    type_text(dialog.withheld, "Hälsouppgifter")
    dialog.accept()
    assert dialog.isVisible()  # no purpose, and a withheld part without its reason
    assert dialog.errors.message("purpose") == "Måste fyllas i"
    assert "när något undantas" in dialog.errors.message("withheld_reason")
    type_text(dialog.purpose, "Remiss till arbetsträning")
    type_text(dialog.withheld_reason, "Behövs inte för insatsen")
    dialog.accept()
    assert not dialog.isVisible() and tab.consents.rowCount() == 1
    (consent,) = services.consents.list_for_person(person, log=False)
    assert consent.withheld == "Hälsouppgifter" and consent.given_on == TODAY

    tab.consent_view.selectRow(0)
    tab.edit_consent()
    edit = tab.dialog
    assert isinstance(edit, ConsentDialog) and edit.purpose.toPlainText() == (
        "Remiss till arbetsträning")
    edit.shared_with.setText("Krami")
    edit.accept()
    assert services.consents.get(consent.id).shared_with == "Krami"

    referral = services.referrals.create(person, "work", provider)
    services.referrals.transition(referral.id, "sent", consent_id=consent.id)
    tab.consent_view.selectRow(0)
    assert tab.withdraw_button.isEnabled()
    tab.withdraw_consent()
    withdraw = tab.dialog
    assert isinstance(withdraw, WithdrawConsentDialog)
    assert withdraw.save_button.text() == "Återkalla samtycket"
    withdraw.day.setText((TODAY - timedelta(days=3)).isoformat())
    withdraw.accept()
    assert withdraw.isVisible()  # before the day it was given: refused next to the field
    assert "före dagen samtycket lämnades" in withdraw.errors.message("withdrawn_on")
    assert services.consents.get(consent.id).withdrawn_on is None
    withdraw.day.setText(TODAY.isoformat())
    withdraw.accept()
    assert not withdraw.isVisible()
    assert services.consents.get(consent.id).withdrawn_on == TODAY

    state = tab.consents.index(0, ConsentsModel.STATE)
    assert state.data() == f"återkallat {TODAY.isoformat()}"
    assert state.data(Qt.ItemDataRole.ForegroundRole).color() == MUTED
    tab.consent_view.selectRow(0)
    assert not tab.withdraw_button.isEnabled() and not tab.edit_consent_button.isEnabled()
    assert tab.referrals.index(0, ReferralsModel.CONSENT).data() == "återkallat"


def test_a_new_referral_from_the_person_has_the_person_chosen(
        qtbot: QtBot, services: Services, runner: InlineRunner, person: str) -> None:
    window = _window(qtbot, services, runner, person)
    opened: list[tuple[str, str]] = []
    window.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    tab = window.support
    window.tabs.setCurrentWidget(tab)
    tab.new_referral()
    dialog = tab.dialog
    assert isinstance(dialog, NewReferralDialog) and dialog.person_id() == person
    dialog.accept()
    assert dialog.isVisible() and "Måste väljas" in dialog.errors.message("service_type")
    dialog.service.setCurrentIndex(dialog.service.findData("debt"))
    dialog.accept()
    (referral,) = services.referrals.list(log=False)
    assert referral.person_id == person and referral.service_type.value == "debt"
    assert opened == [("referral", referral.id)]
    assert tab.referrals.rowCount() == 1
    tab.referral_view.selectRow(0)
    tab.open_selected()
    assert opened[-1] == ("referral", referral.id)


def test_a_help_line_contact_in_the_timeline_opens_the_contact(
        qtbot: QtBot, services: Services, runner: InlineRunner, person: str) -> None:
    contact = services.helpline.create({"contacted_at": datetime.now().replace(microsecond=0)
                                        - timedelta(hours=1), "channel": "phone",
                                        "anonymous": False, "person_id": person,
                                        "asked": "Hjälp att flytta"})
    window = _window(qtbot, services, runner, person)
    opened: list[tuple[str, str]] = []
    window.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    row = next(n for n in range(window.timeline_model.rowCount())
               if window.timeline_model.entry(n).record_kind == "helpline_contact")
    window._open_entry(window.timeline_model.index(row, 0))
    assert opened == [("helpline_contact", contact.id)]
