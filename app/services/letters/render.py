"""Laying out letters as PDF with reportlab Platypus and the bundled DejaVu fonts.

Every text that reaches reportlab passes through ``_para``, which redacts anything that looks
like a personnummer and escapes markup: that single door is what makes "never a personnummer
on a letter" hold whatever a template, a field or the letterhead contains. Each letter starts
on a new page; the header, addressee and heading are on its first page, the return address
and page number in the footer of every page.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.errors import Cancelled
from app.paths import resources_dir
from app.services.letters.letterhead import Letterhead
from app.services.letters.redact import redact
from app.services.letters.words import LetterWords

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
INK = colors.HexColor("#1f2a44")  # dark blue-grey: sober, prints well in black and white
RULE = colors.HexColor("#8a93a6")
BOX = colors.HexColor("#eef1f6")
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 24 * mm, 16 * mm, 22 * mm

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


@dataclass(frozen=True)
class LetterText:
    """One merged letter: plain text, fields already filled in."""

    addressee: str
    heading: str
    paragraphs: tuple[str, ...]


def register_fonts() -> None:
    # Once per process; the recovery sheet registers the same names from the same files.
    if FONT not in pdfmetrics.getRegisteredFontNames():
        fonts = resources_dir() / "fonts"
        pdfmetrics.registerFont(TTFont(FONT, str(fonts / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(fonts / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT,
                                  boldItalic=FONT_BOLD)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14, textColor=colors.black,
                          spaceAfter=6)
    return {
        "body": base,
        "partners": ParagraphStyle("partners", base, fontName=FONT_BOLD, fontSize=11,
                                   leading=14, textColor=INK, spaceAfter=0),
        "date": ParagraphStyle("date", base, alignment=TA_RIGHT, fontSize=10, spaceAfter=0),
        "to": ParagraphStyle("to", base, fontName=FONT_BOLD, fontSize=11.5, spaceAfter=0),
        "heading": ParagraphStyle("heading", base, fontName=FONT_BOLD, fontSize=16, leading=20,
                                  textColor=INK, spaceBefore=4, spaceAfter=10),
        "box_title": ParagraphStyle("box_title", base, fontName=FONT_BOLD, fontSize=11.5,
                                    textColor=INK, spaceAfter=4),
        "box": ParagraphStyle("box", base, spaceAfter=1),
        "phone": ParagraphStyle("phone", base, fontName=FONT_BOLD, fontSize=15, leading=20,
                                spaceAfter=2),
        "sign": ParagraphStyle("sign", base, fontSize=9.5, leading=12.5, spaceAfter=0),
        "sign_name": ParagraphStyle("sign_name", base, fontName=FONT_BOLD, fontSize=10,
                                    leading=13, spaceAfter=0),
    }


class _Renderer:
    def __init__(self, head: Letterhead, words: LetterWords, today: date) -> None:
        self.head, self.words, self.today = head, words, today
        self.styles = _styles()
        self._shared: tuple[Flowable, Flowable, Flowable | None] | None = None

    def para(self, text: str, style: str) -> Paragraph:
        """The one door into reportlab: redact, escape, keep line breaks."""
        safe = escape(redact(text, self.words.removed)).replace("\n", "<br/>")
        return Paragraph(safe, self.styles[style])

    def letter(self, letter: LetterText) -> list[Flowable]:
        if self._shared is None:
            self._shared = self.shared()
        header, help_box, signatures = self._shared
        out: list[Flowable] = [header, Spacer(1, 10 * mm),
                               self.para(letter.addressee, "to"), Spacer(1, 7 * mm),
                               self.para(letter.heading, "heading")]
        out += [self.para(p, "body") for p in letter.paragraphs]
        out += [Spacer(1, 4 * mm), help_box]
        if signatures is not None:
            out += [Spacer(1, 3 * mm), signatures]
        return out

    def shared(self) -> tuple[Flowable, Flowable, Flowable | None]:
        """Header, help box and signatures, the same in every letter of a batch: laid out as
        one set of flowables drawn on every letter (a third of the work for 500 letters)."""
        width = A4[0] - 2 * MARGIN_X
        dated = self.words.date(self.today)
        if self.head.place:
            dated = f"{self.head.place}, {dated}"
        header = Table(
            [[self.para("  ·  ".join(self.head.partners), "partners"), self.para(dated, "date")]],
            colWidths=[width * 0.62, width * 0.38])
        header.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ]))
        return header, self.help_box(width), self.signatures(width)

    def help_box(self, width: float) -> Flowable:
        w, h = self.words, self.head
        cells: list[Flowable] = [self.para(w.help_title, "box_title")]
        if h.phone:
            cells.append(self.para(h.phone, "phone"))
        if h.contact_person:
            cells.append(self.para(f"{w.contact}: {h.contact_person}", "box"))
        if h.opening_hours:
            cells.append(self.para(f"{w.hours}: {h.opening_hours}", "box"))
        box = Table([[cells]], colWidths=[width])
        box.setStyle(TableStyle([
            ("BOX", (0, 0), (-1, -1), 1.2, INK), ("BACKGROUND", (0, 0), (-1, -1), BOX),
            ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 5 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 4 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
        ]))
        return KeepTogether([box])

    def signatures(self, width: float) -> Flowable | None:
        people = self.head.signatories
        if not people:
            return None
        columns = min(len(people), 2 if len(people) == 4 else 3)
        col_w = width / columns
        rows: list[list[Any]] = []
        style: list[Any] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 6 * mm),
        ]
        for start in range(0, len(people), columns):
            group = people[start:start + columns]
            # Room to sign on, ruled under each signatory only and shorter than the column,
            # so neighbouring lines never join into one (a cell's rule ignores its padding).
            rows.append([[Spacer(1, 12 * mm),
                          HRFlowable(width=col_w - 6 * mm, thickness=0.6, color=colors.black,
                                     spaceBefore=0, spaceAfter=0, hAlign="LEFT")]
                         for _s in group] + [""] * (columns - len(group)))
            rows.append([[self.para(s.name, "sign_name"), self.para(s.title, "sign"),
                          self.para(s.organisation, "sign")] for s in group]
                        + [""] * (columns - len(group)))
            style.append(("TOPPADDING", (0, len(rows) - 1), (-1, len(rows) - 1), 2))
            style.append(("BOTTOMPADDING", (0, len(rows) - 1), (-1, len(rows) - 1), 4 * mm))
        table = Table(rows, colWidths=[col_w] * columns)
        table.setStyle(TableStyle(style))
        return KeepTogether([table])

    def footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        y = MARGIN_BOTTOM - 8 * mm
        canvas.line(MARGIN_X, y + 4 * mm, A4[0] - MARGIN_X, y + 4 * mm)
        canvas.setFont(FONT, 8)
        canvas.setFillColor(RULE)
        address = redact(self.head.return_address, self.words.removed).replace("\n", "  ·  ")
        canvas.drawString(MARGIN_X, y, address)
        page = self.words.page.format(n=doc.page_in_letter)
        canvas.drawRightString(A4[0] - MARGIN_X, y, page)
        canvas.restoreState()


class _LetterEnd(Flowable):
    """Zero-size mark after each letter: progress, cancel, and restarting the page count."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index
        self.width = self.height = 0

    def draw(self) -> None:
        return None


