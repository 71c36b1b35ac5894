"""Demo referrals with the steps that led to their status, and the consents behind them.

Every referral walks a path the state machine allows (``ALLOWED``) from its proposal to its
status, one ``ReferralEvent`` a step on days that never go back. The sending step carries a
consent of the same person given on or before that day — or, now and then, a written reason
for going ahead without one — and a few of those consents are withdrawn later, so the
flags show. Some people have consented ahead of a referral not yet sent.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Any

from app.models.enums import ReferralStatus, ServiceType
from app.services import demo_vocab as V
from app.services.demo_people import full_name
from app.services.demo_world import MONTHS_OF_HISTORY, REFERENCE_DAY, World
from app.services.referral_states import ALLOWED, OPEN, shares_data
from app.services.timeline_words import service_word

GUARDIAN_SHARE = 0.15  # consents given by a guardian (a person under 18)
OVERRIDE_SHARE = 0.08  # sending steps that went ahead without a consent
WITHDRAWN_SHARE = 0.1  # consents withdrawn after the referral was sent
OVERRIDE_REASONS = (
    "Akut hotbild; personen kunde inte nås för samtycke. Nödvändigt utlämnande (OSL 10:2).",
    "Intresseavvägning dokumenterad enligt OSL 10:15 a; samtycke inhämtas vid första mötet.",
)
STEP_NOTES = {
    ReferralStatus.SENT: "Skickad med säker e-post.",
    ReferralStatus.ACCEPTED: "Första möte bokat.",
    ReferralStatus.STARTED: "Har varit på två träffar.",
    ReferralStatus.DECLINED: "Tackade nej.",
    ReferralStatus.DROPPED: "Har slutat komma.",
}


@cache
def paths_to(target: ReferralStatus) -> tuple[tuple[ReferralStatus, ...], ...]:
    """Every sequence of steps from proposed to ``target`` (the machine has no cycles)."""
    found: list[tuple[ReferralStatus, ...]] = []

    def walk(at: ReferralStatus, steps: tuple[ReferralStatus, ...]) -> None:
        if at is target:
            found.append(steps)
            return
        for nxt in sorted(ALLOWED[at]):
            walk(nxt, (*steps, nxt))

    walk(ReferralStatus.PROPOSED, ())
    return tuple(found)


def _consent(world: World, person_id: str, service: ServiceType, provider: str | None,
             given_on: date) -> dict[str, Any]:
    rng = world.rng
    withheld = rng.choice(V.CONSENT_WITHHELD) if rng.chance(0.4) else None
    return {
        "id": rng.uid(), "person_id": person_id,
        "given_by": (f"Vårdnadshavare: {full_name(world)}" if rng.chance(GUARDIAN_SHARE)
                     else "Personen själv"),
        "purpose": f"Remiss: {service_word(service).lower()}",
        "shared_with": provider, "withheld": withheld,
        "withheld_reason": "Behövs inte för insatsen." if withheld else None,
        "legal_basis": V.CONSENT_BASIS, "given_on": given_on, "withdrawn_on": None,
    }


def referral_rows(world: World, person_id: str, service: ServiceType,
                  provider: dict[str, Any] | None, status: ReferralStatus
                  ) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """One referral ending in ``status`` (a referral without a provider is never sent), its
    steps, and the consents recorded for it."""
    rng = world.rng
    paths = paths_to(status)
    if provider is None:
        paths = tuple(p for p in paths if ReferralStatus.SENT not in p) or ((),)
    path = rng.choice(paths)
    rid = rng.uid()
    proposed = rng.days_ago(7, MONTHS_OF_HISTORY * 30)
    officer = rng.choice(world.officers)
    events: list[dict[str, Any]] = [{
        "id": rng.uid(), "referral_id": rid, "status": ReferralStatus.PROPOSED,
        "previous_status": None, "on": proposed, "by_user": officer}]
    consents: list[dict[str, Any]] = []
    sent_on: str | None = None
    day, current = proposed, ReferralStatus.PROPOSED
    for step in path:
        day = min(day + timedelta(days=rng.randint(1, 21)), REFERENCE_DAY)
        event = {"id": rng.uid(), "referral_id": rid, "status": step,
                 "previous_status": current, "on": day, "by_user": officer,
                 "note": STEP_NOTES.get(step) if rng.chance(0.3) else None}
        if shares_data(current, step):
            if rng.chance(OVERRIDE_SHARE):
                event["override_reason"] = rng.choice(OVERRIDE_REASONS)
            else:
                consent = _consent(world, person_id, service,
                                   provider["name"] if provider else None,
                                   rng.day_between(proposed, day))
                if rng.chance(WITHDRAWN_SHARE):
                    consent["withdrawn_on"] = rng.day_between(day, REFERENCE_DAY)
                consents.append(consent)
                event["consent_id"] = sent_on = consent["id"]
        events.append(event)
        current = step
    if current is ReferralStatus.PROPOSED and provider and rng.chance(0.3):
        consents.append(_consent(world, person_id, service, provider["name"],
                                 rng.day_between(proposed, REFERENCE_DAY)))
    referral = {
        "id": rid, "person_id": person_id, "service_type": service,
        "provider_id": provider["id"] if provider else None, "status": current,
        "consent_id": sent_on, "proposed_on": proposed, "status_changed_on": day,
        # Open referrals have a follow-up date; some are overdue.
        "due_on": day + timedelta(days=rng.randint(14, 60)) if current in OPEN else None,
        "responsible_officer": officer,
        "feedback": V.REFERRAL_FEEDBACK.get(current.value),
    }
    return referral, events, consents
