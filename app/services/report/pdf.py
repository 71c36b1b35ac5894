"""The measures report as an A4 PDF for the styrgrupp and evaluators.

A title page (the unit, the period, when and by whom it was made, every measure's total), then
one page per measure group: what it counts, its chart and its numbers month by month with the
period's total. The report holds counts only — no name, personnummer or any other detail of a
person reaches it (the tests check the text). Every page's footer says what it is part of.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.i18n import _
from app.services.letters.render import FONT, FONT_BOLD, register_fonts
from app.services.measures import MeasureGroup, Measures, Series
from app.services.report.charts import HEIGHT, WIDTH, chart
from app.vault.atomic import atomic_write_bytes

INK = colors.HexColor("#1f2a44")
RULE = colors.HexColor("#c8ccd4")
STRIPE = colors.HexColor("#f3f5f8")
MARGIN = 20 * mm
MONTH_COLUMN = 31 * mm


def report_title() -> str:
    return _("Arbetsgruppens mått")


def period_text(measures: Measures) -> str:
    n = len(measures.months)
    return _("{start} – {end} ({n} mån.)").format(start=measures.start.isoformat(),
                                                  end=measures.end.isoformat(), n=n)


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, textColor=INK)
    cell = ParagraphStyle("cell", body, fontSize=8.5, leading=10.5)
    return {
        "title": ParagraphStyle("title", body, fontName=FONT_BOLD, fontSize=24, leading=30,
                                spaceAfter=6),
        "unit": ParagraphStyle("unit", body, fontName=FONT_BOLD, fontSize=14, leading=18,
                               spaceAfter=10),
        "info": ParagraphStyle("info", body, fontSize=10.5, leading=15),
        "heading": ParagraphStyle("heading", body, fontName=FONT_BOLD, fontSize=15, leading=19,
                                  spaceAfter=3),
        "note": ParagraphStyle("note", body, spaceAfter=6),
        "body": body,
        "cell": cell,
        "num": ParagraphStyle("num", cell, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", cell, fontName=FONT_BOLD),
        "head_num": ParagraphStyle("head_num", cell, fontName=FONT_BOLD, fontSize=8,
                                   leading=10, alignment=TA_RIGHT, splitLongWords=0),
        "group": ParagraphStyle("group", cell, fontName=FONT_BOLD, spaceBefore=2),
        "measure": ParagraphStyle("measure", cell, leftIndent=8),
    }


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _head(s: Series, st: dict[str, ParagraphStyle]) -> Paragraph:
    unit = "" if s.percent else f"<br/><font size='7'>{escape(s.unit)}</font>"
    return Paragraph(escape(s.title) + unit, st["head_num"])


def _table_style(rows: int) -> TableStyle:
    commands: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEABOVE", (0, rows - 1), (-1, rows - 1), 0.8, INK),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    commands += [("BACKGROUND", (0, r), (-1, r), STRIPE) for r in range(2, rows - 1, 2)]
    return TableStyle(commands)


def numbers_table(group: MeasureGroup, measures: Measures,
                  st: dict[str, ParagraphStyle]) -> Table:
    """Month rows, one column per series (charted or not), and the period's total."""
    data: list[list[Any]] = [[_para(_("Månad"), st["head"])]
                             + [_head(s, st) for s in group.series]]
    for i, month in enumerate(measures.months):
        data.append([_para(month.label, st["cell"])]
                    + [_para(s.text(s.values[i]), st["num"]) for s in group.series])
    bold_num = ParagraphStyle("total", st["num"], fontName=FONT_BOLD)
    data.append([_para(_("Totalt"), st["head"])]
                + [_para(s.text(s.total), bold_num) for s in group.series])
    rest = (WIDTH - MONTH_COLUMN) / max(1, len(group.series))
    table = Table(data, colWidths=[MONTH_COLUMN] + [rest] * len(group.series), repeatRows=1)
    table.setStyle(_table_style(len(data)))
    return table


def _summary(measures: Measures, st: dict[str, ParagraphStyle]) -> Table:
    """Every measure's total for the period, by group: the first page's answer."""
    data: list[list[Any]] = [[_para(_("Mått"), st["head"]),
                              _para(_("Totalt för perioden"), st["head_num"])]]
    group_rows = []
    for group in measures.groups:
        group_rows.append(len(data))
        data.append([_para(group.title, st["group"]), ""])
        data += [[_para(s.title, st["measure"]), _para(s.text(s.total), st["num"])]
                 for s in group.series]
    table = Table(data, colWidths=[WIDTH - 40 * mm, 40 * mm], repeatRows=1)
    commands: list[Any] = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                           ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                           ("TOPPADDING", (0, 0), (-1, -1), 1.2),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
                           ("LEFTPADDING", (0, 1), (0, -1), 4)]
    commands += [("LINEABOVE", (0, r), (-1, r), 0.3, RULE) for r in group_rows[1:]]
    commands += [("SPAN", (0, r), (-1, r)) for r in group_rows]
    table.setStyle(TableStyle(commands))
    return table


def render_report(measures: Measures, *, unit_name: str, generated_by: str,
                  generated_at: datetime | None = None) -> bytes:
    register_fonts()
    st = _styles()
    at = (generated_at or datetime.now()).strftime("%Y-%m-%d %H:%M")
    title, period = report_title(), period_text(measures)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN + 4 * mm, title=title,
                            author=unit_name or "Mottryck", creator="Mottryck")
    story: list[Flowable] = [Spacer(1, 20 * mm), _para(title, st["title"])]
    if unit_name:
        story.append(_para(unit_name, st["unit"]))
    story += [
        _para(_("Period: {period}").format(period=period), st["info"]),
        _para(_("Skapad {when} av {user}").format(when=at, user=generated_by), st["info"]),
        Spacer(1, 4 * mm),
        _para(_("Rapporten innehåller bara antal och andelar per månad — inga uppgifter om "
                "enskilda personer. Hur varje mått räknas står på dess sida. Varje månad "
                "räknas från och med den första till och med den sista dagen som ligger inom "
                "perioden."), st["note"]),
        Spacer(1, 6 * mm),
        _summary(measures, st),
    ]
    for group in measures.groups:
        story += [PageBreak(),
                  KeepTogether([_para(group.title, st["heading"]), _para(group.note, st["note"]),
                                chart(group, measures.months, width=WIDTH, height=HEIGHT)]),
                  Spacer(1, 5 * mm), numbers_table(group, measures, st)]

    footer_text = " · ".join(t for t in (title, unit_name, period) if t)
    page_w = A4[0]

    def footer(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(INK)
        canvas.drawString(MARGIN, MARGIN - 2 * mm, footer_text)
        canvas.drawRightString(page_w - MARGIN, MARGIN - 2 * mm,
                               _("Sida {page}").format(page=canvas.getPageNumber()))
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def write_report(measures: Measures, out: Path, *, unit_name: str, generated_by: str) -> None:
    """Render and write atomically: a reader never sees half a file, and a failed write
    leaves any earlier file in place."""
    pdf = render_report(measures, unit_name=unit_name, generated_by=generated_by)
    atomic_write_bytes(Path(out), pdf)
