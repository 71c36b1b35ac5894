"""A bundle is imported a table at a time when its records come in table runs, parents first
(as Mottryck writes them), and as a whole otherwise. Either way the same rows result; a
refusal or a cancel part-way leaves the vault as it was, even with rows already handed to the
writer; and a bad record is reported as such even when a write failed before it was read."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import orjson
import pytest

from app.errors import BundleRejected, Cancelled
from app.exchange.bundle import open_bundle, write_bundle
from app.exchange.manifest import BundleHeader, Recipient
from app.exchange.records import TABLES
from app.services import bundle_import
from app.services.demo import fill_demo
from app.services.session import Services
from app.services.unit_keys import parse_signing_public_key, unit_keys, unit_secrets
from tests.security.bundle_vaults import dump, pair, pin, second_vault

Records = list[dict[str, Any]]


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Services]:
    yield from second_vault(tmp_path / "b")


@pytest.fixture
def third(tmp_path: Path) -> Iterator[Services]:
    yield from second_vault(tmp_path / "c")


def _sent(sender: Services, receiver: Services, tmp_path: Path) -> tuple[Path, Records]:
    """A real export from ``sender`` to ``receiver``, and its records as they travel."""
    to_receiver, _back = pair(sender, receiver)
    path = Path(sender.bundles.export(to_receiver.id, tmp_path / "sent.age",
                                      legal_basis="Samma grupp").path)
    return path, [orjson.loads(line) for line in _opened(sender, receiver, path).payload
                  .splitlines()]


def _opened(sender: Services, receiver: Services, path: Path) -> Any:
    mine = unit_secrets(receiver.db)
    theirs = parse_signing_public_key(unit_keys(sender.db).signing_public_key)
    return open_bundle(path, identity=mine.age_identity, our_unit_id=mine.unit_id,
                       signer_key_for=lambda _unit: theirs)


def _reissued(sender: Services, receiver: Services, path: Path, records: Records,
              out: Path, *, to: Services | None = None) -> Path:
    """The same bundle with other records, signed again by the sender (a new bundle id),
    for the receiver or (``to``) another vault."""
    manifest = _opened(sender, receiver, path).manifest
    header = BundleHeader(**{f.name: getattr(manifest, f.name) for f in fields(BundleHeader)})
    header = replace(header, bundle_id=str(uuid.uuid4()))
    if to is not None:
        theirs, ours = unit_keys(to.db), unit_secrets(sender.db)
        header = replace(header, recipients=(
            Recipient(theirs.unit_id, theirs.age_recipient),
            Recipient(ours.unit_id, ours.public.age_recipient)))
    write_bundle(out, header, records, unit_secrets(sender.db).signing_key)
    return out


def _rows(svc: Services) -> dict[str, set[str]]:
    """Every travelling row less the receiver's own times of writing, as comparable text."""
    out: dict[str, set[str]] = {}
    with svc.db.read() as s:
        for name, table in TABLES.items():
            out[name] = {repr(sorted((k, v) for k, v in row.items()
                                     if k not in ("created_at", "updated_at")))
                         for row in s.execute(table.select()).mappings()}
    return out


