"""ReferralService: the state machine (every allowed and every forbidden step), the consent
gate and its audited override, the flags a withdrawn consent leaves, editing, listing with
names (logged), the overdue rule shared with Översikt, and refusals that change nothing."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from app.errors import MottryckError, NotFound, ValidationError
from app.models import Referral, ReferralEvent
from app.models.enums import ReferralStatus as S
from app.models.enums import ServiceType
from app.services.overview import OverviewService
from app.services.referral_states import (
    ALLOWED,
    OPEN,
    SHARING,
    TERMINAL,
    can_move,
    is_overdue,
    next_statuses,
)
from app.services.referrals import ReferralService
from app.services.session import Services
from tests.unit.referral_fixtures import DAY, Kit, kit, path_to

SEND_DAY = DAY + timedelta(days=1)


@pytest.fixture
def k(services: Services) -> Kit:
    return kit(services)


def _fields(exc: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return {e.field for e in exc.value.errors}


# ---- the state machine as a table ------------------------------------------------------------
def test_the_table_is_the_documented_one() -> None:
    assert dict(ALLOWED) == {
        S.PROPOSED: {S.SENT, S.DECLINED, S.WITHDRAWN},
        S.SENT: {S.ACCEPTED, S.DECLINED, S.DROPPED, S.WITHDRAWN},
        S.ACCEPTED: {S.STARTED, S.DECLINED, S.DROPPED, S.WITHDRAWN},
        S.STARTED: {S.COMPLETED, S.DROPPED, S.WITHDRAWN},
        S.COMPLETED: set(), S.DECLINED: set(), S.DROPPED: set(), S.WITHDRAWN: set(),
    }
    assert set(ALLOWED) == set(S)
    assert set(TERMINAL) == {S.COMPLETED, S.DECLINED, S.DROPPED, S.WITHDRAWN}
    assert OPEN == (S.PROPOSED, S.SENT, S.ACCEPTED, S.STARTED)
    assert set(SHARING) == {(S.PROPOSED, S.SENT)}
    assert next_statuses(S.SENT) == (S.ACCEPTED, S.DECLINED, S.DROPPED, S.WITHDRAWN)
    for status in S:  # every status can be reached from a proposal
        assert path_to(status) or status is S.PROPOSED
    assert all(status not in ALLOWED[status] for status in S)


@pytest.mark.parametrize("start", list(S))
def test_every_step_from_a_status_is_allowed_or_refused_as_the_table_says(
        k: Kit, start: S) -> None:
    person, provider = k.person(), k.provider()
    consent = k.consent(person)
    for target in S:
        dto = k.drive(k.referral(person, provider), start)
        assert dto.status is start
        before_events, before_audit = k.events(dto.id), k.audit_count()
        extra = {"consent_id": consent} if (start, target) in SHARING else {}
        day = DAY + timedelta(days=len(path_to(start)) + 1)
        if target in ALLOWED[start]:
            moved = k.referrals.transition(dto.id, target, on=day, **extra)
            assert moved.status is target and moved.status_changed_on == day
            last = k.referrals.history(dto.id, log=False)[-1]
            assert (last.previous_status, last.status, last.on) == (start, target, day)
            assert k.events(dto.id) == before_events + 1
            assert k.audit_count() == before_audit + 1
            detail = k.last_audit().detail
            assert (detail["from"], detail["to"]) == (start.value, target.value)
        else:
            with pytest.raises(ValidationError) as exc:
                k.referrals.transition(dto.id, target, on=day, **extra)
            assert _fields(exc) == {"status"}
            assert k.referrals.get(dto.id).status is start
            assert k.events(dto.id) == before_events
            assert k.audit_count() == before_audit + 1  # only the get above


def test_the_matrix_is_complete() -> None:
    pairs = list(itertools.product(S, S))
    allowed = [p for p in pairs if can_move(*p)]
    assert len(pairs) == 64 and len(allowed) == 14
    assert all(a in OPEN for a, _b in allowed)


def test_refusal_messages_name_the_statuses_in_swedish(k: Kit) -> None:
    person, provider = k.person(), k.provider()
    ref = k.referral(person, provider)
    with pytest.raises(ValidationError, match="kan inte gå från föreslagen till påbörjad"):
        k.referrals.transition(ref.id, S.STARTED, on=SEND_DAY)
    with pytest.raises(ValidationError, match="redan föreslagen"):
        k.referrals.transition(ref.id, S.PROPOSED, on=SEND_DAY)
    done = k.drive(k.referral(person, provider), S.DECLINED)
    with pytest.raises(ValidationError, match="avslutad"):
        k.referrals.transition(done.id, S.SENT, on=SEND_DAY, consent_id=k.consent(person))
    with pytest.raises(ValidationError) as exc:
        k.referrals.transition(ref.id, "finished")
    assert _fields(exc) == {"status"} and "okänt värde" in str(exc.value)


# ---- creating ------------------------------------------------------------------------------
def test_create_starts_proposed_with_its_first_step(k: Kit) -> None:
    person, provider = k.person(), k.provider()
    dto = k.referrals.create(person, ServiceType.WORK, provider, DAY + timedelta(days=14),
                             "Karin Lund", "Vill ha jobb", proposed_on=DAY)
    assert (dto.status, dto.proposed_on, dto.status_changed_on) == (S.PROPOSED, DAY, DAY)
    assert (dto.person_name, dto.provider_name, dto.responsible_officer) == (
        "Åsa Öberg", "Samtalsmottagningen", "Karin Lund")
    assert dto.service_type is ServiceType.WORK and dto.due_on == DAY + timedelta(days=14)
    assert dto.is_open and dto.next_statuses == (S.SENT, S.DECLINED, S.WITHDRAWN)
    assert dto.needs_consent(S.SENT) and not dto.needs_consent(S.DECLINED)
    assert not (dto.consent_withdrawn or dto.overridden)
    [event] = k.referrals.history(dto.id)
    assert (event.status, event.previous_status, event.on, event.note, event.by_user) == (
        S.PROPOSED, None, DAY, "Vill ha jobb", "anna")
    audit = k.last_audit()
    assert (audit.action, audit.entity_type, audit.entity_id) == ("read", "referral", dto.id)


def test_create_defaults_to_today_without_a_provider(k: Kit) -> None:
    dto = k.referrals.create(k.person(), "debt")
    assert dto.proposed_on == date.today() and dto.provider_id is None


def test_bad_create_is_refused_naming_each_field_and_writes_nothing(k: Kit) -> None:
    person = k.person()
    debt_only = k.provider("Skuldrådgivningen", ("debt",))
    before = k.audit_count()
    with pytest.raises(ValidationError) as exc:
        k.referrals.create("no-such-person", "jobs", None, proposed_on=date.today() +
                           timedelta(days=1), responsible_officer="x" * 101)
    assert _fields(exc) == {"person_id", "service_type", "proposed_on", "responsible_officer"}
    with pytest.raises(ValidationError, match="erbjuder inte stödsamtal") as exc:
        k.referrals.create(person, "support_talks", debt_only)
    assert _fields(exc) == {"provider_id"}
    with pytest.raises(ValidationError, match="före dagen remissen föreslogs"):
        k.referrals.create(person, "debt", debt_only, DAY - timedelta(days=1), proposed_on=DAY)
    with pytest.raises(ValidationError, match="finns inte"):
        k.referrals.create(person, "debt", "no-such-provider")
    k.providers.archive(debt_only)
    before = k.audit_count()
    with pytest.raises(ValidationError, match="arkiverad"):
        k.referrals.create(person, "debt", debt_only)
    assert k.audit_count() == before
    assert k.referrals.list(log=False) == []


# ---- the consent gate ------------------------------------------------------------------------
def _refused(k: Kit, referral_id: str, field: str, match: str, **kwargs: object) -> None:
    before_events, before_audit = k.events(referral_id), k.audit_count()
    with pytest.raises(ValidationError, match=match) as exc:
        k.referrals.transition(referral_id, S.SENT, on=SEND_DAY, **kwargs)  # type: ignore[arg-type]
    assert field in _fields(exc)
    assert k.events(referral_id) == before_events and k.audit_count() == before_audit
    with k.services.db.read() as s:
        row = s.get(Referral, referral_id)
        assert row is not None and row.status is S.PROPOSED and row.consent_id is None


def test_sending_without_a_consent_is_refused(k: Kit) -> None:
    ref = k.referral(k.person(), k.provider())
    _refused(k, ref.id, "consent_id", "välj ett samtycke")
    _refused(k, ref.id, "consent_id", "välj ett samtycke", consent_id="  ")


def test_someone_elses_consent_is_refused(k: Kit) -> None:
    ref = k.referral(k.person(), k.provider())
    other = k.consent(k.person("Bo", "Ek"))
    _refused(k, ref.id, "consent_id", "annan person", consent_id=other)


def test_a_withdrawn_consent_is_refused_whatever_the_steps_day(k: Kit) -> None:
    person = k.person()
    ref = k.referral(person, k.provider())
    consent = k.consent(person, given_on=DAY - timedelta(days=10))
    # Withdrawn after the day the step is dated: still refused, it covers nothing new.
    k.consents.withdraw(consent, SEND_DAY + timedelta(days=5))
    _refused(k, ref.id, "consent_id", "återkallades", consent_id=consent)


def test_a_consent_given_after_the_steps_day_is_refused(k: Kit) -> None:
    person = k.person()
    ref = k.referral(person, k.provider())
    later = k.consent(person, given_on=SEND_DAY + timedelta(days=1))
    _refused(k, ref.id, "consent_id", "efter stegets datum", consent_id=later)
    # Given on the day itself covers it.
    same_day = k.consent(person, given_on=SEND_DAY)
    assert k.referrals.transition(ref.id, S.SENT, on=SEND_DAY,
                                  consent_id=same_day).consent_id == same_day


def test_a_deleted_or_unknown_consent_is_refused(k: Kit) -> None:
    person = k.person()
    ref = k.referral(person, k.provider())
    gone = k.consent(person)
    k.consents.delete(gone)
    _refused(k, ref.id, "consent_id", "finns inte", consent_id=gone)
    _refused(k, ref.id, "consent_id", "finns inte", consent_id="no-such-consent")


def test_sending_with_an_active_consent_records_it(k: Kit) -> None:
    person = k.person()
    ref = k.referral(person, k.provider())
    consent = k.consent(person)
    sent = k.referrals.transition(ref.id, S.SENT, on=SEND_DAY, consent_id=consent,
                                  note="Skickad per post", due_on=SEND_DAY + timedelta(days=14))
    assert (sent.status, sent.consent_id, sent.due_on) == (
        S.SENT, consent, SEND_DAY + timedelta(days=14))
    step = k.referrals.history(ref.id, log=False)[-1]
    assert (step.consent_id, step.override_reason, step.note) == (consent, None,
                                                                   "Skickad per post")
    audit = k.last_audit()
    assert (audit.action, audit.entity_id) == ("update", ref.id)
    assert audit.detail["consent"] == consent and "override" not in audit.detail
    assert set(audit.detail["fields"]) == {"status", "status_changed_on", "consent_id",
                                           "due_on"}
    assert k.consents.get(consent).referrals == 1


def test_an_override_with_a_written_reason_is_allowed_and_audited_distinctly(k: Kit) -> None:
    ref = k.referral(k.person(), k.provider())
    sent = k.referrals.transition(ref.id, S.SENT, on=SEND_DAY,
                                  override_reason="  Akut hot; personen kan inte nås  ")
    assert sent.status is S.SENT and sent.overridden and sent.consent_id is None
    step = k.referrals.history(ref.id, log=False)[-1]
    assert step.overridden and step.override_reason == "Akut hot; personen kan inte nås"
    assert step.consent_id is None
    audit = k.last_audit()
    assert audit.action == "update" and audit.detail["override"] is True
    assert "Akut" not in str(audit.detail) and "Akut" not in str(audit.purpose)
    assert [r.id for r in k.referrals.list(log=False) if r.overridden] == [ref.id]


@pytest.mark.parametrize("reason", ["", "   ", "\n"])
def test_an_override_with_a_blank_reason_is_refused(k: Kit, reason: str) -> None:
    ref = k.referral(k.person(), k.provider())
    _refused(k, ref.id, "override_reason", "måste fyllas i", override_reason=reason)


def test_a_consent_and_an_override_together_are_refused(k: Kit) -> None:
    person = k.person()
    ref = k.referral(person, k.provider())
    _refused(k, ref.id, "override_reason", "inte båda", consent_id=k.consent(person),
             override_reason="Akut")


def test_sending_needs_a_live_provider(k: Kit) -> None:
    person = k.person()
    consent = k.consent(person)
    ref = k.referral(person, None)
    _refused(k, ref.id, "provider_id", "välj verksamheten", consent_id=consent)
    provider = k.provider("Boendeenheten", ("support_talks",))
    ref2 = k.referral(person, provider)
    k.providers.archive(provider)
    _refused(k, ref2.id, "provider_id", "arkiverad", consent_id=consent)


def test_a_step_that_shares_nothing_takes_no_consent_or_reason(k: Kit) -> None:
    person = k.person()
    sent = k.drive(k.referral(person, k.provider()), S.SENT)
    day = SEND_DAY + timedelta(days=1)
    for kwargs in ({"consent_id": k.consent(person)}, {"override_reason": "Akut"}):
        with pytest.raises(ValidationError, match="inget samtycke") as exc:
            k.referrals.transition(sent.id, S.ACCEPTED, on=day, **kwargs)  # type: ignore[arg-type]
        assert _fields(exc) == {"consent_id"}
    accepted = k.referrals.transition(sent.id, S.ACCEPTED, on=day)
    assert accepted.status is S.ACCEPTED and accepted.consent_id == sent.consent_id


def test_step_days_are_checked(k: Kit) -> None:
    person = k.person()
    ref = k.referral(person, k.provider())
    consent = k.consent(person)
    with pytest.raises(ValidationError, match="framtiden") as exc:
        k.referrals.transition(ref.id, S.SENT, on=date.today() + timedelta(days=1),
                               consent_id=consent)
    assert _fields(exc) == {"on"}
    with pytest.raises(ValidationError, match="före föregående steg") as exc:
        k.referrals.transition(ref.id, S.SENT, on=DAY - timedelta(days=1), consent_id=consent)
    assert "on" in _fields(exc)
    with pytest.raises(ValidationError, match="före stegets datum"):
        k.referrals.transition(ref.id, S.SENT, on=SEND_DAY, consent_id=consent, due_on=DAY)
    assert k.events(ref.id) == 1
    # Same day as the previous step is fine; no day means today.
    assert k.referrals.transition(ref.id, S.DECLINED).status_changed_on == date.today()


# ---- a withdrawn consent flags what relied on it --------------------------------------------
def test_withdrawing_a_consent_flags_the_referrals_sent_on_it(k: Kit) -> None:
    person = k.person()
    provider = k.provider()
    consent = k.consent(person)
    relied = k.drive(k.referral(person, provider), S.STARTED)
    other = k.referral(person, provider)
    other = k.referrals.transition(other.id, S.SENT, on=SEND_DAY, consent_id=consent)
    unrelated = k.referrals.transition(k.referral(person, provider).id, S.SENT, on=SEND_DAY,
                                       override_reason="Akut")
    k.consents.withdraw(consent, SEND_DAY + timedelta(days=3))
    flagged = {r.id: (r.consent_withdrawn, r.consent_withdrawn_on)
               for r in k.referrals.list(log=False)}
    assert flagged[other.id] == (True, SEND_DAY + timedelta(days=3))
    assert flagged[relied.id] == (False, None)  # sent on a consent of its own
    assert flagged[unrelated.id] == (False, None)
    got = k.referrals.get(other.id)
    assert got.consent_withdrawn and got.consent_id == consent
    # The referral goes on (nothing more is shared by these steps), still flagged.
    accepted = k.referrals.transition(other.id, S.ACCEPTED, on=SEND_DAY + timedelta(days=4))
    assert accepted.consent_withdrawn


# ---- editing and deleting --------------------------------------------------------------------
def test_update_changes_the_editable_fields(k: Kit) -> None:
    person = k.person()
    first, second = k.provider(), k.provider("Arbetsmarknadsenheten", ("work",))
    ref = k.referral(person, first)
    changed = k.referrals.update(ref.id, {"service_type": "work", "provider_id": second,
                                          "due_on": DAY + timedelta(days=30),
                                          "responsible_officer": "Omar Said",
                                          "feedback": "Väntar på svar"})
    assert (changed.service_type, changed.provider_id, changed.provider_name) == (
        ServiceType.WORK, second, "Arbetsmarknadsenheten")
    assert (changed.due_on, changed.responsible_officer, changed.feedback) == (
        DAY + timedelta(days=30), "Omar Said", "Väntar på svar")
    audit = k.last_audit()
    assert audit.action == "update" and audit.detail == {"fields": [
        "due_on", "feedback", "provider_id", "responsible_officer", "service_type"]}
    cleared = k.referrals.update(ref.id, {"provider_id": None, "due_on": ""})
    assert cleared.provider_id is None and cleared.due_on is None


def test_update_refusals_change_nothing(k: Kit) -> None:
    person = k.person()
    provider, other = k.provider(), k.provider("Arbetsmarknadsenheten", ("work",))
    sent = k.drive(k.referral(person, provider), S.SENT)
    proposed = k.referral(person, provider)
    before = k.audit_count()
    with pytest.raises(ValidationError, match="redan skickad") as exc:
        k.referrals.update(sent.id, {"provider_id": other})
    assert _fields(exc) == {"provider_id"}
    with pytest.raises(ValidationError, match="redan skickad"):
        k.referrals.update(sent.id, {"service_type": "work"})
    with pytest.raises(ValidationError) as exc:
        k.referrals.update(sent.id, {"status": "completed"})
    assert _fields(exc) == {"status"}
    with pytest.raises(ValidationError, match="före dagen remissen föreslogs"):
        k.referrals.update(sent.id, {"due_on": DAY - timedelta(days=1)})
    with pytest.raises(ValidationError, match="erbjuder inte"):
        k.referrals.update(proposed.id, {"service_type": "debt"})
    assert k.audit_count() == before
    assert k.referrals.get(sent.id).provider_id == provider
    # Feedback still comes in after the end; re-saving the same provider is no change.
    done = k.drive(k.referral(person, provider), S.COMPLETED)
    assert k.referrals.update(done.id, {"feedback": "Gick bra",
                                        "provider_id": provider}).feedback == "Gick bra"


def test_an_archived_provider_stays_on_its_referral(k: Kit) -> None:
    person, provider = k.person(), k.provider()
    ref = k.referral(person, provider)
    k.providers.archive(provider)
    dto = k.referrals.update(ref.id, {"provider_id": provider, "due_on": DAY})
    assert dto.provider_id == provider and dto.provider_archived


def test_only_a_proposal_is_deleted(k: Kit) -> None:
    person, provider = k.person(), k.provider()
    proposal = k.referral(person, provider)
    sent = k.drive(k.referral(person, provider), S.SENT)
    with pytest.raises(MottryckError, match="skickad och tas inte bort"):
        k.referrals.delete(sent.id)
    k.referrals.delete(proposal.id)
    with pytest.raises(NotFound):
        k.referrals.get(proposal.id)
    assert [r.id for r in k.referrals.list(log=False)] == [sent.id]
    with k.services.db.read() as s:
        events = s.query(ReferralEvent).filter_by(referral_id=proposal.id).all()
        assert events and all(e.deleted for e in events)
    assert k.last_audit().action == "delete"


def test_a_deleted_persons_referrals_are_gone(k: Kit) -> None:
    person = k.person()
    ref = k.referral(person, k.provider())
    k.services.people.delete(person)
    assert k.referrals.list(log=False) == []
    with pytest.raises(NotFound):
        k.referrals.transition(ref.id, S.WITHDRAWN)


# ---- reading ---------------------------------------------------------------------------------
def test_list_filters_and_logs_one_read(k: Kit) -> None:
    asa, bo = k.person(), k.person("Bo", "Ek")
    p1, p2 = k.provider(), k.provider("Arbetsmarknadsenheten", ("work",))
    a = k.referral(asa, p1, proposed_on=DAY)
    b = k.drive(k.referral(bo, p1, proposed_on=DAY + timedelta(days=1)), S.SENT)
    c = k.referrals.create(bo, "work", p2, proposed_on=DAY + timedelta(days=2))
    assert [r.id for r in k.referrals.list()] == [c.id, b.id, a.id]
    audit = k.last_audit()
    assert (audit.action, audit.entity_type, audit.detail) == ("read", "referral_list",
                                                               {"rows": 3})
    assert [r.id for r in k.referrals.list(status="sent", log=False)] == [b.id]
    assert [r.id for r in k.referrals.list(person_id=bo, log=False)] == [c.id, b.id]
    assert [r.id for r in k.referrals.list(provider_id=p2, log=False)] == [c.id]
    assert [r.id for r in k.referrals.list(service_type="work", log=False)] == [c.id]
    assert [r.person_name for r in k.referrals.list(limit=1, offset=1, log=False)] == [
        "Bo Ek"]
    before = k.audit_count()
    k.referrals.list(log=False)
    k.referrals.list(status=S.DROPPED)  # nothing listed, nothing logged
    assert k.audit_count() == before
    with pytest.raises(ValidationError) as exc:
        k.referrals.list(status="open")
    assert _fields(exc) == {"status"}


def test_history_lists_the_steps_oldest_first_and_is_logged(k: Kit) -> None:
    ref = k.drive(k.referral(k.person(), k.provider()), S.COMPLETED)
    steps = k.referrals.history(ref.id)
    assert [e.status for e in steps] == [S.PROPOSED, *path_to(S.COMPLETED)]
    assert [e.previous_status for e in steps] == [None, *[e.status for e in steps[:-1]]]
    assert [e.on for e in steps] == sorted(e.on for e in steps)
    audit = k.last_audit()
    assert (audit.action, audit.entity_id, audit.detail) == ("read", ref.id, {"history": 5})
    with pytest.raises(NotFound):
        k.referrals.history("no-such-referral")


def test_overdue_is_the_rule_overview_uses(k: Kit) -> None:
    today = date.today()
    asa, bo = k.person(), k.person("Bo", "Ek")
    provider = k.provider()
    late = k.referral(asa, provider, due_on=today - timedelta(days=3))
    later = k.drive(k.referral(bo, provider, due_on=today - timedelta(days=1)), S.STARTED)
    k.referral(asa, provider, due_on=today)  # due today: not yet overdue
    closed = k.drive(k.referral(bo, provider, due_on=today - timedelta(days=9)), S.DECLINED)
    k.referral(bo, provider)  # no follow-up date
    ids = [r.id for r in k.referrals.overdue(today)]
    assert ids == [late.id, later.id]
    assert closed.is_overdue(today) is False and not is_overdue(S.DECLINED, DAY, today)
    assert [r.referral_id for r in OverviewService(k.services.db).summary(
        today, log=False).referrals_overdue] == ids
    assert k.referrals.list(overdue_only=True, log=False)[0].days_overdue(today) == 3
    assert [r.id for r in k.referrals.list(overdue_only=True, today=today - timedelta(days=2),
                                           log=False)] == [late.id]


def test_get_of_an_unknown_referral_says_so(k: Kit) -> None:
    with pytest.raises(NotFound, match="Remissen finns inte"):
        k.referrals.get("no-such-referral")


def test_the_services_carry_the_referral_service(services: Services) -> None:
    assert isinstance(services.referrals, ReferralService)
