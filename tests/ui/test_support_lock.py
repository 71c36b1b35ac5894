"""The Stöd page in the real application: Översikt's overdue referral opens the referral's
window, and locking empties the page and its windows while what was typed in a referral
comes back, unsaved, after unlocking."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.services.session import open_vault
from app.ui.controller import AppController
from app.ui.dialogs.referral import ReferralWindow
from app.ui.main_window import MainWindow
from app.ui.pages.overview import OverviewPage
from app.ui.pages.support import SupportPage
from tests.conftest import PASSPHRASE, USER
from tests.ui.lock_kit import lock, texts_on_screen, type_text, unlock

TODAY = date.today()


@pytest.fixture(autouse=True)
def never_block(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args: QMessageBox.StandardButton.Discard)


@pytest.fixture
def overdue(vault_dir: Path) -> str:
    """An open referral whose follow-up day passed ten days ago."""
    seed = open_vault(vault_dir, USER, PASSPHRASE)
    person = seed.people.create({"first_name": "Åke", "last_name": "Ek"}).id
    provider = seed.providers.create({"name": "Krami", "service_types": ["work"]}).id
    referral = seed.referrals.create(person, "work", provider, TODAY - timedelta(days=10),
                                     proposed_on=TODAY - timedelta(days=30)).id
    seed.lock()
    return referral


def _support(window: MainWindow) -> SupportPage:
    page = window.page("support")
    assert isinstance(page, SupportPage)
    return page


def _referral_windows() -> list[ReferralWindow]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, ReferralWindow) and w.isVisible()]


def test_an_overdue_referral_on_the_overview_opens_its_window(
        qtbot: QtBot, controller: AppController, overdue: str) -> None:
    window = unlock(qtbot, controller)
    overview = window.show_page("overview")
    assert isinstance(overview, OverviewPage)
    referrals = overview.referrals
    assert not referrals.isHidden() and referrals.model.rowCount() == 1
    view = referrals.view
    view.setFocus()
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is _support(window)
    (opened,) = _referral_windows()
    assert opened.referral_id == overdue and opened.heading.text() == "Åke Ek – Arbete"
    assert "dagar sen" in opened.state.text()


def test_locking_empties_the_page_and_keeps_what_was_typed(
        qtbot: QtBot, controller: AppController, overdue: str) -> None:
    window = unlock(qtbot, controller)
    window.show_page("support")
    page = _support(window)
    assert page.model.rowCount() == 1
    referral = page.open_referral(overdue)
    type_text(referral.feedback, "Krami har svarat: börjar måndag")
    type_text(page.search, "Åke")
    assert referral.windowTitle().endswith("*")

    lock(qtbot, controller)
    assert _referral_windows() == []
    assert "Krami har svarat" not in texts_on_screen()
    assert page.model.rowCount() == 0 and page.windows == {} and page.search.text() == ""

    window = unlock(qtbot, controller)
    assert "1 osparat formulär återställdes" in window.statusBar().currentMessage()
    (back,) = _referral_windows()
    assert back.referral_id == overdue
    assert back.feedback.toPlainText() == "Krami har svarat: börjar måndag"
    assert back.windowTitle().endswith("*")
    back.save()
    services = controller.services
    assert services is not None
    assert services.referrals.get(overdue).feedback == "Krami har svarat: börjar måndag"
    assert services.drafts.count() == 0
