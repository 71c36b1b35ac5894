"""Two real vaults exchange bundles: rows match field for field, a replay changes nothing, a
dry run writes nothing, and a conflicting frivård status lands in the review list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.errors import BundleRejected
from app.exchange.records import TABLES
from app.models import Disclosure, ImportedBundle, MergeReview
from app.services.bundles import BundleService
from app.services.session import Services, create_vault
from app.services.unit_keys import unit_keys
from tests.conftest import FAST_KDF, PASSPHRASE, USER


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Services]:
    # A fresh vault, not a copy of the template: each laptop needs its own unit identity.
    svc, _recovery = create_vault(tmp_path / "other", USER, PASSPHRASE, kdf_params=FAST_KDF,
                                  unit_name="Kollegan")
    try:
        yield svc
    finally:
        svc.lock()


def _pair(a: Services, b: Services) -> tuple[str, str]:
    """Each vault pins the other as a team colleague; returns (b's id in a, a's id in b)."""
    ids = []
    for here, there in ((a, b), (b, a)):
        keys = unit_keys(there.db)
        partner = BundleService(here.db).partners.add({
            "name": keys.unit_name or "Kollega", "kind": "team",
            "age_recipient": keys.age_recipient, "signing_key": keys.signing_public_key,
            "unit_id": keys.unit_id})
        ids.append(partner.id)
    return ids[0], ids[1]


def _dump(svc: Services, table: str) -> dict[str, dict[str, Any]]:
    """Rows field for field. Sort keys are derived: the receiver recomputes them, so they do
    not travel and their clocks are left out; local times of writing differ by nature."""
    t = TABLES[table]
    out = {}
    with svc.db.read() as s:
        for r in s.execute(select(t)).mappings():
            row = {k: v for k, v in r.items() if k not in ("created_at", "updated_at")}
            if row["field_clocks"]:
                row["field_clocks"] = {k: v for k, v in row["field_clocks"].items()
                                       if k != "sort_name"}
            out[row["id"]] = row
    return out


def _send(src: Services, partner_id: str, path: Path) -> Path:
    BundleService(src.db).export(partner_id, path, legal_basis="Samma arbetsgrupp")
    return path


def test_two_vaults_end_up_with_the_same_rows(services: Services, other: Services,
                                              tmp_path: Path) -> None:
    to_b, to_a = _pair(services, other)
    person = services.people.create({"first_name": "Åsa", "last_name": "Öberg",
                                     "personnummer": "200001012384", "city": "Malmö"})
    services.people.update(person.id, {"frivard_status": "parole"})
    group = services.groups.create({"name": "Norra"})
    services.groups.add_membership({"person_id": person.id, "group_id": group.id,
                                    "role": "ledare"})

    preview = BundleService(other.db).import_bundle(_send(services, to_b, tmp_path / "1.age"))
    assert preview.applied and preview.total_changes >= 3
    for table in ("person", "group", "membership"):
        assert _dump(other, table) == _dump(services, table)

    # B edits, sends back: A takes the change and both still match.
    other.people.update(person.id, {"city": "Lund"})
    BundleService(services.db).import_bundle(_send(other, to_a, tmp_path / "2.age"))
    assert _dump(services, "person") == _dump(other, "person")
    assert services.people.get(person.id).city == "Lund"
    with services.db.read() as s:
        kinds = sorted(d.direction for d in s.execute(select(Disclosure)).scalars())
        assert kinds == ["export", "import"]


def test_replay_and_dry_run_change_nothing(services: Services, other: Services,
                                           tmp_path: Path) -> None:
    to_b, _to_a = _pair(services, other)
    services.people.create({"first_name": "Bo", "last_name": "Ek"})
    bundle = _send(services, to_b, tmp_path / "b.age")
    dry = BundleService(other.db).import_bundle(bundle, dry_run=True)
    assert not dry.applied and dry.tables[0].new == 1
    assert other.people.count() == 0
    BundleService(other.db).import_bundle(bundle)
    before = _dump(other, "person")
    with pytest.raises(BundleRejected) as caught:
        BundleService(other.db).import_bundle(bundle)
    assert caught.value.code == "replayed" and "redan" in str(caught.value)
    assert _dump(other, "person") == before
    with other.db.read() as s:
        assert len(s.execute(select(ImportedBundle)).all()) == 1


def test_an_offline_frivard_conflict_goes_to_review(services: Services, other: Services,
                                                    tmp_path: Path) -> None:
    to_b, to_a = _pair(services, other)
    person = services.people.create({"first_name": "Cia", "last_name": "Berg"})
    BundleService(other.db).import_bundle(_send(services, to_b, tmp_path / "1.age"))
    services.people.update(person.id, {"frivard_status": "parole"})
    other.people.update(person.id, {"frivard_status": "probation"})
    BundleService(other.db).import_bundle(_send(services, to_b, tmp_path / "2.age"))
    BundleService(services.db).import_bundle(_send(other, to_a, tmp_path / "3.age"))
    assert _dump(services, "person") == _dump(other, "person")
    for svc in (services, other):
        with svc.db.read() as s:
            [item] = s.execute(select(MergeReview)).scalars().all()
            assert item.field == "frivard_status"
            assert {item.kept_value, item.other_value} == {"parole", "probation"}
