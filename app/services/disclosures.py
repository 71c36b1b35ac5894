"""The disclosure register: every bundle written for, or read from, a partner, as the answer
to "what did we give to whom, and on what grounds?" (OSL 10:2, 10:15 a, 12:2).

The rows are written by the bundle services; this module only reads them. Looking at the
register is logged as a READ (it names partners and the legal grounds given) and the printed
register as a PRINT, each in the same transaction as the read.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import FieldError, ValidationError
from app.i18n import Labels, _
from app.models import Disclosure, Partner
from app.services import audit
from app.services.audit import Action
from app.services.db import Db

ENTITY = "disclosure"
DIRECTIONS = ("export", "import")
DIRECTION_LABELS = Labels({"export": _("Utlämnat"), "import": _("Mottaget")})


@dataclass(frozen=True)
class DisclosureFilter:
    direction: str | None = None  # "export" | "import" | None for both
    partner_id: str | None = None
    since: date | None = None  # local calendar days, both ends included
    until: date | None = None
    search: str | None = None  # words found in partner, grounds, purpose, note or bundle id


@dataclass(frozen=True)
class DisclosureDTO:
    id: str
    at: datetime  # naive UTC, as stored
    user: str
    direction: str
    partner_id: str | None  # None once the partner is gone; the name stays
    partner_name: str
    legal_basis: str
    purpose: str | None
    basis_note: str | None
    bundle_id: str
    sequence: int
    counts: dict[str, int] = field(hash=False)  # record type → records
    scope: dict[str, Any] = field(hash=False)  # groups, since

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _utc(day: date) -> datetime:
    """Local midnight of ``day`` as naive UTC, the form the register stores."""
    return datetime.combine(day, time()).astimezone(UTC).replace(tzinfo=None)


def _check(f: DisclosureFilter) -> None:
    errors: list[FieldError] = []
    if f.direction is not None and f.direction not in DIRECTIONS:
        errors.append(FieldError("direction", _("ska vara utlämnat eller mottaget"),
                                 _("riktning")))
    if f.since and f.until and f.since > f.until:
        errors.append(FieldError("until", _("ligger före från-datumet"), _("till och med")))
    if errors:
        raise ValidationError(errors)


def _dto(row: Disclosure) -> DisclosureDTO:
    counts = {str(k): int(v) for k, v in (row.counts or {}).items()}
    return DisclosureDTO(
        id=row.id, at=row.at, user=row.user, direction=row.direction,
        partner_id=row.partner_id, partner_name=row.partner_name,
        legal_basis=row.legal_basis, purpose=row.purpose, basis_note=row.basis_note,
        bundle_id=row.bundle_id, sequence=row.sequence, counts=counts,
        scope=dict(row.scope or {}))


def _matches(item: DisclosureDTO, words: Sequence[str]) -> bool:
    # The register is one row per bundle (a few a week): matching in Python lets Swedish
    # letters fold properly, which SQLite's lower() does not.
    text = " ".join(x for x in (item.partner_name, item.legal_basis, item.purpose or "",
                                item.basis_note or "", item.bundle_id, item.user) if x)
    haystack = text.casefold()
    return all(word in haystack for word in words)


def _select(s: Session, f: DisclosureFilter) -> builtins.list[DisclosureDTO]:
    stmt = select(Disclosure)
    if f.direction:
        stmt = stmt.where(Disclosure.direction == f.direction)
    if f.partner_id:
        stmt = stmt.where(Disclosure.partner_id == f.partner_id)
    if f.since:
        stmt = stmt.where(Disclosure.at >= _utc(f.since))
    if f.until:
        stmt = stmt.where(Disclosure.at < _utc(f.until + timedelta(days=1)))
    stmt = stmt.order_by(Disclosure.at.desc(), Disclosure.id.desc())
    found = [_dto(r) for r in s.execute(stmt).scalars()]
    words = (f.search or "").casefold().split()
    return [d for d in found if _matches(d, words)] if words else found


def _audit_detail(f: DisclosureFilter, rows: int) -> dict[str, Any]:
    return {"rows": rows, "direction": f.direction, "partner_id": f.partner_id,
            "since": f.since.isoformat() if f.since else None,
            "until": f.until.isoformat() if f.until else None,
            "search": bool((f.search or "").strip())}  # not the words: they may name people


class DisclosureService:
    def __init__(self, db: Db) -> None:
        self.db = db

    def list(self, direction: str | None = None, partner_id: str | None = None,
             since: date | None = None, until: date | None = None,
             search: str | None = None) -> builtins.list[DisclosureDTO]:
        """The register, newest first; the look is logged as a READ."""
        return self.listing(DisclosureFilter(direction, partner_id, since, until, search))

    def listing(self, f: DisclosureFilter) -> builtins.list[DisclosureDTO]:
        _check(f)
        with self.db.write() as s:
            rows = _select(s, f)
            audit.record(s, Action.READ, ENTITY, None, detail=_audit_detail(f, len(rows)))
        return rows

    def report_pdf(self, f: DisclosureFilter = DisclosureFilter(), *,
                   output: str | None = None) -> bytes:
        """The register as printed (A4 landscape). With ``output`` ("pdf" | "printer") the
        print is logged at once; a preview leaves it out and calls ``record_report`` when the
        user really prints or saves."""
        from app.services.disclosure_report import render_register

        _check(f)
        with self.db.read() as s:
            rows = _select(s, f)
        pdf = render_register(rows, f, user=self.db.user, partner_name=self._partner_name(f),
                              now=datetime.now())
        if output is not None:
            self.record_report(f, output, rows=len(rows))
        return pdf

    def record_report(self, f: DisclosureFilter, output: str, *,
                      rows: int | None = None) -> None:
        """Log that the printed register left the program (to a printer or a PDF file)."""
        with self.db.write() as s:
            if rows is None:
                rows = len(_select(s, f))
            detail = _audit_detail(f, rows) | {"output": output}
            audit.record(s, Action.PRINT, ENTITY, None, detail=detail)

    def _partner_name(self, f: DisclosureFilter) -> str | None:
        if not f.partner_id:
            return None
        with self.db.read() as s:
            partner = s.get(Partner, f.partner_id)
            if partner is not None:
                return partner.name
            # A partner deleted since: the register kept the name it had.
            name = s.execute(select(Disclosure.partner_name).where(
                Disclosure.partner_id == f.partner_id).limit(1)).scalar_one_or_none()
            return str(name) if name is not None else None
