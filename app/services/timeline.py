"""Everything that happened to one person, newest first: memberships, incidents, call-ins,
notifications (custom and call-in invitations), referrals (made, then each step), consents
(given, withdrawn), printed letters and help-line contacts linked to them; and to one group:
its members coming and going, its incidents, the call-ins that addressed it, the
notifications delivered to its members (those who were members on the day) and its rounds
of follow-through (started, communicated back, ended).

Reading a timeline is part of reading the person or group, whose ``get`` is already audited,
so no audit event is written here. Titles name groups, people, meetings and services — never
the personnummer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import (
    CallIn,
    CallInGroup,
    CallInInvitee,
    Consent,
    EnforcementAction,
    Group,
    HelplineContact,
    Incident,
    IncidentGroup,
    IncidentPerson,
    Letter,
    Membership,
    Notification,
    NotificationPerson,
    Person,
    Referral,
    ReferralEvent,
    ServiceProvider,
)
from app.models.enums import InviteeStatus, NotificationKind, ReferralStatus
from app.services.db import Db
from app.services.doses import live, member_on, members_ever
from app.services.timeline_words import (
    callin_status_word,
    channel_word,
    incident_word,
    invitee_word,
    involvement_word,
    letter_word,
    lever_word,
    notification_word,
    referral_word,
    role_word,
    service_word,
    setting_word,
    trigger_word,
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
    CALLIN = "callin"  # a call-in that addressed a group (group timeline)
    # A group's rounds of follow-through; this order puts the end above the start on a day.
    FOLLOW_THROUGH_STARTED = "follow_through_started"
    FOLLOW_THROUGH_COMMUNICATED = "follow_through_communicated"
    FOLLOW_THROUGH_ENDED = "follow_through_ended"


# Kinds that only a group's timeline holds.
GROUP_KINDS = frozenset({TimelineKind.CALLIN, TimelineKind.FOLLOW_THROUGH_STARTED,
                         TimelineKind.FOLLOW_THROUGH_COMMUNICATED,
                         TimelineKind.FOLLOW_THROUGH_ENDED})


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


class _Entries(list[TimelineEntry]):
    def add(self, when: date | datetime, kind: TimelineKind, title: str, detail: str = "",
            record: tuple[str, str] | None = None) -> None:
        moment, has_time = _at(when)
        self.append(TimelineEntry(moment, kind, title, detail, record[0] if record else None,
                                  record[1] if record else None, has_time))

    def newest_first(self) -> list[TimelineEntry]:
        # On the same day a timed entry comes before the day-only ones of that day, and the
        # kind order keeps "started" below "ended" for a one-day membership.
        order = {k: i for i, k in enumerate(TimelineKind)}
        return sorted(self, key=lambda e: (e.when, order[e.kind]), reverse=True)


def _notification_title(n: Notification, callin_title: str | None) -> tuple[str, str]:
    """(title, detail) of a notification in a person's timeline."""
    where = setting_word(n.setting)
    if n.kind is NotificationKind.CUSTOM:
        return (_("Riktat samtal: {trigger}").format(trigger=trigger_word(n.trigger)),
                ", ".join(x for x in (where, n.reaction or "") if x))
    if callin_title:
        return _("Kallelse till call-in: {title}").format(title=callin_title), where
    return notification_word(n.kind), where


def _step_detail(step: ReferralEvent) -> str:
    """The status a step moved to, a written reason for going ahead without consent (a
    permitted override), and the step's note."""
    parts = [referral_word(step.status)]
    if step.override_reason:
        parts.append(_("utan samtycke: {reason}").format(reason=step.override_reason))
    if step.note:
        parts.append(step.note)
    return "; ".join(parts)


def _round_detail(action: EnforcementAction) -> str:
    """A round's levers and agencies: "trafikkontroller, skattekontroller (Polisen, …)"."""
    levers = ", ".join(lever_word(v) for v in action.levers or ())
    agencies = ", ".join(str(a) for a in action.agencies or ())
    if levers and agencies:
        return f"{levers} ({agencies})"
    return levers or agencies


