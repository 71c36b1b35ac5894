"""Demo data: deterministic per seed, valid by the services' own rules, one audited transaction."""

from __future__ import annotations

import json
import random
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.errors import Cancelled, ValidationError
from app.models.enums import IdKind
from app.services import audit
from app.services.demo import DemoSummary, fill_demo
from app.services.groups import GROUP_FIELDS, clean_group
from app.services.identity import parse_id_number
from app.services.people import PERSON_FIELDS, clean_person
from app.services.session import Services, open_vault
from tests.conftest import PASSPHRASE, USER

DATA_TABLES = ("person", "group", "membership", "group_relation", "incident", "incident_group",
               "incident_person", "callin", "callin_group", "callin_speaker", "callin_invitee",
               "notification", "notification_person", "service_provider", "consent", "referral",
               "helpline_contact", "enforcement_action", "enforcement_incident")


def _open_copy(template: tuple[Path, str], dest: Path) -> Services:
    shutil.copytree(template[0], dest)
    return open_vault(dest, USER, PASSPHRASE)


def _rows(services: Services, sql: str, **params: Any) -> list[Any]:
    with services.db.read() as s:
        return list(s.execute(text(sql), params).all())


def _count(services: Services, table: str) -> int:
    return int(_rows(services, f'SELECT count(*) FROM "{table}"')[0][0])


@pytest.fixture(scope="module")
def demo(template_vault: tuple[Path, str],
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, DemoSummary]]:
    """One vault with 2,000 demo people, shared by the read-only tests below."""
    services = _open_copy(template_vault, tmp_path_factory.mktemp("demo") / "vault")
    summary = fill_demo(services, people=2000, seed=3)
    try:
        yield services, summary
    finally:
        services.lock()


def test_same_seed_and_size_give_the_same_data(template_vault: tuple[Path, str],
                                               tmp_path: Path) -> None:
    people = "SELECT id, first_name, last_name, personnummer, birth_date FROM person ORDER BY id"
    incidents = "SELECT id, occurred_at, type, place FROM incident ORDER BY id"
    runs = []
    for name, seed in (("a", 11), ("b", 11), ("c", 12)):
        services = _open_copy(template_vault, tmp_path / name)
        try:
            summary = fill_demo(services, people=150, seed=seed)
            runs.append((summary, _rows(services, people), _rows(services, incidents)))
        finally:
            services.lock()
    (sum_a, people_a, inc_a), (sum_b, people_b, inc_b), (_sum_c, people_c, _inc_c) = runs
    assert sum_a == sum_b
    assert people_a == people_b and len(people_a) == 150
    assert inc_a == inc_b
    assert {r.last_name for r in people_a} != {r.last_name for r in people_c}


def test_sizes_follow_the_request(demo: tuple[Services, DemoSummary]) -> None:
    services, summary = demo
    assert summary.people == _count(services, "person") == 2000
    assert summary.groups == _count(services, "group") == 50
    assert summary.memberships == _count(services, "membership")
    assert summary.incidents == _count(services, "incident") > 0
    assert summary.notifications == _count(services, "notification")
    assert summary.invitees == _count(services, "callin_invitee")
    for field, value in asdict(summary).items():
        assert value > 0, field


def test_small_vault_of_one_hundred(services: Services) -> None:
    summary = fill_demo(services, people=100, seed=5)
    assert summary.people == 100 and summary.groups == 3
    assert _rows(services, "PRAGMA foreign_key_check") == []


def test_numbers_are_valid_unique_and_mixed(demo: tuple[Services, DemoSummary]) -> None:
    services, _summary = demo
    rows = _rows(services, "SELECT personnummer, id_kind, birth_date FROM person")
    numbers = [r.personnummer for r in rows if r.personnummer]
    assert len(numbers) == len(set(numbers))
    for number, kind, born in (r for r in rows if r.personnummer):
        parsed = parse_id_number(f"{number[:8]}-{number[8:]}")
        assert parsed.digits == number and parsed.kind == kind
        assert parsed.birth_date == date.fromisoformat(born)
    kinds = Counter(r.id_kind for r in rows)
    assert 0.02 < kinds[IdKind.SAMORDNINGSNUMMER.value] / len(rows) < 0.09
    assert 0.10 < kinds[None] / len(rows) < 0.20


