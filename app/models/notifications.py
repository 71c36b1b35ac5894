"""Notifications (custom notifications and call-in invitations) and printed letters."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, enum_type, json_list_default
from app.models.enums import (
    LetterKind,
    NotificationKind,
    NotificationSetting,
    NotificationTrigger,
)


class Notification(SyncMixin, Base):
    __tablename__ = "notification"

    kind: Mapped[NotificationKind] = mapped_column(enum_type(NotificationKind))
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime)
    trigger: Mapped[NotificationTrigger] = mapped_column(
        enum_type(NotificationTrigger), default=NotificationTrigger.OTHER
    )
    trigger_incident_id: Mapped[str | None] = mapped_column(
        ForeignKey("incident.id", ondelete="SET NULL")
    )
    callin_id: Mapped[str | None] = mapped_column(ForeignKey("callin.id", ondelete="SET NULL"))
    setting: Mapped[NotificationSetting | None] = mapped_column(enum_type(NotificationSetting))
    # The team as a list of {"name": ..., "role": ...}.
    team: Mapped[list[Any]] = mapped_column(JSON, default=json_list_default)
    message_parts: Mapped[list[Any]] = mapped_column(JSON, default=json_list_default)
    legal_assessment: Mapped[str | None] = mapped_column(Text)
    help_offered: Mapped[str | None] = mapped_column(Text)
    reaction: Mapped[str | None] = mapped_column(Text)
    next_step: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_notification_delivered", "delivered_at"),)


class NotificationPerson(SyncMixin, Base):
    __tablename__ = "notification_person"

    notification_id: Mapped[str] = mapped_column(ForeignKey("notification.id", ondelete="CASCADE"))
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))

    __table_args__ = (
        Index("ix_notification_person_notification", "notification_id"),
        Index("ix_notification_person_person", "person_id"),
    )


class LetterTemplate(SyncMixin, Base):
    """An editable letter text; every save is a new version so printed letters stay traceable."""

    __tablename__ = "letter_template"

    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[LetterKind] = mapped_column(enum_type(LetterKind))
    language: Mapped[str] = mapped_column(String(8))
    version: Mapped[int] = mapped_column(Integer, default=1)
    body: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_letter_template_name", "name", "language", "version"),)


class Letter(SyncMixin, Base):
    """What was printed for whom, from which template version, when and by whom."""

    __tablename__ = "letter"

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    kind: Mapped[LetterKind] = mapped_column(enum_type(LetterKind))
    template_name: Mapped[str] = mapped_column(String(100))
    template_version: Mapped[int] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(8))
    callin_id: Mapped[str | None] = mapped_column(ForeignKey("callin.id", ondelete="SET NULL"))
    notification_id: Mapped[str | None] = mapped_column(
        ForeignKey("notification.id", ondelete="SET NULL")
    )
    printed_at: Mapped[datetime] = mapped_column(DateTime)
    printed_by: Mapped[str] = mapped_column(String(100))
    output: Mapped[str] = mapped_column(String(20), default="pdf")  # pdf | printer

    __table_args__ = (Index("ix_letter_person", "person_id"),)
