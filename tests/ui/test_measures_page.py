"""The measures page (real widgets, inline lane) over the hand-made register of
tests/unit/measures_fixtures.py, whose months the page shows whole: January – March 2025."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.services import audit
from app.services.measures import MeasureGroup, Measures, MeasuresService, Month, Series, Style
from app.services.session import Services
from app.ui.controller import AppController
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.pages.measures import MeasureSection, MeasuresPage, preset_period
from app.ui.table_models.measures import MeasureTableModel
from app.ui.tasks import InlineRunner
from tests.ui.conftest import DeferredRunner
from tests.ui.lock_kit import lock, unlock
from tests.unit.measures_fixtures import build

JAN, MAR = date(2025, 1, 1), date(2025, 3, 31)


def _page(qtbot: QtBot, services: Services, runner: InlineRunner,
          today: date = date(2025, 4, 15)) -> MeasuresPage:
    page = MeasuresPage(PageContext(services, runner, Events(), QSettings()))
    qtbot.addWidget(page)
    page.today = lambda: today
    page.resize(1200, 700)
    page.show()
    return page


def _set(qtbot: QtBot, page: MeasuresPage, start: date, end: date) -> None:
    """Choose the period and wait for every section to show its numbers (a few per turn of
    the event loop)."""
    page.set_period(start, end)
    qtbot.waitUntil(lambda: page.shown, timeout=3000)


def _section(page: MeasuresPage, key: str) -> MeasureSection:
    return next(s for s in page.sections if s.key == key)


def _column(section: MeasureSection, series_key: str) -> list[str]:
    """The cells of one series as the view gets them, month by month and then the total."""
    page = section.parentWidget()
    while not isinstance(page, MeasuresPage):
        page = page.parentWidget()
    assert page.measures is not None
    keys = [s.key for s in page.measures.group(section.key).series]
    model, column = section.model, 1 + keys.index(series_key)
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


@pytest.fixture
def world(services: Services) -> Services:
    build(services)
    return services


def test_the_tables_show_the_services_numbers(qtbot: QtBot, world: Services,
                                              runner: InlineRunner) -> None:
    page = _page(qtbot, world, runner)
    _set(qtbot, page, JAN, MAR)
    expected = MeasuresService(world.db).compute(JAN, MAR)
    assert [s.key for s in page.sections] == [g.key for g in expected.groups]
    for section, group in zip(page.sections, expected.groups, strict=True):
        assert section.heading.text() == group.title
        model = section.model
        assert model.rowCount() == 4  # three months and the total
        assert [model.text(r, 0) for r in range(4)] == ["2025-01", "2025-02", "2025-03",
                                                        "Totalt"]
        for series in group.series:
            assert _column(section, series.key) == [series.text(v) for v in
                                                    (*series.values, series.total)]
    # Whole months: the rows the service's own test leaves outside (9 January, 21 March)
    # count here.
    assert _column(_section(page, "shootings"), "gmi_shootings") == ["3", "1", "1", "5"]
    assert _column(_section(page, "shootings"), "shootings") == ["4", "1", "1", "6"]
    assert _column(_section(page, "helpline"), "helpline_contacts") == ["3", "1", "2", "6"]
    assert _column(_section(page, "helpline"), "anonymous_share") == [
        "67 %", "100 %", "50 %", "67 %"]
    assert _column(_section(page, "harm"), "harm_share")[1] == "100 %"
    assert page.status.text().startswith("Period 2025-01-01 – 2025-03-31 (3 mån.)")
    assert page.pdf_button.isEnabled() and page.csv_button.isEnabled()
    assert not page.busy.isVisible()


def test_computing_logs_nothing(qtbot: QtBot, world: Services, runner: InlineRunner) -> None:
    before = len(audit.list_events(world.db, limit=10_000))
    page = _page(qtbot, world, runner)
    _set(qtbot, page, JAN, MAR)
    assert page.measures is not None
    assert len(audit.list_events(world.db, limit=10_000)) == before  # counts, no person


def test_changing_the_period_recomputes(qtbot: QtBot, world: Services,
                                        runner: InlineRunner) -> None:
    page = _page(qtbot, world, runner)
    _set(qtbot, page, JAN, MAR)
    first = page.sections[0]
    _set(qtbot, page, date(2025, 2, 1), date(2025, 2, 1))  # February only
    assert page.sections[0] is first  # the same sections, new numbers
    assert _column(first, "gmi_shootings") == ["1", "1"]
    assert page.measures is not None
    assert (page.measures.start, page.measures.end) == (date(2025, 2, 1), date(2025, 2, 28))

    # Typing a month: computed after the pause.
    page.from_edit.setDate(page.from_edit.date().addMonths(-1))
    assert page.measures.start == date(2025, 2, 1)  # not yet
    qtbot.waitUntil(lambda: page.measures is not None and page.measures.start == JAN
                    and page.shown, timeout=3000)
    assert _column(first, "gmi_shootings") == ["3", "1", "4"]

    page.choose("last_year")
    qtbot.waitUntil(lambda: page.shown, timeout=3000)
    assert page.period() == (date(2024, 1, 1), date(2024, 12, 31))
    assert first.model.rowCount() == 13


def test_presets_and_the_default_period() -> None:
    today = date(2025, 4, 15)
    assert preset_period("12m", today) == (date(2024, 4, 1), date(2025, 3, 31))
    assert preset_period("24m", today) == (date(2023, 4, 1), date(2025, 3, 31))
    assert preset_period("this_year", today) == (date(2025, 1, 1), today)
    assert preset_period("last_year", today) == (date(2024, 1, 1), date(2024, 12, 31))
    assert preset_period("12m", date(2025, 1, 1)) == (date(2024, 1, 1), date(2024, 12, 31))


def test_opening_the_page_shows_the_last_twelve_full_months(
        qtbot: QtBot, world: Services, runner: InlineRunner) -> None:
    page = _page(qtbot, world, runner)
    page.today = date.today
    page.clear()  # the default period again, for the real today
    page.activate()
    qtbot.waitUntil(lambda: page.shown, timeout=3000)
    assert page.measures is not None
    assert (page.measures.start, page.measures.end) == preset_period("12m", date.today())
    assert page.sections[0].model.rowCount() == 13


def test_this_month_runs_to_today(qtbot: QtBot, world: Services,
                                  runner: InlineRunner) -> None:
    page = _page(qtbot, world, runner, today=date(2025, 3, 20))
    page.choose("this_year")
    qtbot.waitUntil(lambda: page.shown, timeout=3000)
    assert page.period() == (JAN, date(2025, 3, 20))
    assert page.sections[0].model.text(2, 0) == "2025-03 (1–20)"
    # The service's answer for the 20th: the shooting of the 21st is not in it.
    assert _column(_section(page, "shootings"), "shootings") == ["4", "1", "0", "5"]


def test_a_newer_period_supersedes_an_older_one(qtbot: QtBot, world: Services,
                                                deferred_runner: DeferredRunner) -> None:
    page = _page(qtbot, world, deferred_runner)
    computed: list[tuple[date, date]] = []
    compute = page.service.compute

    def counting(start: date, end: date) -> Measures:
        computed.append((start, end))
        return compute(start, end)

    page.service.compute = counting  # type: ignore[method-assign]
    page.set_period(JAN, MAR)
    assert page.busy.isVisibleTo(page) and not page.pdf_button.isEnabled()
    page.set_period(date(2025, 2, 1), date(2025, 2, 1))
    deferred_runner.release_all()
    qtbot.waitUntil(lambda: page.shown, timeout=3000)
    assert computed == [(date(2025, 2, 1), date(2025, 2, 28))]  # the old one never ran
    assert page.measures is not None and page.measures.start == date(2025, 2, 1)
    assert page.sections[0].model.rowCount() == 2
    assert not page.busy.isVisibleTo(page)


def test_a_period_that_cannot_be_computed_is_refused(qtbot: QtBot, world: Services,
                                                     runner: InlineRunner) -> None:
    page = _page(qtbot, world, runner)
    _set(qtbot, page, JAN, MAR)
    shown = page.measures
    page.set_period(MAR, JAN)
    assert page.error_label.text() == "Från-månaden ligger efter till-månaden."
    assert page.error_label.isVisibleTo(page)
    page.set_period(date(2010, 1, 1), MAR)  # more than 120 months
    assert "högst 120 månader" in page.error_label.text()
    assert page.measures is shown and page.shown  # nothing computed, the numbers still shown
    _set(qtbot, page, JAN, MAR)
    assert not page.error_label.isVisibleTo(page)


def test_charts_are_drawn_as_they_come_into_view(qtbot: QtBot, world: Services,
                                                 runner: InlineRunner) -> None:
    page = _page(qtbot, world, runner)
    _set(qtbot, page, JAN, MAR)
    first, last = page.sections[0], page.sections[-1]
    qtbot.waitUntil(lambda: first.chart.has_chart, timeout=3000)
    qtbot.waitUntil(lambda: first.chart.painted, timeout=3000)
    assert not last.chart.has_chart  # far below: not drawn yet
    bar = page.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: last.chart.has_chart, timeout=3000)
    assert last.chart.height() == round(last.chart.width() * last.chart.aspect)

    svg = last.chart.svg
    assert svg is not None and b">jan<" in svg and b">mar<" in svg

    # A new period: the charts are drawn again for its months.
    _set(qtbot, page, date(2025, 2, 1), date(2025, 2, 1))
    qtbot.waitUntil(lambda: last.chart.svg is not None and last.chart.svg != svg,
                    timeout=3000)
    assert b">feb<" in last.chart.svg and b">jan<" not in last.chart.svg


def test_report_saved_as_pdf(qtbot: QtBot, world: Services, runner: InlineRunner,
                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(qtbot, world, runner)
    _set(qtbot, page, JAN, MAR)
    asked: list[str] = []

    def save_as(_parent: Any, _title: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(start)
        return str(tmp_path / "rapport"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0].endswith("matt-2025-01-2025-03.pdf")
    written = tmp_path / "rapport.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert page.message.text() == f"Rapporten är sparad som {written}."
    assert page.pdf_button.isEnabled()
    exports = audit.list_events(world.db, action=audit.Action.EXPORT)
    assert [e.entity_type for e in exports] == ["measures"]


def test_tables_exported_as_csv(qtbot: QtBot, world: Services, runner: InlineRunner,
                                tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(qtbot, world, runner)
    _set(qtbot, page, JAN, MAR)
    folder = tmp_path / "tabeller"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a: str(folder))
    qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    files = sorted(folder.glob("*.csv"))
    assert len(files) == 10 and files[0].name == "01-skjutningar.csv"
    rows = list(csv.reader(files[0].read_text(encoding="utf-8-sig").splitlines(),
                           delimiter=";"))
    assert [r[3] for r in rows[1:]] == _column(page.sections[0], "gmi_shootings")
    assert page.message.text() == f"10 tabeller är sparade i mappen {folder}."

    # Files of that name already there: asked first; "no" leaves them as they are.
    _set(qtbot, page, date(2025, 2, 1), date(2025, 2, 1))
    questions: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> Any:
        def ask(_parent: Any, _title: str, text: str, *_a: Any) -> QMessageBox.StandardButton:
            questions.append(text)
            return reply
        return ask

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    before = files[0].read_bytes()
    qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    assert "redan 10 av tabellerna" in questions[0]
    assert files[0].read_bytes() == before
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    assert len(files[0].read_bytes().splitlines()) == 3  # February and the total
    assert len(audit.list_events(world.db, action=audit.Action.EXPORT)) == 2


def test_a_failed_write_is_said_plainly_and_leaves_nothing(
        qtbot: QtBot, world: Services, runner: InlineRunner, tmp_path: Path) -> None:
    page = _page(qtbot, world, runner)
    _set(qtbot, page, JAN, MAR)
    missing = tmp_path / "finns-inte"
    page.save_pdf_to(missing / "rapport.pdf")
    assert page.error_label.isVisibleTo(page)
    assert page.error_label.text().startswith(f"Kan inte skriva {missing / 'rapport.pdf'}")
    assert not missing.exists()
    page.export_csv_to(missing)
    assert page.error_label.text().startswith(f"Kan inte skriva {missing}")
    assert not missing.exists()
    assert not page.message.isVisibleTo(page)
    assert page.pdf_button.isEnabled()  # can be tried again elsewhere
    assert audit.list_events(world.db, action=audit.Action.EXPORT) == []


def test_locking_clears_the_page(qtbot: QtBot, controller: AppController) -> None:
    window = unlock(qtbot, controller)
    page = window.show_page("measures")
    assert isinstance(page, MeasuresPage)
    assert page.measures is not None and page.sections
    assert page.sections[0].model.rowCount() == 13  # an empty register: twelve zero months
    lock(qtbot, controller)
    assert page.measures is None and page.sections == []
    assert page.status.text() == ""
    assert not page.pdf_button.isEnabled() and not page.csv_button.isEnabled()


def test_table_model_without_a_window() -> None:
    months = (Month(date(2025, 1, 10), date(2025, 1, 31)), Month(date(2025, 2, 1),
                                                                 date(2025, 2, 28)))
    group = MeasureGroup("helpline", (
        Series("helpline_contacts", "contacts", Style.BAR, (2, 0), 2),
        Series("anonymous_share", "percent", Style.TABLE, (50.0, None), 50.0)))
    model = MeasureTableModel()
    assert (model.rowCount(), model.columnCount()) == (0, 0)
    model.set_group(group, months)
    assert (model.rowCount(), model.columnCount()) == (3, 3)
    assert [model.text(r, 0) for r in range(3)] == ["2025-01 (10–31)", "2025-02", "Totalt"]
    assert [model.text(r, 2) for r in range(3)] == ["50 %", "–", "50 %"]
    header = Qt.Orientation.Horizontal
    assert model.headerData(0, header) == "Månad"
    assert model.headerData(1, header) == "Kontakter"
    assert model.headerData(1, header, Qt.ItemDataRole.ToolTipRole) == "Kontakter (kontakter)"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.TextAlignmentRole) & \
        Qt.AlignmentFlag.AlignRight
    font = model.data(model.index(2, 1), Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert model.data(model.index(0, 1), Qt.ItemDataRole.FontRole) is None
    model.clear()
    assert model.rowCount() == 0
