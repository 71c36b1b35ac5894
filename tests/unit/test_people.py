"""PeopleService: validation, uniqueness, audited reads and writes, tombstones, merge stamps."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.errors import NotFound, ValidationError
from app.exchange.hlc import Stamp
from app.models.enums import FrivardStatus, IdKind
from app.services.audit import list_events
from app.services.session import Services, open_vault
from tests.conftest import PASSPHRASE, USER

PNR = "811218-9876"
PNR_DIGITS = "198112189876"
OTHER_PNR = "19900101-0017"  # Luhn-correct, born 1990-01-01

FULL: dict[str, Any] = {
    "first_name": "Åsa",
    "last_name": "Öberg",
    "aliases": "Lillan; Kusinen",
    "personnummer": PNR,
    "phone": "070-123 45 67",
    "email": "asa.oberg@example.se",
    "address": "Storgatan 12 B",
    "postal_code": "211 45",
    "city": "Malmö",
    "frivard_status": "probation",
    "frivard_from": "2024-01-01",
    "frivard_to": "2026-01-01",
    "frivard_office": "Frivården Malmö",
    "responsible_officer": "Karl Handläggare",
    "notes": "Träffad på fritidsgården.\nVill ha stöd med boende.",
}


def rows(services: Services, sql: str, **params: Any) -> list[dict[str, Any]]:
    with services.db.engine.connect() as conn:
        return [dict(r) for r in conn.execute(text(sql), params).mappings().all()]


def state(services: Services) -> tuple[Any, ...]:
    """Everything a failed write must leave untouched."""
    return (rows(services, "SELECT * FROM person ORDER BY id"),
            rows(services, "SELECT seq FROM audit_event ORDER BY seq"))


def errors_of(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {e.field: e.reason for e in exc.value.errors}


# ---- create -----------------------------------------------------------------------------
def test_create_with_every_field(services: Services) -> None:
    p = services.people.create(FULL)
    assert (p.first_name, p.last_name, p.full_name) == ("Åsa", "Öberg", "Åsa Öberg")
    assert p.aliases == ("Lillan", "Kusinen")
    assert p.personnummer_masked == "19811218-****"
    assert p.id_kind is IdKind.PERSONNUMMER
    assert p.birth_date == date(1981, 12, 18)  # derived from the number
    assert p.postal_code == "21145"
    assert p.frivard_status is FrivardStatus.PROBATION
    assert (p.frivard_from, p.frivard_to) == (date(2024, 1, 1), date(2026, 1, 1))
    assert p.notes == FULL["notes"]
    (row,) = rows(services, "SELECT personnummer, deleted FROM person")
    assert row == {"personnummer": PNR_DIGITS, "deleted": 0}
    assert services.people.reveal_personnummer(p.id, "Kallelse") == "19811218-9876"


def test_create_with_names_only_uses_defaults(services: Services) -> None:
    p = services.people.create({"first_name": "Ali", "last_name": "Zander"})
    assert p.personnummer_masked == "" and p.id_kind is None and p.birth_date is None
    assert p.frivard_status is FrivardStatus.NONE
    assert p.aliases == ()


def test_validation_names_every_bad_field_at_once_and_writes_nothing(services: Services) -> None:
    before = state(services)
    bad = {"first_name": " ", "last_name": "x" * 101, "email": "inte-en-adress",
           "phone": "ring mig", "postal_code": "1234", "frivard_status": "fängelse",
           "frivard_from": "2024-05-01", "frivard_to": "2024-04-01", "personnummer": "811218-9875",
           "city": "Malmö\x1b[31m"}
    with pytest.raises(ValidationError) as exc:
        services.people.create(bad)
    assert set(errors_of(exc)) == {"first_name", "last_name", "email", "phone", "postal_code",
                                   "frivard_status", "frivard_to", "personnummer", "city"}
    assert errors_of(exc)["personnummer"] == "kontrollsiffran stämmer inte"
    assert "fängelse" in errors_of(exc)["frivard_status"]
    assert all(e.label for e in exc.value.errors)  # each one says which field, in Swedish
    assert state(services) == before


def test_unknown_field_is_rejected(services: Services) -> None:
    before = state(services)
    with pytest.raises(ValidationError) as exc:
        services.people.create({"first_name": "A", "last_name": "B", "skostorlek": 42})
    assert errors_of(exc) == {"skostorlek": "okänt fält"}
    assert state(services) == before


def test_duplicate_personnummer_in_any_form_is_rejected(services: Services) -> None:
    services.people.create({"first_name": "A", "last_name": "B", "personnummer": PNR})
    before = state(services)
    for form in (PNR_DIGITS, "8112189876", "19811218-9876"):
        with pytest.raises(ValidationError) as exc:
            services.people.create({"first_name": "C", "last_name": "D", "personnummer": form})
        assert errors_of(exc) == {"personnummer": "finns redan hos en annan person"}
    assert state(services) == before


def test_birth_date_must_match_the_personnummer(services: Services) -> None:
    with pytest.raises(ValidationError) as exc:
        services.people.create({"first_name": "A", "last_name": "B", "personnummer": PNR,
                                "birth_date": "1981-12-19"})
    assert errors_of(exc) == {"birth_date": "stämmer inte med personnumret"}
    p = services.people.create({"first_name": "A", "last_name": "B", "personnummer": PNR,
                                "birth_date": "1981-12-18"})
    assert p.birth_date == date(1981, 12, 18)


def test_samordningsnummer_is_stored_as_issued(services: Services) -> None:
    p = services.people.create({"first_name": "A", "last_name": "B",
                                "personnummer": "811278-9873"})
    assert p.id_kind is IdKind.SAMORDNINGSNUMMER
    assert p.birth_date == date(1981, 12, 18)
    assert p.personnummer_masked == "19811278-****"


# ---- update -----------------------------------------------------------------------------
def test_update_changes_only_given_fields_and_audits_their_names(services: Services) -> None:
    p = services.people.create(FULL)
    q = services.people.update(p.id, {"city": "Lund", "phone": "0701234567"},
                               purpose="Ny adress")
    assert (q.city, q.phone) == ("Lund", "0701234567")
    unchanged = ("first_name", "last_name", "aliases", "email", "address", "postal_code",
                 "frivard_status", "frivard_from", "frivard_to", "notes", "birth_date")
    assert all(getattr(q, f) == getattr(p, f) for f in unchanged)
    event = list_events(services.db, action="update")[0]
    assert (event.entity_type, event.entity_id) == ("person", p.id)
    assert event.detail == {"fields": ["city", "phone"]}
    assert event.purpose == "Ny adress"


def test_update_without_changes_writes_no_event(services: Services) -> None:
    p = services.people.create(FULL)
    before = state(services)
    services.people.update(p.id, {"city": "Malmö", "first_name": " Åsa "})
    assert state(services) == before


def test_update_keeps_the_stored_personnummer_unless_a_new_one_is_given(
        services: Services) -> None:
    p = services.people.create(FULL)
    services.people.update(p.id, {"notes": "Ny anteckning"})
    (row,) = rows(services, "SELECT personnummer, id_kind FROM person")
    assert row == {"personnummer": PNR_DIGITS, "id_kind": "personnummer"}
    q = services.people.update(p.id, {"personnummer": OTHER_PNR})
    assert q.personnummer_masked == "19900101-****"
    assert q.birth_date == date(1990, 1, 1)  # follows the new number
    fields = list_events(services.db, action="update")[0].detail
    assert fields == {"fields": ["birth_date", "personnummer"]}
    r = services.people.update(p.id, {"personnummer": ""})
    assert r.personnummer_masked == "" and r.id_kind is None
    assert r.birth_date == date(1990, 1, 1)  # a known birth date stays when the number goes


def test_update_cannot_take_another_persons_number(services: Services) -> None:
    services.people.create({"first_name": "A", "last_name": "B", "personnummer": OTHER_PNR})
    p = services.people.create(FULL)
    before = state(services)
    with pytest.raises(ValidationError) as exc:
        services.people.update(p.id, {"personnummer": OTHER_PNR, "city": "Lund"})
    assert errors_of(exc) == {"personnummer": "finns redan hos en annan person"}
    assert state(services) == before


def test_update_rejects_bad_values_and_unknown_fields(services: Services) -> None:
    p = services.people.create(FULL)
    before = state(services)
    with pytest.raises(ValidationError) as exc:
        services.people.update(p.id, {"email": "x", "birth_date": "1981-12-19"})
    assert set(errors_of(exc)) == {"email", "birth_date"}
    with pytest.raises(ValidationError) as exc:
        services.people.update(p.id, {"id": "annat"})
    assert errors_of(exc) == {"id": "okänt fält"}
    assert state(services) == before


# ---- delete and reads -------------------------------------------------------------------
def test_soft_delete_hides_the_person_but_keeps_the_row(services: Services) -> None:
    p = services.people.create(FULL)
    keep = services.people.create({"first_name": "Åke", "last_name": "Öberg"})
    services.people.delete(p.id, purpose="Gallring")
    with pytest.raises(NotFound):
        services.people.get(p.id)
    with pytest.raises(NotFound):
        services.people.update(p.id, {"city": "Lund"})
    with pytest.raises(NotFound):
        services.people.delete(p.id)
    with pytest.raises(NotFound):
        services.people.reveal_personnummer(p.id, "Kontroll")
    assert [s.id for s in services.people.search("öberg")] == [keep.id]
    assert services.people.search("8112") == []
    assert services.people.count() == 1
    assert services.people.reveal_many([p.id, keep.id], "Kontroll") == {}
    (row,) = rows(services, "SELECT deleted FROM person WHERE id = :id", id=p.id)
    assert row["deleted"] == 1
    assert list_events(services.db, action="delete")[0].entity_id == p.id


def test_get_unknown_id_is_not_found(services: Services) -> None:
    before = state(services)
    with pytest.raises(NotFound) as exc:
        services.people.get("no-such-id")
    assert "finns inte" in str(exc.value)
    assert state(services) == before


def test_get_writes_a_read_event_with_the_purpose(services: Services) -> None:
    p = services.people.create(FULL)
    services.people.get(p.id, purpose="Uppföljning efter kallelse")
    event = list_events(services.db, limit=1)[0]
    assert (event.action, event.entity_type, event.entity_id) == ("read", "person", p.id)
    assert event.purpose == "Uppföljning efter kallelse"
    assert event.user == "anna"


@pytest.mark.parametrize("purpose", ["", "   "])
def test_reveal_requires_a_purpose(services: Services, purpose: str) -> None:
    p = services.people.create(FULL)
    before = state(services)
    with pytest.raises(ValidationError) as exc:
        services.people.reveal_personnummer(p.id, purpose)
    assert errors_of(exc) == {"purpose": "ange varför numret behöver visas"}
    assert state(services) == before


def test_reveal_writes_a_reveal_event(services: Services) -> None:
    p = services.people.create(FULL)
    assert services.people.reveal_personnummer(p.id, "  Brev till frivården ") == "19811218-9876"
    event = list_events(services.db, limit=1)[0]
    assert (event.action, event.entity_id, event.purpose) == ("reveal", p.id,
                                                              "Brev till frivården")
    assert event.detail == {"field": "personnummer"}
    nobody = services.people.create({"first_name": "Ingen", "last_name": "Nummer"})
    assert services.people.reveal_personnummer(nobody.id, "Kontroll") == ""


def test_no_personal_data_in_any_audit_column(services: Services) -> None:
    p = services.people.create(FULL, purpose="Kartläggning")
    services.people.update(p.id, {"address": "Lillgatan 3", "personnummer": OTHER_PNR,
                                  "aliases": "Smeknamnet"})
    services.people.get(p.id, purpose="Uppföljning")
    services.people.reveal_personnummer(p.id, "Brev")
    services.people.reveal_many([p.id], "Lista")
    services.people.search("åsa")
    services.people.delete(p.id)
    # Digit-only secrets are long enough never to turn up by chance in a MAC, uuid or time.
    secrets = {"Åsa", "Öberg", "Lillan", "Kusinen", "Smeknamnet", "198112189876", "8112189876",
               "19811218", "199001010017", "Storgatan", "Lillgatan", "Malmö", "070-123",
               "asa.oberg", "Handläggare", "fritidsgården", "boende"}
    events = rows(services, "SELECT * FROM audit_event")
    assert len(events) >= 8
    for event in events:
        for column, value in event.items():
            for secret in secrets:
                assert secret.casefold() not in str(value).casefold(), (column, secret)


# ---- merge stamps -----------------------------------------------------------------------
def test_rows_get_increasing_clock_stamps_and_the_unit_id(services: Services) -> None:
    ids = [services.people.create({"first_name": f"P{i}", "last_name": "Test"}).id
           for i in range(5)]
    unit = services.vault.meta("unit_id")
    assert unit
    stamps: list[Stamp] = []
    for pid in ids:
        (row,) = rows(services, "SELECT hlc, origin_unit FROM person WHERE id = :id", id=pid)
        assert row["origin_unit"] == unit
        stamps.append(Stamp.parse(row["hlc"]))
    assert stamps == sorted(stamps) and len(set(stamps)) == 5
    services.people.update(ids[0], {"city": "Lund"})
    (row,) = rows(services, "SELECT hlc FROM person WHERE id = :id", id=ids[0])
    assert Stamp.parse(row["hlc"]) > stamps[-1]
    assert services.db.meta("hlc_last") == row["hlc"]


def test_updated_at_moves_on_update_and_created_at_stays(services: Services) -> None:
    p = services.people.create(FULL)
    q = services.people.update(p.id, {"city": "Lund"})
    assert q.created_at == p.created_at
    assert q.updated_at > p.updated_at
    (row,) = rows(services, "SELECT created_at, updated_at FROM person")
    assert row["created_at"] != row["updated_at"]


def test_clock_continues_after_reopening(services: Services, vault_dir: Path) -> None:
    services.people.create({"first_name": "A", "last_name": "B"})
    last = Stamp.parse(services.db.meta("hlc_last") or "")
    services.lock()
    again = open_vault(vault_dir, USER, PASSPHRASE)
    try:
        p = again.people.create({"first_name": "C", "last_name": "D"})
        (row,) = rows(again, "SELECT hlc FROM person WHERE id = :id", id=p.id)
        assert Stamp.parse(row["hlc"]) > last
    finally:
        again.lock()
