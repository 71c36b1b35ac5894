"""Swedish words for the codes a person's timeline mentions (the core's own, through ``_``,
so the timeline reads the same on screen and on the command line)."""

from __future__ import annotations

from app.i18n import _
from app.models.enums import (
    CallInStatus,
    GroupInvolvement,
    HelplineChannel,
    IncidentType,
    InviteeStatus,
    InvolvementRole,
    LetterKind,
    Lever,
    NotificationKind,
    NotificationSetting,
    NotificationTrigger,
    ReferralStatus,
    ServiceType,
)


def incident_word(kind: IncidentType) -> str:
    return {
        IncidentType.SHOOTING: _("Skjutning"),
        IncidentType.EXPLOSION: _("Sprängning"),
        IncidentType.HOMICIDE: _("Dödligt våld"),
        IncidentType.AGGRAVATED_ASSAULT: _("Grov misshandel"),
        IncidentType.ARSON: _("Mordbrand"),
        IncidentType.THREAT: _("Olaga hot"),
        IncidentType.OTHER: _("Annan händelse"),
    }.get(kind, str(kind))


def role_word(role: InvolvementRole) -> str:
    return {
        InvolvementRole.VICTIM: _("Offer"),
        InvolvementRole.SUSPECT: _("Misstänkt"),
        InvolvementRole.WITNESS: _("Vittne"),
        InvolvementRole.OTHER: _("Annan roll"),
    }.get(role, str(role))


def invitee_word(status: InviteeStatus) -> str:
    return {
        InviteeStatus.PROPOSED: _("Föreslagen"),
        InviteeStatus.APPROVED: _("Godkänd"),
        InviteeStatus.INVITED: _("Kallad"),
        InviteeStatus.ATTENDED: _("Deltog"),
        InviteeStatus.NO_SHOW: _("Uteblev"),
        InviteeStatus.EXCUSED: _("Förhinder"),
    }.get(status, str(status))


def notification_word(kind: NotificationKind) -> str:
    return {
        NotificationKind.CUSTOM: _("Riktat samtal"),
        NotificationKind.CALLIN_INVITATION: _("Kallelse till call-in överlämnad"),
    }.get(kind, str(kind))


def service_word(kind: ServiceType) -> str:
    return {
        ServiceType.SUPPORT_TALKS: _("Stödsamtal"),
        ServiceType.HOUSING: _("Flytt eller skyddat boende"),
        ServiceType.WORK: _("Arbete"),
        ServiceType.ADDICTION: _("Beroendevård"),
        ServiceType.DEBT: _("Skuldrådgivning"),
        ServiceType.ID_AND_HOUSING: _("ID-handlingar och bostad"),
        ServiceType.EXIT_PROGRAMME: _("Avhopparverksamhet"),
        ServiceType.OTHER: _("Annan insats"),
    }.get(kind, str(kind))


def referral_word(status: ReferralStatus) -> str:
    return {
        ReferralStatus.PROPOSED: _("Föreslagen"),
        ReferralStatus.SENT: _("Skickad"),
        ReferralStatus.ACCEPTED: _("Accepterad"),
        ReferralStatus.STARTED: _("Påbörjad"),
        ReferralStatus.COMPLETED: _("Avslutad"),
        ReferralStatus.DECLINED: _("Avböjd"),
        ReferralStatus.DROPPED: _("Avbruten"),
        ReferralStatus.WITHDRAWN: _("Återtagen"),
    }.get(status, str(status))


def letter_word(kind: LetterKind) -> str:
    return {
        LetterKind.CALLIN_HANDOUT: _("utdelat material vid call-in"),
        LetterKind.CUSTOM_NOTIFICATION: _("brev vid riktat samtal"),
        LetterKind.CALLIN_INVITATION: _("kallelse till call-in"),
    }.get(kind, str(kind))


def channel_word(channel: HelplineChannel) -> str:
    return {
        HelplineChannel.PHONE: _("telefon"),
        HelplineChannel.SMS: _("sms"),
        HelplineChannel.VISIT: _("besök"),
        HelplineChannel.OTHER: _("annat"),
    }.get(channel, str(channel))


def trigger_word(trigger: NotificationTrigger) -> str:
    return {
        NotificationTrigger.INCIDENT: _("efter en händelse"),
        NotificationTrigger.CONFLICT: _("konflikt"),
        NotificationTrigger.RELEASE: _("frigivning"),
        NotificationTrigger.CALLIN_FOLLOW_UP: _("uppföljning av call-in"),
        NotificationTrigger.OTHER: _("annan anledning"),
    }.get(trigger, str(trigger))


def setting_word(setting: NotificationSetting | None) -> str:
    if setting is None:
        return ""
    return {
        NotificationSetting.HOME: _("hemma"),
        NotificationSetting.STREET: _("på gatan"),
        NotificationSetting.FRIVARD_OFFICE: _("på frivårdskontoret"),
        NotificationSetting.INSTITUTION: _("på anstalt eller institution"),
        NotificationSetting.OTHER: _("annan plats"),
    }.get(setting, str(setting))


def callin_status_word(status: CallInStatus) -> str:
    return {
        CallInStatus.DRAFT: _("Utkast"),
        CallInStatus.PLANNED: _("Planerad"),
        CallInStatus.HELD: _("Genomförd"),
        CallInStatus.CANCELLED: _("Inställd"),
    }.get(status, str(status))


def involvement_word(involvement: GroupInvolvement) -> str:
    return {
        GroupInvolvement.PERPETRATOR_SIDE: _("Gärningssidan"),
        GroupInvolvement.VICTIM_SIDE: _("Offersidan"),
        GroupInvolvement.UNKNOWN: _("Okänd sida"),
    }.get(involvement, str(involvement))


def lever_word(lever: Lever | str) -> str:
    """A lever of follow-through; a stored code this version does not know is shown as is."""
    words: dict[str, str] = {
        Lever.TRAFFIC_CHECKS: _("trafikkontroller"),
        Lever.PROBATION_CONDITIONS: _("kontroll av villkor i frivården"),
        Lever.SEIZURES: _("beslag och utmätning"),
        Lever.TAX_CHECKS: _("skattekontroller"),
        Lever.OTHER: _("andra åtgärder"),
    }
    return words.get(str(lever), str(lever))
