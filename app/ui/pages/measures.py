"""Mått: the working group's measures month by month — a chart and its numbers per measure
group — and the report for the styrgrupp as PDF or CSV.

Every number comes from one ``MeasuresService.compute`` call on the lane (one read of the
vault; its aggregates share work, so asking group by group would cost more). The tables show
as soon as it returns. Charts are drawn on the lane too (reportlab → SVG, ~40 ms each), one
task per chart, and only for the sections in or near the view: the first chart is on screen
about one chart after the numbers, and charts nobody scrolls to are never drawn.

A period change supersedes what is under way: each request carries a generation, work that
reaches the lane after a newer request is skipped there, and an answer for an older one is
dropped. The measures are counts only, so computing them is not logged; exporting them is, by
the service.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from reportlab.lib.units import mm

from app.errors import ValidationError
from app.services.measures import (
    GROUP_NOTES,
    GROUP_TITLES,
    ExportResult,
    MeasureGroup,
    Measures,
    MeasuresService,
    Month,
    check_period,
)
from app.services.report.charts import chart, chart_svg
from app.services.report.pdf import period_text
from app.services.report.tables import file_name
from app.ui.crash import user_message
from app.ui.icons import page_icon
from app.ui.pages.base import Page, PageContext
from app.ui.table_models.measures import MeasureTableModel
from app.ui.widgets.field_errors import error_label
from app.ui.widgets.svg_chart import SvgChart

EDIT_DELAY_MS = 400  # a month typed digit by digit: compute after the pause
SIDE_BY_SIDE_WIDTH = 1000  # narrower than this, each table goes under its chart
MAX_TABLE_ROWS = 26  # 24 months, the total and room: longer periods scroll inside the table
BUILD_BATCH = 2  # sections made per turn of the event loop while the lane computes
FILL_BATCH = 2  # sections given their numbers per turn of the event loop
CELL_PADDING = 14  # px around a cell's text (the item delegate's margins and the grid line)
FIRST_MONTH = QDate(2000, 1, 1)
# Up to a year and a half the screen's drawing is smaller than the A4 page's (170 × 78 mm):
# scaled up to the width the page gives it, its 7.5 pt text then reads like the rest of the
# window. Longer periods need the page's width for a name under every month.
SMALL_CHART, REPORT_CHART = (140 * mm, 66 * mm), (170 * mm, 78 * mm)
SMALL_CHART_MONTHS = 18
CHART_MAX_WIDTH = 960  # px: on a very wide window the chart stops growing


# ---- periods -----------------------------------------------------------------------------------
def add_months(first: date, n: int) -> date:
    """The first day of the month ``n`` months from ``first``'s."""
    index = first.year * 12 + first.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def month_end(day: date, today: date) -> date:
    """The last day of ``day``'s month, but never after ``today`` (this month so far)."""
    return min(add_months(day.replace(day=1), 1) - timedelta(days=1), max(today, day))


PRESETS = ("12m", "24m", "this_year", "last_year")


def preset_period(key: str, today: date) -> tuple[date, date]:
    """Full months up to the last one ended; "this year" runs to today."""
    this_month = today.replace(day=1)
    if key == "12m":
        return add_months(this_month, -12), this_month - timedelta(days=1)
    if key == "24m":
        return add_months(this_month, -24), this_month - timedelta(days=1)
    if key == "this_year":
        return date(today.year, 1, 1), today
    if key == "last_year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    raise KeyError(key)


def chart_size(months: int) -> tuple[float, float]:
    """The drawing's width and height in points for a period of ``months``."""
    return SMALL_CHART if months <= SMALL_CHART_MONTHS else REPORT_CHART


# ---- lane work ---------------------------------------------------------------------------------
def _compute(service: MeasuresService, start: date, end: date,
             current: Callable[[], bool]) -> Measures | None:
    """Runs on the lane; a request superseded while it waited is not computed."""
    return service.compute(start, end) if current() else None


def _draw(group: MeasureGroup, months: tuple[Month, ...],
          current: Callable[[], bool]) -> bytes | None:
    """Runs on the lane: the report's own chart, as SVG."""
    if not current():
        return None
    width, height = chart_size(len(months))
    # reportlab writes SVG through a DOM whose nodes point at their parents: thousands of
    # small cycles per chart. Left to the collector they set off full passes over the whole
    # heap, which held the window up for 100–150 ms (the pass runs holding the interpreter
    # lock); collected here while young, they cost the lane about 5 ms.
    was_on = gc.isenabled()
    gc.disable()
    try:
        svg = chart_svg(chart(group, months, width=width, height=height))
        gc.collect(0)
    finally:
        if was_on:
            gc.enable()
    return svg


