"""The measures page at 100,000 people: from opening it to the first chart on screen.

Runs the real page offscreen (``QT_QPA_PLATFORM=offscreen``) with the real database lane
(``TaskRunner``), on the cached demo vault of ``common.py``, sized as in a 1280 × 760 window
(1090 × 760 beside the navigation). The period is the 24 calendar months 2024-11-01 –
2026-10-31, as in ``bench_measures.py``:

- open: from showing the page and activating it (what the navigation does) to the numbers in
  its tables, and to the first chart painted (cold: the first page in the process, right after
  opening the vault; warm: the median of fresh pages after that), then until every chart the
  page asked for (those in view and a screen below) is in its widget;
- period change: on an open page, from choosing "Senaste 12 månaderna" back to the 24 months
  to the first chart painted again;
- the longest event-loop stall meanwhile: a ``QTimer`` ticking every 5 ms on the UI thread
  records the largest gap between two ticks (idle: about 5 ms).

Baseline: what the service alone takes for the first chart — ``MeasuresService.compute`` plus
the first group's chart as SVG, called directly (no lane, no widgets) in the same process,
warm; the ratio is what the lane, the widgets and painting add.

    nice -n 10 .venv/bin/python bench/bench_measures_page.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_ui import Watchdog
from common import median, open_demo, print_table
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from app.main import register_fonts
from app.services.measures import MeasuresService
from app.services.report.charts import chart, chart_svg
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.pages.measures import MeasuresPage, chart_size
from app.ui.tasks import TaskRunner

START, END = date(2024, 11, 1), date(2026, 10, 31)
SIZE = (1090, 760)
FIRST_CHART_MS, STALL_MS = 1000.0, 100.0


TIMEOUT_MS = 60_000
POLL_MS = 2


def wait_until(_app: QApplication, done: Callable[[], bool]) -> None:
    """Run a real event loop until ``done()``, asked every 2 ms. (Not a Python loop around
    ``processEvents``: that takes the interpreter lock thousands of times a second and slows
    the lane's Python work far more than the application's own event loop does.)"""
    if done():
        return
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(POLL_MS)
    poll.timeout.connect(lambda: done() and loop.quit())
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(lambda: loop.exit(1))
    poll.start()
    deadline.start(TIMEOUT_MS)
    failed = loop.exec()
    poll.stop()
    deadline.stop()
    if failed:
        raise SystemExit("timed out waiting for the UI")


class Opening:
    """Times of one page opening (ms from the start) and the longest stall meanwhile."""

    def __init__(self, numbers: float, first_chart: float, all_charts: float, stall: float,
                 charts: int) -> None:
        self.numbers, self.first_chart, self.all_charts = numbers, first_chart, all_charts
        self.stall, self.charts = stall, charts


def _requested_drawn(page: MeasuresPage) -> bool:
    """Every chart the page asked the lane for is in its widget (those out of view are
    painted when scrolled to)."""
    asked = [s for s in page.sections if s.requested_for == page._generation]
    return bool(asked) and all(s.drawn_for == page._generation for s in asked)


def _wait_for_charts(app: QApplication, page: MeasuresPage, start: float,
                     dog: Watchdog) -> Opening:
    """From ``start`` (``dog`` running): the numbers, the first chart, every chart asked."""
    wait_until(app, lambda: page.shown)
    numbers = (time.perf_counter() - start) * 1000
    wait_until(app, lambda: page.sections[0].chart.painted)
    first = (time.perf_counter() - start) * 1000
    wait_until(app, lambda: _requested_drawn(page))
    every = (time.perf_counter() - start) * 1000
    stall = dog.stop()
    charts = sum(1 for s in page.sections if s.chart.has_chart)
    return Opening(numbers, first, every, stall, charts)


def open_page(app: QApplication, context: PageContext, dog: Watchdog) -> tuple[MeasuresPage,
                                                                                  Opening]:
    page = MeasuresPage(context)
    page.resize(*SIZE)
    page.set_period(START, END, compute=False)
    dog.start()
    start = time.perf_counter()
    page.show()
    page.activate()  # what choosing the page in the navigation does
    return page, _wait_for_charts(app, page, start, dog)


def change_period(app: QApplication, page: MeasuresPage, dog: Watchdog) -> Opening:
    page.choose("12m")
    wait_until(app, lambda: _requested_drawn(page))
    dog.start()
    start = time.perf_counter()
    page.set_period(START, END)
    return _wait_for_charts(app, page, start, dog)


def service_first_chart(services: MeasuresService) -> float:
    start = time.perf_counter()
    measures = services.compute(START, END)
    width, height = chart_size(len(measures.months))
    chart_svg(chart(measures.groups[0], measures.months, width=width, height=height))
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="warm openings")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    register_fonts(app)
    services = open_demo()
    runner = TaskRunner()
    dog = Watchdog()
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"), QSettings.Format.IniFormat)
    context = PageContext(services, runner, Events(), settings)
    try:
        page, cold = open_page(app, context, dog)
        warm: list[Opening] = []
        for _n in range(args.runs):
            other, opening = open_page(app, context, dog)
            warm.append(opening)
            other.close()
            other.deleteLater()
        changes = [change_period(app, page, dog) for _n in range(args.runs)]
        page.close()
        service = MeasuresService(services.db)
        base = median([service_first_chart(service) for _n in range(args.runs)])
    finally:
        runner.shutdown()
        services.lock()

    first = [o.first_chart for o in warm]
    stalls = [o.stall for o in [cold, *warm, *changes]]
    stall = max(stalls)
    print_table(f"Measures page, 24 months, {SIZE[0]}×{SIZE[1]}", [
        ("open → numbers shown (cold)", cold.numbers, None, "–", True),
        # No baseline: the service's own time below is taken warm.
        ("open → first chart painted (cold)", cold.first_chart, None, "≤ 1000 ms",
         cold.first_chart <= FIRST_CHART_MS),
        ("open → numbers shown (warm, median)", median([o.numbers for o in warm]), None, "–",
         True),
        ("open → first chart painted (warm, median)", median(first), base, "≤ 1000 ms",
         median(first) <= FIRST_CHART_MS),
        ("open → first chart painted (warm, slowest)", max(first), None, "≤ 1000 ms",
         max(first) <= FIRST_CHART_MS),
        (f"open → every chart in view and a screen below ({cold.charts}) drawn (warm, "
         "median)", median([o.all_charts for o in warm]), None, "–", True),
        ("12 → 24 months on the open page → first chart painted (median)",
         median([o.first_chart for o in changes]), None, "≤ 1000 ms",
         median([o.first_chart for o in changes]) <= FIRST_CHART_MS),
        ("longest event-loop stall of each opening and period change (median)",
         median(stalls), None, "≤ 100 ms", median(stalls) <= STALL_MS),
        ("longest event-loop stall of all of them", stall, None, "≤ 100 ms", stall <= STALL_MS),
    ])
    print(f"\nstalls: cold {cold.stall:.1f} ms, warm "
          f"{', '.join(f'{o.stall:.1f}' for o in warm)} ms, period change "
          f"{', '.join(f'{o.stall:.1f}' for o in changes)} ms")


if __name__ == "__main__":
    main()
