"""Shared pieces of the benchmarks: a cached 100,000-person demo vault, its unencrypted twin
for baselines, timing statistics and the result table every script prints.

The cache lives in ``bench/.cache/`` (not in git). Delete it to rebuild from scratch.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import text

from app.services.demo import fill_demo
from app.services.session import Services, create_vault, open_vault
from app.vault.kdf import KdfParams

CACHE = Path(__file__).resolve().parent / ".cache"
USER = "bench"
PASSPHRASE = "bänk-lösenfras för mätningar"
PEOPLE = 100_000
SEED = 1


def _progress(label: str) -> Callable[[int, int], None]:
    shown = [-1]

    def show(done: int, total: int) -> None:
        pct = 100 * done // max(total, 1)
        if pct != shown[0]:
            shown[0] = pct
            sys.stderr.write(f"\r{label} {pct:3d} %" + ("\n" if done >= total else ""))

    return show


def demo_vault(people: int = PEOPLE, seed: int = SEED) -> Path:
    """A vault filled with demo data, built once and reused (cheap test KDF: unlock is not
    what the search benchmark measures)."""
    folder = CACHE / f"demo-{people}-s{seed}"
    ready = folder / "ready.json"
    if ready.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    services, _recovery = create_vault(folder, USER, PASSPHRASE, kdf_params=KdfParams.testing(),
                                       unit_name="Bänkenheten")
    try:
        start = time.perf_counter()
        summary = fill_demo(services, people=people, seed=seed,
                            progress=_progress(f"Demodata, {people:,} personer"))
        seconds = time.perf_counter() - start
    finally:
        services.lock()
    ready.write_text(json.dumps({"seconds": round(seconds, 1), **asdict(summary)}, indent=1))
    print(f"demo vault built: {people:,} people in {seconds:.1f} s ({folder})", file=sys.stderr)
    return folder


def open_demo(people: int = PEOPLE, seed: int = SEED) -> Services:
    return open_vault(demo_vault(people, seed), USER, PASSPHRASE)


def plain_twin(services: Services, name: str) -> Path:
    """An unencrypted stdlib-sqlite3 copy of the vault's person table and its FTS5 index,
    made with the vault's own DDL (table, indexes, FTS table, triggers)."""
    path = CACHE / f"{name}.sqlite"
    if path.exists():
        return path
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    with services.db.read() as s:
        ddl = [r[0] for r in s.execute(text(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND "
            "(tbl_name = 'person' OR name = 'person_fts') ORDER BY type = 'trigger', rowid"))]
        columns = [r[1] for r in s.execute(text("PRAGMA table_info(person)"))]
        rows = s.execute(text(f"SELECT {', '.join(columns)} FROM person")).all()
    plain = sqlite3.connect(tmp)
    try:
        for statement in ddl:
            plain.execute(statement)
        marks = ", ".join("?" for _c in columns)
        plain.executemany(f"INSERT INTO person ({', '.join(columns)}) VALUES ({marks})",
                          [tuple(r) for r in rows])
        plain.commit()
    finally:
        plain.close()
    tmp.rename(path)
    return path


def connect_plain(path: Path) -> sqlite3.Connection:
    """The baseline connection, with the vault's page cache size so only encryption and the
    application layers differ."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA cache_size = -65536")
    return conn


# ---- timing ---------------------------------------------------------------------------------
def clock(fn: Callable[[], Any]) -> float:
    """Milliseconds one call takes."""
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def machine_note() -> str:
    return (f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}, {date.today().isoformat()}")


def print_table(title: str, rows: list[tuple[str, float, float | None, str, bool]],
                unit: str = "ms") -> None:
    """rows: (operation, Mottryck, baseline or None, target text, passed)."""
    print(f"\n{title}  ({machine_note()})\n")
    print("| operation | Mottryck | baseline | ratio | target | result |")
    print("|---|---:|---:|---:|---|---|")
    for op, ours, base, target, passed in rows:
        base_text = f"{base:.1f} {unit}" if base is not None else "–"
        ratio = f"{ours / base:.1f}×" if base else "–"
        print(f"| {op} | {ours:.1f} {unit} | {base_text} | {ratio} | {target} | "
              f"{'PASS' if passed else 'FAIL'} |")
