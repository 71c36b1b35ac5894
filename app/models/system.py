"""Vault-level tables: partners, key-value metadata and the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, enum_type
from app.models.enums import PartnerKind


class Partner(SyncMixin, Base):
    __tablename__ = "partner"

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[PartnerKind] = mapped_column(enum_type(PartnerKind))
    age_recipient: Mapped[str | None] = mapped_column(String(200))
    signing_key: Mapped[str | None] = mapped_column(String(200))
    # The partner's own unit id (its `mottryck keys show`): bundle manifests name it as sender.
    unit_id: Mapped[str | None] = mapped_column(String(36), index=True)
    # Minimisation profile: which record types and fields may go to this partner.
    profile: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)


class VaultMeta(Base):
    """Small key-value facts about this vault: unit id, last clock stamp, …"""

    __tablename__ = "vault_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEvent(Base):
    """One entry of the append-only, MAC-chained audit log. Never holds personal data."""

    __tablename__ = "audit_event"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(DateTime)
    user: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(32), index=True)
    entity_type: Mapped[str | None] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(36), index=True)
    purpose: Mapped[str | None] = mapped_column(Text)
    # Non-personal facts about the event (field names changed, row counts, bundle id …).
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    prev_mac: Mapped[str] = mapped_column(String(64))
    mac: Mapped[str] = mapped_column(String(64))
