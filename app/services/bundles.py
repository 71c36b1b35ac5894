"""Exporting a bundle to a partner and importing one from a partner.

Export order: rows in scope → the partner's profile (record types and fields) → the file is
written atomically (``write_bundle``) → then, in one transaction, the next sequence number, the
``Disclosure`` row and the audit event. The file comes first so that a register entry always
means a file exists; if the transaction then fails the file is removed, so a file without an
entry never stays behind either. The sequence is reserved by reading it before the file is
written and committed after; two exports at once on one laptop are not possible (one writer).

Import order (SECURITY.md): the file checks of ``open_bundle`` → not replayed, sequence newer →
schema → expiry → every record validated → preview → apply everything in ONE transaction with
the remote stamps kept, the clock moved past them, the ``ImportedBundle`` row, the
``Disclosure`` (direction ``import``), the merge review items and the audit event. Any refusal
raises ``BundleRejected`` and writes nothing.
"""

from __future__ import annotations

import contextlib
import re
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Enum, Select, String, select, type_coerce
from sqlalchemy.orm import Session

from app import __version__
from app.errors import BundleRejected, Cancelled, MottryckError
from app.exchange.bundle import CancelRequested, Progress, open_bundle, write_bundle
from app.exchange.hlc import Stamp
from app.exchange.manifest import BundleHeader, Recipient
from app.exchange.merge import Merged, ReviewItem, merge_all
from app.exchange.profile_words import RECORD_LABELS, field_label
from app.exchange.records import (
    TABLES,
    ValidRecord,
    field_names,
    require_complete,
    required_fields,
    to_record,
)
from app.i18n import _
from app.models import Disclosure, ImportedBundle, MergeReview, VaultMeta
from app.services import audit
from app.services.audit import Action
from app.services.bundle_apply import paused_gc, read_records, top_stamp, write_merged
from app.services.bundle_clash import set_aside_pnr_clashes
from app.services.bundle_scope import count_rows, group_scope, scoped_select, since_stamp
from app.services.db import Db, utcnow
from app.services.identity import mask
from app.services.merge_review import MASKED_FIELDS
from app.services.partners import PartnerDTO, PartnerService
from app.services.unit_keys import parse_signing_public_key, unit_secrets
from app.services.validate import Checker
from app.vault.migrate import head_revision

VALID_DAYS = 30  # a bundle on a stick is refused after this: an old one is a lost one
SEQUENCE_KEY = "bundle_sequence"


@dataclass(frozen=True)
class ExportResult:
    bundle_id: str
    sequence: int
    path: str
    counts: dict[str, int]  # records per table


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


