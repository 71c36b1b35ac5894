"""Importing a bundle from a partner (SECURITY.md's order of checks).

The file checks of ``open_bundle`` → not replayed, sequence newer → schema → expiry → every
record checked → merged → applied in ONE transaction with the remote stamps kept, the clock
moved past them, the ``ImportedBundle`` row, the ``Disclosure`` (direction ``import``), the
merge review items and the audit event. Any refusal raises ``BundleRejected`` and writes
nothing (a refusal after rows went in rolls them back with the rest).

A bundle written by Mottryck holds each table's records together, parents before children.
Such a bundle is taken a run (one table) at a time: a run is merged and handed to the row
writer while the next is read and checked, so checking and writing overlap. Any other order
is merged and written as a whole at the end, parents first, as the only safe order for
foreign keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import BundleRejected, Cancelled
from app.exchange.bundle import CancelRequested, OpenedBundle, Progress, open_bundle
from app.exchange.hlc import Stamp
from app.exchange.merge import Merged, ReviewItem, RunMerger
from app.exchange.profile_words import RECORD_LABELS, field_label
from app.exchange.records import TABLES, ValidRecord, require_complete, required_fields, to_record
from app.i18n import _
from app.models import Disclosure, ImportedBundle, MergeReview, VaultMeta
from app.services import audit
from app.services.audit import Action
from app.services.bundle_apply import RowWriter, read_runs, top_stamp
from app.services.bundle_clash import set_aside_pnr_clashes
from app.services.db import Db, utcnow
from app.services.identity import mask
from app.services.merge_review import MASKED_FIELDS
from app.services.partners import PartnerService
from app.services.unit_keys import parse_signing_public_key, unit_secrets
from app.vault.migrate import head_revision


@dataclass(frozen=True)
class TableChanges:
    table: str
    new: int
    changed: int
    unchanged: int
    conflicts: int  # fields set aside for a person to review


@dataclass(frozen=True)
class ReviewPreview:
    """A field an import would set aside for review: which kind of record, which field, the
    value that is kept and the one that lost (JSON form; a personnummer masked). No names:
    a dry run is not a read of the people concerned."""

    table: str
    entity_label: str
    field: str
    field_label: str
    kept_value: Any
    other_value: Any


@dataclass(frozen=True)
class ImportPreview:
    """What an import does (or did). ``applied`` is False for a dry run."""

    bundle_id: str
    sender_unit: str
    partner_name: str
    sequence: int
    legal_basis: str
    purpose: str | None
    tables: tuple[TableChanges, ...]
    applied: bool
    reviews: tuple[ReviewPreview, ...] = ()

    @property
    def total_changes(self) -> int:
        return sum(t.new + t.changed for t in self.tables)




class _Ticks:
    """Progress of an import: records checked plus rows written (of twice the records; a
    dry run writes nothing), and the place where a cancel request stops it."""

    def __init__(self, lines: int, dry_run: bool, progress: Progress | None,
                 cancelled: CancelRequested | None) -> None:
        self.total = lines if dry_run else 2 * lines
        self.checked = self.written = 0
        self._progress, self._cancelled = progress, cancelled

    def check(self, done: int) -> None:
        self.checked = done
        self._report()

    def write(self, done: int) -> None:
        self.written = done
        self._report()

    def _report(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise Cancelled()
        if self._progress is not None:
            self._progress(min(self.checked + self.written, self.total), self.total)


def run_import(db: Db, path: str | Path, *, dry_run: bool, progress: Progress | None,
               cancelled: CancelRequested | None) -> ImportPreview:
    partners = PartnerService(db)
    secrets = unit_secrets(db)

    def signer_key(unit_id: str) -> bytes | None:
        partner = partners.by_unit(unit_id)
        if partner is None or not partner.can_send_to_us or not partner.signing_public_key:
            return None
        return parse_signing_public_key(partner.signing_public_key)

    opened = open_bundle(Path(path), identity=secrets.age_identity,
                         our_unit_id=secrets.unit_id, signer_key_for=signer_key)
    manifest = opened.manifest
    partner = partners.by_unit(manifest.sender_unit)
    assert partner is not None  # the signature was checked against its key
    with db.read() as s:
        _check_not_seen(s, manifest.bundle_id, manifest.sender_unit, manifest.sequence)
    ticks = _Ticks(manifest.record_count, dry_run, progress, cancelled)
    incoming: list[ValidRecord] = []
    merger = RunMerger()
    with db.write() as s:
        # Checked again inside the write lock: two imports of one file cannot both pass.
        _check_not_seen(s, manifest.bundle_id, manifest.sender_unit, manifest.sequence)
        s.info["keep_stamps"] = True
        by_run = in_runs(opened)
        empty = _empty_tables(s)
        writer = None if dry_run else RowWriter(s, ticks.write)
        try:
            for run in read_runs(opened, supported_schemas={head_revision()},
                                 now=datetime.now(UTC), tick=ticks.check):
                incoming.extend(run)
                if by_run:
                    _take(s, writer, merger, run, incoming, empty)
            if not by_run:
                _take(s, writer, merger, incoming, incoming, empty)
            preview = _preview(manifest, partner.name, merger.results, applied=not dry_run)
            if writer is None:
                s.rollback()
                return preview
            writer.close()  # every row in, or the failure that stopped them
        except BaseException:
            # Nothing may touch the connection while the session rolls back.
            if writer is not None:
                writer.close(check=False)
            raise
        _finish(s, db, merger.results, incoming, manifest.bundle_id)
        now = utcnow()
        s.add(ImportedBundle(bundle_id=manifest.bundle_id, sender_unit=manifest.sender_unit,
                             sequence=manifest.sequence,
                             created_at=manifest.created_at.replace(tzinfo=None),
                             imported_at=now, imported_by=db.user,
                             record_count=len(incoming)))
        counts = {t.table: t.new + t.changed for t in preview.tables}
        s.add(Disclosure(at=now, user=db.user, direction="import",
                         partner_id=partner.id, partner_name=partner.name,
                         bundle_id=manifest.bundle_id, sequence=manifest.sequence,
                         legal_basis=manifest.legal_basis, purpose=manifest.purpose,
                         basis_note=manifest.basis_note, scope={}, counts=counts))
        audit.record(s, Action.IMPORT, "partner", partner.id, purpose=manifest.purpose,
                     detail={"bundle_id": manifest.bundle_id,
                             "records": len(incoming), "changes": preview.total_changes})
        s.flush()
    if preview.total_changes:
        db.refresh_statistics()  # a first import can turn empty tables into large ones
    return preview


# A canonical payload line ends with its table (keys are sorted, "table" is the last).
_LINE_TABLE = re.compile(rb'"table":"([a-z_]+)"}$', re.MULTILINE)


def in_runs(opened: OpenedBundle) -> bool:
    """Can the bundle be taken a run at a time: every table's records together, and no
    table before one it refers to? Read from the lines' text before they are parsed (about
    0.1 s at 100,000 people); a payload that misleads this is still merged correctly, and
    at worst refused for a missing parent row."""
    names = _LINE_TABLE.findall(opened.payload)
    if len(names) != opened.manifest.record_count:
        return False
    seen: list[str] = []
    for name in names:
        if not seen or seen[-1] != name.decode():
            seen.append(name.decode())
    if len(seen) != len(set(seen)) or not set(seen) <= TABLES.keys():
        return False
    for at, table in enumerate(seen):
        later = set(seen[at + 1:])
        if any(key.column.table.name in later for key in TABLES[table].foreign_keys):
            return False
    return True


def _empty_tables(s: Session) -> set[str]:
    """The travelling tables that hold no row: nothing in them to merge with."""
    return {name for name, table in TABLES.items()
            if s.execute(select(table.c.id).limit(1)).first() is None}


def _take(s: Session, writer: RowWriter | None, merger: RunMerger, run: list[ValidRecord],
          incoming: list[ValidRecord], empty: set[str]) -> None:
    """Merge one run (or the whole bundle) and hand its rows to the writer."""
    tables = {record.table for record in run}
    if writer is not None and (not tables <= empty or "person" in tables):
        writer.drain()  # the session reads the rows held here (and personnummer holders)
    merged = merger.merge(_local_rows(s, run, skip=empty), run)
    set_aside_pnr_clashes(s, merged)  # to the review list, not a refused bundle
    required = {table: _required(table) for table in tables}
    for key, result in merged.items():
        if result.kind == "new" and not required[key[0]] <= result.record.fields.keys():
            require_complete(result.record, _first_position(incoming, key))
    merger.keep(merged)
    if writer is not None:
        writer.write(merged)

@cache
def _required(table: str) -> frozenset[str]:
    return frozenset(required_fields(table))


def _check_not_seen(s: Session, bundle_id: str, sender: str, sequence: int) -> None:
    if s.get(ImportedBundle, bundle_id) is not None:
        raise BundleRejected("replayed")
    last = s.execute(select(ImportedBundle.sequence).where(
        ImportedBundle.sender_unit == sender).order_by(
        ImportedBundle.sequence.desc()).limit(1)).scalar()
    if last is not None and sequence <= last:
        raise BundleRejected("older_sequence")


def _first_position(incoming: list[ValidRecord], key: tuple[str, str]) -> int:
    """Where a record first appears in the payload (from 1), to name it in a refusal."""
    return next(n for n, r in enumerate(incoming, 1) if (r.table, r.id) == key)


def _local_rows(s: Session, incoming: list[ValidRecord],
                skip: set[str]) -> dict[tuple[str, str], ValidRecord]:
    """The rows held here under the records' ids; tables in ``skip`` (empty when the import
    began) are not looked up."""
    wanted: dict[str, set[str]] = {}
    for record in incoming:
        if record.table not in skip:
            wanted.setdefault(record.table, set()).add(record.id)
    local: dict[tuple[str, str], ValidRecord] = {}
    for table, ids in wanted.items():
        t = TABLES[table]
        id_list = sorted(ids)
        for start in range(0, len(id_list), 500):
            chunk = id_list[start:start + 500]
            for row in s.execute(select(t).where(t.c.id.in_(chunk))).mappings():
                values = to_record(table, dict(row))
                local[(table, values["id"])] = ValidRecord(**values)
    return local


def _preview(manifest: Any, partner_name: str, merged: dict[tuple[str, str], Merged],
             *, applied: bool) -> ImportPreview:
    tally: dict[str, list[int]] = {}
    at = {"new": 0, "changed": 1, "same": 2}
    for (table, _id), result in merged.items():
        counts = tally.get(table)
        if counts is None:
            counts = tally[table] = [0, 0, 0, 0]
        counts[at[result.kind]] += 1
        if result.reviews:
            counts[3] += len(result.reviews)
    tables = tuple(TableChanges(t, *c) for t, c in sorted(tally.items()))
    reviews = tuple(_review_preview(item) for result in merged.values()
                    for item in result.reviews)
    return ImportPreview(bundle_id=manifest.bundle_id, sender_unit=manifest.sender_unit,
                         partner_name=partner_name, sequence=manifest.sequence,
                         legal_basis=manifest.legal_basis, purpose=manifest.purpose,
                         tables=tables, applied=applied, reviews=reviews)


def _review_preview(item: ReviewItem) -> ReviewPreview:
    masked = (item.table, item.field) in MASKED_FIELDS
    return ReviewPreview(
        table=item.table, entity_label=RECORD_LABELS.get(item.table, item.table),
        field=item.field,
        field_label=_("borttagen") if item.field == "deleted"
        else field_label(item.table, item.field),
        kept_value=mask(item.kept_value) or None if masked else item.kept_value,
        other_value=mask(item.other_value) or None if masked else item.other_value)


def _finish(s: Session, db: Db, merged: dict[tuple[str, str], Merged],
            incoming: list[ValidRecord], bundle_id: str) -> None:
    """After the rows: the merge review items, and the clock moved past every stamp."""
    now = utcnow()
    for result in merged.values():
        for item in result.reviews:
            seen = s.execute(select(MergeReview.id).where(
                MergeReview.record_id == item.record_id, MergeReview.field == item.field,
                MergeReview.other_clock == item.other_clock)).first()
            if seen is None:
                s.add(MergeReview(entity_type=item.table, record_id=item.record_id,
                                  field=item.field, kept_value=item.kept_value,
                                  other_value=item.other_value, other_unit=item.other_unit,
                                  other_clock=item.other_clock, bundle_id=bundle_id,
                                  created_at=now))
    top = top_stamp(incoming)
    if top is not None:
        db.clock.observe(Stamp.parse(top))
    s.flush()
    meta = s.get(VaultMeta, "hlc_last")
    if meta is None:
        s.add(VaultMeta(key="hlc_last", value=str(db.clock.last)))
    else:
        meta.value = str(db.clock.last)
