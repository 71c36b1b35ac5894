"""Checker: the shared field checks. Each problem is collected with its field, then raised."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from app.errors import ValidationError
from app.models.enums import Gmi
from app.services.validate import Checker


def only_reason(c: Checker, field: str = "f") -> str:
    (error,) = c.errors
    assert error.field == field
    assert error.label == "Fält"
    return error.reason


# ---- text -------------------------------------------------------------------------------
@pytest.mark.parametrize("value", [None, "", "   ", "\n\t"])
def test_empty_text_is_none_and_fails_only_when_required(value: Any) -> None:
    c = Checker()
    assert c.text("f", "Fält", value) is None
    assert c.errors == []
    assert c.text("f", "Fält", value, required=True) is None
    assert only_reason(c) == "måste fyllas i"


def test_text_is_stripped_and_the_limit_counts_the_stripped_text() -> None:
    c = Checker()
    assert c.text("f", "Fält", "  " + "å" * 10 + "  ", max_len=10) == "å" * 10
    assert c.errors == []
    assert c.text("f", "Fält", "å" * 11, max_len=10) is None
    assert only_reason(c) == "högst 10 tecken"


def test_windows_line_ends_become_plain_ones_and_a_lone_cr_is_refused() -> None:
    c = Checker()
    assert c.text("f", "Fält", "rad ett\r\nrad två\r\n") == "rad ett\nrad två"
    assert c.errors == []
    assert c.text("f", "Fält", "rad ett\rrad två") is None
    assert only_reason(c) == "innehåller otillåtna kontrolltecken"


def test_text_is_stored_composed() -> None:
    c = Checker()
    decomposed = unicodedata.normalize("NFD", "Åsa Öberg")
    assert len(decomposed) == 11
    assert c.text("f", "Fält", decomposed, max_len=9) == "Åsa Öberg"
    assert c.errors == []


@pytest.mark.parametrize("value", [5, 3.5, ["a"], b"bytes", True])
def test_text_must_be_text(value: Any) -> None:
    c = Checker()
    assert c.text("f", "Fält", value) is None
    assert only_reason(c) == "måste vara text"


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b"])
def test_control_characters_are_rejected(char: str) -> None:
    c = Checker()
    assert c.text("f", "Fält", f"Ann{char}a") is None
    assert only_reason(c) == "innehåller otillåtna kontrolltecken"


def test_line_breaks_tabs_and_any_letters_are_allowed() -> None:
    c = Checker()
    value = "Rad ett\n\tRad två: Åsa Øberg, Łukasz, Şahin, 李, emoji 🙂"
    assert c.text("f", "Fält", value, max_len=1000) == value
    assert c.errors == []


def test_every_problem_is_collected_before_raising() -> None:
    c = Checker()
    c.text("a", "A", None, required=True)
    c.integer("b", "B", "x")
    c.date("c", "C", "igår")
    c.text("d", "D", "ok")
    with pytest.raises(ValidationError) as info:
        c.done()
    assert [e.field for e in info.value.errors] == ["a", "b", "c"]
    assert str(info.value) == (
        "A: måste fyllas i; B: ska vara ett heltal; C: ska vara ett datum som ÅÅÅÅ-MM-DD")


def test_done_without_problems_does_nothing() -> None:
    Checker().done()


# ---- enums ------------------------------------------------------------------------------
def test_enum_accepts_members_and_values() -> None:
    c = Checker()
    assert c.enum("f", "Fält", "yes", Gmi) is Gmi.YES
    assert c.enum("f", "Fält", Gmi.NO, Gmi) is Gmi.NO
    assert c.errors == []


@pytest.mark.parametrize("value", ["ja", "YES", 1, ["yes"]])
def test_enum_message_lists_the_allowed_values(value: Any) -> None:
    c = Checker()
    assert c.enum("f", "Fält", value, Gmi) is None
    assert only_reason(c) == f"okänt värde '{value}' (tillåtna: yes, no, unknown)"


def test_enum_required_or_not() -> None:
    c = Checker()
    assert c.enum("f", "Fält", "", Gmi, required=False) is None
    assert c.errors == []
    assert c.enum("f", "Fält", None, Gmi) is None
    assert only_reason(c) == "måste väljas"


# ---- dates ------------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "expected"), [
    ("2024-02-29", date(2024, 2, 29)),
    (" 2024-02-29 ", date(2024, 2, 29)),
    (date(2024, 2, 29), date(2024, 2, 29)),
    (datetime(2024, 2, 29, 23, 59), date(2024, 2, 29)),
])
def test_dates_in_the_accepted_forms(value: Any, expected: date) -> None:
    c = Checker()
    assert c.date("f", "Fält", value) == expected
    assert c.errors == []


@pytest.mark.parametrize("value", ["2023-02-29", "2024-13-01", "29/2 2024", "igår", 20240229,
                                   "2024-02-29 extra"])
def test_bad_dates_are_rejected_with_the_expected_form(value: Any) -> None:
    c = Checker()
    assert c.date("f", "Fält", value) is None
    assert only_reason(c) == "ska vara ett datum som ÅÅÅÅ-MM-DD"


def test_required_date() -> None:
    c = Checker()
    assert c.date("f", "Fält", "", required=True) is None
    assert only_reason(c) == "måste fyllas i"


def test_datetimes_are_naive_local_time() -> None:
    c = Checker()
    assert c.datetime("f", "Fält", "2024-05-01 21:30") == datetime(2024, 5, 1, 21, 30)
    assert c.datetime("f", "Fält", date(2024, 5, 1)) == datetime(2024, 5, 1)
    aware = datetime(2024, 5, 1, 19, 30, tzinfo=UTC)
    for value in (aware, "2024-05-01T21:30+02:00"):
        result = c.datetime("f", "Fält", value)
        assert result is not None and result.tzinfo is None
        assert result == aware.astimezone().replace(tzinfo=None)
    assert c.errors == []


def test_aware_datetimes_compare_with_naive_ones() -> None:
    c = Checker()
    result = c.datetime("f", "Fält", datetime.now(timezone(timedelta(hours=-5))))
    assert result is not None
    assert result < datetime.now() + timedelta(minutes=1)


@pytest.mark.parametrize("value", ["kl 21", "2024-05-01 25:00", 12])
def test_bad_datetimes_are_rejected(value: Any) -> None:
    c = Checker()
    assert c.datetime("f", "Fält", value) is None
    assert only_reason(c) == "ska vara datum och tid som ÅÅÅÅ-MM-DD TT:MM"


def test_date_order() -> None:
    c = Checker()
    c.date_order("f", "Fält", date(2024, 1, 2), date(2024, 1, 2))
    c.date_order("f", "Fält", None, date(2020, 1, 1))
    c.date_order("f", "Fält", date(2024, 1, 2), None)
    assert c.errors == []
    c.date_order("f", "Fält", date(2024, 1, 2), date(2024, 1, 1))
    assert only_reason(c) == "kan inte ligga före startdatumet"


# ---- integers ---------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "expected"), [(3, 3), ("3", 3), (" 4 ", 4), (1, 1), (5, 5),
                                                 (4.0, 4)])
def test_integers_within_bounds(value: Any, expected: int) -> None:
    c = Checker()
    assert c.integer("f", "Fält", value, minimum=1, maximum=5) == expected
    assert c.errors == []


@pytest.mark.parametrize("value", ["x", "1.5", 2.5, float("nan"), float("inf"), [1], True])
def test_non_integers_are_rejected(value: Any) -> None:
    c = Checker()
    assert c.integer("f", "Fält", value) is None
    assert only_reason(c) == "ska vara ett heltal"


def test_integer_bounds_message_names_both_ends() -> None:
    c = Checker()
    assert c.integer("f", "Fält", 0, minimum=1, maximum=5) is None
    assert only_reason(c) == "ska ligga mellan 1 och 5"
    c = Checker()
    assert c.integer("f", "Fält", -1, minimum=0) is None
    assert only_reason(c) == "ska ligga mellan 0 och …"


# ---- contact details and names ----------------------------------------------------------
@pytest.mark.parametrize(("value", "ok"), [
    ("anna@example.se", True), ("a.b+c@kommun.example.se", True), ("anna@", False),
    ("anna example.se", False), ("@example.se", False), ("anna@example", False),
])
def test_email(value: str, ok: bool) -> None:
    c = Checker()
    assert (c.email("f", "Fält", value) == value) is ok
    assert (c.errors == []) is ok


@pytest.mark.parametrize(("value", "ok"), [
    ("070-123 45 67", True), ("+46 70 123 45 67", True), ("(08) 123 456", True),
    ("1234", False), ("070-ABC", False), ("0" * 21, False),
])
def test_phone(value: str, ok: bool) -> None:
    c = Checker()
    assert (c.phone("f", "Fält", value) == value) is ok
    assert (c.errors == []) is ok


@pytest.mark.parametrize(("value", "expected"), [("211 45", "21145"), ("21145", "21145")])
def test_postal_code_is_stored_without_the_space(value: str, expected: str) -> None:
    c = Checker()
    assert c.postal_code("f", "Fält", value) == expected
    assert c.errors == []


@pytest.mark.parametrize("value", ["2114", "211 456", "ABC 12", "21 145"])
def test_bad_postal_codes(value: str) -> None:
    c = Checker()
    assert c.postal_code("f", "Fält", value) is None
    assert only_reason(c) == "ska ha fem siffror, t.ex. 211 45"


def test_names_split_trim_and_deduplicate() -> None:
    c = Checker()
    assert c.names("f", "Fält", "Lillen; Kungen , Lillen,, ") == ["Lillen", "Kungen"]
    assert c.names("f", "Fält", ["Ö", " Ö ", "Å"]) == ["Ö", "Å"]
    assert c.names("f", "Fält", None) == []
    assert c.errors == []
    assert c.names("f", "Fält", ["ok", "x" * 101]) == ["ok"]
    assert only_reason(c) == "högst 100 tecken"
