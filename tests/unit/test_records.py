"""Bundle records: which tables travel, rows to records and back, every bad record refused
with its position and nothing else raised."""

from __future__ import annotations

import copy
import uuid
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import JSON, Boolean, Date, DateTime, Enum, Integer, String

from app.errors import BundleRejected
from app.exchange.records import (
    TABLES,
    ValidRecord,
    _checked_record,
    _field_problem,
    _fields_ok,
    field_names,
    require_complete,
    to_record,
    validate_record,
)
from app.models import Base
from app.models.enums import FrivardStatus

UNIT = "6d2f8c1e-0a4b-4c3d-9e8f-1a2b3c4d5e6f"
STAMP = "1780000000000-000001"


def _person_row(**over: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": str(uuid.uuid4()), "hlc": STAMP, "origin_unit": UNIT, "deleted": False,
        "field_clocks": None, "created_at": datetime(2026, 1, 1), "updated_at": None,
    }
    row.update(dict.fromkeys(field_names("person")))
    row.update(first_name="Åsa", last_name="Öberg", sort_name="oberg asa", aliases=["Åsan"],
               frivard_status=FrivardStatus.PAROLE, frivard_from=date(2026, 2, 1))
    row.update(over)
    return row


def test_the_tables_that_travel() -> None:
    assert "partner" not in TABLES  # a bundle must never add a trusted signer
    assert {"person", "membership", "incident", "notification", "letter", "letter_template",
            "consent"} <= set(TABLES)
    local = {"audit_event", "vault_meta", "disclosure", "imported_bundle", "merge_review"}
    assert not local & set(TABLES)
    assert set(TABLES) <= set(Base.metadata.tables)


def test_a_row_becomes_json_and_comes_back() -> None:
    row = _person_row()
    record = to_record("person", row)
    assert record["fields"]["frivard_status"] == "parole"
    assert record["fields"]["frivard_from"] == "2026-02-01"
    assert record["fields"]["aliases"] == ["Åsan"]
    assert "created_at" not in record["fields"] and "deleted" not in record["fields"]
    valid = validate_record(record, 1)
    assert valid.python_fields()["frivard_from"] == date(2026, 2, 1)
    assert valid.as_json() == record


def test_a_profile_narrows_fields_and_their_clocks() -> None:
    clock = f"{STAMP}/{UNIT}"
    row = _person_row(field_clocks={n: clock for n in [*field_names("person"), "deleted"]},
                      personnummer="200001011234")
    record = to_record("person", row, fields={"first_name", "last_name"})
    assert set(record["fields"]) == {"first_name", "last_name"}
    assert set(record["field_clocks"]) == {"first_name", "last_name", "deleted"}
    assert "200001011234" not in str(record)
    validate_record(record, 1)


def test_a_column_missing_from_a_stored_clock_map_gets_the_row_clock() -> None:
    row = _person_row(field_clocks={"first_name": f"{STAMP}/{UNIT}"})
    record = to_record("person", row)
    assert record["field_clocks"]["city"] == f"{STAMP}/{UNIT}"
    validate_record(record, 1)


def _good() -> dict[str, Any]:
    return to_record("person", _person_row())


BAD: list[tuple[str, Any]] = [
    ("table", "partner"), ("table", "audit_event"), ("table", 3), ("id", "not-a-uuid"),
    ("id", str(uuid.uuid4()).upper()), ("hlc", "2026-01-01"), ("hlc", None),
    ("origin_unit", "x"), ("deleted", "no"), ("deleted", 0), ("fields", []),
    ("field_clocks", {"first_name": "bad"}), ("field_clocks", []),
]

BAD_FIELDS: list[tuple[str, Any]] = [
    ("first_name", None), ("first_name", 5), ("first_name", "x" * 101),
    ("frivard_status", "jailed"), ("frivard_from", "01/02/2026"), ("frivard_from", 20260201),
    ("aliases", "Åsan"), ("shoe_size", 44), ("id", str(uuid.uuid4())), ("hlc", STAMP),
]


@pytest.mark.parametrize(("key", "value"), BAD)
def test_a_bad_envelope_is_refused_with_its_position(key: str, value: Any) -> None:
    record = _good()
    record[key] = value
    with pytest.raises(BundleRejected) as caught:
        validate_record(record, 7)
    assert caught.value.code == "bad_record" and "7" in str(caught.value)


@pytest.mark.parametrize(("name", "value"), BAD_FIELDS)
def test_a_bad_field_is_refused(name: str, value: Any) -> None:
    record = _good()
    record["fields"][name] = value
    with pytest.raises(BundleRejected, match="nr 3"):
        validate_record(record, 3)


def test_extra_or_missing_top_level_keys_are_refused() -> None:
    extra = {**_good(), "owner": "x"}
    missing = _good()
    del missing["hlc"]
    for record in (extra, missing, [], "x", None):
        with pytest.raises(BundleRejected):
            validate_record(record, 1)


