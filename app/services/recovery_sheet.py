"""The recovery key as a one-page PDF to print and lock away.

The sheet holds the vault folder's name, the date and the key — never the passphrase, the
user name or anything from inside the vault. It is written atomically (temp file, fsync,
rename): a half-written sheet must never look like a complete one.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from app.errors import MottryckError, os_error_text
from app.i18n import _
from app.paths import resources_dir
from app.vault.atomic import atomic_write_bytes

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
KEY_FONT = "Courier-Bold"  # built into every PDF reader; the key is plain A–Z, 2–7 and dashes
GROUPS_PER_LINE = 4


def _register_fonts() -> None:
    # Registered once per process; DejaVu has å ä ö, the PDF base fonts do not reliably.
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    fonts = resources_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(fonts / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(fonts / "DejaVuSans-Bold.ttf")))


def key_lines(recovery_key: str) -> list[str]:
    """The key's groups, a few to a line, as printed on the sheet."""
    groups = [g for g in recovery_key.strip().split("-") if g]
    return ["  ".join(groups[i:i + GROUPS_PER_LINE])
            for i in range(0, len(groups), GROUPS_PER_LINE)]


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and pdfmetrics.stringWidth(candidate, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def render_sheet(recovery_key: str, vault_name: str, today: date) -> bytes:
    _register_fonts()
    buffer = io.BytesIO()
    page_w, page_h = A4
    margin = 22 * mm
    text_w = page_w - 2 * margin
    pdf = Canvas(buffer, pagesize=A4, pageCompression=0)
    pdf.setTitle(_("Mottryck – återställningsnyckel"))
    pdf.setAuthor("Mottryck")

    y = page_h - margin
    pdf.setFont(FONT_BOLD, 20)
    pdf.drawString(margin, y, _("Återställningsnyckel för Mottryck"))
    y -= 12 * mm
    pdf.setFont(FONT, 11)
    pdf.drawString(margin, y, _("Valv: {name}").format(name=vault_name))
    y -= 6 * mm
    pdf.drawString(margin, y, _("Utskriven: {date}").format(date=today.isoformat()))

    y -= 16 * mm
    box_top = y + 8 * mm
    pdf.setFont(KEY_FONT, 20)
    for line in key_lines(recovery_key):
        pdf.drawString(margin + 8 * mm, y, line)
        y -= 11 * mm
    pdf.setLineWidth(1)
    pdf.rect(margin, y + 4 * mm, text_w, box_top - (y + 4 * mm))

    y -= 10 * mm
    instructions = [
        _("Nyckeln öppnar valvet om lösenfrasen glöms bort. Den som har nyckeln kan läsa allt "
          "i valvet."),
        _("Skriv ut sidan och lås in den, till exempel i ett kassaskåp. Radera PDF-filen när "
          "sidan är utskriven."),
        _("Spara inte nyckeln i e-post, i molntjänster eller i samma mapp som valvet."),
        _("Så används den: mottryck passwd --recovery-key-file FIL skapar en ny lösenfras "
          "med hjälp av nyckeln."),
    ]
    pdf.setFont(FONT, 11)
    for paragraph in instructions:
        for line in _wrap(paragraph, FONT, 11, text_w):
            pdf.drawString(margin, y, line)
            y -= 5.5 * mm
        y -= 3 * mm
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def save_recovery_sheet(path: Path, recovery_key: str, vault_name: str,
                        today: date | None = None) -> Path:
    """Write the sheet to ``path`` (".pdf" added if missing); returns where it went."""
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    data = render_sheet(recovery_key, vault_name, today or date.today())
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise MottryckError(_("Kan inte spara {path}: {err}").format(
            path=path, err=os_error_text(exc))) from exc
    return path
