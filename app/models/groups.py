"""Groups, dated memberships and dated alliances/conflicts between groups."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, enum_type, json_list_default
from app.models.collation import swedish_sort_key
from app.models.enums import Confidence, GroupStatus, RelationKind


class Group(SyncMixin, Base):
    __tablename__ = "group"

    name: Mapped[str] = mapped_column(String(100))
    sort_name: Mapped[str] = mapped_column(String(110), default="")
    aliases: Mapped[list[Any]] = mapped_column(JSON, default=json_list_default)
    area: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[GroupStatus] = mapped_column(enum_type(GroupStatus), default=GroupStatus.ACTIVE)
    priority: Mapped[int | None] = mapped_column(Integer)  # 1 = highest
    priority_review_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_group_sort_name", "sort_name"),)

    def refresh_derived(self) -> None:
        self.sort_name = swedish_sort_key(self.name)


class Membership(SyncMixin, Base):
    __tablename__ = "membership"

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    group_id: Mapped[str] = mapped_column(ForeignKey("group.id", ondelete="CASCADE"))
    role: Mapped[str | None] = mapped_column(String(100))
    source: Mapped[str | None] = mapped_column(String(200))
    confidence: Mapped[Confidence] = mapped_column(enum_type(Confidence), default=Confidence.MEDIUM)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_membership_person", "person_id"),
        Index("ix_membership_group", "group_id"),
        CheckConstraint("valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from",
                        name="dates"),
    )


class GroupRelation(SyncMixin, Base):
    __tablename__ = "group_relation"

    group_a_id: Mapped[str] = mapped_column(ForeignKey("group.id", ondelete="CASCADE"))
    group_b_id: Mapped[str] = mapped_column(ForeignKey("group.id", ondelete="CASCADE"))
    kind: Mapped[RelationKind] = mapped_column(enum_type(RelationKind))
    intensity: Mapped[int] = mapped_column(Integer, default=1)  # 1 (latent) … 5 (acute)
    since: Mapped[date | None] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date)
    trigger_incident_id: Mapped[str | None] = mapped_column(
        ForeignKey("incident.id", ondelete="SET NULL")
    )
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_group_relation_a", "group_a_id"),
        Index("ix_group_relation_b", "group_b_id"),
        CheckConstraint("group_a_id <> group_b_id", name="distinct_groups"),
        CheckConstraint("intensity BETWEEN 1 AND 5", name="intensity"),
    )
