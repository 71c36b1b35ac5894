"""Demo referrals hold together: each walks an allowed path from its proposal, its status is
its last step's, every sending step carries the person's consent given by then or a written
override, and providers have an area and an address."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import timedelta
from itertools import pairwise

import pytest
from sqlalchemy import select

from app.models import Consent, Referral, ReferralEvent, ServiceProvider
from app.models.enums import ReferralStatus as S
from app.services.demo import fill_demo
from app.services.demo_referrals import paths_to
from app.services.referral_states import ALLOWED, OPEN, shares_data
from app.services.session import Services


def test_every_status_has_a_path_and_each_path_is_allowed() -> None:
    assert paths_to(S.PROPOSED) == ((),)
    assert (S.SENT, S.ACCEPTED, S.STARTED, S.COMPLETED) in paths_to(S.COMPLETED)
    assert set(paths_to(S.DECLINED)) == {(S.DECLINED,), (S.SENT, S.DECLINED),
                                         (S.SENT, S.ACCEPTED, S.DECLINED)}
    for status in S:
        for path in paths_to(status):
            steps = [S.PROPOSED, *path]
            assert all(b in ALLOWED[a] for a, b in pairwise(steps))


@pytest.fixture
def demo(services: Services) -> Services:
    fill_demo(services, people=2000, seed=7)
    return services


def test_demo_referrals_are_consistent_with_their_steps(demo: Services) -> None:
    with demo.db.read() as s:
        referrals = {r.id: r for r in s.execute(select(Referral)).scalars()}
        consents = {c.id: c for c in s.execute(select(Consent)).scalars()}
        steps: dict[str, list[ReferralEvent]] = defaultdict(list)
        for e in s.execute(select(ReferralEvent).order_by(ReferralEvent.on,
                                                          ReferralEvent.hlc)).scalars():
            steps[e.referral_id].append(e)
        providers = list(s.execute(select(ServiceProvider)).scalars())
        assert referrals and set(steps) == set(referrals)
        overrides = withdrawn = 0
        for rid, ref in referrals.items():
            events = steps[rid]
            assert events[0].status is S.PROPOSED and events[0].previous_status is None
            assert events[0].on == ref.proposed_on
            for before, after in pairwise(events):
                assert after.previous_status is before.status
                assert after.status in ALLOWED[before.status]
                assert after.on >= before.on
            assert ref.status is events[-1].status
            assert ref.status_changed_on == events[-1].on
            assert (ref.due_on is not None) == (ref.status in OPEN)
            for before, after in pairwise(events):
                if not shares_data(before.status, after.status):
                    assert after.consent_id is None and after.override_reason is None
                    continue
                assert ref.provider_id is not None
                if after.override_reason:
                    overrides += 1
                    assert after.consent_id is None and ref.consent_id is None
                else:
                    consent = consents[after.consent_id]
                    assert consent.person_id == ref.person_id and ref.consent_id == consent.id
                    assert consent.given_on <= after.on
                    assert consent.given_by and consent.purpose
                    assert bool(consent.withheld) == bool(consent.withheld_reason)
                    withdrawn += consent.withdrawn_on is not None
            if S.SENT not in [e.status for e in events]:
                assert ref.consent_id is None
        statuses = Counter(r.status for r in referrals.values())
        assert set(statuses) == set(S)  # every status shows in a vault of this size
        assert overrides and withdrawn  # the flags have something to show
        assert all(p.area and p.address for p in providers)


def test_the_services_read_the_demo_referrals(demo: Services) -> None:
    listed = demo.referrals.list(log=False)
    assert listed and all(r.person_name.strip() for r in listed)
    assert any(r.consent_withdrawn for r in listed) and any(r.overridden for r in listed)
    late = demo.referrals.overdue(max(r.due_on for r in listed if r.due_on)
                                  + timedelta(days=1), log=False)
    assert {r.id for r in late} == {r.id for r in listed if r.is_open and r.due_on}
    sample = listed[0]
    assert [e.status for e in demo.referrals.history(sample.id, log=False)][-1] is sample.status
    assert demo.providers.list() and demo.consents.list_for_person(sample.person_id, log=False)