def test_people_and_groups_pass_the_services_validation(
        demo: tuple[Services, DemoSummary]) -> None:
    services, _summary = demo
    fields = ", ".join(PERSON_FIELDS)
    people = _rows(services, f"SELECT {fields}, id_kind FROM person ORDER BY id LIMIT 300")
    for row in people:
        stored = row._asdict()
        stored["aliases"] = json.loads(stored["aliases"])
        values = {f: stored[f] for f in PERSON_FIELDS}
        if values["personnummer"]:
            values["personnummer"] = f"{values['personnummer'][:8]}-{values['personnummer'][8:]}"
        cleaned = clean_person(values)
        for field, value in cleaned.items():
            assert _plain(value) == _plain(stored[field]), field
    gfields = ", ".join(f'"{f}"' for f in GROUP_FIELDS)
    for row in _rows(services, f'SELECT {gfields} FROM "group"'):
        stored = row._asdict()
        stored["aliases"] = json.loads(stored["aliases"])
        cleaned = clean_group(stored)
        assert {k: _plain(v) for k, v in cleaned.items()} == \
            {k: _plain(v) for k, v in stored.items()}
    names = [r[0].casefold() for r in _rows(services, 'SELECT name FROM "group"')]
    assert len(names) == len(set(names))


def _plain(value: Any) -> Any:
    """Stored text versus cleaned Python values: compare dates and enums as text."""
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    return value


def test_links_pass_the_services_validation(services: Services) -> None:
    fill_demo(services, people=300, seed=9)
    rng = random.Random(0)
    memberships = _rows(services, "SELECT person_id, group_id, role, source, confidence, "
                                  "valid_from, valid_to FROM membership")
    for m in rng.sample(memberships, 20):
        services.groups.add_membership(m._asdict())
    relations = _rows(services, "SELECT group_a_id, group_b_id, kind, intensity, since, until, "
                                "trigger_incident_id FROM group_relation")
    for r in relations:
        services.groups.add_relation(r._asdict())
    incidents = _rows(services, "SELECT id, occurred_at, type, place, area, gmi, injured, "
                                "killed, description FROM incident")
    for inc in rng.sample(incidents, 20):
        values = inc._asdict()
        iid = values.pop("id")
        values["groups"] = [tuple(g) for g in _rows(
            services, "SELECT group_id, involvement FROM incident_group WHERE incident_id = :i",
            i=iid)]
        values["persons"] = [tuple(p) for p in _rows(
            services, "SELECT person_id, role FROM incident_person WHERE incident_id = :i",
            i=iid)]
        services.incidents.create(values)


def test_references_hold(demo: tuple[Services, DemoSummary]) -> None:
    services, _summary = demo
    assert _rows(services, "PRAGMA foreign_key_check") == []
    dangling = _rows(services, """
        SELECT count(*) FROM membership m
        LEFT JOIN person p ON p.id = m.person_id LEFT JOIN "group" g ON g.id = m.group_id
        WHERE p.id IS NULL OR g.id IS NULL""")
    assert dangling[0][0] == 0
    bad_dates = _rows(services, "SELECT count(*) FROM membership WHERE valid_to < valid_from")
    assert bad_dates[0][0] == 0


