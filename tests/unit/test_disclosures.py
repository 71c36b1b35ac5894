"""The disclosure register: filters, newest first, READ and PRINT in the audit log, the PDF."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.errors import ValidationError
from app.models import Disclosure
from app.services import audit
from app.services.bundles import BundleService
from app.services.disclosures import DisclosureFilter
from app.services.session import Services
from tests.unit.test_unit_keys import new_recipient


def put(services: Services, at: datetime, direction: str = "export", *,
        partner: str = "Polisen Syd", partner_id: str | None = None,
        basis: str = "OSL 10:15 a", purpose: str | None = "Lägesbild",
        note: str | None = None) -> str:
    with services.db.write() as s:
        row = Disclosure(at=at, user="anna", direction=direction, partner_id=partner_id,
                         partner_name=partner, bundle_id=f"b-{at.isoformat()}", sequence=1,
                         legal_basis=basis, purpose=purpose, basis_note=note,
                         scope={"groups": ["Norra"], "since": None},
                         counts={"person": 3, "group": 1})
        s.add(row)
        s.flush()
        return row.id


def actions(services: Services) -> list[tuple[str, dict[str, object]]]:
    return [(e.action, e.detail or {}) for e in audit.list_events(services.db, limit=50)
            if e.entity_type == "disclosure"]


def test_newest_first_with_filters(services: Services) -> None:
    old = put(services, datetime(2024, 1, 10, 12), partner="Frivården Väst",
              basis="Samtycke", note="Samtycke nr 17")
    mid = put(services, datetime(2024, 3, 5, 12), "import")
    new = put(services, datetime(2024, 6, 1, 12))
    assert [d.id for d in services.disclosures.list()] == [new, mid, old]
    assert [d.id for d in services.disclosures.list(direction="import")] == [mid]
    assert [d.id for d in services.disclosures.list(since=date(2024, 3, 1),
                                                    until=date(2024, 5, 31))] == [mid]
    assert [d.id for d in services.disclosures.list(search="frivården samtycke")] == [old]
    assert [d.id for d in services.disclosures.list(search="FRIVÅRDEN")] == [old]
    assert services.disclosures.list(search="finns inte") == []
    first = services.disclosures.list()[-1]
    assert first.counts == {"person": 3, "group": 1} and first.total == 4
    assert first.scope["groups"] == ["Norra"] and first.basis_note == "Samtycke nr 17"


def test_each_look_is_a_read_without_the_search_words(services: Services) -> None:
    put(services, datetime(2024, 1, 10, 12), purpose="Om Ahmed")
    services.disclosures.list(direction="export", search="Ahmed")
    action, detail = actions(services)[0]
    assert action == "read" and detail["rows"] == 1 and detail["direction"] == "export"
    assert detail["search"] is True and "Ahmed" not in str(detail)


def test_bad_filters_are_refused_and_log_nothing(services: Services) -> None:
    with pytest.raises(ValidationError) as err:
        services.disclosures.list(direction="sideways")
    assert err.value.errors[0].field == "direction"
    with pytest.raises(ValidationError):
        services.disclosures.list(since=date(2024, 2, 1), until=date(2024, 1, 1))
    assert actions(services) == []


def test_an_export_lands_in_the_register(services: Services, tmp_path: Path) -> None:
    partner = services.partners.add({"name": "Polisen Syd", "kind": "police",
                                     "age_recipient": new_recipient()})
    services.people.create({"first_name": "Ali", "last_name": "Berg"})
    BundleService(services.db).export(partner.id, tmp_path / "b.mottryck",
                                      legal_basis="OSL 10:2", purpose="Samverkan")
    [row] = services.disclosures.list(partner_id=partner.id)
    assert row.direction == "export" and row.partner_name == "Polisen Syd"
    assert row.legal_basis == "OSL 10:2" and row.counts.get("person") == 1
    assert row.user == services.user and row.sequence == 1
    assert row.at > datetime.now() - timedelta(days=2)


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_printed_register(services: Services, tmp_path: Path) -> None:
    put(services, datetime(2024, 1, 10, 12), partner="Frivården Väst", note="Avvägt: nödvändigt")
    put(services, datetime(2024, 6, 1, 12), "import", partner="Socialtjänsten")
    f = DisclosureFilter(direction="export", since=date(2024, 1, 1), until=date(2024, 12, 31))
    pdf = services.disclosures.report_pdf(f)
    assert pdf.startswith(b"%PDF")
    text = _text(pdf, tmp_path)
    assert "Register över utlämnanden" in text and "Frivården Väst" in text
    assert "Socialtjänsten" not in text and "2024-01-01" in text and "Utlämnat" in text
    assert "Avvägt: nödvändigt" in text and services.user in text
    assert actions(services) == []  # a preview is not a print
    services.disclosures.record_report(f, "printer")
    action, detail = actions(services)[0]
    assert action == "print" and detail["output"] == "printer" and detail["rows"] == 1
    services.disclosures.report_pdf(DisclosureFilter(), output="pdf")
    assert actions(services)[0][0] == "print" and actions(services)[0][1]["rows"] == 2


def test_an_empty_register_prints_a_sentence(services: Services, tmp_path: Path) -> None:
    text = _text(services.disclosures.report_pdf(), tmp_path)
    assert "Inga utlämnanden" in text
