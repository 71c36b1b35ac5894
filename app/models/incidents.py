"""Incidents (the incident review) and who/which groups were involved."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, enum_type
from app.models.enums import Gmi, GroupInvolvement, IncidentType, InvolvementRole


class Incident(SyncMixin, Base):
    __tablename__ = "incident"

    occurred_at: Mapped[datetime] = mapped_column(DateTime)
    type: Mapped[IncidentType] = mapped_column(enum_type(IncidentType))
    place: Mapped[str | None] = mapped_column(String(200))
    area: Mapped[str | None] = mapped_column(String(100))
    gmi: Mapped[Gmi] = mapped_column(enum_type(Gmi), default=Gmi.UNKNOWN)
    injured: Mapped[int] = mapped_column(Integer, default=0)
    killed: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_incident_occurred", "occurred_at"),)


class IncidentGroup(SyncMixin, Base):
    __tablename__ = "incident_group"

    incident_id: Mapped[str] = mapped_column(ForeignKey("incident.id", ondelete="CASCADE"))
    group_id: Mapped[str] = mapped_column(ForeignKey("group.id", ondelete="CASCADE"))
    involvement: Mapped[GroupInvolvement] = mapped_column(
        enum_type(GroupInvolvement), default=GroupInvolvement.UNKNOWN
    )

    __table_args__ = (
        Index("ix_incident_group_incident", "incident_id"),
        Index("ix_incident_group_group", "group_id"),
    )


class IncidentPerson(SyncMixin, Base):
    __tablename__ = "incident_person"

    incident_id: Mapped[str] = mapped_column(ForeignKey("incident.id", ondelete="CASCADE"))
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    role: Mapped[InvolvementRole] = mapped_column(enum_type(InvolvementRole))

    __table_args__ = (
        Index("ix_incident_person_incident", "incident_id"),
        Index("ix_incident_person_person", "person_id"),
    )