class BundleService:
    def __init__(self, db: Db) -> None:
        self.db = db
        self.partners = PartnerService(db)

    # ---- export ----------------------------------------------------------------------------
    def export(self, partner_id: str, out: str | Path, *, legal_basis: str,
               purpose: str | None = None, basis_note: str | None = None,
               groups: Sequence[str] = (), since: date | None = None,
               progress: Progress | None = None,
               cancelled: CancelRequested | None = None) -> ExportResult:
        """Write a bundle for one partner; ``groups`` (names) narrows people and their data
        to those groups' members, ``since`` to rows written on or after that day."""
        partner = self.partners.get(partner_id)
        c = Checker()
        basis = c.text("legal_basis", _("rättslig grund"), legal_basis, required=True,
                       max_len=4000)
        purpose = c.text("purpose", _("ändamål"), purpose, max_len=4000)
        basis_note = c.text("basis_note", _("avvägning"), basis_note, max_len=4000)
        c.done()
        if not partner.can_receive:
            raise MottryckError(_("Partnern {name} är spärrad eller saknar age-mottagare.")
                                .format(name=partner.name))
        secrets = unit_secrets(self.db)
        path = Path(out)
        counts: dict[str, int] = {}
        with self.db.read() as s:
            sequence = int((s.get(VaultMeta, SEQUENCE_KEY) or VaultMeta(value="0")).value) + 1
            plan = self._plan(s, partner, groups, since)
            now = datetime.now(UTC)
            header = BundleHeader(
                bundle_id=str(uuid.uuid4()), sender_unit=secrets.unit_id,
                sender_key_fingerprint=secrets.public.fingerprint, sequence=sequence,
                # A partner without Mottryck has no unit id: its partner id names it instead.
                recipients=(Recipient(partner.unit_id or partner.id, partner.age_recipient or ""),
                            Recipient(secrets.unit_id, secrets.public.age_recipient)),
                created_at=now, not_after=now + timedelta(days=VALID_DAYS),
                schema_version=head_revision(), app_version=__version__, legal_basis=basis or "",
                purpose=purpose, basis_note=basis_note)
            # Rows become records as the writer takes them: never a list of the whole export.
            write_bundle(path, header, _stream(s, plan, counts), secrets.signing_key,
                         total=sum(n for _t, _f, n in plan), progress=progress,
                         cancelled=cancelled)
        records = sum(counts.values())
        try:
            with self.db.write() as s:
                meta = s.get(VaultMeta, SEQUENCE_KEY)
                if meta is None:
                    s.add(VaultMeta(key=SEQUENCE_KEY, value=str(sequence)))
                else:
                    meta.value = str(sequence)
                scope = {"groups": list(groups), "since": since.isoformat() if since else None}
                s.add(Disclosure(at=utcnow(), user=self.db.user, direction="export",
                                 partner_id=partner.id, partner_name=partner.name,
                                 bundle_id=header.bundle_id, sequence=sequence,
                                 legal_basis=basis, purpose=purpose, basis_note=basis_note,
                                 scope=scope, counts=counts))
                audit.record(s, Action.EXPORT, "partner", partner.id, purpose=purpose,
                             detail={"bundle_id": header.bundle_id, "records": records})
        except BaseException:
            with contextlib.suppress(OSError):
                path.unlink()
            raise
        return ExportResult(bundle_id=header.bundle_id, sequence=sequence, path=str(path),
                            counts=counts)

    def _plan(self, s: Session, partner: PartnerDTO, groups: Sequence[str],
              since: date | None) -> list[tuple[Select[Any], frozenset[str], int]]:
        """Per table the partner may receive: the scoped query, its fields and its count."""
        scope = group_scope(s, groups)
        floor = since_stamp(since) if since else None
        plan = []
        for table in partner.profile.record_types:
            if table not in TABLES:
                continue
            stmt = scoped_select(TABLES[table], scope, floor)
            plan.append((stmt, frozenset(partner.profile.fields(table)),
                         count_rows(s, TABLES[table], scope, floor)))
        return plan

    # ---- import ----------------------------------------------------------------------------
    def import_bundle(self, path: str | Path, *, dry_run: bool = False,
                      progress: Progress | None = None,
                      cancelled: CancelRequested | None = None) -> ImportPreview:
        """Check and (unless ``dry_run``) apply a bundle; a bundle already imported is refused
        with ``replayed`` and changes nothing. ``progress`` hears (done, total) as records
        are checked and then written; ``cancelled`` returning true stops it with
        ``Cancelled`` and nothing written, up to the commit."""
        with paused_gc():
            return self._import(path, dry_run=dry_run, progress=progress, cancelled=cancelled)

    def _import(self, path: str | Path, *, dry_run: bool, progress: Progress | None,
                cancelled: CancelRequested | None) -> ImportPreview:
        secrets = unit_secrets(self.db)

        def signer_key(unit_id: str) -> bytes | None:
            partner = self.partners.by_unit(unit_id)
            if partner is None or not partner.can_send_to_us or not partner.signing_public_key:
                return None
            return parse_signing_public_key(partner.signing_public_key)

        opened = open_bundle(Path(path), identity=secrets.age_identity,
                             our_unit_id=secrets.unit_id, signer_key_for=signer_key)
        manifest = opened.manifest
        partner = self.partners.by_unit(manifest.sender_unit)
        assert partner is not None  # the signature was checked against its key
        with self.db.read() as s:
            _check_not_seen(s, manifest.bundle_id, manifest.sender_unit, manifest.sequence)
        lines = manifest.record_count  # checked against the payload's lines
        total = lines if dry_run else 2 * lines  # checking, then writing

        def tick(done: int) -> None:
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(min(done, total), total)

        incoming = read_records(opened, supported_schemas={head_revision()},
                                now=datetime.now(UTC), tick=tick)
        with self.db.write() as s:
            # Checked again inside the write lock: two imports of one file cannot both pass.
            _check_not_seen(s, manifest.bundle_id, manifest.sender_unit, manifest.sequence)
            merged = merge_all(_local_rows(s, incoming), incoming)
            set_aside_pnr_clashes(s, merged)  # to the review list, not a refused bundle
            for key, result in merged.items():
                if result.kind == "new" and not _required(key[0]) <= result.record.fields.keys():
                    require_complete(result.record, _first_position(incoming, key))
            preview = _preview(manifest, partner, merged, applied=not dry_run)
            if dry_run:
                s.rollback()
                return preview
            _apply(s, self.db, merged, incoming, manifest.bundle_id,
                   lambda written: tick(lines + written))
            now = utcnow()
            s.add(ImportedBundle(bundle_id=manifest.bundle_id, sender_unit=manifest.sender_unit,
                                 sequence=manifest.sequence,
                                 created_at=manifest.created_at.replace(tzinfo=None),
                                 imported_at=now, imported_by=self.db.user,
                                 record_count=len(incoming)))
            counts = {t.table: t.new + t.changed for t in preview.tables}
            s.add(Disclosure(at=now, user=self.db.user, direction="import",
                             partner_id=partner.id, partner_name=partner.name,
                             bundle_id=manifest.bundle_id, sequence=manifest.sequence,
                             legal_basis=manifest.legal_basis, purpose=manifest.purpose,
                             basis_note=manifest.basis_note, scope={}, counts=counts))
            audit.record(s, Action.IMPORT, "partner", partner.id, purpose=manifest.purpose,
                         detail={"bundle_id": manifest.bundle_id,
                                 "records": len(incoming), "changes": preview.total_changes})
            s.flush()
        return preview


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