def test_types_checked_across_tables() -> None:
    letter = {"person_id": str(uuid.uuid4()), "kind": "callin_invitation", "template_name": "Brev",
              "template_version": True, "language": "sv", "printed_at": "2026-01-01T10:00:00",
              "printed_by": "anna"}
    record = {"table": "letter", "id": str(uuid.uuid4()), "hlc": STAMP, "origin_unit": UNIT,
              "deleted": False, "field_clocks": None, "fields": letter}
    with pytest.raises(BundleRejected, match="template_version"):  # a bool is no integer
        validate_record(record, 1)
    letter["template_version"] = 2
    letter["person_id"] = "someone"
    with pytest.raises(BundleRejected, match="person_id"):
        validate_record(record, 1)
    letter["person_id"] = str(uuid.uuid4())
    letter["printed_at"] = "2026-01-01T10:00:00+01:00"  # stored times are naive UTC
    with pytest.raises(BundleRejected, match="printed_at"):
        validate_record(record, 1)


def test_a_new_row_needs_its_required_fields() -> None:
    record = _good()
    del record["fields"]["last_name"]
    valid = validate_record(record, 2)  # fine for a row we hold: only first_name travels
    with pytest.raises(BundleRejected, match="last_name"):
        require_complete(valid, 2)
    require_complete(validate_record(_good(), 1), 1)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=3),
    max_leaves=8)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["table", "id", "hlc", "origin_unit", "deleted",
                                        "field_clocks", "fields", "x"]), json_values),
       st.dictionaries(st.sampled_from([*field_names("person"), "x"]), json_values))
def test_any_json_either_validates_or_is_refused(top: dict[str, Any],
                                                 fields: dict[str, Any]) -> None:
    record = copy.deepcopy(_good())
    record.update(top)
    if isinstance(record.get("fields"), dict):
        record["fields"].update(fields)
    try:
        validate_record(record, 1)
    except BundleRejected as exc:
        assert exc.code == "bad_record"


def _column_values(table: str, name: str) -> st.SearchStrategy[Any]:
    """Good and bad values for one column: the edges of its rule and any JSON at all."""
    column = TABLES[table].columns[name]
    kind = column.type
    good: list[Any] = []
    if isinstance(kind, Enum):
        good = list(kind.enums)
    elif isinstance(kind, String):
        limit = kind.length or 50
        good = ["", "å" * limit, "x" * (limit + 1)]
        if column.foreign_keys:
            good += [str(uuid.uuid4()), str(uuid.uuid4()).upper()]
    elif isinstance(kind, Boolean):
        good = [True, False, 0, 1]
    elif isinstance(kind, Integer):
        good = [0, -(2**63), 2**63 - 1, 2**63, True]
    elif isinstance(kind, DateTime | Date):
        good = ["2026-02-28", "2026-02-30", "2026-02-28T10:11:12", "2026-02-28T10:11:12.123456",
                "2026-02-28T10:11:12+01:00", "2026-02-28 10:11", "28/02/2026"]
    elif isinstance(kind, JSON):
        good = [[], {}, ["a"], "[]"]
    return st.sampled_from([None, *good]) | json_values


@st.composite
def _fields(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    table = draw(st.sampled_from(sorted(TABLES)))
    names = draw(st.lists(st.sampled_from([*field_names(table), "okänt"]), unique=True))
    return table, {n: draw(_column_values(table, n)) if n != "okänt" else 1 for n in names}


@settings(max_examples=1500, deadline=None)
@given(_fields())
def test_the_generated_field_check_agrees_with_the_per_field_checks(
        case: tuple[str, dict[str, Any]]) -> None:
    # The fast check decides alone when it says yes, so it must never pass what the checks
    # with messages refuse; and it must pass what they pass, or it saves nothing.
    table, fields = case
    try:
        _field_problem(table, fields, 1)
        refused = False
    except BundleRejected:
        refused = True
    assert _fields_ok(table)(fields) is not refused


def _envelope_values() -> st.SearchStrategy[Any]:
    clock = f"{STAMP}/{UNIT}"
    return st.sampled_from([
        None, "", True, False, 0, [], {}, STAMP, UNIT, UNIT.upper(), clock, f"{STAMP}/",
        "person", "membership", "partner", {"deleted": clock}, {"first_name": clock},
        {"first_name": clock, "last_name": clock, "deleted": clock}]) | json_values


@settings(max_examples=1500, deadline=None)
@given(st.dictionaries(st.sampled_from(["table", "id", "hlc", "origin_unit", "deleted",
                                        "field_clocks", "fields", "x"]), _envelope_values()),
       st.sets(st.sampled_from(["table", "id", "hlc", "origin_unit", "deleted",
                                "field_clocks", "fields"])))
def test_the_fast_record_check_agrees_with_the_checks_with_messages(
        top: dict[str, Any], removed: set[str]) -> None:
    # A record the fast path takes is one every check passes, with the same result.
    record = copy.deepcopy(_good())
    record["fields"] = {"first_name": "Åsa", "last_name": "Berg"}
    record.update(top)
    for key in removed - set(top):
        del record[key]
    try:
        slow: ValidRecord | None = _checked_record(copy.deepcopy(record), 1)
    except BundleRejected:
        slow = None
    try:
        fast: ValidRecord | None = validate_record(record, 1)
    except BundleRejected:
        fast = None
    assert fast == slow
