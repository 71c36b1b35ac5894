"""The audit log: append-only, HMAC-chained, written in the same transaction as the change.

Each row's MAC covers its own fields and the previous row's MAC (HMAC-SHA256 keyed from the
DEK via HKDF), and ``vault_meta.audit_head`` holds the last sequence and MAC, so editing,
deleting, reordering or truncating rows is found by ``verify``. Rows hold ids, actions and
purposes, never personal data.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import AuditEvent, VaultMeta
from app.services.db import Db, utcnow

GENESIS = "0" * 64


class Action(StrEnum):
    LOGIN = "login"
    FAILED_LOGIN = "failed_login"
    READ = "read"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    PRINT = "print"
    EXPORT = "export"
    IMPORT = "import"
    MERGE = "merge"
    PURGE = "purge"
    REVEAL = "reveal"  # personnummer shown in clear
    BACKUP = "backup"
    KEY_CHANGE = "key_change"


def _mac(key: bytes, seq: int, at: datetime, user: str, action: str, entity_type: str | None,
         entity_id: str | None, purpose: str | None, detail: Any, prev: str) -> str:
    body = json.dumps(
        [seq, at.isoformat(), user, action, entity_type, entity_id, purpose, detail, prev],
        sort_keys=True, separators=(",", ":"), ensure_ascii=False,
    ).encode()
    return hmac.new(key, body, hashlib.sha256).hexdigest()


def record(session: Session, action: Action | str, entity_type: str | None = None,
           entity_id: str | None = None, *, purpose: str | None = None,
           detail: dict[str, Any] | None = None) -> AuditEvent:
    """Append one event inside the caller's transaction."""
    db: Db = session.info["db"]
    head = session.get(VaultMeta, "audit_head")
    if head is None:
        seq, prev = 1, GENESIS
    else:
        last_seq, _sep, prev = head.value.partition(":")
        seq = int(last_seq) + 1
    at = utcnow()
    mac = _mac(db.audit_key, seq, at, db.user, str(action), entity_type, entity_id, purpose,
               detail, prev)
    event = AuditEvent(seq=seq, at=at, user=db.user, action=str(action), entity_type=entity_type,
                       entity_id=entity_id, purpose=purpose, detail=detail, prev_mac=prev, mac=mac)
    session.add(event)
    value = f"{seq}:{mac}"
    if head is None:
        session.add(VaultMeta(key="audit_head", value=value))
    else:
        head.value = value
    session.flush()
    return event


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    broken_seq: int | None = None
    reason: str = ""


def verify(db: Db, batch: int = 5000) -> VerifyResult:
    """Walk the chain from the start; report the first broken link."""
    prev = GENESIS
    expected_seq = 1
    checked = 0
    with db.read() as s:
        last_id = 0
        while True:
            rows = s.execute(
                select(AuditEvent).where(AuditEvent.seq > last_id)
                .order_by(AuditEvent.seq).limit(batch)
            ).scalars().all()
            if not rows:
                break
            for ev in rows:
                if ev.seq != expected_seq:
                    return VerifyResult(False, checked, expected_seq,
                                        _("händelse {n} saknas").format(n=expected_seq))
                if ev.prev_mac != prev:
                    return VerifyResult(False, checked, ev.seq,
                                        _("kedjan bruten före händelse {n}").format(n=ev.seq))
                mac = _mac(db.audit_key, ev.seq, ev.at, ev.user, ev.action, ev.entity_type,
                           ev.entity_id, ev.purpose, ev.detail, ev.prev_mac)
                if not hmac.compare_digest(mac, ev.mac):
                    return VerifyResult(False, checked, ev.seq,
                                        _("händelse {n} har ändrats").format(n=ev.seq))
                prev = ev.mac
                expected_seq += 1
                checked += 1
                last_id = ev.seq
            s.expunge_all()
        head = s.get(VaultMeta, "audit_head")
        expected_head = f"{checked}:{prev}" if checked else None
        if (head.value if head else None) != expected_head:
            return VerifyResult(False, checked, checked + 1,
                                _("de senaste händelserna har tagits bort"))
    return VerifyResult(True, checked)


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: datetime
    user: str
    action: str
    entity_type: str | None
    entity_id: str | None
    purpose: str | None
    detail: dict[str, Any] | None


def list_events(db: Db, *, user: str | None = None, action: str | None = None,
                entity_id: str | None = None, since: datetime | None = None,
                until: datetime | None = None, limit: int = 200,
                offset: int = 0) -> list[AuditEntry]:
    stmt = select(AuditEvent)
    if user:
        stmt = stmt.where(AuditEvent.user == user)
    if action:
        stmt = stmt.where(AuditEvent.action == action)
    if entity_id:
        stmt = stmt.where(AuditEvent.entity_id == entity_id)
    if since:
        stmt = stmt.where(AuditEvent.at >= since)
    if until:
        stmt = stmt.where(AuditEvent.at < until)
    stmt = stmt.order_by(AuditEvent.seq.desc()).limit(limit).offset(offset)
    with db.read() as s:
        return [AuditEntry(e.seq, e.at, e.user, e.action, e.entity_type, e.entity_id, e.purpose,
                           e.detail) for e in s.execute(stmt).scalars()]


def count_events(db: Db) -> int:
    with db.read() as s:
        return int(s.execute(select(func.count()).select_from(AuditEvent)).scalar_one())