class _Doc(BaseDocTemplate):
    def __init__(self, buffer: io.BytesIO, total: int, progress: Progress | None,
                 cancelled: IsCancelled | None, **kw: Any) -> None:
        super().__init__(buffer, **kw)
        self.total, self.progress, self.cancelled = total, progress, cancelled
        self.page_in_letter = 0
        self._restart = True

    def handle_pageBegin(self) -> None:
        self.page_in_letter = 1 if self._restart else self.page_in_letter + 1
        self._restart = False
        super().handle_pageBegin()

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _LetterEnd):
            self._restart = True
            if self.cancelled is not None and self.cancelled():
                raise Cancelled()
            if self.progress is not None:
                self.progress(flowable.index + 1, self.total)


def render_letters(letters: Sequence[LetterText], head: Letterhead, words: LetterWords,
                   today: date, *, title: str = "", progress: Progress | None = None,
                   cancelled: IsCancelled | None = None) -> bytes:
    """One PDF holding every letter, each starting on a new page."""
    register_fonts()
    renderer = _Renderer(head, words, today)
    buffer = io.BytesIO()
    doc = _Doc(buffer, len(letters), progress, cancelled, pagesize=A4,
               leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
               bottomMargin=MARGIN_BOTTOM, title=redact(title, words.removed),
               author=redact(", ".join(head.partners), words.removed), creator="Mottryck")
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, A4[0] - 2 * MARGIN_X,
                  A4[1] - MARGIN_TOP - MARGIN_BOTTOM, id="body", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("letter", [frame], onPage=renderer.footer)])
    story: list[Flowable] = []
    for index, letter in enumerate(letters):
        if cancelled is not None and index % 50 == 0 and cancelled():
            raise Cancelled()
        story += renderer.letter(letter)
        story.append(_LetterEnd(index))
        if index + 1 < len(letters):
            story.append(PageBreak())
    doc.build(story)
    return buffer.getvalue()
