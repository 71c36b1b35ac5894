"""ConsentService: recording with field-named Swedish refusals, the default legal basis,
corrections until withdrawn, withdrawal as one audited transaction, the active ones on a day,
and reads logged as consultations."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.errors import MottryckError, NotFound, ValidationError
from app.models import Consent
from app.models.enums import ReferralStatus as S
from app.services import consents as consents_module
from app.services.consents import DEFAULT_LEGAL_BASIS, ConsentService
from app.services.session import Services
from tests.unit.referral_fixtures import DAY, Kit, kit


@pytest.fixture
def k(services: Services) -> Kit:
    return kit(services)


def _fields(exc: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return {e.field for e in exc.value.errors}


def test_a_consent_round_trips_with_the_default_basis(k: Kit) -> None:
    person = k.person()
    dto = k.consents.record(person, {
        "given_by": "Vårdnadshavare: Maria Öberg", "purpose": "Remiss till stödsamtal",
        "shared_with": "Samtalsmottagningen", "withheld": "Uppgifter om familjen",
        "withheld_reason": "Behövs inte för insatsen.", "given_on": DAY.isoformat()})
    assert (dto.person_id, dto.person_name, dto.given_by) == (
        person, "Åsa Öberg", "Vårdnadshavare: Maria Öberg")
    assert (dto.shared_with, dto.withheld, dto.withheld_reason) == (
        "Samtalsmottagningen", "Uppgifter om familjen", "Behövs inte för insatsen.")
    assert dto.legal_basis == DEFAULT_LEGAL_BASIS == "Samtycke (OSL 12 kap. 2 §)"
    assert (dto.given_on, dto.withdrawn_on, dto.withdrawn, dto.referrals) == (
        DAY, None, False, 0)
    assert dto.is_active() and dto.is_active(DAY) and not dto.is_active(DAY - timedelta(1))
    audit = k.last_audit()
    assert (audit.action, audit.entity_type, audit.entity_id) == ("create", "consent", dto.id)
    assert "Öberg" not in str(audit.detail)
    own = k.consents.record(person, {"given_by": "Personen själv", "purpose": "Remiss",
                                     "given_on": DAY, "legal_basis": "OSL 10:15 a"})
    assert own.legal_basis == "OSL 10:15 a"


def test_bad_consents_are_refused_naming_each_field_and_write_nothing(k: Kit) -> None:
    person = k.person()
    before = k.audit_count()
    with pytest.raises(ValidationError) as exc:
        k.consents.record(person, {"given_by": " ", "purpose": "", "given_on": None})
    assert _fields(exc) == {"given_by", "purpose", "given_on"}
    with pytest.raises(ValidationError, match="när något undantas") as exc:
        k.consents.record(person, {"given_by": "Personen", "purpose": "Remiss",
                                   "given_on": DAY, "withheld": "Familjen"})
    assert _fields(exc) == {"withheld_reason"}
    with pytest.raises(ValidationError, match="bara när något undantas"):
        k.consents.record(person, {"given_by": "Personen", "purpose": "Remiss",
                                   "given_on": DAY, "withheld_reason": "Behövs inte"})
    with pytest.raises(ValidationError, match="framtiden") as exc:
        k.consents.record(person, {"given_by": "Personen", "purpose": "Remiss",
                                   "given_on": date.today() + timedelta(days=1)})
    assert _fields(exc) == {"given_on"}
    with pytest.raises(ValidationError, match="ÅÅÅÅ-MM-DD"):
        k.consents.record(person, {"given_by": "Personen", "purpose": "Remiss",
                                   "given_on": "igår"})
    with pytest.raises(ValidationError) as exc:
        k.consents.record(person, {"given_by": "Personen", "purpose": "Remiss",
                                   "given_on": DAY, "withdrawn_on": DAY})
    assert _fields(exc) == {"withdrawn_on"}
    with pytest.raises(NotFound, match="Personen finns inte"):
        k.consents.record("no-such-person", {"given_by": "Personen", "purpose": "Remiss",
                                             "given_on": DAY})
    assert k.audit_count() == before
    assert k.consents.list_for_person(person) == []


def test_update_corrects_until_withdrawn(k: Kit) -> None:
    person = k.person()
    consent = k.consent(person)
    dto = k.consents.update(consent, {"shared_with": "Boendeenheten",
                                      "given_on": DAY - timedelta(days=2)})
    assert dto.shared_with == "Boendeenheten" and dto.given_on == DAY - timedelta(days=2)
    assert dto.purpose == "Remiss till stödsamtal"  # untouched fields keep their values
    assert k.last_audit().detail == {"fields": ["given_on", "shared_with"]}
    k.consents.withdraw(consent, DAY)
    before = k.audit_count()
    with pytest.raises(ValidationError, match="återkallat") as exc:
        k.consents.update(consent, {"purpose": "Något annat"})
    assert _fields(exc) == {"withdrawn_on"}
    assert k.audit_count() == before


def test_the_day_given_cannot_move_past_its_first_use(k: Kit) -> None:
    person = k.person()
    consent = k.consent(person)
    ref = k.referral(person, k.provider())
    k.referrals.transition(ref.id, S.SENT, on=DAY + timedelta(days=1), consent_id=consent)
    with pytest.raises(ValidationError, match="kan inte ha lämnats senare") as exc:
        k.consents.update(consent, {"given_on": DAY + timedelta(days=2)})
    assert _fields(exc) == {"given_on"}
    assert k.consents.update(consent, {"given_on": DAY + timedelta(days=1)}).given_on == (
        DAY + timedelta(days=1))


def test_withdrawal_is_one_audited_action(k: Kit) -> None:
    person = k.person()
    consent = k.consent(person)
    ref = k.referral(person, k.provider())
    k.referrals.transition(ref.id, S.SENT, on=DAY + timedelta(days=1), consent_id=consent)
    before = k.audit_count()
    dto = k.consents.withdraw(consent, DAY + timedelta(days=5))
    assert dto.withdrawn and dto.withdrawn_on == DAY + timedelta(days=5)
    assert not dto.is_active(DAY + timedelta(days=1))  # covers nothing from now on
    assert k.audit_count() == before + 1
    audit = k.last_audit()
    assert (audit.action, audit.entity_type, audit.entity_id) == ("update", "consent", consent)
    assert audit.detail == {"fields": ["withdrawn_on"], "withdrawn": True,
                            "referrals_flagged": 1}
    assert k.referrals.get(ref.id).consent_withdrawn


def test_a_failed_withdrawal_leaves_the_consent_as_it_was(
        k: Kit, monkeypatch: pytest.MonkeyPatch) -> None:
    consent = k.consent(k.person())
    before = k.audit_count()

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(consents_module.audit, "record", broken)
    with pytest.raises(RuntimeError):
        k.consents.withdraw(consent, DAY)
    monkeypatch.undo()
    with k.services.db.read() as s:
        row = s.get(Consent, consent)
        assert row is not None and row.withdrawn_on is None
    assert k.audit_count() == before


def test_withdrawal_refusals(k: Kit) -> None:
    consent = k.consent(k.person(), given_on=DAY)
    with pytest.raises(ValidationError, match="före dagen samtycket lämnades"):
        k.consents.withdraw(consent, DAY - timedelta(days=1))
    with pytest.raises(ValidationError, match="framtiden"):
        k.consents.withdraw(consent, date.today() + timedelta(days=1))
    with pytest.raises(ValidationError, match="ÅÅÅÅ-MM-DD"):
        k.consents.withdraw(consent, "snart")
    assert k.consents.withdraw(consent).withdrawn_on == date.today()
    before = k.audit_count()
    with pytest.raises(ValidationError, match="redan återkallat"):
        k.consents.withdraw(consent, date.today())
    assert k.audit_count() == before
    with pytest.raises(NotFound, match="Samtycket finns inte"):
        k.consents.withdraw("no-such-consent")


def test_the_active_ones_on_a_day(k: Kit) -> None:
    person, other = k.person(), k.person("Bo", "Ek")
    old = k.consent(person, given_on=DAY - timedelta(days=30))
    new = k.consent(person, given_on=DAY + timedelta(days=10))
    gone = k.consent(person, given_on=DAY - timedelta(days=40))
    k.consents.withdraw(gone, DAY - timedelta(days=20))
    k.consent(other)
    assert [c.id for c in k.consents.list_for_person(person)] == [new, old, gone]
    audit = k.last_audit()
    assert (audit.action, audit.entity_type, audit.entity_id, audit.detail) == (
        "read", "consent_list", person, {"rows": 3})
    assert [c.id for c in k.consents.active_for_person(person, DAY, log=False)] == [old]
    assert [c.id for c in k.consents.active_for_person(person, log=False)] == [new, old]
    before = k.audit_count()
    k.consents.list_for_person(person, log=False)
    assert k.audit_count() == before


def test_delete_only_while_nothing_relied_on_it(k: Kit) -> None:
    person = k.person()
    unused, used = k.consent(person), k.consent(person)
    ref = k.referral(person, k.provider())
    k.referrals.transition(ref.id, S.SENT, on=DAY + timedelta(days=1), consent_id=used)
    with pytest.raises(MottryckError, match="Återkalla det i stället"):
        k.consents.delete(used)
    k.consents.delete(unused)
    assert [c.id for c in k.consents.list_for_person(person, log=False)] == [used]
    with pytest.raises(NotFound):
        k.consents.get(unused)


def test_a_deleted_persons_consents_are_gone(k: Kit) -> None:
    person = k.person()
    consent = k.consent(person)
    k.services.people.delete(person)
    with pytest.raises(NotFound):
        k.consents.get(consent)
    with pytest.raises(NotFound):
        k.consents.list_for_person(person)


def test_the_services_carry_the_consent_service(services: Services) -> None:
    assert isinstance(services.consents, ConsentService)
