"""Bundles at 100,000 demo people: export the whole register to a team colleague, import it
into an empty vault, beside two baselines.

Mottryck export: ``BundleService.export`` (rows read, profile applied, records, signed
manifest, tar, age to two recipients, atomic write, sequence, register entry, audit).
Mottryck import: ``BundleService.import_bundle`` into a fresh empty vault (decrypt, every check,
every record validated, merge, Core writes, FTS by trigger, register entry, audit).
Baselines: raw age (pyrage) encryption / decryption of the very same plaintext (the inner tar),
and 7-Zip AES-256 with encrypted headers (``7z a -p -mhe=on``) of a CSV dump of every table
that travels, and its extraction. The 7-Zip rows are skipped if ``7z`` is not installed.

    .venv/bin/python bench/bench_bundles.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pyrage
from common import PASSPHRASE, USER, machine_note, open_demo
from pyrage import x25519
from sqlalchemy import func, select

from app.exchange.records import TABLES
from app.services.bundles import BundleService
from app.services.session import Services, create_vault
from app.services.unit_keys import unit_keys, unit_secrets
from app.vault.kdf import KdfParams

EXPORT_TARGET_S = 5.0
IMPORT_TARGET_S = 10.0


def _pin(here: Services, there: Services) -> str:
    keys = unit_keys(there.db)
    return BundleService(here.db).partners.add({
        "name": keys.unit_name or "Kollega", "kind": "team",
        "age_recipient": keys.age_recipient, "signing_key": keys.signing_public_key,
        "unit_id": keys.unit_id}).id


def _seconds(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _csv_dump(services: Services, folder: Path) -> int:
    folder.mkdir()
    with services.db.read() as s:
        for name, table in TABLES.items():
            result = s.execute(select(table))
            with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as fh:
                writer = csv.writer(fh)
                writer.writerow(result.keys())
                writer.writerows(result)
    return sum(p.stat().st_size for p in folder.iterdir())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-bundles-"))
    source = open_demo()
    try:
        with source.db.read() as s:
            rows = sum(s.execute(select(func.count()).select_from(t)).scalar_one()
                       for t in TABLES.values())
        exports: list[float] = []
        imports: list[float] = []
        bundle = work / "all.age"
        for n in range(args.repeat):
            target, _recovery = create_vault(work / f"empty-{n}", USER, PASSPHRASE,
                                             kdf_params=KdfParams.testing(),
                                             unit_name=f"Mottagare {uuid.uuid4()}")
            try:
                to_target = _pin(source, target)
                _pin(target, source)
                bundle.unlink(missing_ok=True)
                exports.append(_seconds(partial(BundleService(source.db).export, to_target,
                                                bundle, legal_basis="Samma arbetsgrupp")))
                imports.append(_seconds(partial(BundleService(target.db).import_bundle,
                                                bundle)))
                print(f"round {n + 1}: export {exports[-1]:.2f} s, import {imports[-1]:.2f} s",
                      file=sys.stderr)
                with target.db.read() as s:
                    people = s.execute(select(func.count()).select_from(TABLES["person"]))
                    assert people.scalar_one() == 100_000
            finally:
                target.lock()
        secrets = unit_secrets(source.db)
        identity = secrets.age_identity
        plain = pyrage.decrypt(bundle.read_bytes(), [identity])
        recipients = [x25519.Recipient.from_str(secrets.public.age_recipient),
                      x25519.Recipient.from_str(unit_keys(source.db).age_recipient)]
        encrypted = pyrage.encrypt(plain, recipients)
        age_enc = statistics.median(_seconds(lambda: pyrage.encrypt(plain, recipients))
                                    for _ in range(args.repeat))
        age_dec = statistics.median(_seconds(lambda: pyrage.decrypt(encrypted, [identity]))
                                    for _ in range(args.repeat))
        csv_bytes = _csv_dump(source, work / "csv")
        seven: tuple[float, float, int] | None = None
        if shutil.which("7z"):
            archive = work / "dump.7z"

            def pack() -> None:
                archive.unlink(missing_ok=True)
                subprocess.run(["7z", "a", "-bd", "-y", "-pbänk", "-mhe=on", str(archive),
                                str(work / "csv")], check=True, capture_output=True)

            def unpack() -> None:
                shutil.rmtree(work / "out", ignore_errors=True)
                subprocess.run(["7z", "x", "-bd", "-y", "-pbänk", f"-o{work / 'out'}",
                                str(archive)], check=True, capture_output=True)

            packs = [_seconds(pack) for _ in range(args.repeat)]
            unpacks = [_seconds(unpack) for _ in range(args.repeat)]
            seven = statistics.median(packs), statistics.median(unpacks), archive.stat().st_size
    finally:
        source.lock()
    export_s, import_s = statistics.median(exports), statistics.median(imports)
    print(f"\nBundles, 100,000 demo people: {rows:,} rows in {len(TABLES)} tables; median of "
          f"{args.repeat}  ({machine_note()})\n")
    print("| operation | Mottryck | age (pyrage) | ratio | 7-Zip AES, CSV | ratio | target "
          "| result |")
    print("|---|---:|---:|---:|---:|---:|---|---|")
    for label, ours, age_s, zip_s, target in (
            ("export whole register", export_s, age_enc, seven[0] if seven else None,
             EXPORT_TARGET_S),
            ("import into an empty vault", import_s, age_dec, seven[1] if seven else None,
             IMPORT_TARGET_S)):
        zip_text = f"{zip_s:.2f} s | {ours / zip_s:.1f}×" if zip_s else "– | –"
        print(f"| {label} | {ours:.2f} s | {age_s:.2f} s | {ours / age_s:.0f}× | {zip_text} "
              f"| ≤ {target:.0f} s | {'PASS' if ours <= target else 'FAIL'} |")
    mib = 1024 * 1024
    print(f"\nbundle {bundle.stat().st_size / mib:.1f} MiB (inner tar {len(plain) / mib:.1f} "
          f"MiB); CSV dump {csv_bytes / mib:.1f} MiB"
          + (f"; 7-Zip of the CSV {seven[2] / mib:.1f} MiB" if seven else "; 7z not installed"))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
