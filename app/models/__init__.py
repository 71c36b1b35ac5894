"""The SQLAlchemy ORM of the whole domain (no Qt here). Import this package to register all."""

from app.models.base import Base, SyncMixin
from app.models.callins import CallIn, CallInGroup, CallInInvitee, CallInSpeaker
from app.models.exchange import Disclosure, ImportedBundle, MergeReview
from app.models.followup import (
    Consent,
    EnforcementAction,
    EnforcementIncident,
    HelplineContact,
    Referral,
    ReferralEvent,
    ServiceProvider,
)
from app.models.groups import Group, GroupRelation, Membership
from app.models.incidents import Incident, IncidentGroup, IncidentPerson
from app.models.notifications import Letter, LetterTemplate, Notification, NotificationPerson
from app.models.people import Person
from app.models.system import AuditEvent, Partner, VaultMeta

__all__ = [
    "AuditEvent", "Base", "CallIn", "CallInGroup", "CallInInvitee", "CallInSpeaker", "Consent",
    "Disclosure", "EnforcementAction", "EnforcementIncident", "Group", "GroupRelation",
    "HelplineContact", "ImportedBundle", "Incident", "IncidentGroup", "IncidentPerson", "Letter",
    "LetterTemplate", "Membership", "MergeReview", "Notification", "NotificationPerson", "Partner",
    "Person", "Referral", "ReferralEvent", "ServiceProvider", "SyncMixin", "VaultMeta",
]
