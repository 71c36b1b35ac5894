"""Reading an import file as rows of cells: CSV (as Swedish Excel writes it) or XLSX.

Rows stream from the file, so a large file is never held in memory whole. Every way a file can
be unreadable (wrong type, too big, empty, undecodable, bad quoting, corrupt zip) becomes one
``ImportRejected`` with a Swedish message; nothing here raises anything else.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from app.errors import ImportRejected, RowError, os_error_text
from app.i18n import Labels, _

MAX_BYTES = 200 * 1024 * 1024
# A small .xlsx can unpack to gigabytes (a zip bomb); refuse before parsing any XML.
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
DELIMITERS = (";", ",", "\t")
_CHUNK = 1 << 20
_QUOTED = re.compile(r'"[^"]*"')
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")  # the bytes cp1252 leaves unmapped

Format = Literal["csv", "xlsx"]


@dataclass
class Sheet:
    """Rows as (spreadsheet line number, cells); ``position``/``size`` feed a progress bar."""

    format: Format
    rows: Iterator[tuple[int, list[Any]]]
    size: int
    _position: Any

    def position(self) -> int:
        return int(self._position())


@contextmanager
def open_sheet(path: Path) -> Iterator[Sheet]:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ImportRejected(_("Filtypen '{ext}' kan inte läsas in: välj en .csv- eller "
                               ".xlsx-fil.").format(ext=path.suffix or _("(ingen)")))
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _unreadable(exc) from exc
    if size > MAX_BYTES:
        raise ImportRejected(_("Filen är för stor ({mb} MB); högst {cap} MB kan läsas in.")
                             .format(mb=size // (1024 * 1024), cap=MAX_BYTES // (1024 * 1024)))
    if size == 0:
        raise ImportRejected(_("Filen är tom."))
    opener = _open_csv if suffix == ".csv" else _open_xlsx
    with opener(path, size) as table:
        yield table


# ---- CSV --------------------------------------------------------------------------------------
def detect_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM), else cp1252, which Swedish Excel writes by default.

    A file that is partly valid UTF-8 with other bytes later is refused rather than read as
    cp1252: that would silently turn every å into "Ã¥".
    """
    with path.open("rb") as f:
        head = f.read(3)
        bom = head == codecs.BOM_UTF8
        f.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        saw_multibyte = False
        utf8 = True
        cp1252 = True
        while chunk := f.read(_CHUNK):
            if b"\x00" in chunk:
                raise ImportRejected(_("Filen innehåller NUL-tecken och är ingen textfil (CSV). "
                                       "Spara den som CSV från kalkylprogrammet och försök igen."))
            cp1252 = cp1252 and not _CP1252_UNDEFINED.search(chunk)
            if not utf8:
                continue
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                utf8 = False
                saw_multibyte = saw_multibyte or not chunk[:exc.start].isascii()
                continue
            saw_multibyte = saw_multibyte or not chunk.isascii()
        if utf8:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                utf8 = False
    if utf8:
        return "utf-8-sig"
    if bom or saw_multibyte:
        raise ImportRejected(_("Filen har ogiltiga tecken för UTF-8 (blandade teckenkodningar). "
                               "Spara den som \"CSV UTF-8\" och försök igen."))
    if not cp1252:
        raise ImportRejected(_("Filen har ogiltiga tecken: den är varken UTF-8 eller "
                               "Windows-1252. Spara den som \"CSV UTF-8\" och försök igen."))
    return "cp1252"


def detect_delimiter(header_line: str) -> str:
    bare = _QUOTED.sub("", header_line)
    counts = {d: bare.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ";"


_CSV_REASONS = Labels({
    "expected after": _("ett citattecken (\") står fel"),
    "unexpected end of data": _("ett citattecken (\") avslutas aldrig"),
    "field larger than field limit": _("ett fält är för långt"),
})


def _csv_problem(exc: csv.Error, line: int) -> ImportRejected:
    text = str(exc)
    reason = next((r for key, r in _CSV_REASONS.items() if key in text),
                  _("felaktigt CSV-format"))
    return ImportRejected(_("Filen kan inte läsas som CSV vid rad {line}: {reason}. "
                            "Inget sparades.").format(line=line, reason=reason),
                          rows=[RowError(line, reason)])


def _unreadable(exc: OSError) -> ImportRejected:
    return ImportRejected(_("Filen kan inte läsas: {reason}.").format(reason=os_error_text(exc)))


@contextmanager
def _open_csv(path: Path, size: int) -> Iterator[Sheet]:
    try:
        encoding = detect_encoding(path)
        raw = path.open("rb")
    except OSError as exc:
        raise _unreadable(exc) from exc
    with raw:
        text: IO[str] = io.TextIOWrapper(raw, encoding=encoding, newline="")
        first = ""
        try:
            for line in text:
                if line.strip():
                    first = line
                    break
            text.seek(0)
        except OSError as exc:
            raise _unreadable(exc) from exc
        if not first:
            raise ImportRejected(_("Filen är tom."))
        yield Sheet("csv", _csv_rows(text, detect_delimiter(first)), size, raw.tell)


def _csv_rows(text: IO[str], delimiter: str) -> Iterator[tuple[int, list[Any]]]:
    reader = csv.reader(text, delimiter=delimiter, strict=True)
    line = 0
    try:
        for line, cells in enumerate(reader, start=1):
            yield line, cells
    except csv.Error as exc:
        raise _csv_problem(exc, line + 1) from exc
    except UnicodeDecodeError as exc:
        raise ImportRejected(_("Filen har ogiltiga tecken vid rad {line}.").format(
            line=line + 1)) from exc
    except OSError as exc:
        raise _unreadable(exc) from exc


# ---- XLSX -------------------------------------------------------------------------------------
# Marked here for the catalogue, translated again where raised (the language may change later).
_CORRUPT_XLSX = _("Filen är ingen läsbar .xlsx-arbetsbok (den kan vara skadad). "
                  "Öppna den i kalkylprogrammet och spara om den.")


@contextmanager
def _open_xlsx(path: Path, size: int) -> Iterator[Sheet]:
    import openpyxl  # only imported when a spreadsheet is read

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise ImportRejected(_("Arbetsboken är för stor uppackad; dela upp den."))
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except ImportRejected:
        raise
    except Exception as exc:
        # openpyxl reports a damaged file as any of a dozen types (zip, XML, KeyError, …).
        raise ImportRejected(_(_CORRUPT_XLSX)) from exc
    try:
        if not book.worksheets:
            raise ImportRejected(_("Arbetsboken har inga blad."))
        sheet = book.worksheets[0]
        rows_total = sheet.max_row if isinstance(sheet.max_row, int) else 0
        state = {"line": 0}
        yield Sheet("xlsx", _xlsx_rows(sheet, state), max(rows_total, 1),
                    lambda: state["line"])
    finally:
        book.close()


def _xlsx_rows(sheet: Any, state: dict[str, int]) -> Iterator[tuple[int, list[Any]]]:
    try:
        # values_only rows start at line 1 and fill gaps, so the count is the sheet's line.
        for line, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            state["line"] = line
            yield line, list(cells)
    except ImportRejected:
        raise
    except Exception as exc:
        raise ImportRejected(_(_CORRUPT_XLSX)) from exc
