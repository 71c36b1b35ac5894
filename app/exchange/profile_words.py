"""Swedish words for the record types and fields a minimisation profile names, so that
"what will leave" can be shown plainly before an export."""

from __future__ import annotations

from app.i18n import Labels, _

# In the order a receiver applies them: every record after the records it refers to.
RECORD_LABELS = Labels({
    "person": _("Personer"),
    "group": _("Grupper"),
    "incident": _("Händelser"),
    "membership": _("Gruppmedlemskap"),
    "group_relation": _("Allianser och konflikter mellan grupper"),
    "incident_group": _("Gruppers inblandning i händelser"),
    "incident_person": _("Personers inblandning i händelser"),
    "callin": _("Call-ins"),
    "callin_group": _("Grupper i call-ins"),
    "callin_speaker": _("Talare i call-ins"),
    "callin_invitee": _("Inbjudna till call-ins"),
    "notification": _("Riktade samtal och inbjudningar"),
    "notification_person": _("Personer i riktade samtal"),
    "letter_template": _("Brevmallar"),
    "letter": _("Utskrivna brev"),
    "enforcement_action": _("Ökat fokus (sanktioner)"),
    "enforcement_incident": _("Händelser bakom ökat fokus"),
    "service_provider": _("Stödinsatser (utförare)"),
    "consent": _("Samtycken"),
    "referral": _("Remisser till stöd"),
    "referral_event": _("Steg i remisser"),
    "helpline_contact": _("Kontakter med avhopparlinjen"),
})

# Field labels by record type; a field shared by many types (notes, person) is said once.
_COMMON = {
    "person_id": _("person"), "group_id": _("grupp"), "callin_id": _("call-in"),
    "incident_id": _("händelse"), "notes": _("anteckningar"), "name": _("namn"),
    "aliases": _("alias"), "area": _("område"), "status": _("status"), "kind": _("typ"),
    "role": _("roll"), "phone": _("telefon"), "email": _("e-post"),
    "responsible_officer": _("ansvarig handläggare"),
}

FIELD_LABELS: dict[str, Labels] = {
    table: Labels({**_COMMON, **own}) for table, own in {
        "person": {
            "first_name": _("förnamn"), "last_name": _("efternamn"),
            "personnummer": _("personnummer"), "id_kind": _("typ av identitetsnummer"),
            "birth_date": _("födelsedatum"), "address": _("adress"),
            "postal_code": _("postnummer"), "city": _("ort"),
            "frivard_status": _("frivårdsstatus"), "frivard_from": _("frivård från"),
            "frivard_to": _("frivård till"), "frivard_office": _("frivårdskontor"),
        },
        "group": {"priority": _("prioritet"), "priority_review_date": _("prioritet omprövas")},
        "membership": {"source": _("källa"), "confidence": _("tillförlitlighet"),
                       "valid_from": _("från"), "valid_to": _("till")},
        "group_relation": {
            "group_a_id": _("grupp"), "group_b_id": _("motpart"),
            "intensity": _("intensitet"), "since": _("sedan"), "until": _("till"),
            "trigger_incident_id": _("utlösande händelse"),
        },
        "incident": {
            "occurred_at": _("tidpunkt"), "type": _("typ"), "place": _("plats"),
            "gmi": _("gruppmedlem inblandad (GMI)"), "injured": _("skadade"),
            "killed": _("dödade"), "description": _("beskrivning"),
        },
        "incident_group": {"involvement": _("inblandning")},
        "incident_person": {},
        "callin": {
            "title": _("rubrik"), "starts_at": _("tid"), "venue": _("plats"),
            "security_plan": _("säkerhetsplan"), "practical_notes": _("praktiska anteckningar"),
            "logistics": _("logistik"), "letter_template_version": _("brevmallens version"),
        },
        "callin_group": {},
        "callin_speaker": {"position": _("ordning"), "minutes": _("minuter")},
        "callin_invitee": {
            "reason": _("skäl till inbjudan"), "invited_how": _("hur inbjuden"),
            "invited_by": _("inbjuden av"), "signed_out_at": _("utskriven"),
        },
        "notification": {
            "delivered_at": _("genomfört"), "trigger": _("anledning"),
            "trigger_incident_id": _("utlösande händelse"), "setting": _("miljö"),
            "team": _("team"), "message_parts": _("budskapets delar"),
            "legal_assessment": _("juridisk bedömning"), "help_offered": _("erbjuden hjälp"),
            "reaction": _("reaktion"), "next_step": _("nästa steg"),
        },
        "notification_person": {"notification_id": _("riktat samtal")},
        "letter_template": {"language": _("språk"), "version": _("version"),
                            "body": _("text")},
        "letter": {
            "template_name": _("mall"), "template_version": _("mallens version"),
            "language": _("språk"), "notification_id": _("riktat samtal"),
            "printed_at": _("utskrivet"), "printed_by": _("utskrivet av"),
            "output": _("utdata"),
        },
        "enforcement_action": {
            "levers": _("åtgärder"), "agencies": _("myndigheter"),
            "started_on": _("start"), "ended_on": _("slut"), "end_reason": _("skäl till slut"),
            "communicated_how": _("hur det återkopplades"),
            "communicated_on": _("återkopplat"),
        },
        "enforcement_incident": {"action_id": _("ökat fokus")},
        "service_provider": {
            "service_types": _("typer av stöd"), "contact_person": _("kontaktperson"),
            "offers": _("erbjuder"), "address": _("adress"), "archived": _("arkiverad"),
        },
        "consent": {
            "purpose": _("ändamål"), "shared_with": _("delas med"),
            "withheld": _("undantaget"), "withheld_reason": _("skäl till undantag"),
            "legal_basis": _("rättslig grund"), "given_on": _("lämnat"),
            "withdrawn_on": _("återkallat"), "given_by": _("lämnat av"),
        },
        "referral": {
            "service_type": _("typ av stöd"), "provider_id": _("utförare"),
            "consent_id": _("samtycke"), "proposed_on": _("föreslagen"),
            "status_changed_on": _("status ändrad"), "due_on": _("följs upp"),
            "feedback": _("återkoppling"),
        },
        "referral_event": {
            "referral_id": _("remiss"), "previous_status": _("föregående status"),
            "on": _("datum"), "by_user": _("av"), "note": _("anteckning"),
            "consent_id": _("samtycke"), "override_reason": _("skäl att gå vidare utan samtycke"),
        },
        "helpline_contact": {
            "contacted_at": _("tidpunkt"), "channel": _("kanal"), "anonymous": _("anonym"),
            "asked": _("frågade om"), "offered": _("erbjöds"), "follow_up": _("uppföljning"),
            "caller_name": _("uppgivet namn"), "follow_up_on": _("följs upp den"),
            "handled_by": _("togs emot av"),
        },
    }.items()
}


def field_label(record_type: str, field: str) -> str:
    labels = FIELD_LABELS.get(record_type)
    return labels[field] if labels is not None and field in labels else field
