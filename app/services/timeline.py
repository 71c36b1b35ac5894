"""Everything that happened to one person, newest first: memberships, incidents, call-ins,
notifications, referrals, consents, letters and help-line contacts.

Reading the timeline is part of reading the person, whose ``get`` is already audited, so no
audit event is written here. Titles name groups, meetings and services — never the
personnummer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from sqlalchemy import select

from app.i18n import _
from app.models import (
    CallIn,
    CallInInvitee,
    Consent,
    Group,
    HelplineContact,
    Incident,
    IncidentPerson,
    Letter,
    Membership,
    Notification,
    NotificationPerson,
    Referral,
    ServiceProvider,
)
from app.models.enums import InviteeStatus, ReferralStatus
from app.services.db import Db
from app.services.timeline_words import (
    channel_word,
    incident_word,
    invitee_word,
    letter_word,
    notification_word,
    referral_word,
    role_word,
    service_word,
)


class TimelineKind(StrEnum):
    MEMBERSHIP_STARTED = "membership_started"
    MEMBERSHIP_ENDED = "membership_ended"
    INCIDENT = "incident"
    CALLIN_INVITED = "callin_invited"
    CALLIN_ATTENDANCE = "callin_attendance"
    NOTIFICATION = "notification"
    REFERRAL = "referral"
    REFERRAL_STATUS = "referral_status"
    CONSENT_GIVEN = "consent_given"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    LETTER = "letter"
    HELPLINE = "helpline"


@dataclass(frozen=True)
class TimelineEntry:
    when: datetime  # a date-only event is placed at midnight
    kind: TimelineKind
    title: str
    detail: str
    record_kind: str | None  # what the entry opens ("group", "incident", …), if anything
    record_id: str | None
    has_time: bool = True  # False: only the day is known

    @property
    def day(self) -> date:
        return self.when.date()


_ATTENDANCE = (InviteeStatus.ATTENDED, InviteeStatus.NO_SHOW, InviteeStatus.EXCUSED)


def _at(value: date | datetime) -> tuple[datetime, bool]:
    if isinstance(value, datetime):
        return value, True
    return datetime.combine(value, time.min), False


class TimelineService:
    def __init__(self, db: Db) -> None:
        self.db = db

    def for_person(self, person_id: str) -> list[TimelineEntry]:
        out: list[TimelineEntry] = []

        def add(when: date | datetime, kind: TimelineKind, title: str, detail: str = "",
                record: tuple[str, str] | None = None) -> None:
            moment, has_time = _at(when)
            out.append(TimelineEntry(moment, kind, title, detail, record[0] if record else None,
                                     record[1] if record else None, has_time))

        with self.db.read() as s:
            for m, group in s.execute(
                    select(Membership, Group).join(Group, Group.id == Membership.group_id)
                    .where(Membership.person_id == person_id, Membership.deleted.is_(False),
                           Group.deleted.is_(False))).all():
                ref = ("group", group.id)
                role = m.role or ""
                add(m.valid_from or m.created_at, TimelineKind.MEMBERSHIP_STARTED,
                    _("Medlem i {group}").format(group=group.name), role, ref)
                if m.valid_to:
                    add(m.valid_to, TimelineKind.MEMBERSHIP_ENDED,
                        _("Lämnade {group}").format(group=group.name), role, ref)

            for link, incident in s.execute(
                    select(IncidentPerson, Incident)
                    .join(Incident, Incident.id == IncidentPerson.incident_id)
                    .where(IncidentPerson.person_id == person_id,
                           IncidentPerson.deleted.is_(False), Incident.deleted.is_(False))).all():
                title = incident_word(incident.type)
                if incident.place:
                    title = f"{title}, {incident.place}"
                add(incident.occurred_at, TimelineKind.INCIDENT, title, role_word(link.role),
                    ("incident", incident.id))

            for invitee, callin in s.execute(
                    select(CallInInvitee, CallIn).join(CallIn, CallIn.id == CallInInvitee.callin_id)
                    .where(CallInInvitee.person_id == person_id,
                           CallInInvitee.deleted.is_(False), CallIn.deleted.is_(False))).all():
                ref = ("callin", callin.id)
                add(invitee.created_at, TimelineKind.CALLIN_INVITED,
                    _("Inbjudan till call-in: {title}").format(title=callin.title),
                    invitee_word(invitee.status), ref)
                if invitee.status in _ATTENDANCE:
                    add(callin.starts_at or invitee.updated_at, TimelineKind.CALLIN_ATTENDANCE,
                        _("Call-in: {title}").format(title=callin.title),
                        invitee_word(invitee.status), ref)

            for notification in s.execute(
                    select(Notification)
                    .join(NotificationPerson,
                          NotificationPerson.notification_id == Notification.id)
                    .where(NotificationPerson.person_id == person_id,
                           NotificationPerson.deleted.is_(False),
                           Notification.deleted.is_(False))).scalars():
                add(notification.delivered_at or notification.created_at,
                    TimelineKind.NOTIFICATION, notification_word(notification.kind),
                    notification.reaction or "", ("notification", notification.id))

            for referral, provider in s.execute(
                    select(Referral, ServiceProvider.name)
                    .outerjoin(ServiceProvider, ServiceProvider.id == Referral.provider_id)
                    .where(Referral.person_id == person_id,
                           Referral.deleted.is_(False))).all():
                ref = ("referral", referral.id)
                title = service_word(referral.service_type)
                if provider:
                    title = f"{title} – {provider}"
                add(referral.proposed_on or referral.created_at, TimelineKind.REFERRAL,
                    _("Insats föreslagen: {service}").format(service=title), "", ref)
                if referral.status != ReferralStatus.PROPOSED:
                    add(referral.status_changed_on or referral.updated_at,
                        TimelineKind.REFERRAL_STATUS,
                        _("Insats: {service}").format(service=title),
                        referral_word(referral.status), ref)

            for consent in s.execute(
                    select(Consent).where(Consent.person_id == person_id,
                                          Consent.deleted.is_(False))).scalars():
                ref = ("consent", consent.id)
                add(consent.given_on or consent.created_at, TimelineKind.CONSENT_GIVEN,
                    _("Samtycke lämnat"), consent.purpose, ref)
                if consent.withdrawn_on:
                    add(consent.withdrawn_on, TimelineKind.CONSENT_WITHDRAWN,
                        _("Samtycke återkallat"), consent.purpose, ref)

            for letter in s.execute(
                    select(Letter).where(Letter.person_id == person_id,
                                         Letter.deleted.is_(False))).scalars():
                add(letter.printed_at, TimelineKind.LETTER,
                    _("Brev utskrivet: {kind}").format(kind=letter_word(letter.kind)),
                    _("{template}, version {version}, av {user}").format(
                        template=letter.template_name, version=letter.template_version,
                        user=letter.printed_by), ("letter", letter.id))

            for contact in s.execute(
                    select(HelplineContact).where(HelplineContact.person_id == person_id,
                                                  HelplineContact.deleted.is_(False))).scalars():
                add(contact.contacted_at, TimelineKind.HELPLINE,
                    _("Kontakt med stödlinjen ({channel})").format(
                        channel=channel_word(contact.channel)),
                    contact.asked or "", ("helpline_contact", contact.id))

        # Newest first; on the same day a timed entry comes before the day-only ones of that
        # day, and the kind order keeps "started" below "ended" for a one-day membership.
        order = {k: i for i, k in enumerate(TimelineKind)}
        out.sort(key=lambda e: (e.when, order[e.kind]), reverse=True)
        return out
