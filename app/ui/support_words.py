"""What users read for help to leave: a referral's status, the step that moves it there, and
the state of the consent it was sent on. Kept apart from labels.py so the referral screens'
words live together (the status words match the core's ``referral_word``)."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from app.models.enums import ReferralStatus

translate = QCoreApplication.translate  # the name lupdate looks for


class ConsentState(StrEnum):
    """How a referral stands with consent, as the register shows it."""

    OK = "ok"  # sent on a consent that still holds
    WITHDRAWN = "withdrawn"  # the consent it was sent on has since been withdrawn
    OVERRIDE = "override"  # sent without a consent, for a written reason
    MISSING = "missing"  # no consent recorded on it (not sent yet, or closed before)


def referral_status_label(status: ReferralStatus | str | None) -> str:
    labels = {
        ReferralStatus.PROPOSED: translate("support", "Föreslagen"),
        ReferralStatus.SENT: translate("support", "Skickad"),
        ReferralStatus.ACCEPTED: translate("support", "Accepterad"),
        ReferralStatus.STARTED: translate("support", "Påbörjad"),
        ReferralStatus.COMPLETED: translate("support", "Avslutad"),
        ReferralStatus.DECLINED: translate("support", "Avböjd"),
        ReferralStatus.DROPPED: translate("support", "Avbruten"),
        ReferralStatus.WITHDRAWN: translate("support", "Återtagen"),
    }
    return labels.get(ReferralStatus(status), "") if status else ""


def referral_step_label(target: ReferralStatus | str) -> str:
    """The button that moves a referral to ``target``."""
    labels = {
        ReferralStatus.SENT: translate("support", "Skicka till utföraren"),
        ReferralStatus.ACCEPTED: translate("support", "Accepterad"),
        ReferralStatus.STARTED: translate("support", "Påbörjad"),
        ReferralStatus.COMPLETED: translate("support", "Avslutad"),
        ReferralStatus.DECLINED: translate("support", "Avböjd"),
        ReferralStatus.DROPPED: translate("support", "Avbruten"),
        ReferralStatus.WITHDRAWN: translate("support", "Återkalla"),
    }
    return labels.get(ReferralStatus(target), str(target))


def referral_step_hint(target: ReferralStatus | str) -> str:
    """What the step records, for the button's tooltip and the step dialog."""
    hints = {
        ReferralStatus.SENT: translate(
            "support", "Remissen med personens uppgifter går till utföraren. Kräver ett "
                       "samtycke från personen, eller ett skriftligt skäl att gå vidare utan."),
        ReferralStatus.ACCEPTED: translate("support", "Utföraren har tagit emot personen."),
        ReferralStatus.STARTED: translate("support", "Insatsen har börjat."),
        ReferralStatus.COMPLETED: translate("support", "Insatsen är genomförd."),
        ReferralStatus.DECLINED: translate("support",
                                           "Personen eller utföraren har tackat nej."),
        ReferralStatus.DROPPED: translate("support",
                                          "Personen har slutat eller kontakten har brutits."),
        ReferralStatus.WITHDRAWN: translate("support", "Arbetsgruppen tar tillbaka remissen."),
    }
    return hints.get(ReferralStatus(target), "")


def consent_state_label(state: ConsentState) -> str:
    labels = {
        ConsentState.OK: translate("support", "ok"),
        ConsentState.WITHDRAWN: translate("support", "återkallat"),
        ConsentState.OVERRIDE: translate("support", "undantag"),
        ConsentState.MISSING: translate("support", "saknas"),
    }
    return labels[state]


def consent_state_hint(state: ConsentState) -> str:
    hints = {
        ConsentState.OK: translate("support", "Skickad på ett samtycke som gäller."),
        ConsentState.WITHDRAWN: translate(
            "support", "Samtycket remissen skickades på är återkallat: lämna inte ut något mer."),
        ConsentState.OVERRIDE: translate(
            "support", "Skickad utan samtycke, med ett skriftligt skäl (se historiken)."),
        ConsentState.MISSING: translate("support", "Inget samtycke registrerat på remissen."),
    }
    return hints[state]
