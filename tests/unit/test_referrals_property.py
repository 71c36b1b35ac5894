"""Random walks over the referral state machine: whatever steps are tried, in whatever order
and on whatever days, the status always equals the last step's, steps only ever grow (the
earlier ones never change), and a refused step leaves everything as it was."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.errors import ValidationError
from app.models import Referral, ReferralEvent
from app.models.enums import ReferralStatus as S
from app.services.referral_states import can_move, shares_data
from app.services.session import Services
from tests.unit.referral_fixtures import DAY, kit

STEP = st.tuples(st.sampled_from(list(S)),
                 st.integers(min_value=-2, max_value=3),  # days after the last step
                 st.booleans())  # a sharing step on a consent (True) or an override


def _state(services: Services, referral_id: str) -> tuple[S, list[tuple[object, ...]]]:
    with services.db.read() as s:
        row = s.get(Referral, referral_id)
        assert row is not None
        events = s.execute(select(ReferralEvent).where(ReferralEvent.referral_id == referral_id)
                           .order_by(ReferralEvent.on, ReferralEvent.hlc)).scalars().all()
        return row.status, [(e.id, e.status, e.previous_status, e.on, e.consent_id,
                             e.override_reason, e.hlc) for e in events]


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEP, max_size=7))
def test_status_is_always_the_last_steps_and_steps_only_grow(
        services: Services, steps: list[tuple[S, int, bool]]) -> None:
    k = kit(services)
    person = k.person()
    # The vault is shared by the examples: the provider is made once.
    provider = next((p.id for p in k.providers.list()), None) or k.provider()
    consent = k.consent(person, given_on=DAY - timedelta(days=1))
    ref = k.referral(person, provider)
    status, events = _state(services, ref.id)
    assert status is S.PROPOSED and [e[1] for e in events] == [S.PROPOSED]
    last_day = DAY
    for target, offset, with_consent in steps:
        day = last_day + timedelta(days=offset)
        extra: dict[str, str] = {}
        if shares_data(status, target):
            extra = ({"consent_id": consent} if with_consent
                     else {"override_reason": "Akut; personen nås inte"})
        should_move = can_move(status, target) and offset >= 0
        if should_move:
            k.referrals.transition(ref.id, target, on=day, **extra)  # type: ignore[arg-type]
            last_day = day
        else:
            with pytest.raises(ValidationError):
                k.referrals.transition(ref.id, target, on=day, **extra)  # type: ignore[arg-type]
        new_status, new_events = _state(services, ref.id)
        assert new_events[:len(events)] == events  # nothing earlier changed
        assert len(new_events) == len(events) + (1 if should_move else 0)
        assert new_status is new_events[-1][1]  # the status is the last step's
        if should_move:
            assert new_events[-1][2] is status  # the step says where it came from
        status, events = new_status, new_events
    # The chain of steps holds from the proposal to now.
    assert [e[2] for e in events] == [None, *[e[1] for e in events[:-1]]]
