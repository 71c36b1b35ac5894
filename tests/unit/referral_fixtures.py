"""Shared makings for the referral, consent and provider tests: a person, a provider, a
consent, and a referral driven along the state machine to any status."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select

from app.models import AuditEvent, ReferralEvent
from app.models.enums import ReferralStatus
from app.services.consents import ConsentService
from app.services.providers import ServiceProviderService
from app.services.referral_states import ALLOWED, shares_data
from app.services.referrals import ReferralDTO, ReferralService
from app.services.session import Services

DAY = date.today() - timedelta(days=60)  # the day referrals are proposed in these tests


@dataclass
class Kit:
    services: Services
    providers: ServiceProviderService
    consents: ConsentService
    referrals: ReferralService

    def person(self, first: str = "Åsa", last: str = "Öberg") -> str:
        return self.services.people.create({"first_name": first, "last_name": last}).id

    def provider(self, name: str = "Samtalsmottagningen", types: tuple[str, ...] = (
            "support_talks", "work"), **extra: Any) -> str:
        return self.providers.create({"name": name, "service_types": list(types),
                                      **extra}).id

    def consent(self, person_id: str, given_on: date = DAY, **extra: Any) -> str:
        values = {"given_by": "Personen själv", "purpose": "Remiss till stödsamtal",
                  "given_on": given_on, **extra}
        return self.consents.record(person_id, values).id

    def referral(self, person_id: str, provider_id: str | None, **extra: Any) -> ReferralDTO:
        return self.referrals.create(person_id, "support_talks", provider_id,
                                     proposed_on=extra.pop("proposed_on", DAY), **extra)

    def drive(self, referral: ReferralDTO, status: ReferralStatus) -> ReferralDTO:
        """Move a proposed referral to ``status`` by the shortest path, a day a step, with a
        consent of the person where a step shares data."""
        dto = referral
        for i, step in enumerate(path_to(status)):
            extra: dict[str, Any] = {}
            if shares_data(dto.status, step):
                extra["consent_id"] = self.consent(dto.person_id)
            dto = self.referrals.transition(dto.id, step, on=DAY + timedelta(days=i + 1),
                                            **extra)
        return dto

    def events(self, referral_id: str) -> int:
        with self.services.db.read() as s:
            return int(s.execute(select(func.count()).select_from(ReferralEvent).where(
                ReferralEvent.referral_id == referral_id)).scalar_one())

    def audit_count(self) -> int:
        with self.services.db.read() as s:
            return int(s.execute(select(func.count(AuditEvent.seq))).scalar_one())

    def last_audit(self) -> AuditEvent:
        with self.services.db.read() as s:
            event = s.execute(select(AuditEvent).order_by(AuditEvent.seq.desc())
                              .limit(1)).scalar_one()
            s.expunge(event)
            return event


def kit(services: Services) -> Kit:
    return Kit(services, ServiceProviderService(services.db), ConsentService(services.db),
               ReferralService(services.db))


def path_to(target: ReferralStatus) -> list[ReferralStatus]:
    """The shortest sequence of steps from proposed to ``target``, found in ALLOWED."""
    seen = {ReferralStatus.PROPOSED: [ReferralStatus.PROPOSED]}
    queue = deque([ReferralStatus.PROPOSED])
    while queue:
        current = queue.popleft()
        for nxt in sorted(ALLOWED[current]):
            if nxt not in seen:
                seen[nxt] = [*seen[current], nxt]
                queue.append(nxt)
    return seen[target][1:]
