"""Call-ins: the meeting, the groups it addresses, its speakers and its invitees."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, enum_type, json_list_default
from app.models.enums import CallInStatus, InviteeStatus, SpeakerRole


class CallIn(SyncMixin, Base):
    __tablename__ = "callin"

    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime | None] = mapped_column(DateTime)
    venue: Mapped[str | None] = mapped_column(String(200))
    security_plan: Mapped[str | None] = mapped_column(Text)
    practical_notes: Mapped[str | None] = mapped_column(Text)
    # Logistics checklist items ticked so far (meal, transport, sign-out, help-line cards …).
    logistics: Mapped[list[Any]] = mapped_column(JSON, default=json_list_default)
    status: Mapped[CallInStatus] = mapped_column(enum_type(CallInStatus),
                                                 default=CallInStatus.DRAFT)
    letter_template_version: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (Index("ix_callin_starts_at", "starts_at"),)


class CallInGroup(SyncMixin, Base):
    __tablename__ = "callin_group"

    callin_id: Mapped[str] = mapped_column(ForeignKey("callin.id", ondelete="CASCADE"))
    group_id: Mapped[str] = mapped_column(ForeignKey("group.id", ondelete="CASCADE"))

    __table_args__ = (Index("ix_callin_group_callin", "callin_id"),)


class CallInSpeaker(SyncMixin, Base):
    __tablename__ = "callin_speaker"

    callin_id: Mapped[str] = mapped_column(ForeignKey("callin.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    role: Mapped[SpeakerRole] = mapped_column(enum_type(SpeakerRole))
    name: Mapped[str] = mapped_column(String(200))
    minutes: Mapped[int] = mapped_column(Integer, default=5)

    __table_args__ = (Index("ix_callin_speaker_callin", "callin_id"),)


class CallInInvitee(SyncMixin, Base):
    __tablename__ = "callin_invitee"

    callin_id: Mapped[str] = mapped_column(ForeignKey("callin.id", ondelete="CASCADE"))
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    status: Mapped[InviteeStatus] = mapped_column(
        enum_type(InviteeStatus), default=InviteeStatus.PROPOSED
    )
    reason: Mapped[str | None] = mapped_column(Text)
    invited_how: Mapped[str | None] = mapped_column(String(200))
    invited_by: Mapped[str | None] = mapped_column(String(100))
    signed_out_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (
        Index("ix_callin_invitee_callin", "callin_id"),
        Index("ix_callin_invitee_person", "person_id"),
    )
