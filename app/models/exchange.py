"""What this laptop knows about exchanging bundles: the disclosure register, the bundles
already imported, and merge conflicts waiting for a person to decide.

These tables are local to one vault and never travel in a bundle themselves.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, new_id


class Disclosure(Base):
    """One export to, or import from, a partner: the answer to "what did we give to whom?"."""

    __tablename__ = "disclosure"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(DateTime)
    user: Mapped[str] = mapped_column(String(100))
    direction: Mapped[str] = mapped_column(String(10))  # "export" | "import"
    partner_id: Mapped[str | None] = mapped_column(ForeignKey("partner.id", ondelete="SET NULL"))
    # Kept as written at the time, so the register still reads right if the partner changes.
    partner_name: Mapped[str] = mapped_column(String(200))
    bundle_id: Mapped[str] = mapped_column(String(36))
    sequence: Mapped[int] = mapped_column(Integer)
    legal_basis: Mapped[str] = mapped_column(Text)
    purpose: Mapped[str | None] = mapped_column(Text)
    # The balancing of interests (OSL 10:15 a) or the consent reference behind the legal basis.
    basis_note: Mapped[str | None] = mapped_column(Text)
    scope: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # groups, since, …
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # records per type

    __table_args__ = (Index("ix_disclosure_at", "at"),)


class ImportedBundle(Base):
    """A bundle applied here: its id refuses a replay, its sequence an older bundle."""

    __tablename__ = "imported_bundle"

    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sender_unit: Mapped[str] = mapped_column(String(36))
    sequence: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    imported_by: Mapped[str] = mapped_column(String(100))
    record_count: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (Index("ix_imported_bundle_sender", "sender_unit", "sequence"),)


class MergeReview(Base):
    """A field that matters to a person where two laptops disagreed: merging kept one value
    (the same on every laptop) and set the other aside here until someone decides."""

    __tablename__ = "merge_review"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    entity_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(60))
    kept_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    other_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    other_unit: Mapped[str] = mapped_column(String(36))
    other_clock: Mapped[str] = mapped_column(String(60))
    bundle_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(100))
    resolution: Mapped[str | None] = mapped_column(String(10))  # "kept" | "other"

    __table_args__ = (Index("ix_merge_review_open", "resolved_at", "created_at"),)
