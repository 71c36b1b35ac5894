"""People search at 100,000 demo people: 100 varied queries, median and p95.

Mottryck: ``PeopleService.search(q, limit=50, log=False)`` on the encrypted vault (FTS5 prefix
match, Swedish name order, paging in SQL, summaries built). Baseline: the very same SQL
statements, captured from the vault's engine, on an unencrypted stdlib-sqlite3 copy of the
person table and its FTS5 index.

    .venv/bin/python bench/bench_search.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
from functools import partial
from typing import Any

from common import clock, connect_plain, median, open_demo, p95, plain_twin, print_table
from sqlalchemy import event, text

from app.services.session import Services

TARGET_P95_MS = 30.0
NO_HITS = ("xyzzy", "qwqwqw", "zzyzx", "bq7k", "Ångström-Müller", "99999999",
           "Kvarnbäcksgatan", "ÆØ", "jjjjj", "qzx")


def queries(services: Services, seed: int = 7) -> list[tuple[str, str]]:
    """(kind, query) pairs drawn from the data itself, so they hit what is stored."""
    rng = random.Random(seed)
    with services.db.read() as s:
        people = s.execute(text("SELECT first_name, last_name, aliases, personnummer "
                                "FROM person ORDER BY id")).all()
    firsts = sorted({p.first_name for p in people})
    lasts = sorted({p.last_name for p in people})
    nordic = [n for n in lasts if any(c in n.casefold() for c in "åäö")]
    aliases = sorted({a for p in people for a in _aliases(p.aliases)})
    numbers = sorted(p.personnummer for p in people if p.personnummer)
    common = sorted(lasts, key=lambda n: -sum(1 for p in people[:5000] if p.last_name == n))
    out = [("surname, common", n) for n in common[:10]]
    out += [("surname", n) for n in rng.sample(lasts, 10)]
    out += [("first name", n) for n in rng.sample(firsts, 15)]
    out += [("prefix", n[:3].lower()) for n in rng.sample(lasts, 9)] + [("prefix", "and")]
    out += [("lowercase åäö name", n.lower()) for n in rng.sample(nordic, 10)]
    out += [("alias", a.lower() if i % 2 else a) for i, a in enumerate(rng.sample(aliases, 10))]
    picked = rng.sample(numbers, 15)
    out += [("pnr YYMM", n[2:6]) for n in picked[:5]]
    out += [("pnr last four", n[8:]) for n in picked[5:10]]
    out += [("pnr YYMMDD", n[2:8]) for n in picked[10:]]
    two = rng.sample(people, 10)
    out += [("two words", f"{p.first_name} {p.last_name}") for p in two]
    out += [("no hit", q) for q in NO_HITS]
    assert len(out) == 100, len(out)
    return out


def _aliases(raw: Any) -> list[str]:
    return list(json.loads(raw)) if isinstance(raw, str) else list(raw or [])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    services = open_demo()
    try:
        plain = connect_plain(plain_twin(services, "people-100000"))
        qs = queries(services)
        captured: dict[str, tuple[str, Any]] = {}
        current = [""]

        @event.listens_for(services.db.engine, "before_cursor_execute")
        def _capture(_conn: Any, _cur: Any, statement: str, params: Any, *_a: Any) -> None:
            if "person_fts" in statement and "LIMIT" in statement:
                captured[current[0]] = (statement, params)

        # One warm-up pass fills the page caches and records the SQL of every query.
        hits: dict[str, int] = {}
        for _kind, q in qs:
            current[0] = q
            hits[q] = len(services.people.search(q, limit=50, log=False))
        event.remove(services.db.engine, "before_cursor_execute", _capture)
        for _kind, q in qs:
            if q in captured:
                plain.execute(*captured[q]).fetchall()

        ours: dict[str, list[float]] = {q: [] for _k, q in qs}
        base: dict[str, list[float]] = {q: [] for _k, q in qs}
        for _round in range(args.rounds):
            for _kind, q in qs:
                ours[q].append(clock(partial(services.people.search, q, limit=50, log=False)))
                if q in captured:
                    base[q].append(clock(partial(_run_plain, plain, *captured[q])))
        _report(qs, ours, base, hits, args.rounds)
        _check_same_answers(plain, captured, hits)
    finally:
        services.lock()


def _run_plain(plain: sqlite3.Connection, sql: str, params: Any) -> list[Any]:
    return plain.execute(sql, params).fetchall()


def _report(qs: list[tuple[str, str]], ours: dict[str, list[float]],
            base: dict[str, list[float]], hits: dict[str, int], rounds: int) -> None:
    all_ours = [t for ts in ours.values() for t in ts]
    all_base = [t for ts in base.values() for t in ts]
    print_table(f"Search: 100,000 people, {len(qs)} queries × {rounds} rounds, limit 50", [
        ("search, median", median(all_ours), median(all_base), "–", True),
        ("search, p95", p95(all_ours), p95(all_base), f"≤ {TARGET_P95_MS:.0f} ms",
         p95(all_ours) <= TARGET_P95_MS),
    ])
    print("\nBy kind of query (median ms, Mottryck / baseline, hits of the first query):")
    kinds: dict[str, list[str]] = {}
    for kind, q in qs:
        kinds.setdefault(kind, []).append(q)
    for kind, items in kinds.items():
        mine = median([t for q in items for t in ours[q]])
        theirs = median([t for q in items for t in base[q]] or [0.0])
        print(f"  {kind:<20} {mine:6.1f} / {theirs:5.1f}   e.g. {items[0]!r} → {hits[items[0]]}")
    slowest = sorted(ours, key=lambda q: -median(ours[q]))[:5]
    print("Slowest queries:", ", ".join(f"{q!r} {median(ours[q]):.1f} ms" for q in slowest))


def _check_same_answers(plain: sqlite3.Connection, captured: dict[str, tuple[str, Any]],
                        hits: dict[str, int]) -> None:
    """The baseline must answer the same: same number of rows for every query."""
    wrong = [q for q, (sql, params) in captured.items()
             if len(plain.execute(sql, params).fetchall()) != hits[q]]
    if wrong:
        raise SystemExit(f"baseline disagrees on {wrong}")


if __name__ == "__main__":
    main()
