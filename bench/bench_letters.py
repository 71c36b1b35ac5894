"""500 call-in letters into one PDF, beside a bare reportlab canvas and LibreOffice.

Mottryck: ``LetterService.preview_callin`` (merge + layout + PDF, nothing recorded) and
``print_callin`` (the same plus 500 ``Letter`` rows and 500 PRINT audit events in one
transaction) for a call-in with 500 attendees, in a fresh vault (test KDF: unlock is not what
this measures). Floor: a bare reportlab canvas drawing the same merged text with the same
embedded DejaVu Sans, line-wrapped, one page per letter, no layout engine. What staff use
today: LibreOffice converting 500 mail-merged letters (one flat .fodt per letter, the same
text) with ``soffice --headless --convert-to pdf`` in batches of 200 (the wrapper silently
converts only about half of a longer list). Without ``soffice`` that row is skipped.

    .venv/bin/python bench/bench_letters.py [--letters 500] [--runs 3]
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from common import PASSPHRASE, USER, machine_note, median
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from app.models import CallIn, CallInInvitee, Group, Membership, Person
from app.models.enums import InviteeStatus
from app.services.letters.render import FONT, FONT_BOLD, LetterText, register_fonts
from app.services.session import Services, create_vault
from app.vault.kdf import KdfParams

TARGET_S = 5.0
FIRST = ["Åsa", "Örjan", "Ali", "Maja", "Yusuf", "Elin", "Dragan", "Sara", "Nils", "Amir"]
LAST = ["Öberg", "Ärlig", "Hassan", "Lindqvist", "Ahmadi", "Ström", "Jovanović", "Åkesson"]


def build(folder: Path, n: int) -> tuple[Services, str]:
    services, _recovery = create_vault(folder, USER, PASSPHRASE, kdf_params=KdfParams.testing())
    with services.db.write() as s:
        group = Group(name="Södra gänget")
        callin = CallIn(title="Forum", starts_at=datetime(2026, 4, 14, 18), venue="Folkets hus")
        s.add_all([group, callin])
        s.flush()
        for i in range(n):
            person = Person(first_name=FIRST[i % len(FIRST)], last_name=f"{LAST[i % len(LAST)]}"
                            f"{'' if i < len(LAST) else f'-{i}'}")
            s.add(person)
            s.flush()
            s.add(Membership(person_id=person.id, group_id=group.id))
            s.add(CallInInvitee(callin_id=callin.id, person_id=person.id,
                                status=InviteeStatus.ATTENDED))
        callin_id = callin.id
    services.letters.save_letterhead({
        "partners": ["Polisen", "Kriminalvården", "Malmö stad"], "place": "Malmö",
        "contact_person": "Sara Lindqvist", "phone": "040-123 45 67",
        "opening_hours": "vardagar 08.00–17.00",
        "signatories": [{"name": "Erik Holm", "title": "Chef", "organisation": "Polisen"},
                        {"name": "Maria Åberg", "title": "Chef", "organisation": "Frivården"}],
        "return_address": "Box 1, 211 20 Malmö"})
    return services, callin_id


def merged_letters(services: Services, callin_id: str) -> list[LetterText]:
    """The very texts Mottryck lays out, for the baselines."""
    letters = services.letters
    batch = letters._callin_batch(callin_id, None, "sv", False)
    return letters._letters(batch, preview=False)


def _wrap(text: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for raw in text.split("\n"):
        line = ""
        for word in raw.split():
            candidate = f"{line} {word}".strip()
            if line and pdfmetrics.stringWidth(candidate, FONT, size) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def bare_canvas(letters: list[LetterText]) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=A4)
    width = A4[0] - 48 * mm
    for letter in letters:
        y = A4[1] - 30 * mm
        pdf.setFont(FONT_BOLD, 11)
        pdf.drawString(24 * mm, y, letter.addressee)
        y -= 12 * mm
        pdf.setFont(FONT_BOLD, 16)
        pdf.drawString(24 * mm, y, letter.heading)
        y -= 10 * mm
        pdf.setFont(FONT, 10)
        for paragraph in letter.paragraphs:
            for line in _wrap(paragraph, 10, width):
                pdf.drawString(24 * mm, y, line)
                y -= 14
            y -= 6
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


FODT = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" '
        'office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>'
        '{body}</office:text></office:body></office:document>\n')


def libreoffice(letters: list[LetterText], work: Path) -> float | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    src, out = work / "odt", work / "pdf"
    shutil.rmtree(work, ignore_errors=True)
    src.mkdir(parents=True)
    out.mkdir()
    files = []
    for i, letter in enumerate(letters):
        parts = [f"<text:p>{escape(letter.addressee)}</text:p>",
                 f"<text:h>{escape(letter.heading)}</text:h>"]
        parts += [f"<text:p>{escape(p)}</text:p>" for p in letter.paragraphs]
        path = src / f"brev-{i:04d}.fodt"
        path.write_text(FODT.format(body="".join(parts)), encoding="utf-8")
        files.append(str(path))
    profile = f"-env:UserInstallation=file://{work / 'profile'}"
    start = time.perf_counter()
    for i in range(0, len(files), 200):
        subprocess.run([soffice, profile, "--headless", "--convert-to", "pdf", "--outdir",
                        str(out), *files[i:i + 200]], check=True, capture_output=True)
    seconds = time.perf_counter() - start
    made = len(list(out.glob("*.pdf")))
    if made != len(files):
        raise SystemExit(f"LibreOffice made {made} of {len(files)} PDFs")
    return seconds


def timed(fn: object, runs: int) -> float:
    values = []
    for _run in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        values.append(time.perf_counter() - start)
    return median(values)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--letters", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        services, callin_id = build(Path(tmp) / "vault", args.letters)
        try:
            texts = merged_letters(services, callin_id)
            register_fonts()
            preview = timed(lambda: services.letters.preview_callin(callin_id), args.runs)
            printed = timed(lambda: services.letters.print_callin(callin_id), args.runs)
            floor = timed(lambda: bare_canvas(texts), args.runs)
            lo = libreoffice(texts, Path(tmp) / "lo")
            pages = services.letters.preview_callin(callin_id).count(b"/Type /Page\n")
        finally:
            services.lock()
    n = args.letters
    print(f"\n{n} letters into one PDF  ({machine_note()}; {pages or '?'} pages)\n")
    print("| operation | seconds | vs bare canvas | vs LibreOffice | target | result |")
    print("|---|---:|---:|---:|---|---|")
    rows = [("Mottryck preview (merge, layout, PDF)", preview),
            ("Mottryck print (+ letter rows and audit events)", printed),
            ("bare reportlab canvas, same text (floor)", floor)]
    if lo is not None:
        rows.append((f"LibreOffice headless, {n} .fodt → PDF", lo))
    for label, seconds in rows:
        lo_ratio = f"{seconds / lo:.2f}×" if lo else "–"
        target = f"≤ {TARGET_S:.0f} s" if label.startswith("Mottryck") else "–"
        ok = "PASS" if seconds <= TARGET_S else "FAIL"
        print(f"| {label} | {seconds:.2f} | {seconds / floor:.1f}× | {lo_ratio} | {target} | "
              f"{ok if label.startswith('Mottryck') else '–'} |")
    if lo is None:
        print("\nsoffice not found: the LibreOffice row is skipped "
              "(Debian: apt-get install libreoffice-writer-nogui).")
    print(f"(today: {date.today().isoformat()})")


if __name__ == "__main__":
    main()
