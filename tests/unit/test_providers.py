"""ServiceProviderService: the catalogue's fields and their checks, listing by service and
name, archiving, and deletion refused while open referrals name the provider."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.errors import MottryckError, NotFound, ValidationError
from app.models.enums import ReferralStatus as S
from app.models.enums import ServiceType
from app.services.providers import ServiceProviderService
from app.services.session import Services
from tests.unit.referral_fixtures import DAY, Kit, kit


@pytest.fixture
def k(services: Services) -> Kit:
    return kit(services)


def _fields(exc: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return {e.field for e in exc.value.errors}


def test_a_provider_round_trips(k: Kit) -> None:
    dto = k.providers.create({
        "name": " Avhopparverksamheten Malmö ", "service_types": ["housing", "exit_programme",
                                                                "support_talks", "housing"],
        "contact_person": "Karin Lund", "phone": "040-123 45 67",
        "email": "karin@example.com", "address": "Storgatan 1, 211 45 Malmö",
        "area": "Malmö", "offers": "Samtal och flytt", "notes": "Svarar inom en vecka"})
    assert dto.name == "Avhopparverksamheten Malmö"
    # Each once, in the order of ServiceType.
    assert dto.service_types == (ServiceType.SUPPORT_TALKS, ServiceType.HOUSING,
                                 ServiceType.EXIT_PROGRAMME)
    assert dto.offers_service("housing") and not dto.offers_service(ServiceType.DEBT)
    assert (dto.contact_person, dto.phone, dto.email, dto.address, dto.area) == (
        "Karin Lund", "040-123 45 67", "karin@example.com", "Storgatan 1, 211 45 Malmö",
        "Malmö")
    assert (dto.offers, dto.notes, dto.archived, dto.open_referrals) == (
        "Samtal och flytt", "Svarar inom en vecka", False, 0)
    assert k.providers.get(dto.id) == dto
    audit = k.last_audit()
    assert (audit.action, audit.entity_type, audit.entity_id) == (
        "create", "service_provider", dto.id)
    # Codes in a text, as the command line or an import writes them.
    assert k.providers.create({"name": "Skuldrådgivningen", "service_types": "debt; work"}
                              ).service_types == (ServiceType.WORK, ServiceType.DEBT)


def test_bad_providers_are_refused_naming_each_field(k: Kit) -> None:
    before = k.audit_count()
    with pytest.raises(ValidationError) as exc:
        k.providers.create({"name": "", "service_types": [], "email": "karin@",
                            "phone": "ring mig", "area": "x" * 201})
    assert _fields(exc) == {"name", "service_types", "email", "phone", "area"}
    assert "välj minst en insats" in str(exc.value)
    with pytest.raises(ValidationError, match="okänt värde 'jobs'") as exc:
        k.providers.create({"name": "A", "service_types": ["work", "jobs"]})
    assert _fields(exc) == {"service_types"}
    with pytest.raises(ValidationError, match="lista med insatser"):
        k.providers.create({"name": "A", "service_types": 3})
    with pytest.raises(ValidationError) as exc:
        k.providers.create({"name": "A", "service_types": ["work"], "archived": True})
    assert _fields(exc) == {"archived"}
    assert k.audit_count() == before
    assert k.providers.list(include_archived=True) == []


def test_the_same_name_in_the_same_area_is_refused(k: Kit) -> None:
    first = k.provider("Samtalsmottagningen", area="Malmö")
    with pytest.raises(ValidationError, match="redan en verksamhet") as exc:
        k.providers.create({"name": "SAMTALSMOTTAGNINGEN", "service_types": ["work"],
                            "area": "malmö"})
    assert _fields(exc) == {"name"}
    other = k.provider("Samtalsmottagningen", area="Göteborg")
    with pytest.raises(ValidationError, match="redan en verksamhet"):
        k.providers.update(other, {"area": "Malmö"})
    assert k.providers.update(first, {"notes": "Ny adress"}).notes == "Ny adress"


def test_update_keeps_what_it_does_not_change(k: Kit) -> None:
    pid = k.provider(phone="040-11 22 33")
    dto = k.providers.update(pid, {"service_types": ["debt"], "email": "a@b.se"})
    assert dto.service_types == (ServiceType.DEBT,) and dto.phone == "040-11 22 33"
    assert k.last_audit().detail == {"fields": ["email", "service_types"]}
    with pytest.raises(ValidationError):
        k.providers.update(pid, {"service_types": []})
    assert k.providers.get(pid).service_types == (ServiceType.DEBT,)
    with pytest.raises(NotFound, match="Verksamheten finns inte"):
        k.providers.update("no-such-provider", {"name": "B"})


def test_list_by_service_archived_and_name(k: Kit) -> None:
    talks = k.provider("Samtalsmottagningen Malmö", ("support_talks",), area="Rosengård")
    work = k.provider("Arbetsmarknadsenheten", ("work",), area="Örebro")
    old = k.provider("Gamla boendet", ("housing", "work"))
    k.providers.archive(old)
    assert [p.id for p in k.providers.list()] == [work, talks]
    assert [p.id for p in k.providers.list(include_archived=True)] == [work, old, talks]
    assert [p.id for p in k.providers.list("work", include_archived=True)] == [work, old]
    assert [p.id for p in k.providers.list(ServiceType.SUPPORT_TALKS)] == [talks]
    assert [p.id for p in k.providers.list(search="malmö samtal")] == [talks]
    assert [p.id for p in k.providers.list(search="ÖREBRO")] == [work]  # area, å/ä/ö folded
    assert k.providers.list(search="boendet") == []
    assert k.providers.get(old).archived


def test_archive_and_unarchive_are_audited(k: Kit) -> None:
    pid = k.provider()
    assert k.providers.archive(pid).archived
    assert k.last_audit().detail == {"fields": ["archived"]}
    assert not k.providers.unarchive(pid).archived
    before = k.audit_count()
    k.providers.unarchive(pid)  # already so: nothing changed, nothing logged
    assert k.audit_count() == before


def test_delete_is_refused_while_open_referrals_name_it(k: Kit) -> None:
    person, pid = k.person(), k.provider()
    ref = k.drive(k.referral(person, pid), S.SENT)
    assert k.providers.get(pid).open_referrals == 1
    before = k.audit_count()
    with pytest.raises(MottryckError, match=r"1 pågående remiss.*Arkivera den i stället"):
        k.providers.delete(pid)
    assert k.audit_count() == before
    k.referrals.transition(ref.id, S.WITHDRAWN, on=DAY + timedelta(days=3))
    assert k.providers.get(pid).open_referrals == 0
    k.providers.delete(pid)
    assert k.last_audit().action == "delete"
    with pytest.raises(NotFound):
        k.providers.get(pid)
    assert k.providers.list(include_archived=True) == []
    # The closed referral still names where it went.
    assert k.referrals.get(ref.id).provider_name == "Samtalsmottagningen"


def test_the_services_carry_the_provider_service(services: Services) -> None:
    assert isinstance(services.providers, ServiceProviderService)
