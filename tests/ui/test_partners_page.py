"""The partners page: the table model, adding with refusals by the field, the profile tree
(civil bans disabled), revoke and delete after confirmation, and our unit's keys."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.models.enums import PartnerKind
from app.services.session import Services
from app.ui.clipboard import clear_if_ours
from app.ui.dialogs.partner import PartnerDialog
from app.ui.dialogs.partner_profile import ProfileDialog, ProfileModel
from app.ui.dialogs.unit_keys import UnitKeysDialog
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.pages.partners import PartnersPage
from app.ui.table_models.partners import PartnersModel
from app.ui.tasks import InlineRunner
from tests.unit.test_unit_keys import new_recipient, new_signing_key


@pytest.fixture
def context(services: Services, runner: InlineRunner, tmp_path: Path) -> PageContext:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    return PageContext(services, runner, Events(), settings)


@pytest.fixture
def page(qtbot: QtBot, context: PageContext) -> PartnersPage:
    widget = PartnersPage(context)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    widget.activate()
    return widget


def test_model_without_a_window(services: Services) -> None:
    services.partners.add({"name": "Polisen Syd", "kind": "police",
                           "age_recipient": new_recipient(), "signing_key": new_signing_key(),
                           "unit_id": str(uuid.uuid4())})
    civil = services.partners.add({"name": "Fritidsgården", "kind": "civil",
                                   "age_recipient": new_recipient()})
    services.partners.revoke(civil.id)
    model = PartnersModel()
    model.set_rows(services.partners.list())
    cell = lambda r, c: model.data(model.index(r, c))  # noqa: E731
    assert model.rowCount() == 2 and cell(0, 0) == "Fritidsgården"
    assert cell(0, PartnersModel.REVOKED) == "Spärrad" and cell(0, PartnersModel.RECEIVES) == "Nej"
    assert cell(1, PartnersModel.SENDS) == "Ja" and "-" in cell(1, PartnersModel.FINGERPRINT)
    model.sort(PartnersModel.NAME, Qt.SortOrder.DescendingOrder)
    assert cell(0, 0) == "Polisen Syd"
    assert model.row_of(civil.id) == 1
    assert model.rowCount(model.index(0, 0)) == 0 and model.data(QModelIndex()) is None


def test_empty_state_then_add_with_refusal_by_the_field(
        qtbot: QtBot, page: PartnersPage, context: PageContext, services: Services) -> None:
    assert page.panel.currentWidget() is page.empty
    dialog = PartnerDialog(context, None, page)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Polisen Syd")
    dialog.kind.setCurrentIndex(dialog.kind.findData("police"))
    qtbot.keyClicks(dialog.age_recipient, "age1fel")
    dialog.save_button.click()
    assert "felskriven" in dialog.errors.message("age_recipient")
    assert services.partners.list() == []
    dialog.age_recipient.setText(new_recipient())
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    context.events.changed("partner")
    assert page.model.rowCount() == 1
    page.table.selectRow(0)
    assert page.panel.currentWidget() is page.details
    assert page.name_label.text() == "Polisen Syd"
    assert "Personer" in page.profile_label.text()


def test_edit_pins_a_signing_key_and_a_bad_key_saves_nothing(
        qtbot: QtBot, context: PageContext, services: Services) -> None:
    partner = services.partners.add({"name": "Kollega", "kind": "team",
                                     "age_recipient": new_recipient()})
    dialog = PartnerDialog(context, partner)
    qtbot.addWidget(dialog)
    assert not dialog.kind.isEnabled()
    dialog.name.setText("Kollega Väst")
    dialog.signing_key.setText("inte en nyckel!")
    dialog.save_button.click()
    assert dialog.errors.message("signing_key")
    assert services.partners.get(partner.id).name == "Kollega"
    dialog.signing_key.setText(new_signing_key())
    dialog.unit_id.setText(str(uuid.uuid4()))
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    saved = services.partners.get(partner.id)
    assert saved.name == "Kollega Väst" and saved.can_send_to_us and saved.fingerprint


def test_profile_tree_disables_civil_bans_and_saves(
        qtbot: QtBot, context: PageContext, services: Services) -> None:
    civil = services.partners.add({"name": "Fritidsgården", "kind": "civil",
                                   "age_recipient": new_recipient()})
    model = ProfileModel()
    model.set_profile(civil.profile)
    types = {model.item(r).data(Qt.ItemDataRole.UserRole + 1): model.item(r)
             for r in range(model.rowCount())}
    assert not types["incident"].isEnabled() and types["incident"].toolTip()
    person = types["person"]
    fields = {person.child(i).data(Qt.ItemDataRole.UserRole + 1)[1]: person.child(i)
              for i in range(person.rowCount())}
    assert not fields["personnummer"].isEnabled()
    person.setCheckState(Qt.CheckState.Checked)
    assert fields["personnummer"].checkState() == Qt.CheckState.Unchecked
    assert "incident" not in model.records()

    dialog = ProfileDialog(context, civil)
    qtbot.addWidget(dialog)
    group = next(dialog.model.item(r) for r in range(dialog.model.rowCount())
                 if dialog.model.item(r).data(Qt.ItemDataRole.UserRole + 1) == "group")
    group.setCheckState(Qt.CheckState.Unchecked)
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    assert not services.partners.get(civil.id).profile.allows("group")
    assert services.partners.get(civil.id).kind is PartnerKind.CIVIL


def test_revoke_and_delete_ask_first(qtbot: QtBot, page: PartnersPage, services: Services,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    partner = services.partners.add({"name": "Polisen Syd", "kind": "police",
                                     "age_recipient": new_recipient()})
    page.load()
    page.table.selectRow(0)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes,
               QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    page.revoke()
    assert not services.partners.get(partner.id).revoked
    page.revoke()
    assert services.partners.get(partner.id).revoked
    page.table.selectRow(0)
    assert not page.revoke_button.isEnabled() and "Spärrad" in page.state_label.text()
    page.delete()
    assert services.partners.list() == [] and page.model.rowCount() == 0
    assert page.panel.currentWidget() is page.empty


def test_our_unit_keys_are_shown_and_copied(qtbot: QtBot, context: PageContext,
                                            services: Services) -> None:
    keys = services.unit.keys()
    dialog = UnitKeysDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.values["age_recipient"].text() == keys.age_recipient
    assert dialog.fingerprint.text().replace("  ", "-") == keys.fingerprint
    dialog.copy_buttons["signing_public_key"].click()
    assert QGuiApplication.clipboard().text() == keys.signing_public_key
    dialog.copy("all")
    assert keys.fingerprint in QGuiApplication.clipboard().text()
    assert "SECRET" not in QGuiApplication.clipboard().text()
    assert clear_if_ours()


def test_clear_forgets_everything(page: PartnersPage, services: Services) -> None:
    services.partners.add({"name": "Polisen Syd", "kind": "police",
                           "age_recipient": new_recipient()})
    page.load()
    page.table.selectRow(0)
    page.clear()
    assert page.model.rowCount() == 0 and page.panel.currentWidget() is page.empty