def _spy_in_runs(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    said: list[bool] = []
    real = bundle_import.in_runs

    def spy(opened: Any) -> bool:
        said.append(real(opened))
        return said[-1]
    monkeypatch.setattr(bundle_import, "in_runs", spy)
    return said


@pytest.mark.parametrize("reorder", ["reversed", "split"])
def test_any_order_of_records_gives_the_same_rows(
        services: Services, other: Services, third: Services, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, reorder: str) -> None:
    fill_demo(services, people=100, seed=11)
    path, records = _sent(services, other, tmp_path)
    pin(third, services, name="Avsändaren")
    said = _spy_in_runs(monkeypatch)
    other.bundles.import_bundle(path)
    assert said == [True]  # Mottryck's own order: a table at a time
    if reorder == "reversed":  # children before their parents
        changed = list(reversed(records))
    else:  # one table in two runs, a record of it in both
        people = [r for r in records if r["table"] == "person"]
        rest = [r for r in records if r["table"] != "person"]
        changed = people[:50] + rest + people[49:]
    third.bundles.import_bundle(_reissued(services, other, path, changed, tmp_path / "x.age",
                                          to=third))
    assert said == [True, False]  # taken as a whole
    assert _rows(third) == _rows(other)
    assert other.people.search("a", log=False)


def _refused_leaving_nothing(receiver: Services, path: Path,
                             code: str = "bad_record") -> BundleRejected:
    before = dump(receiver)
    with pytest.raises(BundleRejected) as caught:
        receiver.bundles.import_bundle(path)
    assert caught.value.code == code
    assert dump(receiver) == before
    return caught.value


def test_a_bad_last_record_takes_back_the_rows_already_written(
        services: Services, other: Services, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    fill_demo(services, people=100, seed=12)
    path, records = _sent(services, other, tmp_path)
    broken = [*records[:-1], {**records[-1], "hlc": "igår"}]
    said = _spy_in_runs(monkeypatch)
    refusal = _refused_leaving_nothing(
        other, _reissued(services, other, path, broken, tmp_path / "x.age"))
    assert said == [True] and f"nr {len(records)}" in str(refusal)
    other.bundles.import_bundle(path)  # and the good one goes in afterwards
    assert other.people.search("a", log=False)


def _membership_of_nobody(records: Records) -> Records:
    """A membership whose person is in neither the bundle nor the vault (a foreign key the
    database refuses when the row is written)."""
    at = next(i for i, r in enumerate(records) if r["table"] == "membership")
    bad = {**records[at], "id": str(uuid.uuid4()),
           "fields": {**records[at]["fields"], "person_id": str(uuid.uuid4())}}
    return [*records[:at], bad, *records[at:]]


def test_a_row_the_database_refuses_is_refused_after_every_record_is_checked(
        services: Services, other: Services, tmp_path: Path) -> None:
    fill_demo(services, people=100, seed=13)
    path, records = _sent(services, other, tmp_path)
    orphan = _membership_of_nobody(records)
    refusal = _refused_leaving_nothing(
        other, _reissued(services, other, path, orphan, tmp_path / "x.age"))
    assert "varken finns här eller i bunten" in str(refusal)
    # The same write failure with a malformed record after it: the record is what is named.
    also_broken = [*orphan[:-1], {**orphan[-1], "deleted": "kanske"}]
    refusal = _refused_leaving_nothing(
        other, _reissued(services, other, path, also_broken, tmp_path / "y.age"))
    assert f"nr {len(also_broken)}" in str(refusal)


@pytest.mark.parametrize("stop_after", [1, 3])
def test_a_cancel_part_way_leaves_nothing(services: Services, other: Services,
                                          tmp_path: Path, stop_after: int,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    fill_demo(services, people=300, seed=14)
    path, _records = _sent(services, other, tmp_path)
    monkeypatch.setattr("app.services.bundle_apply.TICK_EVERY", 50)
    monkeypatch.setattr("app.services.bundle_rows.BATCH", 50)
    before = dump(other)
    seen: list[tuple[int, int]] = []
    asks: Callable[[], bool] = lambda: len(seen) >= stop_after  # noqa: E731
    with pytest.raises(Cancelled):
        other.bundles.import_bundle(path, progress=lambda d, t: seen.append((d, t)),
                                    cancelled=asks)
    assert dump(other) == before
    done = other.bundles.import_bundle(path, progress=lambda d, t: seen.append((d, t)))
    assert done.applied and seen[-1][0] == seen[-1][1]
    assert [d for d, _t in seen[stop_after:]] == sorted(d for d, _t in seen[stop_after:])


def test_in_runs_reads_the_order_from_the_lines(services: Services, other: Services,
                                                tmp_path: Path) -> None:
    fill_demo(services, people=100, seed=15)
    path, records = _sent(services, other, tmp_path)
    assert bundle_import.in_runs(_opened(services, other, path))
    groups_last = ([r for r in records if r["table"] != "group"]
                   + [r for r in records if r["table"] == "group"])
    moved = _reissued(services, other, path, groups_last, tmp_path / "g.age")
    assert not bundle_import.in_runs(_opened(services, other, moved))
