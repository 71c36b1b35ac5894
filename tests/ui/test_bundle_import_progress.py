"""The import wizard while it works, between two real vaults: the check and the import show
progress up to their total, either can be cancelled (the vault stays exactly as it was and the
wizard says so), closing the window while one runs cancels it first, and the preview lists the
fields that would go to the review list."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QWizard
from pytestqt.qtbot import QtBot

from app.errors import Cancelled
from app.services.bundle_import import ReviewPreview
from app.services.session import Services
from app.ui.dialogs import bundle_import
from app.ui.dialogs.bundle_import import BundleImportWizard
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.table_models.bundle import ReviewPreviewModel
from app.ui.tasks import InlineRunner, TaskRunner
from tests.security.bundle_vaults import dump, pair, second_vault
from tests.ui.conftest import DeferredRunner, add_people, numbered_people

LEGAL = "Samma arbetsgrupp"
PEOPLE = 6000  # past the first progress report (every 5,000 records) and the first batch


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Services]:
    yield from second_vault(tmp_path)


def _bundle(services: Services, other: Services, tmp_path: Path, people: int) -> Path:
    """A bundle from ``services`` to ``other`` holding ``people`` people (and nothing else)."""
    to_other, _to_us = pair(services, other)
    add_people(services, numbered_people(people))
    result = services.bundles.export(to_other.id, tmp_path / "b.age", legal_basis=LEGAL)
    assert sum(result.counts.values()) == people
    return Path(result.path)


def _wizard(qtbot: QtBot, svc: Services, runner: InlineRunner | TaskRunner,
            settings: QSettings, path: Path) -> BundleImportWizard:
    wizard = BundleImportWizard(PageContext(svc, runner, Events(), settings))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.choose.path.setText(str(path))
    return wizard


Report = Callable[[int, int | None], None]


def _hook(shown: Report, then: Callable[[int, int | None], None]) -> Report:
    """``shown`` as before, then ``then``: what a user does on seeing that report."""
    def report(done: int, total: int | None) -> None:
        shown(done, total)
        then(done, total)
    return report


def test_check_and_import_show_progress_up_to_the_total(
        qtbot: QtBot, services: Services, other: Services, runner: InlineRunner,
        settings: QSettings, tmp_path: Path) -> None:
    path = _bundle(services, other, tmp_path, PEOPLE)
    wizard = _wizard(qtbot, other, runner, settings, path)
    busy_first: list[bool] = []
    step = wizard.preview
    shown = step.show_progress

    def report(done: int, total: int | None) -> None:
        busy_first.append(step.progress.maximum() == 0)  # busy until the first report
        shown(done, total)

    step.show_progress = report  # type: ignore[method-assign]
    wizard.next()
    assert step.checked is not None, step.refusal.text()
    assert busy_first and busy_first[0] and not any(busy_first[1:])
    assert step.progress.maximum() == PEOPLE and step.progress.value() == PEOPLE
    assert not step.progress.isVisibleTo(wizard) and not step.cancel.isVisibleTo(wizard)

    done = wizard.done_step
    phases: list[str] = []
    done.show_progress = _hook(  # type: ignore[method-assign]
        done.show_progress, lambda _d, _t: phases.append(done.phase.text()))
    wizard.next()
    assert done.result is not None and done.result.total_changes == PEOPLE
    assert done.progress.maximum() == 2 * PEOPLE and done.progress.value() == 2 * PEOPLE
    assert phases[0] == "Kontrollerar…" and phases[-1] == "Skriver…"
    assert phases == sorted(phases)  # never back to checking once writing
    assert not done.progress.isVisibleTo(wizard) and not done.retry.isVisibleTo(wizard)


def test_the_real_lane_brings_progress_and_the_result_to_the_wizard(
        qtbot: QtBot, services: Services, other: Services, settings: QSettings,
        tmp_path: Path) -> None:
    path = _bundle(services, other, tmp_path, PEOPLE)
    lane = TaskRunner()
    try:
        wizard = _wizard(qtbot, other, lane, settings, path)
        wizard.next()
        assert wizard.running and wizard.preview.cancel.isVisibleTo(wizard)
        qtbot.waitUntil(lambda: wizard.preview.checked is not None, timeout=30_000)
        assert wizard.preview.progress.value() == PEOPLE
        wizard.next()
        qtbot.waitUntil(lambda: wizard.done_step.result is not None, timeout=30_000)
        assert wizard.done_step.progress.value() == 2 * PEOPLE and not wizard.running
    finally:
        lane.shutdown()


def test_cancelling_the_check_changes_nothing_and_says_so(
        qtbot: QtBot, services: Services, other: Services, runner: InlineRunner,
        settings: QSettings, tmp_path: Path) -> None:
    path = _bundle(services, other, tmp_path, PEOPLE)
    before = dump(other)
    wizard = _wizard(qtbot, other, runner, settings, path)
    step = wizard.preview
    step.show_progress = _hook(  # type: ignore[method-assign]
        step.show_progress, lambda _d, _t: step.cancel.click())
    wizard.next()
    assert step.checked is None and not wizard.running
    assert step.state.text().startswith("Kontrollen avbröts. Inget har ändrats.")
    assert not step.progress.isVisibleTo(wizard) and not step.cancel.isVisibleTo(wizard)
    assert not step.refusal.isVisibleTo(wizard)  # a cancel is not a refused bundle
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert dump(other) == before
    wizard.back()  # and check again
    step.show_progress = lambda _d, _t: None  # type: ignore[method-assign]
    wizard.next()
    assert step.checked is not None and step.checked.preview.tables[0].new == PEOPLE


def test_cancelling_while_writing_imports_nothing_and_can_be_tried_again(
        qtbot: QtBot, services: Services, other: Services, runner: InlineRunner,
        settings: QSettings, tmp_path: Path) -> None:
    path = _bundle(services, other, tmp_path, PEOPLE)
    before = dump(other)
    wizard = _wizard(qtbot, other, runner, settings, path)
    wizard.next()
    assert wizard.preview.checked is not None
    done = wizard.done_step
    pressed: list[int] = []

    def cancel_while_writing(n: int, total: int | None) -> None:
        if total and n > total // 2 and not pressed:  # some rows are written by now
            pressed.append(n)
            done.cancel.click()

    shown = done.show_progress
    done.show_progress = _hook(shown, cancel_while_writing)  # type: ignore[method-assign]
    wizard.next()
    assert pressed and done.result is None
    assert done.state.text() == "Importen avbröts. Inget lästes in och inget har ändrats."
    assert done.isComplete() and done.retry.isVisibleTo(wizard)
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert wizard.button(QWizard.WizardButton.CancelButton).isEnabled()
    assert dump(other) == before

    done.show_progress = shown  # type: ignore[method-assign]
    done.retry.click()
    assert done.result is not None and done.result.total_changes == PEOPLE
    assert not done.retry.isVisibleTo(wizard)


@pytest.mark.parametrize("step", ["check", "import"])
def test_closing_the_window_while_working_cancels_first(
        qtbot: QtBot, services: Services, other: Services, runner: InlineRunner,
        settings: QSettings, tmp_path: Path, step: str) -> None:
    path = _bundle(services, other, tmp_path, PEOPLE)
    before = dump(other)
    wizard = _wizard(qtbot, other, runner, settings, path)
    if step == "import":
        wizard.next()
    page = wizard.done_step if step == "import" else wizard.preview
    closed_while_running: list[bool] = []

    def close_now(_d: int, _t: int | None) -> None:
        if not closed_while_running:
            wizard.reject()  # Escape, the close box, or a lock
            closed_while_running.append(wizard.isVisible())

    page.show_progress = close_now  # type: ignore[method-assign]
    wizard.next()
    assert closed_while_running == [True]  # kept open until the work stopped…
    assert not wizard.isVisible() and not wizard.running  # …then closed
    assert wizard.result() == QDialog.DialogCode.Rejected
    assert dump(other) == before


def test_closing_waits_for_the_check_and_back_drops_a_running_one(
        qtbot: QtBot, services: Services, other: Services, deferred_runner: DeferredRunner,
        settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _bundle(services, other, tmp_path, 3)
    outcomes: list[str] = []
    real = bundle_import.dry_run

    def watched(*args: object, **kwargs: object) -> bundle_import.Checked:
        try:
            checked = real(*args, **kwargs)  # type: ignore[arg-type]
        except Cancelled:
            outcomes.append("cancelled")
            raise
        outcomes.append("checked")
        return checked

    monkeypatch.setattr(bundle_import, "dry_run", watched)
    wizard = _wizard(qtbot, other, deferred_runner, settings, path)
    wizard.next()
    assert wizard.running
    wizard.back()  # a user who chose the wrong file
    wizard.next()
    deferred_runner.release_all()
    assert outcomes == ["cancelled", "checked"]  # the first stopped, its answer dropped
    assert wizard.preview.checked is not None and not wizard.running

    wizard.back()
    wizard.next()
    wizard.reject()
    assert wizard.isVisible() and wizard.preview.state.text() == "Avbryter…"
    deferred_runner.release_all()
    assert outcomes[-1] == "cancelled" and not wizard.isVisible()


def test_the_preview_lists_the_fields_that_would_go_to_review(
        qtbot: QtBot, services: Services, other: Services, runner: InlineRunner,
        settings: QSettings, tmp_path: Path) -> None:
    to_other, to_us = pair(services, other)
    person = services.people.create({"first_name": "Cia", "last_name": "Berg"})
    other.bundles.import_bundle(services.bundles.export(
        to_other.id, tmp_path / "1.age", legal_basis=LEGAL).path)
    services.people.update(person.id, {"frivard_status": "parole"})
    other.people.update(person.id, {"frivard_status": "probation"})  # later: kept
    path = Path(other.bundles.export(to_us.id, tmp_path / "2.age", legal_basis=LEGAL).path)
    wizard = _wizard(qtbot, services, runner, settings, path)
    wizard.next()
    preview = wizard.preview
    assert preview.reviews.text().startswith("1 uppgift där ")
    assert preview.review_table.isVisibleTo(wizard)
    model = preview.review_rows
    headers = [model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(model.columnCount())]
    assert headers == ["Post", "Uppgift", "Behålls", "Andra värdet"]
    rows = [[model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())]
    assert rows == [["Personer", "frivårdsstatus", "Skyddstillsyn", "Villkorligt frigiven"]]
    assert "Cia" not in str(rows)  # a dry run reads no one's name
    wizard.next()
    assert wizard.done_step.to_reviews.isVisibleTo(wizard)


def test_nothing_to_review_hides_the_table(qtbot: QtBot, services: Services, other: Services,
                                           runner: InlineRunner, settings: QSettings,
                                           tmp_path: Path) -> None:
    path = _bundle(services, other, tmp_path, 2)
    wizard = _wizard(qtbot, other, runner, settings, path)
    wizard.next()
    assert wizard.preview.reviews.text() == "Inga uppgifter behöver granskas."
    assert not wizard.preview.review_table.isVisibleTo(wizard)
    assert wizard.preview.review_rows.rowCount() == 0


def test_review_values_are_worded_as_on_the_review_list() -> None:
    model = ReviewPreviewModel()
    model.set_reviews([ReviewPreview("consent", "Samtycken", "given", "samtycke", True, False),
                       ReviewPreview("person", "Personer", "frivard_to", "frivård till",
                                     "2028-09-30", None)])
    shown = [[model.data(model.index(r, c)) for c in (model.KEPT, model.OTHER)]
             for r in range(2)]
    assert shown == [["ja", "nej"], ["2028-09-30", "—"]]
