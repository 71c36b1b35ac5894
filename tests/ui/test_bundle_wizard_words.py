"""The bundle wizards' words and what they tell other screens: counts in singular or plural,
an export announces "bundle" (the disclosure register listens) and an import announces
"bundle", each record type it changed and the review list when it set fields aside."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.services.bundle_import import ImportPreview, TableChanges
from app.services.session import Services
from app.ui.dialogs.bundle_export import BundleExportWizard
from app.ui.dialogs.bundle_import import BundleImportWizard, touched
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.tasks import InlineRunner
from tests.security.bundle_vaults import pair, second_vault

LEGAL = "Samma arbetsgrupp"


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Services]:
    yield from second_vault(tmp_path)


def _context(svc: Services, runner: InlineRunner, settings: QSettings,
             heard: list[str]) -> PageContext:
    events = Events()
    events.data_changed.connect(heard.append)
    return PageContext(svc, runner, events, settings)


def _import(qtbot: QtBot, context: PageContext, path: Path) -> BundleImportWizard:
    wizard = BundleImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.choose.path.setText(str(path))
    wizard.next()
    assert wizard.preview.checked is not None, wizard.preview.refusal.text()
    return wizard


def test_export_announces_the_bundle(qtbot: QtBot, services: Services, other: Services,
                                     runner: InlineRunner, settings: QSettings,
                                     tmp_path: Path) -> None:
    to_other, _to_us = pair(services, other)
    services.people.create({"first_name": "Åsa", "last_name": "Öberg"})
    heard: list[str] = []
    wizard = BundleExportWizard(_context(services, runner, settings, heard), to_other.id)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.next()
    wizard.next()
    wizard.basis.basis.setCurrentIndex(wizard.basis.basis.findData(""))
    qtbot.keyClicks(wizard.basis.other, LEGAL)
    qtbot.keyClicks(wizard.basis.purpose, "Samordning")
    wizard.next()
    wizard.file.path.setText(str(tmp_path / "bunt.age"))
    wizard.next()
    assert wizard.run_step.result is not None
    assert heard == ["bundle"]
    assert "Poster: 1" in wizard.run_step.state.text()


def test_one_new_person_is_said_in_the_singular_and_announced(
        qtbot: QtBot, services: Services, other: Services, runner: InlineRunner,
        settings: QSettings, tmp_path: Path) -> None:
    to_other, _to_us = pair(services, other)
    services.people.create({"first_name": "Åsa", "last_name": "Öberg"})
    path = services.bundles.export(to_other.id, tmp_path / "1.age", legal_basis=LEGAL).path
    heard: list[str] = []
    wizard = _import(qtbot, _context(other, runner, settings, heard), Path(path))
    assert wizard.preview.reviews.text() == "Inga uppgifter behöver granskas."
    assert heard == []  # the dry run changed nothing
    wizard.next()
    assert wizard.done_step.state.text() == "Importerad. 1 ändring."
    assert heard == ["bundle", "person"]
    assert not wizard.done_step.to_reviews.isVisibleTo(wizard)


def test_one_field_set_aside_is_said_in_the_singular_and_opens_the_review_list(
        qtbot: QtBot, services: Services, other: Services, runner: InlineRunner,
        settings: QSettings, tmp_path: Path) -> None:
    to_other, to_us = pair(services, other)
    person = services.people.create({"first_name": "Cia", "last_name": "Berg"})
    other.bundles.import_bundle(services.bundles.export(
        to_other.id, tmp_path / "1.age", legal_basis=LEGAL).path)
    services.people.update(person.id, {"frivard_status": "parole"})
    other.people.update(person.id, {"frivard_status": "probation"})
    path = other.bundles.export(to_us.id, tmp_path / "2.age", legal_basis=LEGAL).path
    heard: list[str] = []
    wizard = _import(qtbot, _context(services, runner, settings, heard), Path(path))
    assert wizard.preview.reviews.text().startswith("1 uppgift där ")
    wizard.next()
    assert wizard.done_step.state.text() == "Importerad. 1 ändring. 1 punkt att granska."
    assert heard == ["bundle", "person", "merge_review"]
    assert wizard.done_step.to_reviews.isVisibleTo(wizard)


def test_many_are_said_in_the_plural_with_the_locale_digits(
        qtbot: QtBot, services: Services, other: Services, runner: InlineRunner,
        settings: QSettings, tmp_path: Path) -> None:
    to_other, _to_us = pair(services, other)
    for first in ("Ali", "Bo", "Cia"):
        services.people.create({"first_name": first, "last_name": "Berg"})
    path = services.bundles.export(to_other.id, tmp_path / "1.age", legal_basis=LEGAL).path
    wizard = _import(qtbot, _context(other, runner, settings, []), Path(path))
    wizard.next()
    assert wizard.done_step.state.text() == "Importerad. 3 ändringar."


def _preview(*tables: TableChanges) -> ImportPreview:
    return ImportPreview("b", "u", "P", 1, LEGAL, None, tables, applied=True)


def test_touched_names_only_what_changed() -> None:
    quiet = TableChanges("group", new=0, changed=0, unchanged=4, conflicts=0)
    assert touched(_preview(quiet)) == ["bundle"]
    people = TableChanges("person", new=0, changed=2, unchanged=0, conflicts=0)
    review = TableChanges("membership", new=0, changed=0, unchanged=1, conflicts=1)
    assert touched(_preview(people, quiet, review)) == ["bundle", "person", "merge_review"]
    many = [TableChanges(t, new=1, changed=0, unchanged=0, conflicts=0)
            for t in ("person", "group", "membership")]
    assert touched(_preview(*many)) == ["*"]  # once, not once per type
