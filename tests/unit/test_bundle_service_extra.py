"""Export progress and cancel, a ``since`` scope on its own, and imported people in the
receiver's search: the parts of ``BundleService`` the wizards lean on."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from app.errors import Cancelled
from app.exchange.bundle import open_bundle
from app.exchange.hlc import Stamp
from app.models import Disclosure, Person, VaultMeta
from app.services import audit
from app.services.bulk import insert_rows
from app.services.bundles import SEQUENCE_KEY
from app.services.session import Services
from app.services.unit_keys import parse_signing_public_key, unit_keys, unit_secrets
from tests.security.bundle_vaults import dump, pair, second_vault

LEGAL = "Samma arbetsgrupp"


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Services]:
    yield from second_vault(tmp_path)


def _add_people(svc: Services, n: int) -> None:
    rows = [{"first_name": f"Förnamn{i:04d}", "last_name": "Efternamn"} for i in range(n)]
    with svc.db.write() as s:
        insert_rows(s, Person.__table__, rows)


def _sequence(svc: Services) -> str | None:
    with svc.db.read() as s:
        meta = s.get(VaultMeta, SEQUENCE_KEY)
        return None if meta is None else meta.value


def _disclosures(svc: Services) -> int:
    with svc.db.read() as s:
        return int(s.execute(select(func.count()).select_from(Disclosure)).scalar_one())


def test_progress_counts_up_to_the_total(services: Services, other: Services,
                                         tmp_path: Path) -> None:
    to_other, _to_us = pair(services, other)
    _add_people(services, 3000)
    seen: list[tuple[int, int | None]] = []
    result = services.bundles.export(to_other.id, tmp_path / "b.age", legal_basis=LEGAL,
                                     progress=lambda done, total: seen.append((done, total)))
    total = sum(result.counts.values())
    assert result.counts["person"] == 3000
    assert len(seen) >= 2  # more than one report for a bundle this size
    assert all(t == total for _d, t in seen)
    done = [d for d, _t in seen]
    assert done == sorted(done) and 0 < done[-1] <= total


def test_cancel_leaves_no_file_no_register_entry_and_the_sequence(
        services: Services, other: Services, tmp_path: Path) -> None:
    to_other, _to_us = pair(services, other)
    _add_people(services, 3000)
    services.bundles.export(to_other.id, tmp_path / "first.age", legal_basis=LEGAL)
    sequence, entries = _sequence(services), _disclosures(services)
    head = audit.list_events(services.db, limit=1)[0].seq
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1  # the writer has begun, then the user cancels

    out = tmp_path / "cancelled.age"
    with pytest.raises(Cancelled):
        services.bundles.export(to_other.id, out, legal_basis=LEGAL, cancelled=cancelled)
    assert len(calls) == 2
    assert not out.exists() and list(tmp_path.glob("cancelled*")) == []
    assert (_sequence(services), _disclosures(services)) == (sequence, entries) == ("1", 1)
    assert audit.list_events(services.db, limit=1)[0].seq == head
    again = services.bundles.export(to_other.id, out, legal_basis=LEGAL)
    assert again.sequence == 2 and out.is_file()


def test_since_alone_sends_only_rows_written_on_or_after_the_day(
        services: Services, other: Services, tmp_path: Path) -> None:
    to_other, _to_us = pair(services, other)
    old = services.people.create({"first_name": "Gammal", "last_name": "Post"})
    new = services.people.create({"first_name": "Ny", "last_name": "Post"})
    group = services.groups.create({"name": "Norra"})
    long_ago = str(Stamp(int(datetime(2024, 1, 10, tzinfo=UTC).timestamp() * 1000), 0))
    with services.db.write() as s:
        s.execute(update(Person).where(Person.id == old.id).values(hlc=long_ago))
    result = services.bundles.export(to_other.id, tmp_path / "b.age", legal_basis=LEGAL,
                                     since=date(2024, 6, 1))
    assert result.counts["person"] == 1 and result.counts["group"] == 1
    secrets, keys = unit_secrets(other.db), unit_keys(services.db)
    opened = open_bundle(tmp_path / "b.age", identity=secrets.age_identity,
                         our_unit_id=secrets.unit_id,
                         signer_key_for=lambda _u: parse_signing_public_key(
                             keys.signing_public_key))
    ids = {r["id"] for r in opened.records() if r["table"] == "person"}
    assert ids == {new.id}
    groups = {r["id"] for r in opened.records() if r["table"] == "group"}
    assert groups == {group.id}
    with services.db.read() as s:
        entry = s.execute(select(Disclosure)).scalar_one()
        assert entry.scope == {"groups": [], "since": "2024-06-01"}


def test_imported_people_are_found_by_the_receivers_search(
        services: Services, other: Services, tmp_path: Path) -> None:
    to_other, _to_us = pair(services, other)
    services.people.create({"first_name": "Åsa", "last_name": "Öberg",
                            "aliases": ["Snabben"]})
    services.people.create({"first_name": "Bo", "last_name": "Ek"})
    other.bundles.import_bundle(services.bundles.export(
        to_other.id, tmp_path / "b.age", legal_basis=LEGAL).path)
    assert [p.last_name for p in other.people.search("Öberg", log=False)] == ["Öberg"]
    assert [p.first_name for p in other.people.search("snabb", log=False)] == ["Åsa"]
    assert other.people.count("Ek") == 1


def test_import_progress_counts_checking_then_writing(services: Services, other: Services,
                                                      tmp_path: Path) -> None:
    to_other, _to_us = pair(services, other)
    _add_people(services, 12000)
    result = services.bundles.export(to_other.id, tmp_path / "b.age", legal_basis=LEGAL)
    records = sum(result.counts.values())
    dry: list[tuple[int, int | None]] = []
    other.bundles.import_bundle(result.path, dry_run=True,
                                progress=lambda d, t: dry.append((d, t)))
    assert {t for _d, t in dry} == {records} and dry[-1][0] == records
    seen: list[tuple[int, int | None]] = []
    other.bundles.import_bundle(result.path, progress=lambda d, t: seen.append((d, t)))
    assert {t for _d, t in seen} == {2 * records}
    done = [d for d, _t in seen]
    assert done == sorted(done) and done[-1] == 2 * records
    assert any(records < d < 2 * records for d in done)  # heard while writing, too


@pytest.mark.parametrize("after_ticks", [1, 4])  # while checking / while writing
def test_cancelling_an_import_writes_nothing(services: Services, other: Services,
                                             tmp_path: Path, after_ticks: int) -> None:
    to_other, _to_us = pair(services, other)
    _add_people(services, 12000)
    result = services.bundles.export(to_other.id, tmp_path / "b.age", legal_basis=LEGAL)
    before = dump(other)
    ticks: list[int] = []

    def cancelled() -> bool:
        ticks.append(1)
        return len(ticks) > after_ticks

    with pytest.raises(Cancelled):
        other.bundles.import_bundle(result.path, cancelled=cancelled)
    assert dump(other) == before
    assert other.bundles.import_bundle(result.path).total_changes == 12000


def test_the_preview_names_the_fields_that_go_to_review(services: Services, other: Services,
                                                        tmp_path: Path) -> None:
    to_other, _to_us = pair(services, other)
    person = services.people.create({"first_name": "Åsa", "last_name": "Berg",
                                     "frivard_status": "probation"})
    first = services.bundles.export(to_other.id, tmp_path / "1.age", legal_basis=LEGAL)
    other.bundles.import_bundle(first.path)
    other.people.update(person.id, {"frivard_status": "parole"})
    services.people.update(person.id, {"frivard_status": "none"})  # later: wins
    second = services.bundles.export(to_other.id, tmp_path / "2.age", legal_basis=LEGAL)
    preview = other.bundles.import_bundle(second.path, dry_run=True)
    assert [(r.table, r.field, r.kept_value, r.other_value) for r in preview.reviews] == [
        ("person", "frivard_status", "none", "parole")]
    assert preview.reviews[0].entity_label and preview.reviews[0].field_label
    assert not preview.applied and other.reviews.open_items() == []
