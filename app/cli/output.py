"""Printing records as an aligned table, CSV or JSON."""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any, TextIO

FORMATS = ("table", "csv", "json")


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) else 1 for ch in text)


def write_records(records: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]],
                  fmt: str, out: TextIO | None = None) -> None:
    """``columns`` pairs a record key with the header shown in table and CSV output."""
    out = out or sys.stdout
    if fmt == "json":
        json.dump(list(records), out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
        return
    rows = [[_cell(r.get(key)) for key, _label in columns] for r in records]
    headers = [label for _key, label in columns]
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([key for key, _label in columns])
        writer.writerows(rows)
        return
    widths = [max([_width(h)] + [_width(row[i]) for row in rows]) for i, h in enumerate(headers)]
    for line in [headers, ["-" * w for w in widths], *rows]:
        padded = [cell + " " * (w - _width(cell)) for cell, w in zip(line, widths, strict=True)]
        out.write("  ".join(padded).rstrip() + "\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)
