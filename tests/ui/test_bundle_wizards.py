"""The export and import wizards end to end between two real vaults: what will leave is shown
before the file is written, legal basis notes are required where the law asks for them,
cancelling leaves no file, a bundle imports with its preview, a replay and an unknown sender
are refused with their message and change nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pyrage import x25519
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.models import Disclosure, ImportedBundle, Person
from app.services.session import Services, create_vault
from app.services.unit_keys import unit_keys
from app.ui.dialogs import bundle_export
from app.ui.dialogs.bundle_export import BundleExportWizard
from app.ui.dialogs.bundle_export_steps import CONSENT, NEW_DUTY, default_name
from app.ui.dialogs.bundle_import import BundleImportWizard
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.tasks import InlineRunner
from tests.conftest import FAST_KDF, PASSPHRASE, USER
from tests.ui.conftest import add_people, numbered_people


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Services]:
    svc, _recovery = create_vault(tmp_path / "other", USER, PASSPHRASE, kdf_params=FAST_KDF,
                                  unit_name="Kollegan")
    try:
        yield svc
    finally:
        svc.lock()


def _pin(here: Services, there: Services, name: str, kind: str = "team") -> str:
    keys = unit_keys(there.db)
    return here.partners.add({"name": name, "kind": kind, "age_recipient": keys.age_recipient,
                              "signing_key": keys.signing_public_key,
                              "unit_id": keys.unit_id}).id


def _context(svc: Services, runner: InlineRunner, settings: QSettings) -> PageContext:
    return PageContext(svc, runner, Events(), settings)


def _count(svc: Services, model: type) -> int:
    with svc.db.read() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def _export(qtbot: QtBot, context: PageContext, partner_id: str, out: Path, *,
            basis: str = CONSENT,
            note: str = "Samtycke 2024-05-02, dnr 12") -> BundleExportWizard:
    wizard = BundleExportWizard(context, partner_id)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.partner_step.partner() is not None
    wizard.next()  # scope: everything
    wizard.next()
    assert wizard.currentId() == bundle_export.PROFILE
    wizard.next()
    step = wizard.basis
    step.basis.setCurrentIndex(step.basis.findData(basis))
    qtbot.keyClicks(step.note, note)
    qtbot.keyClicks(step.purpose, "Samordning i arbetsgruppen")
    wizard.next()
    if note:
        assert wizard.currentId() == bundle_export.FILE
        wizard.file.path.setText(str(out))
    return wizard


def test_export_then_import_between_two_vaults(qtbot: QtBot, services: Services,
                                               other: Services, runner: InlineRunner,
                                               settings: QSettings, tmp_path: Path) -> None:
    to_other = _pin(services, other, "Kollegan")
    _pin(other, services, "Huvudteamet")
    services.people.create({"first_name": "Åsa", "last_name": "Öberg"})
    out = tmp_path / "bunt.age"

    wizard = _export(qtbot, _context(services, runner, settings), to_other, out)
    profile_text = wizard.profile.text.text()
    assert "Personer" in profile_text  # what will leave, said before the file step
    wizard.next()
    run = wizard.run_step
    assert run.result is not None and out.is_file()
    assert run.result.counts["person"] == 1
    assert run.result.bundle_id in run.state.text()
    assert run.counts.rowCount() >= 1 and run.isComplete()
    with services.db.read() as s:
        entry = s.execute(select(Disclosure)).scalar_one()
        assert entry.legal_basis == CONSENT and entry.basis_note.startswith("Samtycke")

    importer = BundleImportWizard(_context(other, runner, settings))
    qtbot.addWidget(importer)
    importer.show()
    qtbot.keyClicks(importer.choose.path, str(out))
    importer.next()
    preview = importer.preview
    assert preview.checked is not None, preview.refusal.text()
    assert "Huvudteamet" in preview.from_whom.text() and CONSENT in preview.from_whom.text()
    assert preview.changes.rowCount() >= 1
    assert _count(other, Person) == 0  # the dry run wrote nothing
    importer.next()
    done = importer.done_step
    assert done.result is not None and done.result.applied
    assert done.state.text().startswith("Importerad. ")
    assert _count(other, Person) == 1

    again = BundleImportWizard(_context(other, runner, settings))
    qtbot.addWidget(again)
    again.show()
    again.choose.path.setText(str(out))
    again.next()
    assert again.preview.checked is None and not again.preview.isComplete()
    assert "redan lästs in" in again.preview.refusal.text()
    assert _count(other, ImportedBundle) == 1


def test_bundle_from_an_unknown_sender_is_refused_and_writes_nothing(
        qtbot: QtBot, services: Services, other: Services, runner: InlineRunner,
        settings: QSettings, tmp_path: Path) -> None:
    to_other = _pin(services, other, "Kollegan")  # the other side never pins us
    services.people.create({"first_name": "Åsa", "last_name": "Öberg"})
    out = tmp_path / "bunt.age"
    wizard = _export(qtbot, _context(services, runner, settings), to_other, out)
    wizard.next()
    assert out.is_file()

    before = (_count(other, Person), _count(other, Disclosure))
    importer = BundleImportWizard(_context(other, runner, settings))
    qtbot.addWidget(importer)
    importer.show()
    importer.choose.path.setText(str(out))
    importer.next()
    assert importer.preview.refusal.isVisible()
    assert "okänd" in importer.preview.refusal.text()
    assert "signeringsnyckel" in importer.preview.advice.text()
    assert not importer.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert (_count(other, Person), _count(other, Disclosure)) == before


def test_basis_notes_are_required_where_the_law_asks(qtbot: QtBot, services: Services,
                                                     other: Services, runner: InlineRunner,
                                                     settings: QSettings,
                                                     tmp_path: Path) -> None:
    to_other = _pin(services, other, "Kollegan")
    wizard = _export(qtbot, _context(services, runner, settings), to_other,
                     tmp_path / "x.age", basis=NEW_DUTY, note="")
    assert wizard.currentId() == bundle_export.BASIS  # held back: no balancing written
    assert "intresseavvägningen" in wizard.basis.errors["note"].text()
    wizard.basis.note.setPlainText("Behövs för att förebygga våld; väger tyngre.")
    wizard.next()
    assert wizard.currentId() == bundle_export.FILE


def test_cancel_during_export_leaves_no_file_and_no_register_entry(
        qtbot: QtBot, services: Services, other: Services, runner: InlineRunner,
        settings: QSettings, tmp_path: Path) -> None:
    to_other = _pin(services, other, "Kollegan")
    add_people(services, numbered_people(2500))  # past the writer's first cancel check
    out = tmp_path / "bunt.age"
    wizard = _export(qtbot, _context(services, runner, settings), to_other, out)
    seen: list[int] = []

    def press_cancel(done: int, total: int | None) -> None:
        seen.append(done)
        wizard.run_step.cancel.click()

    wizard.run_step.show_progress = press_cancel  # type: ignore[method-assign]
    wizard.next()
    assert seen and not out.exists()
    assert "avbröts" in wizard.run_step.error.text()
    assert _count(services, Disclosure) == 0
    assert not wizard.running and wizard.run_step.isComplete()


def test_only_partners_that_can_receive_are_offered(qtbot: QtBot, services: Services,
                                                    other: Services, runner: InlineRunner,
                                                    settings: QSettings) -> None:
    kept = _pin(services, other, "Kollegan")
    gone = services.partners.add({"name": "Spärrad", "kind": "police",
                                  "age_recipient": str(x25519.Identity.generate().to_public())})
    services.partners.revoke(gone.id)
    wizard = BundleExportWizard(_context(services, runner, settings))
    qtbot.addWidget(wizard)
    ids = [p.id for p in wizard.partner_step.partners]
    assert ids == [kept]
    assert "Fingeravtryck" in wizard.partner_step.details.text()


def test_default_file_name() -> None:
    from datetime import date
    assert default_name("Polisen Syd", date(2024, 5, 2)) == "mottryck-polisen-syd-2024-05-02.age"
