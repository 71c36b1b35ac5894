"""Exporting a bundle to a partner, and the service that also imports one.

Export order: rows in scope → the partner's profile (record types and fields) → the file is
written atomically (``write_bundle``) → then, in one transaction, the next sequence number, the
``Disclosure`` row and the audit event. The file comes first so that a register entry always
means a file exists; if the transaction then fails the file is removed, so a file without an
entry never stays behind either. The sequence is reserved by reading it before the file is
written and committed after; two exports at once on one laptop are not possible (one writer).

Importing is ``bundle_import.run_import`` (SECURITY.md's order of checks, one transaction).
"""

from __future__ import annotations

import contextlib
import re
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Enum, Select, String, type_coerce
from sqlalchemy.orm import Session

from app import __version__
from app.errors import MottryckError
from app.exchange.bundle import CancelRequested, Progress, write_bundle
from app.exchange.manifest import BundleHeader, Recipient
from app.exchange.records import (
    TABLES,
    field_names,
)
from app.i18n import _
from app.models import Disclosure, VaultMeta
from app.services import audit
from app.services.audit import Action
from app.services.bundle_apply import paused_gc
from app.services.bundle_import import (
    ImportPreview,
    run_import,
)
from app.services.bundle_scope import count_rows, group_scope, scoped_select, since_stamp
from app.services.db import Db, utcnow
from app.services.partners import PartnerDTO, PartnerService
from app.services.unit_keys import unit_secrets
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
        with ``replayed`` and changes nothing. ``progress`` hears (done, total): records
        checked plus rows written, of twice the records (a dry run: of the records, checked);
        ``cancelled`` returning true stops it with
        ``Cancelled`` and nothing written, up to the commit."""
        with paused_gc():
            return run_import(self.db, path, dry_run=dry_run, progress=progress,
                              cancelled=cancelled)


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


