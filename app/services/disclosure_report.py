"""The disclosure register printed: an A4 landscape table with the period and filters it
covers and who printed it when, for a supervisor or the data protection officer.

Pages carry their number and the print line, so a loose page still says what it is part of.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.exchange.profile_words import RECORD_LABELS
from app.i18n import _
from app.services.letters.render import FONT, FONT_BOLD, register_fonts

if TYPE_CHECKING:
    from app.services.disclosures import DisclosureDTO, DisclosureFilter

INK = colors.HexColor("#1f2a44")
RULE = colors.HexColor("#c8ccd4")
MARGIN = 14 * mm
# Date, direction, partner, user, legal basis, purpose and note, records, bundle.
COLUMN_MM = (24, 20, 34, 24, 60, 60, 34, 13)


def local_time(at: datetime) -> datetime:
    """A stored naive-UTC time in the computer's own zone, for reading."""
    return at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def counts_text(counts: dict[str, int]) -> str:
    """"Personer 12, Grupper 3" in the order records travel."""
    order = list(RECORD_LABELS)
    keys = sorted(counts, key=lambda k: (order.index(k) if k in order else len(order), k))
    return ", ".join(f"{RECORD_LABELS.get(k, k)} {counts[k]}"
                     for k in keys if counts[k])


def scope_text(scope: dict[str, Any]) -> str:
    parts = []
    groups = scope.get("groups") or []
    if groups:
        parts.append(_("Grupper: {names}").format(names=", ".join(map(str, groups))))
    if scope.get("since"):
        parts.append(_("Ändrat från och med {date}").format(date=scope["since"]))
    return "; ".join(parts)


def filter_lines(f: DisclosureFilter, partner_name: str | None) -> list[str]:
    from app.services.disclosures import DIRECTION_LABELS

    since = f.since.isoformat() if f.since else _("början")
    until = f.until.isoformat() if f.until else _("i dag")
    lines = [_("Period: {since} – {until}").format(since=since, until=until)]
    if f.direction:
        lines.append(_("Riktning: {direction}").format(
            direction=DIRECTION_LABELS[f.direction]))
    if f.partner_id:
        lines.append(_("Partner: {name}").format(name=partner_name or f.partner_id))
    if f.search and f.search.strip():
        lines.append(_("Sökord: {words}").format(words=f.search.strip()))
    return lines


def _styles() -> dict[str, ParagraphStyle]:
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=10)
    return {
        "title": ParagraphStyle("title", fontName=FONT_BOLD, fontSize=16, leading=20,
                                textColor=INK, spaceAfter=4),
        "info": ParagraphStyle("info", fontName=FONT, fontSize=9.5, leading=12.5),
        "cell": cell,
        "head": ParagraphStyle("head", cell, fontName=FONT_BOLD, textColor=INK),
        "empty": ParagraphStyle("empty", fontName=FONT, fontSize=10, leading=14),
    }


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _row(d: DisclosureDTO, st: dict[str, ParagraphStyle]) -> list[Paragraph]:
    from app.services.disclosures import DIRECTION_LABELS

    reasons = d.purpose or ""
    if d.basis_note:
        reasons = f"{reasons}\n{_('Avvägning:')} {d.basis_note}".strip()
    records = counts_text(d.counts) or "0"
    scope = scope_text(d.scope)
    if scope:
        records = f"{records}\n{scope}"
    cells = [local_time(d.at).strftime("%Y-%m-%d %H:%M"),
             DIRECTION_LABELS.get(d.direction, d.direction), d.partner_name, d.user,
             d.legal_basis, reasons, records, str(d.sequence)]
    return [_para(c, st["cell"]) for c in cells]


def render_register(rows: Sequence[DisclosureDTO], f: DisclosureFilter, *, user: str,
                    partner_name: str | None, now: datetime) -> bytes:
    register_fonts()
    st = _styles()
    buffer = io.BytesIO()
    page_w = landscape(A4)[0]
    printed = _("Utskrivet {when} av {user}").format(when=now.strftime("%Y-%m-%d %H:%M"),
                                                     user=user)
    doc = SimpleDocTemplate(buffer, pagesize=landscape(A4), leftMargin=MARGIN,
                            rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN + 4 * mm,
                            title=_("Register över utlämnanden"), author="Mottryck")
    story: list[Any] = [_para(_("Register över utlämnanden"), st["title"])]
    story += [_para(line, st["info"]) for line in filter_lines(f, partner_name)]
    story += [_para(printed, st["info"]), Spacer(1, 5 * mm)]
    if not rows:
        story.append(_para(_("Inga utlämnanden eller mottagna buntar under perioden."),
                           st["empty"]))
    else:
        heads = [_("Tid"), _("Riktning"), _("Partner"), _("Användare"), _("Rättslig grund"),
                 _("Ändamål och avvägning"), _("Poster och urval"), _("Nr")]
        data = [[_para(h, st["head"]) for h in heads]] + [_row(d, st) for d in rows]
        table = Table(data, colWidths=[w * mm for w in COLUMN_MM], repeatRows=1)
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        story.append(table)

    def footer(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.drawString(MARGIN, MARGIN - 2 * mm, f"{_('Register över utlämnanden')} · "
                                                    f"{printed}")
        canvas.drawRightString(page_w - MARGIN, MARGIN - 2 * mm,
                               _("Sida {page}").format(page=canvas.getPageNumber()))
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
