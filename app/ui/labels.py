"""What users read for the domain's stable codes (the enums store codes, screens show words)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from app.models.enums import (
    CallInStatus,
    Confidence,
    FrivardStatus,
    Gmi,
    GroupInvolvement,
    GroupStatus,
    IncidentType,
    InviteeStatus,
    InvolvementRole,
    LetterKind,
    MessagePart,
    NotificationKind,
    NotificationSetting,
    NotificationTrigger,
    PartnerKind,
    RelationKind,
    ServiceType,
    SpeakerRole,
)
from app.services.audit import Action
from app.services.notification_fields import TeamRole

translate = QCoreApplication.translate  # the name lupdate looks for


def frivard_label(status: FrivardStatus | None) -> str:
    labels = {
        FrivardStatus.NONE: translate("labels", "Ingen"),
        FrivardStatus.PAROLE: translate("labels", "Villkorligt frigiven"),
        FrivardStatus.PROBATION: translate("labels", "Skyddstillsyn"),
        FrivardStatus.YOUTH_SUPERVISION: translate("labels", "Ungdomsövervakning"),
        FrivardStatus.INTENSIVE_SUPERVISION: translate("labels", "Intensivövervakning"),
        FrivardStatus.OTHER: translate("labels", "Annan"),
    }
    return labels.get(status, "") if status is not None else ""


def incident_type_label(kind: IncidentType | str | None) -> str:
    labels = {
        IncidentType.SHOOTING: translate("labels", "Skjutning"),
        IncidentType.EXPLOSION: translate("labels", "Sprängning"),
        IncidentType.HOMICIDE: translate("labels", "Dödligt våld"),
        IncidentType.AGGRAVATED_ASSAULT: translate("labels", "Grov misshandel"),
        IncidentType.ARSON: translate("labels", "Mordbrand"),
        IncidentType.THREAT: translate("labels", "Olaga hot"),
        IncidentType.OTHER: translate("labels", "Annat"),
    }
    return labels.get(IncidentType(kind), "") if kind else ""


def gmi_label(gmi: Gmi | str | None) -> str:
    labels = {
        Gmi.YES: translate("labels", "Ja"),
        Gmi.NO: translate("labels", "Nej"),
        Gmi.UNKNOWN: translate("labels", "Okänt"),
    }
    return labels.get(Gmi(gmi), "") if gmi else ""


def group_involvement_label(involvement: GroupInvolvement | str | None) -> str:
    labels = {
        GroupInvolvement.PERPETRATOR_SIDE: translate("labels", "Gärningssida"),
        GroupInvolvement.VICTIM_SIDE: translate("labels", "Offersida"),
        GroupInvolvement.UNKNOWN: translate("labels", "Okänd"),
    }
    return labels.get(GroupInvolvement(involvement), "") if involvement else ""


def involvement_role_label(role: InvolvementRole | str | None) -> str:
    labels = {
        InvolvementRole.VICTIM: translate("labels", "Offer"),
        InvolvementRole.SUSPECT: translate("labels", "Misstänkt"),
        InvolvementRole.WITNESS: translate("labels", "Vittne"),
        InvolvementRole.OTHER: translate("labels", "Annan roll"),
    }
    return labels.get(InvolvementRole(role), "") if role else ""


def audit_action_label(action: Action | str) -> str:
    labels: dict[str, str] = {
        Action.LOGIN: translate("labels", "Inloggning"),
        Action.FAILED_LOGIN: translate("labels", "Misslyckad inloggning"),
        Action.READ: translate("labels", "Läsning"),
        Action.CREATE: translate("labels", "Skapad"),
        Action.UPDATE: translate("labels", "Ändrad"),
        Action.DELETE: translate("labels", "Borttagen"),
        Action.PRINT: translate("labels", "Utskrift"),
        Action.EXPORT: translate("labels", "Export"),
        Action.IMPORT: translate("labels", "Import"),
        Action.MERGE: translate("labels", "Sammanslagning"),
        Action.PURGE: translate("labels", "Rensning"),
        Action.REVEAL: translate("labels", "Visning av personnummer"),
        Action.BACKUP: translate("labels", "Säkerhetskopia"),
        Action.KEY_CHANGE: translate("labels", "Nyckelbyte"),
    }
    return labels.get(str(action), str(action))


def entity_type_label(entity_type: str | None) -> str:
    """Record kinds named in the audit log; an unknown code is shown as it is."""
    labels = {
        "person": translate("labels", "Person"),
        "person_list": translate("labels", "Personlista"),
        "group": translate("labels", "Grupp"),
        "membership": translate("labels", "Medlemskap"),
        "group_relation": translate("labels", "Grupprelation"),
        "incident": translate("labels", "Händelse"),
        "incident_list": translate("labels", "Händelselista"),
        "vault": translate("labels", "Valv"),
        "demo_data": translate("labels", "Demodata"),
        "callin": translate("labels", "Call-in"),
        "callin_candidates": translate("labels", "Kandidater till call-in"),
        "callin_invitee": translate("labels", "Inbjuden till call-in"),
        "notification": translate("labels", "Riktat samtal"),
        "notification_list": translate("labels", "Lista över riktade samtal"),
        "letter_template": translate("labels", "Brevmall"),
        "letterhead": translate("labels", "Brevhuvud"),
        "draft": translate("labels", "Osparat formulär"),
        "partner": translate("labels", "Partner"),
        "disclosure": translate("labels", "Utlämnande"),
        "merge_review": translate("labels", "Att granska"),
        "letter": translate("labels", "Utskrivet brev"),
        "service_provider": translate("labels", "Utförare av stöd"),
        "consent": translate("labels", "Samtycke"),
        "consent_list": translate("labels", "Lista över samtycken"),
        "referral": translate("labels", "Remiss"),
        "referral_list": translate("labels", "Remisslista"),
        "helpline_contact": translate("labels", "Kontakt med avhopparlinjen"),
        "helpline_contact_list": translate("labels", "Lista över kontakter med avhopparlinjen"),
        "enforcement_action": translate("labels", "Ökat fokus"),
        "measures": translate("labels", "Mått"),
    }
    return labels.get(entity_type or "", entity_type or "")


def group_status_label(status: GroupStatus | str | None) -> str:
    labels = {
        GroupStatus.ACTIVE: translate("labels", "Aktiv"),
        GroupStatus.DORMANT: translate("labels", "Vilande"),
        GroupStatus.DISSOLVED: translate("labels", "Upplöst"),
    }
    return labels.get(GroupStatus(status), "") if status else ""


def relation_kind_label(kind: RelationKind | str | None) -> str:
    labels = {
        RelationKind.ALLIANCE: translate("labels", "Allians"),
        RelationKind.CONFLICT: translate("labels", "Konflikt"),
    }
    return labels.get(RelationKind(kind), "") if kind else ""


def service_type_label(kind: ServiceType | str | None) -> str:
    labels = {
        ServiceType.SUPPORT_TALKS: translate("labels", "Stödsamtal"),
        ServiceType.HOUSING: translate("labels", "Flytt eller skyddat boende"),
        ServiceType.WORK: translate("labels", "Arbete"),
        ServiceType.ADDICTION: translate("labels", "Beroendevård"),
        ServiceType.DEBT: translate("labels", "Skuldrådgivning"),
        ServiceType.ID_AND_HOUSING: translate("labels", "ID-handlingar och bostad"),
        ServiceType.EXIT_PROGRAMME: translate("labels", "Avhopparverksamhet"),
        ServiceType.OTHER: translate("labels", "Annan insats"),
    }
    return labels.get(ServiceType(kind), "") if kind else ""


def confidence_label(confidence: Confidence | str | None) -> str:
    labels = {
        Confidence.LOW: translate("labels", "Låg"),
        Confidence.MEDIUM: translate("labels", "Medel"),
        Confidence.HIGH: translate("labels", "Hög"),
    }
    return labels.get(Confidence(confidence), "") if confidence else ""


def callin_status_label(status: CallInStatus | str | None) -> str:
    labels = {
        CallInStatus.DRAFT: translate("labels", "Utkast"),
        CallInStatus.PLANNED: translate("labels", "Planerad"),
        CallInStatus.HELD: translate("labels", "Genomförd"),
        CallInStatus.CANCELLED: translate("labels", "Inställd"),
    }
    return labels.get(CallInStatus(status), "") if status else ""


def invitee_status_label(status: InviteeStatus | str | None) -> str:
    labels = {
        InviteeStatus.PROPOSED: translate("labels", "Föreslagen"),
        InviteeStatus.APPROVED: translate("labels", "Godkänd"),
        InviteeStatus.INVITED: translate("labels", "Kallad"),
        InviteeStatus.ATTENDED: translate("labels", "Deltog"),
        InviteeStatus.NO_SHOW: translate("labels", "Uteblev"),
        InviteeStatus.EXCUSED: translate("labels", "Förhinder"),
    }
    return labels.get(InviteeStatus(status), "") if status else ""


def speaker_role_label(role: SpeakerRole | str | None) -> str:
    labels = {
        SpeakerRole.HEALTHCARE: translate("labels", "Vårdpersonal"),
        SpeakerRole.PROSECUTOR: translate("labels", "Åklagare"),
        SpeakerRole.POLITICIAN: translate("labels", "Kommunpolitiker"),
        SpeakerRole.RELATIVE: translate("labels", "Mamma eller anhörig"),
        SpeakerRole.FORMER_OFFENDER: translate("labels", "Före detta kriminell"),
        SpeakerRole.POLICE: translate("labels", "Polis"),
        SpeakerRole.SERVICE_PROVIDER: translate("labels", "Stödverksamhet"),
        SpeakerRole.OTHER: translate("labels", "Annan talare"),
    }
    return labels.get(SpeakerRole(role), "") if role else ""


def letter_kind_label(kind: LetterKind | str | None) -> str:
    labels = {
        LetterKind.CALLIN_HANDOUT: translate("labels", "Brev efter call-in"),
        LetterKind.CALLIN_INVITATION: translate("labels", "Inbjudan till call-in"),
        LetterKind.CUSTOM_NOTIFICATION: translate("labels", "Brev efter riktat samtal"),
    }
    return labels.get(LetterKind(kind), "") if kind else ""


def partner_kind_label(kind: PartnerKind | str | None) -> str:
    labels = {
        PartnerKind.TEAM: translate("labels", "Arbetsgruppen (kollega)"),
        PartnerKind.POLICE: translate("labels", "Polisen"),
        PartnerKind.FRIVARD: translate("labels", "Frivården"),
        PartnerKind.SOCIAL: translate("labels", "Socialtjänsten"),
        PartnerKind.CIVIL: translate("labels", "Civilsamhället"),
    }
    return labels.get(PartnerKind(kind), "") if kind else ""


def disclosure_direction_label(direction: str | None) -> str:
    labels = {"export": translate("labels", "Utlämnat"),
              "import": translate("labels", "Mottaget")}
    return labels.get(direction or "", direction or "")


def notification_kind_label(kind: NotificationKind | str | None) -> str:
    labels = {
        NotificationKind.CUSTOM: translate("labels", "Riktat samtal"),
        NotificationKind.CALLIN_INVITATION: translate("labels", "Kallelse till call-in"),
    }
    return labels.get(NotificationKind(kind), "") if kind else ""


def notification_trigger_label(trigger: NotificationTrigger | str | None) -> str:
    labels = {
        NotificationTrigger.INCIDENT: translate("labels", "Händelse"),
        NotificationTrigger.CONFLICT: translate("labels", "Konflikt"),
        NotificationTrigger.RELEASE: translate("labels", "Frigivning"),
        NotificationTrigger.CALLIN_FOLLOW_UP: translate("labels", "Uppföljning av call-in"),
        NotificationTrigger.OTHER: translate("labels", "Annan anledning"),
    }
    return labels.get(NotificationTrigger(trigger), "") if trigger else ""


def notification_setting_label(setting: NotificationSetting | str | None) -> str:
    labels = {
        NotificationSetting.HOME: translate("labels", "Hemma"),
        NotificationSetting.STREET: translate("labels", "På gatan"),
        NotificationSetting.FRIVARD_OFFICE: translate("labels", "Frivårdskontor"),
        NotificationSetting.INSTITUTION: translate("labels", "Anstalt eller institution"),
        NotificationSetting.OTHER: translate("labels", "Annan plats"),
    }
    return labels.get(NotificationSetting(setting), "") if setting else ""


def message_part_label(part: MessagePart | str | None) -> str:
    labels = {
        MessagePart.MORAL: translate("labels", "Moraliskt budskap"),
        MessagePart.GROUP_CONSEQUENCE: translate("labels", "Gruppkonsekvens"),
        MessagePart.LEGAL_EXPOSURE: translate("labels", "Rättsliga konsekvenser"),
        MessagePart.HELP_OFFER: translate("labels", "Erbjudande om hjälp"),
    }
    return labels.get(MessagePart(part), "") if part else ""


def team_role_label(role: TeamRole | str | None) -> str:
    labels = {
        TeamRole.POLICE: translate("labels", "Polis"),
        TeamRole.SOCIAL_WORKER: translate("labels", "Socialtjänst"),
        TeamRole.FRIVARD: translate("labels", "Frivård"),
        TeamRole.OTHER: translate("labels", "Annan roll"),
    }
    return labels.get(TeamRole(role), "") if role else ""


def date_text(value: date | None) -> str:
    """ISO 8601 dates: the Swedish standard form, and unambiguous in English too."""
    return value.isoformat() if value else ""


def postal_code_text(value: str | None) -> str:
    """Swedish postcodes are written "215 65"; stored without the space."""
    if value and len(value) == 5 and value.isdigit():
        return f"{value[:3]} {value[3:]}"
    return value or ""


def count_text(n: int, locale: QLocale | None = None) -> str:
    """"12 345 personer": the number grouped the locale's way."""
    number = (locale or QLocale()).toString(n)
    text = translate("labels", "%1 person") if n == 1 else translate("labels", "%1 personer")
    return text.replace("%1", number)


def hits_text(n: int, locale: QLocale | None = None) -> str:
    number = (locale or QLocale()).toString(n)
    text = translate("labels", "%1 träff") if n == 1 else translate("labels", "%1 träffar")
    return text.replace("%1", number)
