"""The review list page: a frivård status two laptops changed apart is listed with both values
and where the other came from; "Behåll" closes the item, "Ta den andra" writes the other value;
the model without a window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.services.bundles import BundleService
from app.services.merge_review import ReviewService
from app.services.session import Services, create_vault
from app.services.unit_keys import unit_keys
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.pages.reviews import ReviewsPage
from app.ui.table_models.reviews import ReviewsModel, shown_value
from app.ui.tasks import InlineRunner
from tests.conftest import FAST_KDF, PASSPHRASE, USER


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Services]:
    svc, _recovery = create_vault(tmp_path / "other", USER, PASSPHRASE, kdf_params=FAST_KDF,
                                  unit_name="Kollegan")
    try:
        yield svc
    finally:
        svc.lock()


def _pin(here: Services, there: Services, name: str) -> str:
    keys = unit_keys(there.db)
    return here.partners.add({"name": name, "kind": "team", "age_recipient": keys.age_recipient,
                              "signing_key": keys.signing_public_key,
                              "unit_id": keys.unit_id}).id


def _conflict(services: Services, other: Services, tmp_path: Path) -> str:
    """One frivård status changed apart on both laptops; returns the person's id."""
    to_other, to_us = _pin(services, other, "Kollegan"), _pin(other, services, "Huvudteamet")

    def send(src: Services, partner: str, dst: Services, name: str) -> None:
        out = tmp_path / name
        BundleService(src.db).export(partner, out, legal_basis="Samma arbetsgrupp")
        BundleService(dst.db).import_bundle(out)

    person = services.people.create({"first_name": "Cia", "last_name": "Berg"})
    send(services, to_other, other, "1.age")
    services.people.update(person.id, {"frivard_status": "parole"})
    other.people.update(person.id, {"frivard_status": "probation"})
    send(other, to_us, services, "2.age")
    return person.id


def _page(qtbot: QtBot, services: Services, settings: QSettings) -> ReviewsPage:
    page = ReviewsPage(PageContext(services, InlineRunner(), Events(), settings))
    qtbot.addWidget(page)
    page.show()
    page.activate()
    return page


def test_empty_list_explains_itself(qtbot: QtBot, services: Services,
                                    settings: QSettings) -> None:
    page = _page(qtbot, services, settings)
    assert page.empty.isVisible() and not page.table.isVisible()
    assert not page.keep.isEnabled() and not page.take.isEnabled()


def test_take_the_other_value(qtbot: QtBot, services: Services, other: Services,
                              settings: QSettings, tmp_path: Path) -> None:
    person_id = _conflict(services, other, tmp_path)
    page = _page(qtbot, services, settings)
    assert page.model.rowCount() == 1
    row = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert "Cia" in row[ReviewsModel.RECORD]
    assert row[ReviewsModel.SOURCE] in ("Kollegan", "den här enheten")
    kept = services.people.get(person_id).frivard_status
    other_value = page.model.item(0).other_value
    assert {kept.value, other_value} == {"parole", "probation"}
    # The codes are shown as the words staff know, and the heading counts in the singular.
    assert {row[ReviewsModel.KEPT], row[ReviewsModel.OTHER]} == {"Villkorligt frigiven",
                                                                  "Skyddstillsyn"}
    assert page.heading.text().startswith("1 uppgift att granska.")
    qtbot.mouseClick(page.take, Qt.MouseButton.LeftButton)
    assert services.people.get(person_id).frivard_status.value == other_value
    assert page.model.rowCount() == 0 and page.empty.isVisible()
    assert ReviewService(services.db).count_open() == 0


def test_keep_closes_the_item_and_changes_nothing(qtbot: QtBot, services: Services,
                                                  other: Services, settings: QSettings,
                                                  tmp_path: Path) -> None:
    person_id = _conflict(services, other, tmp_path)
    before = services.people.get(person_id).frivard_status
    page = _page(qtbot, services, settings)
    qtbot.mouseClick(page.keep, Qt.MouseButton.LeftButton)
    assert services.people.get(person_id).frivard_status == before
    assert page.model.rowCount() == 0


def test_import_with_conflicts_offers_the_review_list(qtbot: QtBot, services: Services,
                                                      other: Services, settings: QSettings,
                                                      tmp_path: Path) -> None:
    from app.ui.dialogs.bundle_import import BundleImportWizard
    to_other, to_us = _pin(services, other, "Kollegan"), _pin(other, services, "Huvudteamet")
    person = services.people.create({"first_name": "Cia", "last_name": "Berg"})
    first = tmp_path / "1.age"
    BundleService(services.db).export(to_other, first, legal_basis="Samma arbetsgrupp")
    BundleService(other.db).import_bundle(first)
    services.people.update(person.id, {"frivard_status": "parole"})
    other.people.update(person.id, {"frivard_status": "probation"})
    second = tmp_path / "2.age"
    BundleService(other.db).export(to_us, second, legal_basis="Samma arbetsgrupp")
    wizard = BundleImportWizard(PageContext(services, InlineRunner(), Events(), settings))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.choose.path.setText(str(second))
    wizard.next()
    assert "1 uppgift där" in wizard.preview.reviews.text()
    wizard.next()
    assert wizard.done_step.state.text().endswith(" 1 punkt att granska.")
    with qtbot.waitSignal(wizard.open_reviews):
        qtbot.mouseClick(wizard.done_step.to_reviews, Qt.MouseButton.LeftButton)


def test_values_in_words() -> None:
    assert shown_value(None) == "—" and shown_value([]) == "—"
    assert shown_value(["a", "b"]) == "a, b" and shown_value("parole") == "parole"
