"""Closed vocabularies of the domain. Values are stable codes; labels live in app/labels.py."""

from __future__ import annotations

from enum import StrEnum


class IdKind(StrEnum):
    PERSONNUMMER = "personnummer"
    SAMORDNINGSNUMMER = "samordningsnummer"


class FrivardStatus(StrEnum):
    NONE = "none"
    PAROLE = "parole"  # villkorligt frigiven
    PROBATION = "probation"  # skyddstillsyn
    YOUTH_SUPERVISION = "youth_supervision"  # ungdomsövervakning
    INTENSIVE_SUPERVISION = "intensive_supervision"  # intensivövervakning (fotboja)
    OTHER = "other"


class GroupStatus(StrEnum):
    ACTIVE = "active"
    DORMANT = "dormant"
    DISSOLVED = "dissolved"


class Confidence(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class RelationKind(StrEnum):
    ALLIANCE = "alliance"
    CONFLICT = "conflict"


class IncidentType(StrEnum):
    SHOOTING = "shooting"  # skjutning
    EXPLOSION = "explosion"  # sprängning
    HOMICIDE = "homicide"  # dödligt våld
    AGGRAVATED_ASSAULT = "aggravated_assault"  # grov misshandel
    ARSON = "arson"  # mordbrand
    THREAT = "threat"  # olaga hot
    OTHER = "other"


class Gmi(StrEnum):
    """Group member involvement, as coded in the incident review."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class InvolvementRole(StrEnum):
    VICTIM = "victim"
    SUSPECT = "suspect"
    WITNESS = "witness"
    OTHER = "other"


class GroupInvolvement(StrEnum):
    PERPETRATOR_SIDE = "perpetrator_side"
    VICTIM_SIDE = "victim_side"
    UNKNOWN = "unknown"


class CallInStatus(StrEnum):
    DRAFT = "draft"
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class InviteeStatus(StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    INVITED = "invited"
    ATTENDED = "attended"
    NO_SHOW = "no_show"
    EXCUSED = "excused"


class SpeakerRole(StrEnum):
    HEALTHCARE = "healthcare"
    PROSECUTOR = "prosecutor"
    POLITICIAN = "politician"
    RELATIVE = "relative"
    FORMER_OFFENDER = "former_offender"
    POLICE = "police"
    SERVICE_PROVIDER = "service_provider"
    OTHER = "other"


class NotificationKind(StrEnum):
    CUSTOM = "custom"  # riktat samtal
    CALLIN_INVITATION = "callin_invitation"


class NotificationTrigger(StrEnum):
    INCIDENT = "incident"
    CONFLICT = "conflict"
    RELEASE = "release"
    CALLIN_FOLLOW_UP = "callin_follow_up"
    OTHER = "other"


class NotificationSetting(StrEnum):
    HOME = "home"
    STREET = "street"
    FRIVARD_OFFICE = "frivard_office"
    INSTITUTION = "institution"
    OTHER = "other"


class MessagePart(StrEnum):
    MORAL = "moral"
    GROUP_CONSEQUENCE = "group_consequence"
    LEGAL_EXPOSURE = "legal_exposure"
    HELP_OFFER = "help_offer"


class LetterKind(StrEnum):
    CALLIN_HANDOUT = "callin_handout"
    CUSTOM_NOTIFICATION = "custom_notification"
    CALLIN_INVITATION = "callin_invitation"


class ServiceType(StrEnum):
    SUPPORT_TALKS = "support_talks"
    HOUSING = "housing"  # flytt / skyddat boende
    WORK = "work"
    ADDICTION = "addiction"
    DEBT = "debt"
    ID_AND_HOUSING = "id_and_housing"
    EXIT_PROGRAMME = "exit_programme"
    OTHER = "other"


class ReferralStatus(StrEnum):
    PROPOSED = "proposed"
    SENT = "sent"
    ACCEPTED = "accepted"
    STARTED = "started"
    COMPLETED = "completed"
    DECLINED = "declined"
    DROPPED = "dropped"
    WITHDRAWN = "withdrawn"


class Lever(StrEnum):
    TRAFFIC_CHECKS = "traffic_checks"
    PROBATION_CONDITIONS = "probation_conditions"
    SEIZURES = "seizures"
    TAX_CHECKS = "tax_checks"
    OTHER = "other"


class PartnerKind(StrEnum):
    TEAM = "team"
    POLICE = "police"
    FRIVARD = "frivard"
    SOCIAL = "social"
    CIVIL = "civil"


class HelplineChannel(StrEnum):
    PHONE = "phone"
    SMS = "sms"
    VISIT = "visit"
    OTHER = "other"
