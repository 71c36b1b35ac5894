"""Reading the audit log page by page with filters, for the log screen.

``audit.list_events`` serves the command line; the screen also needs the number of matching
events (for its count and lazy paging), the users seen, and a record-id prefix match (ids are
long; users paste the start of one). Reading the log is not itself logged: it holds no
personal data, and logging each look would grow the log every time someone checks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from app.models import AuditEvent
from app.services.audit import AuditEntry
from app.services.db import Db


@dataclass(frozen=True)
class AuditFilter:
    user: str | None = None
    action: str | None = None
    entity_id: str | None = None  # the start of a record id is enough
    since: date | None = None  # local calendar days, both ends included
    until: date | None = None


def _utc(day: date) -> datetime:
    """Local midnight of ``day`` as naive UTC, the form the log stores."""
    # A naive datetime's astimezone() reads it as local time.
    return datetime.combine(day, time()).astimezone(UTC).replace(tzinfo=None)


def _filtered(stmt: Any, f: AuditFilter) -> Any:
    if f.user:
        stmt = stmt.where(AuditEvent.user == f.user)
    if f.action:
        stmt = stmt.where(AuditEvent.action == f.action)
    if f.entity_id and f.entity_id.strip():
        stmt = stmt.where(AuditEvent.entity_id.startswith(f.entity_id.strip(), autoescape=True))
    if f.since:
        stmt = stmt.where(AuditEvent.at >= _utc(f.since))
    if f.until:
        stmt = stmt.where(AuditEvent.at < _utc(f.until + timedelta(days=1)))
    return stmt


def count(db: Db, f: AuditFilter = AuditFilter()) -> int:
    with db.read() as s:
        return int(s.execute(_filtered(select(func.count(AuditEvent.seq)), f)).scalar_one())


def page(db: Db, f: AuditFilter = AuditFilter(), *, limit: int = 200,
         offset: int = 0) -> list[AuditEntry]:
    """Newest first."""
    stmt = _filtered(select(AuditEvent), f).order_by(AuditEvent.seq.desc())
    with db.read() as s:
        return [AuditEntry(e.seq, e.at, e.user, e.action, e.entity_type, e.entity_id, e.purpose,
                           e.detail)
                for e in s.execute(stmt.limit(limit).offset(offset)).scalars()]


def users(db: Db) -> list[str]:
    """Every user name that appears in the log, in alphabetical order."""
    with db.read() as s:
        return [u for (u,) in s.execute(
            select(AuditEvent.user).distinct().order_by(AuditEvent.user)).all()]