def test_content_looks_like_a_working_group(demo: tuple[Services, DemoSummary]) -> None:
    services, _summary = demo
    today = "2026-11-01"
    ended = _rows(services, "SELECT count(*) FROM membership WHERE valid_to IS NOT NULL")[0][0]
    twice = _rows(services, "SELECT count(*) FROM (SELECT person_id FROM membership "
                            "GROUP BY person_id HAVING count(DISTINCT group_id) > 1)")[0][0]
    overdue = _rows(services, 'SELECT count(*) FROM "group" WHERE priority_review_date < :d',
                    d=today)[0][0]
    assert ended > 0 and twice > 0 and overdue > 0
    held = Counter(r[0] for r in _rows(services, """
        SELECT i.status FROM callin_invitee i JOIN callin c ON c.id = i.callin_id
        WHERE c.status = 'held'"""))
    assert 0.6 < held["attended"] / sum(held.values()) < 0.9
    visits = Counter(r[0] for r in _rows(services, """
        SELECT np.person_id FROM notification_person np
        JOIN notification n ON n.id = np.notification_id WHERE n.kind = 'custom'"""))
    repeat = sum(1 for n in visits.values() if n > 1) / len(visits)
    assert 0.03 < repeat < 0.2
    anonymous = _rows(services, "SELECT avg(anonymous) FROM helpline_contact")[0][0]
    assert 0.5 < anonymous < 0.9
    cities = {r[0] for r in _rows(services, "SELECT DISTINCT frivard_office FROM person")}
    assert "Frivården Malmö" in cities and len(cities) > 5
    future = _rows(services, "SELECT count(*) FROM incident WHERE occurred_at >= :d", d=today)
    assert future[0][0] == 0


def test_lowercase_search_finds_names_and_aliases(demo: tuple[Services, DemoSummary]) -> None:
    services, _summary = demo
    hits = services.people.search("öken", limit=500, log=False)
    assert hits and all(any(a.casefold().startswith("öken") for a in (*p.aliases, p.first_name,
                                                                        p.last_name))
                        for p in hits)


def test_one_audit_event_with_counts_and_the_chain_holds(
        demo: tuple[Services, DemoSummary]) -> None:
    services, summary = demo
    events = [e for e in audit.list_events(services.db, action="create")
              if e.entity_type == "demo_data"]
    assert len(events) == 1
    assert events[0].detail == {**asdict(summary), "seed": 3}
    assert audit.verify(services.db).ok


def test_cancel_writes_nothing(services: Services) -> None:
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 3

    before = audit.count_events(services.db)
    with pytest.raises(Cancelled):
        fill_demo(services, people=1000, cancel=cancel)
    for table in DATA_TABLES:
        assert _count(services, table) == 0, table
    assert audit.count_events(services.db) == before
    assert audit.verify(services.db).ok


def test_cancel_at_the_very_end_still_writes_nothing(template_vault: tuple[Path, str],
                                                    tmp_path: Path) -> None:
    progress: list[tuple[int, int]] = []
    calls: list[int] = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) >= len(progress) - 1  # the last check before the commit

    for name, kwargs in (("a", {"progress": lambda d, t: progress.append((d, t))}),
                         ("b", {"cancel": cancel})):
        services = _open_copy(template_vault, tmp_path / name)
        try:
            if name == "a":
                fill_demo(services, people=100, seed=2, **kwargs)
                continue
            with pytest.raises(Cancelled):
                fill_demo(services, people=100, seed=2, **kwargs)
            assert _count(services, "person") == 0
            assert len(calls) == len(progress) - 1
        finally:
            services.lock()


def test_progress_reports_up_to_the_total(services: Services) -> None:
    seen: list[tuple[int, int]] = []
    fill_demo(services, people=500, progress=lambda done, total: seen.append((done, total)))
    assert len(seen) > 2
    assert all(0 <= done <= total for done, total in seen)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    assert seen[-1][0] == seen[-1][1]


def test_filling_again_adds_without_clobbering(services: Services) -> None:
    first = fill_demo(services, people=100, seed=4)
    second = fill_demo(services, people=100, seed=4)
    assert first.people == second.people == 100
    assert _count(services, "person") == 200
    numbers = [r[0] for r in _rows(services, "SELECT personnummer FROM person "
                                             "WHERE personnummer IS NOT NULL")]
    assert len(numbers) == len(set(numbers))
    names = [r[0].casefold() for r in _rows(services, 'SELECT name FROM "group"')]
    assert len(names) == len(set(names)) == 6


@pytest.mark.parametrize("people", [99, 100_001, 0, -5])
def test_out_of_range_sizes_are_refused(services: Services, people: int) -> None:
    with pytest.raises(ValidationError) as info:
        fill_demo(services, people=people)
    assert "100 000" in str(info.value)
    assert _count(services, "person") == 0