# How the engine stores a time (SQLAlchemy's SQLite format; the server default has no
# fraction): rewritten as ``datetime.isoformat()`` would print it, without parsing.
_STORED_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.([0-9]{6}))?")
_STORED_DATE = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_time(text: str) -> str:
    match = _STORED_TIME.fullmatch(text)
    if match is None:
        return datetime.fromisoformat(text).isoformat()
    base = f"{text[:10]}T{text[11:19]}"
    fraction = match.group(1)
    return base if fraction is None or fraction == "000000" else f"{base}.{fraction}"


def _iso_date(text: str) -> str:
    return text if _STORED_DATE.fullmatch(text) else date.fromisoformat(text).isoformat()


def _stream(s: Session, plan: list[tuple[Select[Any], frozenset[str], int]],
            counts: dict[str, int]) -> Iterator[dict[str, Any]]:
    """Records as ``records.to_record`` makes them, with the per-table work done once.

    Enums are stored by their value and dates and times as ISO text, so those columns are
    read as text and rewritten, not parsed into objects and formatted back (a third of the
    export's time at 100,000 people); rows come as tuples, not mappings."""
    for stmt, fields, _count in plan:
        table = stmt.selected_columns[0].table.name
        columns = TABLES[table].columns
        names = [n for n in field_names(table) if n in fields]
        clocked = [*names, "deleted"]
        rewrite: list[tuple[int, Any]] = []
        selected: list[Any] = []
        for i, n in enumerate(names):
            kind = columns[n].type
            if isinstance(kind, Enum | Date | DateTime):
                selected.append(type_coerce(columns[n], String).label(n))
                if isinstance(kind, DateTime):
                    rewrite.append((i, _iso_time))
                elif isinstance(kind, Date):
                    rewrite.append((i, _iso_date))
            else:
                selected.append(columns[n])
        query = stmt.with_only_columns(columns.id, columns.hlc, columns.origin_unit,
                                       columns.deleted, columns.field_clocks, *selected)
        done = 0
        for row in s.execute(query.execution_options(yield_per=2000)):
            row_id, hlc, origin, deleted, clocks = row[:5]
            values = list(row[5:])
            for i, convert in rewrite:
                if values[i] is not None:
                    values[i] = convert(values[i])
            done += 1
            if clocks:
                row_clock = f"{hlc}/{origin}"
                field_clocks: dict[str, str] | None = {n: clocks.get(n, row_clock)
                                                       for n in clocked}
            else:
                field_clocks = None
            yield {"table": table, "id": row_id, "hlc": hlc, "origin_unit": origin,
                   "deleted": bool(deleted), "field_clocks": field_clocks,
                   "fields": dict(zip(names, values, strict=True))}
        if done:
            counts[table] = counts.get(table, 0) + done


def _first_position(incoming: list[ValidRecord], key: tuple[str, str]) -> int:
    """Where a record first appears in the payload (from 1), to name it in a refusal."""
    return next(n for n, r in enumerate(incoming, 1) if (r.table, r.id) == key)


def _local_rows(s: Session, incoming: list[ValidRecord]) -> dict[tuple[str, str], ValidRecord]:
    wanted: dict[str, set[str]] = {}
    for record in incoming:
        wanted.setdefault(record.table, set()).add(record.id)
    local: dict[tuple[str, str], ValidRecord] = {}
    for table, ids in wanted.items():
        t = TABLES[table]
        # An empty table (the first import into a new vault) holds none of them: no lookups.
        if s.execute(select(t.c.id).limit(1)).first() is None:
            continue
        id_list = sorted(ids)
        for start in range(0, len(id_list), 500):
            chunk = id_list[start:start + 500]
            for row in s.execute(select(t).where(t.c.id.in_(chunk))).mappings():
                values = to_record(table, dict(row))
                local[(table, values["id"])] = ValidRecord(**values)
    return local


def _preview(manifest: Any, partner: PartnerDTO, merged: dict[tuple[str, str], Merged],
             *, applied: bool) -> ImportPreview:
    tally: dict[str, list[int]] = {}
    for (table, _id), result in merged.items():
        counts = tally.setdefault(table, [0, 0, 0, 0])
        counts[{"new": 0, "changed": 1, "same": 2}[result.kind]] += 1
        counts[3] += len(result.reviews)
    tables = tuple(TableChanges(t, *c) for t, c in sorted(tally.items()))
    reviews = tuple(_review_preview(item) for result in merged.values()
                    for item in result.reviews)
    return ImportPreview(bundle_id=manifest.bundle_id, sender_unit=manifest.sender_unit,
                         partner_name=partner.name, sequence=manifest.sequence,
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


def _apply(s: Session, db: Db, merged: dict[tuple[str, str], Merged],
           incoming: list[ValidRecord], bundle_id: str, tick: Callable[[int], None]) -> None:
    s.info["keep_stamps"] = True
    tick(0)
    write_merged(s, merged, tick)
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
