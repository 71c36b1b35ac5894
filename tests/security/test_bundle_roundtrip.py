"""A full team bundle carries every field of every travelling table unchanged; a civil-society
bundle holds none of what its profile forbids, and no personnummer anywhere."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.exchange.bundle import open_bundle
from app.exchange.profiles import CIVIL_BANNED_FIELDS, CIVIL_BANNED_TYPES
from app.exchange.records import TABLES
from app.services.demo import fill_demo
from app.services.session import Services
from app.services.unit_keys import parse_signing_public_key
from tests.security.bundle_kit import Unit
from tests.security.bundle_vaults import pair, second_vault

# A personnummer however written; a uuid segment is bounded by dashes, a clock by digits.
PNR = re.compile(rb"(?<![\w-])(\d{6}|\d{8})[-+]?\d{4}(?![\w-])")


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Services]:
    yield from second_vault(tmp_path)


def _rows(svc: Services, table: str) -> dict[str, dict[str, Any]]:
    # Local times of writing and derived sort keys are the receiver's own.
    out = {}
    with svc.db.read() as s:
        for r in s.execute(select(TABLES[table])).mappings():
            row = {k: v for k, v in r.items() if k not in ("created_at", "updated_at")
                   and not k.startswith("sort_")}
            if row.get("field_clocks"):
                row["field_clocks"] = {k: v for k, v in row["field_clocks"].items()
                                       if not k.startswith("sort_")}
            out[row["id"]] = row
    return out


def test_a_team_bundle_keeps_every_field_of_every_table(services: Services, other: Services,
                                                        tmp_path: Path) -> None:
    fill_demo(services, people=100, seed=3)
    to_b, _to_a = pair(services, other)
    result = services.bundles.export(to_b.id, tmp_path / "b.age", legal_basis="Samma grupp")
    other.bundles.import_bundle(result.path)
    filled = [t for t in TABLES if _rows(services, t)]
    assert len(filled) >= 10
    for table in TABLES:
        assert _rows(other, table) == _rows(services, table), table


def test_a_civil_society_bundle_holds_nothing_forbidden(services: Services, other: Services,
                                                        tmp_path: Path) -> None:
    fill_demo(services, people=100, seed=4)
    civil = Unit("Föreningen")
    partner = services.partners.add({"name": "Föreningen", "kind": "civil",
                                     "age_recipient": civil.age_recipient})
    result = services.bundles.export(partner.id, tmp_path / "c.age", legal_basis="Samtycke")
    ours = services.unit.keys()
    sender_key = parse_signing_public_key(ours.signing_public_key)
    opened = open_bundle(Path(result.path), identity=str(civil.identity),
                         our_unit_id=partner.id,
                         signer_key_for=lambda u: sender_key if u == ours.unit_id else None)
    records = [json.loads(line) for line in bytes(opened.payload).splitlines() if line]
    assert records and {r["table"] for r in records} == set(result.counts)
    for record in records:
        assert record["table"] not in CIVIL_BANNED_TYPES
        banned = CIVIL_BANNED_FIELDS.get(record["table"], frozenset())
        assert not banned & set(record["fields"]), record["table"]
        assert not banned & set(record.get("field_clocks") or {}), record["table"]
    with services.db.read() as s:
        numbers = [n for n in s.execute(select(TABLES["person"].c.personnummer)).scalars() if n]
    assert numbers
    payload = bytes(opened.payload)
    assert PNR.search(payload) is None
    for number in numbers:
        digits = number.replace("-", "").replace("+", "").encode()
        assert digits not in payload and digits[2:] not in payload