def _export(service: MeasuresService, measures: Measures, pdf: Path | None,
            csv_dir: Path | None) -> ExportResult:
    return service.export(measures, pdf=pdf, csv_dir=csv_dir)


# ---- one measure group -------------------------------------------------------------------------
class MeasureSection(QFrame):
    """A group's title, what it counts, its chart and, beside or below it, its numbers."""

    def __init__(self, key: str, waiting: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.drawn_for = -1  # the generation whose chart is shown
        self.requested_for = -1  # the generation whose chart the lane is drawing
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        width, height = SMALL_CHART
        self.chart = SvgChart(height / width)
        self.chart.setMaximumWidth(CHART_MAX_WIDTH)
        self.model = MeasureTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Widths set from the texts (``_fit_table``): resizing to contents asks the model
        # for every cell in every role, which for ten tables stalled the window for 0.3 s.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(16)
        self.body.addWidget(self.chart, 1, Qt.AlignmentFlag.AlignTop)
        # The tables sit in a column of one width on the whole page, so every chart beside
        # them is as wide as the others.
        self.table_slot = QWidget()
        slot = QHBoxLayout(self.table_slot)
        slot.setContentsMargins(0, 0, 0, 0)
        slot.addWidget(self.table, 0, Qt.AlignmentFlag.AlignTop)
        slot.addStretch(1)
        self.body.addWidget(self.table_slot, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 16)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addSpacing(4)
        layout.addLayout(self.body)
        # Before the first numbers: what the section will show, its table still hidden.
        self.heading.setText(GROUP_TITLES.get(key, ""))
        self.note.setText(GROUP_NOTES.get(key, ""))
        self.chart.set_placeholder(waiting)
        self.table.hide()

    def show_group(self, group: MeasureGroup, months: tuple[Month, ...], waiting: str) -> None:
        self.heading.setText(group.title)
        self.note.setText(group.note)
        self.model.set_group(group, months)
        width, height = chart_size(len(months))
        self.chart.set_placeholder(waiting, height / width)
        self._fit_table()
        self.table.show()

    def set_side_by_side(self, side: bool) -> None:
        self.body.setDirection(QBoxLayout.Direction.LeftToRight if side
                               else QBoxLayout.Direction.TopToBottom)

    def set_table_width(self, width: int) -> None:
        self.table_slot.setFixedWidth(width)

    def _fit_table(self) -> None:
        """The table as large as its numbers, so the page scrolls and not each table (a
        period longer than two years scrolls inside its table)."""
        table, model = self.table, self.model
        header = table.horizontalHeader()
        bold = QFont(table.font())
        bold.setBold(True)
        plain, strong = table.fontMetrics(), QFontMetrics(bold)
        width = 0
        for column in range(model.columnCount()):
            texts = model.column_texts(column)
            cells = max(plain.horizontalAdvance(t) for t in texts[:-1]) if len(texts) > 1 else 0
            size = max(cells, strong.horizontalAdvance(texts[-1])) + CELL_PADDING
            size = max(size, header.sectionSizeHint(column))
            header.resizeSection(column, size)
            width += size
        rows = model.rowCount()
        shown = min(rows, MAX_TABLE_ROWS)
        frame = 2 * table.frameWidth()
        height = header.sizeHint().height() + shown * table.verticalHeader().defaultSectionSize()
        scrolls = rows > shown
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if scrolls
                                         else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if scrolls:
            width += table.verticalScrollBar().sizeHint().width()
        table.setFixedSize(width + frame, height + frame)


class _Content(QWidget):
    """The scrolled column of sections; its final size says where they are."""

    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()


# ---- the page ----------------------------------------------------------------------------------
class MeasuresPage(Page):
    key = "measures"
    watches = ("incident", "notification", "callin", "person", "group", "referral",
               "helpline_contact", "enforcement_action", "bundle")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.service = MeasuresService(context.services.db)
        self.today = date.today  # replaced in tests
        self.measures: Measures | None = None
        self.sections: list[MeasureSection] = []
        self._to_build: list[str] = []  # keys of sections still to be made
        self._unfilled: list[int] = []  # sections still showing the numbers before
        self._generation = 0  # every request and every lock: older answers are dropped
        self._locks = 0  # every lock: an export's answer after one is not shown
        self._computing = False
        self._exporting = False
        self._side_by_side = True

        self.from_edit = self._month_edit(self.tr("Första månaden i perioden"))
        self.to_edit = self._month_edit(self.tr("Sista månaden i perioden (i år: till i dag)"))
        self.presets: dict[str, QPushButton] = {}
        for key, text in (("12m", self.tr("Senaste 12 månaderna")),
                          ("24m", self.tr("Senaste 24 månaderna")),
                          ("this_year", self.tr("I år")), ("last_year", self.tr("Förra året"))):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(partial(self.choose, key))
            self.presets[key] = button
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(12)
        self.busy.hide()
        self.pdf_button = QPushButton(self.tr("Spara rapport (PDF)…"))
        self.pdf_button.setToolTip(self.tr("Rapporten till styrgruppen: en sida med periodens "
                                           "summor, sedan varje mått med diagram och tabell."))
        self.pdf_button.clicked.connect(self.save_pdf)
        self.csv_button = QPushButton(self.tr("Exportera tabeller (CSV)…"))
        self.csv_button.setToolTip(self.tr("En CSV-fil per tabell, för Excel och "
                                           "utvärderare."))
        self.csv_button.clicked.connect(self.export_csv)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setStyleSheet("color: palette(placeholder-text);")
        self.error_label = error_label()
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(EDIT_DELAY_MS)
        self._debounce.timeout.connect(self.load)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self._debounce.start)

        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("Från")))
        period.addWidget(self.from_edit)
        period.addWidget(QLabel(self.tr("till och med")))
        period.addWidget(self.to_edit)
        period.addSpacing(8)
        for button in self.presets.values():
            period.addWidget(button)
        period.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.busy)
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.csv_button)

        self.content = _Content()
        self.content.resized.connect(self._content_resized)  # says where the sections are
        self.column = QVBoxLayout(self.content)
        self.column.setContentsMargins(0, 0, 8, 0)
        self.column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.content)
        self.scroll_area.verticalScrollBar().valueChanged.connect(self._draw_visible)

        intro = QLabel(self.tr("Antal och andelar per månad — inga uppgifter om enskilda "
                               "personer. Hur varje mått räknas står under dess rubrik."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(period)
        layout.addLayout(actions)
        layout.addWidget(self.error_label)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll_area, 1)
        self._reset_period()
        self._update_actions()

    def _month_edit(self, tip: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setDisplayFormat("yyyy-MM")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(FIRST_MONTH)
        edit.setToolTip(tip)
        edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return edit

    # ---- page life cycle -----------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Mått")

    def icon(self) -> QIcon:
        return page_icon("measures")

    def clear(self) -> None:
        super().clear()
        self._generation += 1  # whatever is still on the lane is dropped when it answers
        self._locks += 1
        self._debounce.stop()
        self.measures = None
        self._computing = self._exporting = False
        self._build_sections([])
        self._unfilled = []
        self.status.clear()
        self.error_label.hide()
        self.message.hide()
        self._reset_period()
        self._update_actions()

    def _content_resized(self) -> None:
        QTimer.singleShot(0, self._draw_visible)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._draw_visible)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        side = event.size().width() >= SIDE_BY_SIDE_WIDTH
        if side != self._side_by_side:
            self._side_by_side = side
            for section in self.sections:
                section.set_side_by_side(side)
        QTimer.singleShot(0, self._draw_visible)

    # ---- the period ----------------------------------------------------------------------
    def period(self) -> tuple[date, date]:
        """The chosen months as days: from the first of the first month to the last of the
        last one (this month: to today)."""
        first, last = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return first.replace(day=1), month_end(last, self.today())

    def set_period(self, start: date, end: date, compute: bool = True) -> None:
        """Show the months from ``start``'s to ``end``'s and compute them now (or when the
        page is first shown)."""
        today = self.today()
        for edit, day in ((self.from_edit, start), (self.to_edit, end)):
            edit.blockSignals(True)
            edit.setMaximumDate(QDate(today.year, today.month, today.day))
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        if compute:
            self.load()

    def choose(self, key: str) -> None:
        self.set_period(*preset_period(key, self.today()))

    def _reset_period(self) -> None:
        """The last twelve full months, without computing."""
        today = self.today()
        start, end = preset_period("12m", today)
        for edit, day in ((self.from_edit, start), (self.to_edit, end)):
            edit.blockSignals(True)
            edit.setMaximumDate(QDate(today.year, today.month, today.day))
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    # ---- computing -----------------------------------------------------------------------
    def load(self) -> None:
        self._debounce.stop()
        if self._unfilled:  # the numbers shown stay of one period, whatever comes of this
            self._fill_some(self._generation, count=len(self._unfilled))
        self._generation += 1
        start, end = self.period()
        if start > end:
            self._refuse(self.tr("Från-månaden ligger efter till-månaden."))
            return
        try:
            check_period(start, end)
        except ValidationError as exc:
            self._refuse(str(exc))
            return
        self.error_label.hide()
        self._computing = True
        self.status.setText(self.tr("Räknar måtten för %1 – %2…")
                            .replace("%1", start.isoformat()).replace("%2", end.isoformat()))
        self.content.setEnabled(False)  # the numbers shown are for the period before
        self._update_actions()
        generation = self._generation
        self.context.runner.run(
            _compute, self.service, start, end, partial(self._is_current, generation),
            on_done=partial(self._computed, generation),
            on_error=partial(self._failed, generation), owner=self)
        if not self.sections and not self._to_build:
            # While the lane computes: the sections' widgets, so the answer only fills them.
            self._build_sections(list(GROUP_TITLES), now=False)

    def _is_current(self, generation: int) -> bool:
        # Read on the lane: a plain int compare, no Qt.
        return generation == self._generation

    def _refuse(self, text: str) -> None:
        """A period that cannot be computed: said, and nothing else changes."""
        self._computing = False
        self.error_label.setText(text)
        self.error_label.show()
        self.content.setEnabled(self.measures is not None)
        self._update_actions()

    def _computed(self, generation: int, measures: Measures | None) -> None:
        if generation != self._generation or measures is None:
            return
        self._computing = False
        self.measures = measures
        self.status.setText(self.tr("Period %1. Räknat %2.")
                            .replace("%1", period_text(measures))
                            .replace("%2", measures.computed_at.strftime("%H:%M")))
        keys = [g.key for g in measures.groups]
        if keys != [s.key for s in self.sections] + self._to_build:
            self._build_sections(keys)
        elif self._to_build:  # the answer came before every section was made
            self._build_some(len(self._to_build))
        self._unfilled = list(range(len(self.sections)))
        self._fill_some(generation)

    def _fill_some(self, generation: int, count: int = FILL_BATCH) -> None:
        """Put the numbers in a few sections, the first ones first, and come back for the
        rest on the next turn of the event loop: filling ten tables at once held the window
        up for a frame or two, and the first chart can be drawn meanwhile."""
        measures = self.measures
        if generation != self._generation or measures is None:
            return
        waiting = self.tr("Ritar diagrammet…")
        for n in self._unfilled[:count]:
            self.sections[n].show_group(measures.groups[n], measures.months, waiting)
        del self._unfilled[:count]
        # One width for every table (so every chart beside one is as wide): the widest so
        # far while filling, the widest of the new ones at the end.
        shown = [s for s in self.sections if not s.table.isHidden()]
        widest = max(s.table.width() for s in shown)
        for section in self.sections:
            section.set_table_width(widest)
        if self._unfilled:
            QTimer.singleShot(0, partial(self._fill_some, generation))
        else:
            self.content.setEnabled(True)
            self._update_actions()
        # Once the layout has placed the sections, draw the charts in view.
        QTimer.singleShot(0, self._draw_visible)

    def _build_sections(self, keys: list[str], *, now: bool = True) -> None:
        """Sections for ``keys`` in place of those shown: all at once, or (``now`` False,
        while the lane computes) a few per turn of the event loop, so making ten tables
        never holds the window up."""
        for section in self.sections:
            section.setParent(None)
            section.deleteLater()
        self.sections, self._to_build = [], list(keys)
        if now:
            self._build_some(len(keys))
        else:
            QTimer.singleShot(0, self._build_some)

    def _build_some(self, count: int = BUILD_BATCH) -> None:
        waiting = self.tr("Räknar…")
        for key in self._to_build[:count]:
            section = MeasureSection(key, waiting)
            section.set_side_by_side(self._side_by_side)
            self.column.insertWidget(len(self.sections), section)
            section.show()  # now, not queued: hidden, it would not count in the layout yet
            self.sections.append(section)
        del self._to_build[:count]
        if self._to_build and count == BUILD_BATCH:
            QTimer.singleShot(0, self._build_some)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._computing = False
        self.status.clear()
        if self.measures is None:  # no numbers at all: no sections waiting for them either
            self._build_sections([])
        self._refuse(user_message(exc))

    # ---- charts --------------------------------------------------------------------------
    def _draw_visible(self) -> None:
        """Ask the lane for the charts of the sections in view and a screen below it."""
        measures = self.measures
        if measures is None or self._computing or not self.isVisible():
            return
        if self.content.height() < self.content.minimumSizeHint().height():
            return  # laid out squeezed, before the scroll area grows it (a resize follows)
        viewport = self.scroll_area.viewport()
        top = self.scroll_area.verticalScrollBar().value()
        wanted = QRect(0, top, viewport.width(), 2 * viewport.height())
        generation = self._generation
        unfilled = {self.sections[n] for n in self._unfilled}
        for section, group in zip(self.sections, measures.groups, strict=True):
            if generation in (section.drawn_for, section.requested_for) or section in unfilled:
                continue  # drawn, on its way, or to be drawn once its numbers are in
            if not section.geometry().intersects(wanted):
                continue
            section.requested_for = generation
            self.context.runner.run(
                _draw, group, measures.months, partial(self._is_current, generation),
                on_done=partial(self._chart_drawn, generation, section),
                on_error=partial(self._chart_failed, generation, section), owner=self)

    def _chart_drawn(self, generation: int, section: MeasureSection, svg: bytes | None) -> None:
        if generation != self._generation or svg is None:
            return
        section.drawn_for = generation
        if not section.chart.set_svg(svg):
            section.chart.set_placeholder(self.tr("Diagrammet kunde inte visas."))

    def _chart_failed(self, generation: int, section: MeasureSection,
                      exc: BaseException) -> None:
        if generation == self._generation:
            section.drawn_for = generation  # not asked again until the numbers change
            section.chart.set_placeholder(user_message(exc))

    # ---- the report ----------------------------------------------------------------------
    @property
    def shown(self) -> bool:
        """Every section shows the numbers of ``measures`` (charts may still be drawing)."""
        return self.measures is not None and not self._computing and not self._unfilled

    def _update_actions(self) -> None:
        ready = self.shown and not self._exporting
        self.pdf_button.setEnabled(ready)
        self.csv_button.setEnabled(ready)
        self.busy.setVisible(self._computing or self._exporting)

    def _suggested_name(self, measures: Measures) -> str:
        return self.tr("matt-%1-%2.pdf").replace("%1", measures.start.strftime("%Y-%m")) \
            .replace("%2", measures.end.strftime("%Y-%m"))

    def save_pdf(self) -> None:
        if self.measures is None:
            return
        start = str(Path.home() / self._suggested_name(self.measures))
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Spara rapporten som PDF"), start, self.tr("PDF-filer (*.pdf)"))
        if path:
            self.save_pdf_to(Path(path))

    def save_pdf_to(self, path: Path) -> None:
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self._export(pdf=path, csv_dir=None)

    def export_csv(self) -> None:
        if self.measures is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Välj en mapp för tabellerna"), str(Path.home()))
        if folder:
            self.export_csv_to(Path(folder))

    def export_csv_to(self, folder: Path) -> None:
        measures = self.measures
        if measures is None:
            return
        names = [file_name(n, g) for n, g in enumerate(measures.groups, start=1)]
        present = [name for name in names if (folder / name).exists()]
        if present:
            answer = QMessageBox.question(
                self, self.tr("Ersätta tabellerna?"),
                self.tr("Mappen %1 har redan %2 av tabellerna (till exempel %3). Ersätta dem "
                        "med tabellerna för den här perioden?")
                .replace("%1", str(folder)).replace("%2", str(len(present)))
                .replace("%3", present[0]))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._export(pdf=None, csv_dir=folder)

    def _export(self, pdf: Path | None, csv_dir: Path | None) -> None:
        measures = self.measures
        if measures is None or self._exporting:
            return
        self._exporting = True
        self.message.hide()
        self.error_label.hide()
        self._update_actions()
        locks = self._locks
        self.context.runner.run(_export, self.service, measures, pdf, csv_dir,
                                on_done=partial(self._exported, locks),
                                on_error=partial(self._export_failed, locks), owner=self)

    def _exported(self, locks: int, result: ExportResult) -> None:
        if locks != self._locks:
            return  # locked meanwhile: nothing of it stays on screen
        self._exporting = False
        self._update_actions()
        if result.pdf is not None:
            text = self.tr("Rapporten är sparad som %1.").replace("%1", str(result.pdf))
        else:
            folder = result.csv[0].parent if result.csv else ""
            text = self.tr("%1 tabeller är sparade i mappen %2.") \
                .replace("%1", str(len(result.csv))).replace("%2", str(folder))
        self.message.setText(text)
        self.message.show()

    def _export_failed(self, locks: int, exc: BaseException) -> None:
        if locks != self._locks:
            return
        self._exporting = False
        self._update_actions()
        self.error_label.setText(user_message(exc))
        self.error_label.show()
