"""Personnummer and samordningsnummer: accepted forms, normalisation, every failure reason."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import luhn

from app.errors import ValidationError
from app.models.enums import IdKind
from app.services.identity import IdNumber, format_full, mask, parse_id_number

TODAY = date(2025, 6, 1)


def valid_number(born: date, serial: int = 987, *, samordning: bool = False) -> str:
    """12 digits with a correct Luhn check digit over the last ten."""
    day = born.day + 60 if samordning else born.day
    nine = f"{born.year % 100:02d}{born.month:02d}{day:02d}{serial:03d}"
    return f"{born.year:04d}"[:2] + nine + luhn.calc_check_digit(nine)


def reason_of(text: str, today: date = TODAY) -> str:
    with pytest.raises(ValidationError) as info:
        parse_id_number(text, today=today)
    (error,) = info.value.errors
    assert error.field == "personnummer"
    assert error.label == "personnummer"
    assert "personnummer" in str(info.value)
    return error.reason


NUMBER = "198112189876"  # 811218-9876, a well-known test number


@pytest.mark.parametrize("text", [
    "811218-9876", "8112189876", "19811218-9876", "198112189876", "19811218 9876",
    "811218 9876", "  811218-9876\n", "81 12 18 - 98 76", "811218-98\uff176",
])
def test_usual_forms_normalise_to_twelve_digits(text: str) -> None:
    number = parse_id_number(text, today=TODAY)
    assert number == IdNumber(NUMBER, IdKind.PERSONNUMMER, date(1981, 12, 18))


def test_plus_means_a_hundred_years_or_more() -> None:
    number = parse_id_number("811218+9876", today=TODAY)
    assert number.digits == "188112189876"
    assert number.birth_date == date(1881, 12, 18)


def test_century_of_the_short_form_comes_from_the_whole_date() -> None:
    # Born 1925-07-01: 99 years old on TODAY, so written with '-'; not a future 2025 date.
    text = valid_number(date(1925, 7, 1))[2:]
    number = parse_id_number(f"{text[:6]}-{text[6:]}", today=TODAY)
    assert number.birth_date == date(1925, 7, 1)
    assert number.digits == valid_number(date(1925, 7, 1))
    # Born earlier this year: this century.
    text = valid_number(date(2025, 1, 15))[2:]
    assert parse_id_number(text, today=TODAY).birth_date == date(2025, 1, 15)
    # Born on TODAY itself is not in the future.
    text = valid_number(TODAY)[2:]
    assert parse_id_number(text, today=TODAY).birth_date == TODAY


def test_century_follows_the_given_day() -> None:
    text = valid_number(date(2001, 3, 4))[2:]
    assert parse_id_number(text, today=date(2024, 1, 1)).birth_date == date(2001, 3, 4)
    assert parse_id_number(text, today=date(2000, 1, 1)).birth_date == date(1901, 3, 4)


def test_samordningsnummer_is_recognised_and_its_birth_date_derived() -> None:
    digits = valid_number(date(1990, 2, 28), samordning=True)
    assert digits[6:8] == "88"
    for text in (digits, digits[2:], f"{digits[2:8]}-{digits[8:]}"):
        number = parse_id_number(text, today=TODAY)
        assert number.kind is IdKind.SAMORDNINGSNUMMER
        assert number.digits == digits  # stored with day + 60, as issued
        assert number.birth_date == date(1990, 2, 28)


def test_samordningsnummer_with_an_impossible_day_is_rejected() -> None:
    digits = valid_number(date(1990, 2, 28), samordning=True)
    bad = digits[:6] + "90" + digits[8:11]  # day 30 + 60 in February
    bad += luhn.calc_check_digit(bad[2:])
    assert reason_of(bad) == "innehåller inget giltigt datum"


@pytest.mark.parametrize(("text", "reason"), [
    ("", "ska ha 10 eller 12 siffror"),
    ("811218-987", "ska ha 10 eller 12 siffror"),
    ("81121898761", "ska ha 10 eller 12 siffror"),
    ("19811218-98761", "ska ha 10 eller 12 siffror"),
    ("abc", "får bara innehålla siffror och ett bindestreck"),
    ("811218-98x6", "får bara innehålla siffror och ett bindestreck"),
    ("811218/9876", "får bara innehålla siffror och ett bindestreck"),
    ("811218+-9876", "får bara innehålla siffror och ett bindestreck"),
    ("\u0668\u0661\u0661\u0662\u0661\u0668-\u0669\u0668\u0667\u0666",
     "får bara innehålla siffror och ett bindestreck"),
    ("811318-9876", "innehåller inget giltigt datum"),
    ("811232-9876", "innehåller inget giltigt datum"),
    ("19000229-0000", "innehåller inget giltigt datum"),
    ("811218-9875", "kontrollsiffran stämmer inte"),
    ("19811218-9877", "kontrollsiffran stämmer inte"),
])
def test_each_failure_reason_names_the_field(text: str, reason: str) -> None:
    assert reason_of(text) == reason


def test_a_birth_date_in_the_future_is_rejected() -> None:
    tomorrow = TODAY + timedelta(days=1)
    assert reason_of(valid_number(tomorrow)) == "födelsedatumet ligger i framtiden"
    assert parse_id_number(valid_number(tomorrow), today=tomorrow).birth_date == tomorrow


def test_mask_shows_the_birth_date_and_never_the_last_four() -> None:
    assert mask(NUMBER) == "19811218-****"
    assert "9876" not in mask(NUMBER)
    assert mask(None) == ""
    assert mask("") == ""
    assert format_full(NUMBER) == "19811218-9876"


@settings(max_examples=400)
@given(st.text(max_size=30))
def test_any_text_is_a_valid_number_or_a_validation_error(text: str) -> None:
    try:
        number = parse_id_number(text, today=TODAY)
    except ValidationError as exc:
        assert [e.field for e in exc.errors] == ["personnummer"]
        return
    assert len(number.digits) == 12 and number.digits.isascii() and number.digits.isdigit()
    assert luhn.is_valid(number.digits[2:])
    assert number.birth_date <= TODAY


# Text made of what numbers are typed with, so that valid and nearly valid ones are common.
_number_like = st.text(alphabet="0123456789-+ ", min_size=9, max_size=15)


@settings(max_examples=400)
@given(_number_like)
def test_number_like_text_is_a_valid_number_or_a_validation_error(text: str) -> None:
    try:
        number = parse_id_number(text, today=TODAY)
    except ValidationError:
        return
    assert parse_id_number(number.digits, today=TODAY) == number


@given(
    born=st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    serial=st.integers(min_value=0, max_value=999),
    samordning=st.booleans(),
    form=st.sampled_from(["12", "12-", "10", "10sep"]),
)
def test_generated_valid_numbers_round_trip(born: date, serial: int, samordning: bool,
                                            form: str) -> None:
    digits = valid_number(born, serial, samordning=samordning)
    age_100 = born <= TODAY.replace(year=TODAY.year - 100)
    text = {
        "12": digits,
        "12-": f"{digits[:8]}-{digits[8:]}",
        "10": digits[2:],
        "10sep": f"{digits[2:8]}{'+' if age_100 else '-'}{digits[8:]}",
    }[form]
    if form == "10" and age_100:
        text = f"{digits[2:8]}+{digits[8:]}"  # without '+' a 10-digit form means under 100
    number = parse_id_number(text, today=TODAY)
    assert number.digits == digits
    assert number.birth_date == born
    assert number.kind is (IdKind.SAMORDNINGSNUMMER if samordning else IdKind.PERSONNUMMER)
    assert mask(number.digits) == f"{digits[:8]}-****"
