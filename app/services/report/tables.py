"""The measures as CSV: one file per measure group, for evaluators and spreadsheets.

The format is chosen for Excel set to Swedish, which opens a double-clicked file directly:

- UTF-8 with a byte-order mark (without one Excel reads å, ä and ö as Windows-1252),
- ``;`` between fields and a decimal comma in shares ("57,4"): Swedish Excel's list and
  decimal separators (a ``,``-separated file lands in one column there),
- CRLF line ends, a header row, then one row per month and a last row "Totalt".

Columns: month ("2025-03"), from and to (the days the row covers: the first and last month are
clipped to the period), then one column per measure titled with its unit; counts are whole
numbers, shares are percent with one decimal, and a share with nothing to take it of is an
empty cell. Elsewhere: ``pandas.read_csv(path, sep=";", decimal=",", encoding="utf-8-sig")``.
Files are written atomically and named after the group ("01-skjutningar.csv").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path

from app.i18n import Labels, _
from app.services.measures import MeasureGroup, Measures, Series, Value
from app.vault.atomic import atomic_write_bytes

SEPARATOR = ";"
# File names: short, ASCII (they travel by e-mail and USB sticks between systems).
FILE_NAMES: Mapping[str, str] = Labels({
    "shootings": _("skjutningar"),
    "explosions": _("sprangningar"),
    "killings": _("dodligt-vald"),
    "harm": _("skjutningar-skadade-doda"),
    "message": _("riktade-samtal-doser"),
    "callins": _("call-ins"),
    "attendance": _("narvaro"),
    "rounds": _("sanktionsrundor"),
    "referrals": _("remisser"),
    "helpline": _("stodlinjen"),
})


def file_name(index: int, group: MeasureGroup) -> str:
    return f"{index:02d}-{FILE_NAMES[group.key]}.csv"


def _cell(series: Series, value: Value) -> str:
    if value is None:
        return ""
    if series.percent:
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def _header(series: Series) -> str:
    return f"{series.title} (%)" if series.percent else f"{series.title} ({series.unit})"


def group_csv(group: MeasureGroup, measures: Measures) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=SEPARATOR, lineterminator="\r\n")
    writer.writerow([_("Månad"), _("Från"), _("Till"), *(_header(s) for s in group.series)])
    for i, month in enumerate(measures.months):
        writer.writerow([month.key, month.start.isoformat(), month.end.isoformat(),
                         *(_cell(s, s.values[i]) for s in group.series)])
    writer.writerow([_("Totalt"), measures.start.isoformat(), measures.end.isoformat(),
                     *(_cell(s, s.total) for s in group.series)])
    return out.getvalue().encode("utf-8-sig")


def write_csv(measures: Measures, folder: Path) -> list[Path]:
    """One CSV file per measure group in ``folder`` (which must exist); returns the paths."""
    written = []
    for i, group in enumerate(measures.groups, start=1):
        path = Path(folder) / file_name(i, group)
        atomic_write_bytes(path, group_csv(group, measures))
        written.append(path)
    return written
