"""The letterhead dialog: saved through the service, and a bad value told under its field."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.services.session import Services
from app.ui.dialogs.letterhead import LetterheadDialog
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.tasks import InlineRunner
from tests.ui.test_letter_templates_page import type_text


@pytest.fixture
def dialog(qtbot: QtBot, services: Services, runner: InlineRunner,
           tmp_path: Path) -> LetterheadDialog:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    widget = LetterheadDialog(PageContext(services, runner, Events(), settings))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _fill(qtbot: QtBot, dialog: LetterheadDialog, phone: str) -> None:
    type_text(qtbot, dialog.partners, "Polisen")
    type_text(qtbot, dialog.place, "Malmö")
    type_text(qtbot, dialog.contact_person, "Sara Lindqvist")
    type_text(qtbot, dialog.phone, phone)
    type_text(qtbot, dialog.opening_hours, "vardagar 8–17")
    name, title, organisation = dialog.signatories[0]
    type_text(qtbot, name, "Erik Holm")
    type_text(qtbot, title, "Chef")
    type_text(qtbot, organisation, "Polisen")


def test_letterhead_is_saved_and_shown_again(qtbot: QtBot, dialog: LetterheadDialog,
                                             services: Services, runner: InlineRunner,
                                             tmp_path: Path) -> None:
    _fill(qtbot, dialog, "040-123 45 67")
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    head = services.letters.letterhead()
    assert head.partners == ("Polisen",) and head.phone == "040-123 45 67"
    assert head.signatories[0].name == "Erik Holm" and head.place == "Malmö"
    settings = QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat)
    again = LetterheadDialog(PageContext(services, runner, Events(), settings))
    qtbot.addWidget(again)
    assert again.contact_person.text() == "Sara Lindqvist"
    assert again.signatories[0][2].text() == "Polisen"


def test_bad_phone_is_told_next_to_the_field_and_nothing_is_saved(
        qtbot: QtBot, dialog: LetterheadDialog, services: Services) -> None:
    _fill(qtbot, dialog, "0401234567")  # ten digits in a row look like a personnummer
    dialog.save_button.click()
    assert "personnummer" in dialog.errors.message("phone")
    assert dialog.errors.message("partners") == ""
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert services.letters.letterhead().phone == ""


def test_signature_without_a_name_is_refused(qtbot: QtBot, dialog: LetterheadDialog,
                                             services: Services) -> None:
    type_text(qtbot, dialog.signatories[1][1], "Chef")
    dialog.save_button.click()
    assert dialog.errors.message("signatories") != ""
    assert services.letters.letterhead().signatories == ()
