"""Follow-through against groups, help to leave (referrals, consents) and help-line contacts."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, enum_type, json_list_default
from app.models.enums import HelplineChannel, ReferralStatus, ServiceType


class EnforcementAction(SyncMixin, Base):
    __tablename__ = "enforcement_action"

    group_id: Mapped[str] = mapped_column(ForeignKey("group.id", ondelete="CASCADE"))
    levers: Mapped[list[Any]] = mapped_column(JSON, default=json_list_default)
    agencies: Mapped[list[Any]] = mapped_column(JSON, default=json_list_default)
    started_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(Text)
    communicated_how: Mapped[str | None] = mapped_column(Text)
    # When the group was told that this round answered its violence (often the next call-in).
    communicated_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_enforcement_action_group", "group_id"),)


class EnforcementIncident(SyncMixin, Base):
    __tablename__ = "enforcement_incident"

    action_id: Mapped[str] = mapped_column(ForeignKey("enforcement_action.id", ondelete="CASCADE"))
    incident_id: Mapped[str] = mapped_column(ForeignKey("incident.id", ondelete="CASCADE"))

    __table_args__ = (Index("ix_enforcement_incident_action", "action_id"),)


class ServiceProvider(SyncMixin, Base):
    __tablename__ = "service_provider"

    name: Mapped[str] = mapped_column(String(200))
    service_types: Mapped[list[Any]] = mapped_column(JSON, default=json_list_default)
    contact_person: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text)
    area: Mapped[str | None] = mapped_column(String(200))  # where it works: city, district
    offers: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    # No longer offered: kept for the referrals that name it, left out of new ones.
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Consent(SyncMixin, Base):
    __tablename__ = "consent"

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    # Who gave it: the person, or a guardian for someone under 18 (and their name).
    given_by: Mapped[str | None] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(Text)
    shared_with: Mapped[str | None] = mapped_column(Text)
    withheld: Mapped[str | None] = mapped_column(Text)
    withheld_reason: Mapped[str | None] = mapped_column(Text)
    legal_basis: Mapped[str | None] = mapped_column(String(200))
    given_on: Mapped[date | None] = mapped_column(Date)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (Index("ix_consent_person", "person_id"),)


class Referral(SyncMixin, Base):
    __tablename__ = "referral"

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    service_type: Mapped[ServiceType] = mapped_column(enum_type(ServiceType))
    provider_id: Mapped[str | None] = mapped_column(
        ForeignKey("service_provider.id", ondelete="SET NULL")
    )
    status: Mapped[ReferralStatus] = mapped_column(
        enum_type(ReferralStatus), default=ReferralStatus.PROPOSED
    )
    consent_id: Mapped[str | None] = mapped_column(ForeignKey("consent.id", ondelete="SET NULL"))
    proposed_on: Mapped[date | None] = mapped_column(Date)
    status_changed_on: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date)
    responsible_officer: Mapped[str | None] = mapped_column(String(100))
    feedback: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_referral_person", "person_id"),
        Index("ix_referral_status", "status"),
    )


class HelplineContact(SyncMixin, Base):
    __tablename__ = "helpline_contact"

    contacted_at: Mapped[datetime] = mapped_column(DateTime)
    channel: Mapped[HelplineChannel] = mapped_column(enum_type(HelplineChannel))
    anonymous: Mapped[bool] = mapped_column(Boolean, default=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    # A name the caller gave without being linked to a person here (yet).
    caller_name: Mapped[str | None] = mapped_column(String(200))
    asked: Mapped[str | None] = mapped_column(Text)
    offered: Mapped[str | None] = mapped_column(Text)
    follow_up: Mapped[str | None] = mapped_column(Text)
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    handled_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (Index("ix_helpline_contact_at", "contacted_at"),)


class ReferralEvent(SyncMixin, Base):
    """One step of a referral (grow-only): the status it moved to, when, by whom, and for a
    step that shares data with another organisation the consent that covered it — or the
    written reason for going ahead without one (a permitted override, audited)."""

    __tablename__ = "referral_event"

    referral_id: Mapped[str] = mapped_column(ForeignKey("referral.id", ondelete="CASCADE"))
    status: Mapped[ReferralStatus] = mapped_column(enum_type(ReferralStatus))
    previous_status: Mapped[ReferralStatus | None] = mapped_column(enum_type(ReferralStatus))
    on: Mapped[date] = mapped_column(Date)
    by_user: Mapped[str | None] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)
    consent_id: Mapped[str | None] = mapped_column(ForeignKey("consent.id", ondelete="SET NULL"))
    override_reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_referral_event_referral", "referral_id"),)
