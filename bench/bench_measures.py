"""The working group's measures for 24 months over the 100,000-person demo vault.

Mottryck: ``MeasuresService.compute`` for the 24 calendar months before the demo data's
reference day (2024-11-01 – 2026-10-31); "first chart" adds drawing the first group's chart
and turning it into SVG, as the measures page does before it shows anything; "report PDF" is
compute plus the A4 report (11 pages, ten charts) written to a file. Nothing is written to the
vault (the app's export adds one audit event, a millisecond).

Baseline: the very statements ``compute`` runs (captured from the vault's engine), replayed
with stdlib ``sqlite3`` on an unencrypted copy of the tables they read (the vault's own DDL and
indexes, the same rows, the same page cache), answers checked equal. The ratio is what
encryption, SQLAlchemy and building the result cost on top of SQLite doing the same work.
The twin is cached beside the demo vault (``bench/.cache/measures-100000.sqlite``); delete it
with the vault.

    nice -n 10 .venv/bin/python bench/bench_measures.py [--runs 5]
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from common import CACHE, clock, connect_plain, median, open_demo, print_table
from sqlalchemy import event, text

from app.services.measures import MeasuresService
from app.services.report.charts import chart, chart_svg
from app.services.report.pdf import write_report
from app.services.session import Services

START, END = date(2024, 11, 1), date(2026, 10, 31)
TABLES = ("incident", "notification", "notification_person", "person", "callin",
          "callin_invitee", "enforcement_action", "group", "referral", "referral_event",
          "helpline_contact")
FIRST_CHART_MS, REPORT_MS = 1000.0, 3000.0


def measures_twin(services: Services) -> Path:
    """An unencrypted copy of the tables the measures read, with their indexes."""
    path = CACHE / "measures-100000.sqlite"
    if path.exists():
        return path
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    plain = sqlite3.connect(tmp)
    try:
        with services.db.read() as s:
            for table in TABLES:
                ddl = [r[0] for r in s.execute(text(
                    "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name = :t "
                    "AND type IN ('table', 'index') ORDER BY type = 'index', rowid"),
                    {"t": table})]
                for statement in ddl:
                    plain.execute(statement)
                columns = [r[1] for r in s.execute(text(f'PRAGMA table_info("{table}")'))]
                names = ", ".join(f'"{c}"' for c in columns)
                rows = s.execute(text(f'SELECT {names} FROM "{table}"')).all()
                marks = ", ".join("?" for _c in columns)
                plain.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                                  [tuple(r) for r in rows])
        plain.commit()
    finally:
        plain.close()
    tmp.rename(path)
    return path


def captured_statements(services: Services) -> list[tuple[str, Any]]:
    seen: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cur: Any, statement: str, params: Any, *_a: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append((statement, params))

    event.listen(services.db.engine, "before_cursor_execute", capture)
    try:
        MeasuresService(services.db).compute(START, END)
    finally:
        event.remove(services.db.engine, "before_cursor_execute", capture)
    return seen


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    services = open_demo()
    try:
        twin = measures_twin(services)
        measures = MeasuresService(services.db)
        statements = captured_statements(services)
        with services.db.read() as s:
            vault_answers = [s.connection().exec_driver_sql(sql, params).all()
                             for sql, params in statements]
        plain = connect_plain(twin)
        plain_answers = [plain.execute(sql, params).fetchall() for sql, params in statements]
        if [list(map(tuple, a)) for a in vault_answers] != plain_answers:
            raise SystemExit("the plain copy answers differently")

        measures.compute(START, END)  # warm the page cache, as the page would be
        ours = [clock(lambda: measures.compute(START, END)) for _r in range(args.runs)]
        base = [clock(lambda: [plain.execute(q, p).fetchall() for q, p in statements])
                for _r in range(args.runs)]

        def first_chart() -> None:
            m = measures.compute(START, END)
            chart_svg(chart(m.groups[0], m.months))

        first = [clock(first_chart) for _r in range(args.runs)]
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "rapport.pdf"

            def report() -> None:
                m = measures.compute(START, END)
                write_report(m, out, unit_name="Bänkenheten", generated_by="bench")

            pdf = [clock(report) for _r in range(args.runs)]
            pages = out.read_bytes().count(b"/Type /Page\n")
        plain.close()
    finally:
        services.lock()

    rows = [
        ("compute, 24 months (median)", median(ours), median(base), "–", True),
        ("first chart: compute + chart + SVG (median)", median(first), median(base),
         f"≤ {FIRST_CHART_MS:.0f} ms", median(first) <= FIRST_CHART_MS),
        ("first chart, slowest run", max(first), None, f"≤ {FIRST_CHART_MS:.0f} ms",
         max(first) <= FIRST_CHART_MS),
        (f"report PDF, {pages} pages: compute + render + write (median)", median(pdf), None,
         f"≤ {REPORT_MS:.0f} ms", median(pdf) <= REPORT_MS),
    ]
    print_table(f"Measures, {START} – {END}, {len(statements)} SQL statements", rows)


if __name__ == "__main__":
    main()