class TimelineService:
    def __init__(self, db: Db) -> None:
        self.db = db

    def for_person(self, person_id: str) -> list[TimelineEntry]:
        out = _Entries()
        add = out.add
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

            for notification, callin_title in s.execute(
                    select(Notification, CallIn.title)
                    .join(NotificationPerson,
                          NotificationPerson.notification_id == Notification.id)
                    .outerjoin(CallIn, CallIn.id == Notification.callin_id)
                    .where(NotificationPerson.person_id == person_id,
                           NotificationPerson.deleted.is_(False),
                           Notification.deleted.is_(False))).all():
                add(notification.delivered_at or notification.created_at,
                    TimelineKind.NOTIFICATION, *_notification_title(notification, callin_title),
                    ("notification", notification.id))

            self._referrals(s, person_id, out)

            for consent in s.execute(
                    select(Consent).where(Consent.person_id == person_id,
                                          Consent.deleted.is_(False))).scalars():
                ref = ("consent", consent.id)
                about = consent.purpose
                if consent.shared_with:
                    about = _("{purpose}; delas med {whom}").format(
                        purpose=consent.purpose, whom=consent.shared_with)
                given = (_("Samtycke lämnat av {who}").format(who=consent.given_by)
                         if consent.given_by else _("Samtycke lämnat"))
                add(consent.given_on or consent.created_at, TimelineKind.CONSENT_GIVEN,
                    given, about, ref)
                if consent.withdrawn_on:
                    add(consent.withdrawn_on, TimelineKind.CONSENT_WITHDRAWN,
                        _("Samtycke återkallat"), about, ref)

            for letter, callin_title in s.execute(
                    select(Letter, CallIn.title)
                    .outerjoin(CallIn, CallIn.id == Letter.callin_id)
                    .where(Letter.person_id == person_id, Letter.deleted.is_(False))).all():
                what = letter_word(letter.kind)
                if callin_title:
                    what = f"{what}: {callin_title}"
                add(letter.printed_at, TimelineKind.LETTER,
                    _("Brev utskrivet: {template} v{version} ({language})").format(
                        template=letter.template_name, version=letter.template_version,
                        language=letter.language),
                    _("{what}, av {user}").format(what=what, user=letter.printed_by),
                    ("letter", letter.id))

            for contact in s.execute(
                    select(HelplineContact).where(HelplineContact.person_id == person_id,
                                                  HelplineContact.deleted.is_(False))).scalars():
                said = [contact.asked or ""]
                if contact.offered:
                    said.append(_("erbjöds: {offer}").format(offer=contact.offered))
                add(contact.contacted_at, TimelineKind.HELPLINE,
                    _("Kontakt med stödlinjen ({channel})").format(
                        channel=channel_word(contact.channel)),
                    "; ".join(x for x in said if x), ("helpline_contact", contact.id))

        return out.newest_first()

    @staticmethod
    def _referrals(s: Session, person_id: str, out: _Entries) -> None:
        """A referral when made, then one entry per recorded step (the referral's own status
        for one made before steps were recorded, or that has none yet)."""
        referrals = s.execute(
            select(Referral, ServiceProvider.name)
            .outerjoin(ServiceProvider, ServiceProvider.id == Referral.provider_id)
            .where(Referral.person_id == person_id, Referral.deleted.is_(False))).all()
        steps: dict[str, list[ReferralEvent]] = {}
        if referrals:
            # Newest first, so that two steps on one day keep that order in the timeline.
            for step in s.execute(
                    select(ReferralEvent)
                    .where(ReferralEvent.referral_id.in_([r.id for r, _name in referrals]),
                           ReferralEvent.deleted.is_(False))
                    .order_by(ReferralEvent.on.desc(), ReferralEvent.hlc.desc())).scalars():
                steps.setdefault(step.referral_id, []).append(step)
        for referral, provider in referrals:
            ref = ("referral", referral.id)
            service = service_word(referral.service_type)
            if provider:
                service = f"{service} – {provider}"
            title = _("Insats: {service}").format(service=service)
            # The step that made the referral is this first entry (with its note).
            made = [e for e in steps.get(referral.id, [])
                    if e.previous_status is None and e.status is ReferralStatus.PROPOSED]
            shown = [e for e in steps.get(referral.id, []) if e not in made]
            about = [referral.responsible_officer or "", *(e.note or "" for e in made)]
            out.add(referral.proposed_on or referral.created_at, TimelineKind.REFERRAL,
                    _("Insats föreslagen: {service}").format(service=service),
                    "; ".join(x for x in about if x), ref)
            for step in shown:
                out.add(step.on, TimelineKind.REFERRAL_STATUS, title, _step_detail(step), ref)
            if not shown and referral.status is not ReferralStatus.PROPOSED:
                out.add(referral.status_changed_on or referral.updated_at,
                        TimelineKind.REFERRAL_STATUS, title, referral_word(referral.status),
                        ref)

    def for_group(self, group_id: str) -> list[TimelineEntry]:
        """The group's history, newest first (see the module's docstring)."""
        out = _Entries()
        with self.db.read() as s:
            self._group_members(s, group_id, out)
            for link, incident in s.execute(
                    select(IncidentGroup, Incident)
                    .join(Incident, Incident.id == IncidentGroup.incident_id)
                    .where(IncidentGroup.group_id == group_id, IncidentGroup.deleted.is_(False),
                           Incident.deleted.is_(False))).all():
                title = incident_word(incident.type)
                if incident.place:
                    title = f"{title}, {incident.place}"
                out.add(incident.occurred_at, TimelineKind.INCIDENT, title,
                        involvement_word(link.involvement), ("incident", incident.id))
            for callin in s.execute(
                    select(CallIn).join(CallInGroup, CallInGroup.callin_id == CallIn.id)
                    .where(CallInGroup.group_id == group_id, CallInGroup.deleted.is_(False),
                           CallIn.deleted.is_(False))).scalars():
                out.add(callin.starts_at or callin.created_at, TimelineKind.CALLIN,
                        _("Call-in: {title}").format(title=callin.title),
                        callin_status_word(callin.status), ("callin", callin.id))
            self._group_notifications(s, group_id, out)
            self._group_rounds(s, group_id, out)
        return out.newest_first()

    @staticmethod
    def _group_rounds(s: Session, group_id: str, out: _Entries) -> None:
        for action in s.execute(
                select(EnforcementAction).where(EnforcementAction.group_id == group_id,
                                                EnforcementAction.deleted.is_(False))
        ).scalars():
            ref = ("enforcement_action", action.id)
            out.add(action.started_on or action.created_at, TimelineKind.FOLLOW_THROUGH_STARTED,
                    _("Ökat fokus inleddes"), _round_detail(action), ref)
            if action.communicated_on:
                out.add(action.communicated_on, TimelineKind.FOLLOW_THROUGH_COMMUNICATED,
                        _("Ökat fokus återkopplat till gruppen"),
                        action.communicated_how or "", ref)
            if action.ended_on:
                out.add(action.ended_on, TimelineKind.FOLLOW_THROUGH_ENDED,
                        _("Ökat fokus avslutades"), action.end_reason or "", ref)

    @staticmethod
    def _group_members(s: Session, group_id: str, out: _Entries) -> None:
        for m, person in s.execute(
                select(Membership, Person).join(Person, Person.id == Membership.person_id)
                .where(Membership.group_id == group_id, Membership.deleted.is_(False),
                       Person.deleted.is_(False))).all():
            name, ref = f"{person.first_name} {person.last_name}", ("person", person.id)
            out.add(m.valid_from or m.created_at, TimelineKind.MEMBERSHIP_STARTED,
                    _("{name} blev medlem").format(name=name), m.role or "", ref)
            if m.valid_to:
                out.add(m.valid_to, TimelineKind.MEMBERSHIP_ENDED,
                        _("{name} lämnade gruppen").format(name=name), m.role or "", ref)

    @staticmethod
    def _group_notifications(s: Session, group_id: str, out: _Entries) -> None:
        """One entry per member reached: a notification to two members is two doses."""
        for n, first, last, callin_title in s.execute(
                select(Notification, Person.first_name, Person.last_name, CallIn.title)
                .join(NotificationPerson, NotificationPerson.notification_id == Notification.id)
                .join(Person, Person.id == NotificationPerson.person_id)
                .outerjoin(CallIn, CallIn.id == Notification.callin_id)
                .where(live(NotificationPerson), live(Notification), Person.deleted.is_(False),
                       Notification.delivered_at.is_not(None),
                       NotificationPerson.person_id.in_(members_ever(group_id)),
                       member_on(group_id, NotificationPerson.person_id,
                                 Notification.delivered_at))).all():
            name = f"{first} {last}"
            if n.kind is NotificationKind.CUSTOM:
                title = _("Riktat samtal med {name}").format(name=name)
                detail = trigger_word(n.trigger)
            else:
                title = _("{name} kallad till call-in").format(name=name)
                detail = callin_title or ""
            out.add(n.delivered_at or n.created_at, TimelineKind.NOTIFICATION, title, detail,
                    ("notification", n.id))
