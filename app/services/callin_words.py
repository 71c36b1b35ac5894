"""Words for call-in codes (status, speaker roles, the logistics checklist) and the labels of
the fields a call-in plan has, so screens, errors and the command line read the same."""

from __future__ import annotations

from app.i18n import Labels, _
from app.models.enums import CallInStatus, InviteeStatus, SpeakerRole

# Field name → what users read; the UI finds a field's widget by the name in a FieldError.
CALLIN_FIELDS = Labels({
    "title": _("rubrik"),
    "starts_at": _("datum och tid"),
    "venue": _("plats"),
    "security_plan": _("säkerhetsplan"),
    "practical_notes": _("praktiska anteckningar"),
    "groups": _("grupper"),
    "invitees": _("inbjudna"),
    "speakers": _("talare"),
    "logistics": _("logistik"),
    "status": _("status"),
})

INVITEE_FIELDS = Labels({
    "person_id": _("person"),
    "reason": _("motivering"),
    "status": _("status"),
    "how": _("hur kallelsen lämnades"),
    "by": _("kallad av"),
    "at": _("tidpunkt"),
    "signed_out_at": _("utcheckad"),
})

SPEAKER_FIELDS = Labels({
    "role": _("roll"),
    "name": _("namn"),
    "minutes": _("minuter"),
    "order": _("ordning"),
})

# The fixed checklist, in the order staff tick it. Anything else in a plan's logistics is a
# free-text item staff added themselves.
LOGISTICS_ITEMS = Labels({
    "meal": _("Måltid"),
    "transport": _("Transport"),
    "sign_out": _("Utcheckningslista"),
    "helpline_cards": _("Kort till stödlinjen"),
    "letters": _("Utskrivna brev"),
    "interpreter": _("Tolk"),
})

# Older vaults (and the demo data) stored the ticked items as Swedish words.
LEGACY_LOGISTICS = {
    "måltid": "meal",
    "transport": "transport",
    "utcheckningslista": "sign_out",
    "utcheckning": "sign_out",
    "kort till stödlinjen": "helpline_cards",
    "utskrivning av brev": "letters",
    "tolk": "interpreter",
}


def callin_status_word(status: CallInStatus) -> str:
    return {
        CallInStatus.DRAFT: _("Utkast"),
        CallInStatus.PLANNED: _("Planerad"),
        CallInStatus.HELD: _("Genomförd"),
        CallInStatus.CANCELLED: _("Inställd"),
    }.get(status, str(status))


def speaker_role_word(role: SpeakerRole) -> str:
    return {
        SpeakerRole.HEALTHCARE: _("Vårdpersonal"),
        SpeakerRole.PROSECUTOR: _("Åklagare"),
        SpeakerRole.POLITICIAN: _("Kommunpolitiker"),
        SpeakerRole.RELATIVE: _("Mamma eller anhörig"),
        SpeakerRole.FORMER_OFFENDER: _("Före detta kriminell"),
        SpeakerRole.POLICE: _("Polis"),
        SpeakerRole.SERVICE_PROVIDER: _("Stödverksamhet"),
        SpeakerRole.OTHER: _("Annan talare"),
    }.get(role, str(role))


def invitee_status_word(status: InviteeStatus) -> str:
    return {
        InviteeStatus.PROPOSED: _("Föreslagen"),
        InviteeStatus.APPROVED: _("Godkänd"),
        InviteeStatus.INVITED: _("Kallad"),
        InviteeStatus.ATTENDED: _("Deltog"),
        InviteeStatus.NO_SHOW: _("Uteblev"),
        InviteeStatus.EXCUSED: _("Förhinder"),
    }.get(status, str(status))


def logistics_key(item: str) -> str:
    """A stored checklist entry as its fixed key, or the free text as it is."""
    return LEGACY_LOGISTICS.get(item.strip().casefold(), item.strip())
