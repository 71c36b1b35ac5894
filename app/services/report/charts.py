"""One chart per measure group, drawn with reportlab's own graphics (BSD; QtCharts is GPL-only
in Qt 6 and must stay out of this product).

The same ``Drawing`` goes into the PDF report and, as SVG (``chart_svg``, pure Python), onto
the measures page, so the screen and the paper never disagree. Bars are a ``VerticalBarChart``
over the months; comparison lines are drawn on the bar chart's own scale (its axes are set
explicitly, so a month's centre and a value's height are known), broken where a month has no
value (a share of no shootings), with markers and dashes so they survive black-and-white
printing. Text is DejaVu Sans, the font the letters embed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.i18n import _
from app.services.letters.render import FONT, FONT_BOLD, register_fonts
from app.services.measures import MeasureGroup, Measures, Month, Series, Style

WIDTH, HEIGHT = 170 * mm, 78 * mm
INK = colors.HexColor("#1f2a44")
GRID = colors.HexColor("#d5d9e0")
# Dark, middle and light: told apart in grey as well as in colour.
BAR_COLORS = (colors.HexColor("#1f4e79"), colors.HexColor("#6f9bd1"),
              colors.HexColor("#c3d5ec"))
LINE_COLORS = (colors.HexColor("#c0392b"), colors.HexColor("#d68910"))
LINE_DASHES: tuple[tuple[float, ...] | None, ...] = (None, (4, 2))
FONT_SIZE = 7.5
LEGEND_SIZE = 8
MAX_LABELLED_MONTHS = 24  # more than this and every second (third …) month is named
# The SVG names the family the app and the system know, not reportlab's registration name.
SVG_FONTS = {FONT: {"family": "DejaVu Sans"},
             FONT_BOLD: {"family": "DejaVu Sans", "weight": "bold"}}


def nice_scale(top: float) -> tuple[float, float]:
    """(axis maximum, step): at most about five steps of 1, 2, 2.5 or 5 × 10^k, whole numbers
    for counts; an empty chart still gets an axis up to 5."""
    if top <= 0:
        return 5.0, 1.0
    rough = top / 5
    power = 10 ** math.floor(math.log10(rough))
    step = next(f * power for f in (1, 2, 2.5, 5, 10) if f * power >= rough)
    step = max(step, 1.0)
    return step * math.ceil(top / step - 1e-9), step


def month_labels(months: Sequence[Month]) -> list[str]:
    """The axis text per month: its abbreviation, with the year below the first month named
    in each year; past MAX_LABELLED_MONTHS only every k-th month is named."""
    every = max(1, math.ceil(len(months) / MAX_LABELLED_MONTHS))
    labels, years_shown = [], set()
    for i, m in enumerate(months):
        if i % every:
            labels.append("")
            continue
        text = m.short
        if m.start.year not in years_shown:
            years_shown.add(m.start.year)
            text += f"\n{m.start.year}"
        labels.append(text)
    return labels


def _legend(d: Drawing, series: Sequence[Series], top: float, left: float,
            right: float) -> float:
    """Swatches and titles in rows from ``top`` down; returns the y below the last row."""
    x, y, row_h = left, top - LEGEND_SIZE, LEGEND_SIZE + 5
    bars = lines = 0
    for s in series:
        width = 16 + stringWidth(s.title, FONT, LEGEND_SIZE) + 14
        if x + width > right and x > left:
            x, y = left, y - row_h
        if s.style is Style.BAR:
            d.add(Rect(x, y - 1, 10, 8, fillColor=BAR_COLORS[bars % len(BAR_COLORS)],
                       strokeColor=INK, strokeWidth=0.3))
            bars += 1
        else:
            color, dash = LINE_COLORS[lines % 2], LINE_DASHES[lines % 2]
            d.add(Line(x - 1, y + 3, x + 11, y + 3, strokeColor=color, strokeWidth=1.6,
                       strokeDashArray=dash))
            d.add(_marker(lines, x + 5, y + 3, color))
            lines += 1
        d.add(String(x + 14, y, s.title, fontName=FONT, fontSize=LEGEND_SIZE, fillColor=INK))
        x += width
    return y - 6


def _marker(line_no: int, x: float, y: float, color: Color) -> Circle | Rect:
    if line_no % 2 == 0:
        return Circle(x, y, 2.1, fillColor=color, strokeColor=color, strokeWidth=0.5)
    return Rect(x - 2, y - 2, 4, 4, fillColor=colors.white, strokeColor=color, strokeWidth=1)


def chart(group: MeasureGroup, months: Sequence[Month], *, width: float = WIDTH,
          height: float = HEIGHT) -> Drawing:
    """The group's chart: its bar series as grouped bars per month, its line series on the
    same scale; the scale is 0–100 % for shares."""
    register_fonts()
    d = Drawing(width, height)
    # Its own white ground: on a dark screen theme the ink-coloured text stays readable.
    d.add(Rect(0, 0, width, height, fillColor=colors.white, strokeColor=None))
    shown = group.charted
    bars = [s for s in shown if s.style is Style.BAR]
    lines = [s for s in shown if s.style is Style.LINE]
    values = [v for s in shown for v in s.values if v is not None]
    if group.percent:
        top, step = 100.0, 25.0
    else:
        top, step = nice_scale(max(values, default=0))

    plot_top = _legend(d, shown, height - 2, 4, width - 4)
    label_w = stringWidth(_fmt_tick(top, group.percent), FONT, FONT_SIZE) + 8
    n = max(1, len(months))
    bc = VerticalBarChart()
    bc.x, bc.y = label_w + 2, 26
    bc.width, bc.height = width - bc.x - 6, max(20.0, plot_top - bc.y - 4)
    # Without bars the chart still draws the axes; a zero row keeps it valid.
    bc.data = [tuple(s.values) for s in bars] or [tuple(0 for _m in months) or (0,)]
    bc.strokeColor = None
    bc.groupSpacing = 3 if len(bars) > 1 else 4
    bc.barSpacing = 0.5
    for i in range(len(bc.data)):
        bc.bars[i].fillColor = BAR_COLORS[i % len(BAR_COLORS)] if bars else colors.white
        bc.bars[i].strokeColor = None if bars else colors.white
        bc.bars[i].strokeWidth = 0
    va = bc.valueAxis
    va.valueMin, va.valueMax, va.valueStep = 0, top, step
    va.visibleGrid, va.gridStrokeColor, va.gridStrokeWidth = 1, GRID, 0.5
    va.strokeColor, va.strokeWidth = INK, 0.5
    va.labels.fontName, va.labels.fontSize, va.labels.fillColor = FONT, FONT_SIZE, INK
    va.labelTextFormat = lambda v: _fmt_tick(v, group.percent)
    ca = bc.categoryAxis
    ca.categoryNames = month_labels(months) or [""]
    ca.strokeColor, ca.strokeWidth = INK, 0.5
    ca.tickDown = 2
    ca.labels.fontName, ca.labels.fontSize, ca.labels.fillColor = FONT, FONT_SIZE, INK
    ca.labels.boxAnchor, ca.labels.dy, ca.labels.leading = "n", -3, FONT_SIZE + 1.5
    d.add(bc)

    # Lines on the bar chart's scale: month i's centre and a value's height are fixed by the
    # axes set above (the category axis divides the width evenly, with no padding).
    def xy(i: int, v: float) -> tuple[float, float]:
        return bc.x + (i + 0.5) * bc.width / n, bc.y + bc.height * min(v, top) / top

    for k, s in enumerate(lines):
        color, dash = LINE_COLORS[k % 2], LINE_DASHES[k % 2]
        for run in _runs(s.values):
            points = [xy(i, v) for i, v in run]
            if len(points) > 1:
                flat = [c for p in points for c in p]
                d.add(PolyLine(flat, strokeColor=color, strokeWidth=1.6, strokeDashArray=dash))
            if n <= 60:  # markers on a long period only clutter the line
                for px, py in points:
                    d.add(_marker(k, px, py, color))
    if not values:
        d.add(String(bc.x + bc.width / 2, bc.y + bc.height / 2,
                     _("Inget att visa under perioden"), fontName=FONT, fontSize=9,
                     fillColor=INK, textAnchor="middle"))
    return d


def _runs(values: Sequence[float | int | None]) -> list[list[tuple[int, float]]]:
    """Consecutive months with a value: a line breaks where a month has none."""
    runs: list[list[tuple[int, float]]] = []
    current: list[tuple[int, float]] = []
    for i, v in enumerate(values):
        if v is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append((i, float(v)))
    if current:
        runs.append(current)
    return runs


def _fmt_tick(value: float, percent: bool) -> str:
    text = f"{value:g}"
    return _("{value} %").format(value=text) if percent else text


def charts(measures: Measures, *, width: float = WIDTH,
           height: float = HEIGHT) -> list[tuple[MeasureGroup, Drawing]]:
    return [(g, chart(g, measures.months, width=width, height=height)) for g in measures.groups]


def chart_svg(drawing: Drawing) -> bytes:
    """The drawing as SVG (UTF-8), for QtSvg on the measures page."""
    text = renderSVG.drawToString(drawing, fontHacks=SVG_FONTS)
    # renderSVG writes an unfilled polyline as "fill: None", which is no CSS value: QtSvg
    # and browsers then fill it black (the area under a comparison line).
    return text.replace("fill: None", "fill: none").encode("utf-8")
