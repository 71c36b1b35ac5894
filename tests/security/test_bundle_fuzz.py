"""Fuzzing the bundle reader: whatever the bytes, it raises only ``BundleRejected``, and a
valid bundle changed in any way (outside age, or inside it and re-encrypted) never opens."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.errors import BundleRejected
from app.exchange.bundle import finish_checks
from app.exchange.canonical import (
    NotCanonical,
    canonical_json,
    dumps_fast,
    parse_canonical,
    parse_record,
)
from tests.security.bundle_kit import NOW, SCHEMA, Keys, Unit, bundle, encrypt, inner, open_as

OURS = Unit("Sluta skjut")
POLICE = Unit("Polisen")
KEYS = Keys(OURS, POLICE)
GOOD = bundle(OURS, [POLICE, OURS])
GOOD_INNER = inner(GOOD, POLICE)
AGE_HEADER = b"age-encryption.org/v1\n"
FUZZ = settings(max_examples=300, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


def _refused(data: bytes) -> None:
    """Opening must stop with our own error, whatever else the bytes make the code do."""
    with pytest.raises(BundleRejected):
        opened = open_as(data, POLICE, KEYS)
        finish_checks(opened, supported_schemas={SCHEMA}, now=NOW + timedelta(days=1))


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """One or a few flips, a cut, or a splice of ``original`` (never ``original`` itself)."""
    size = len(original)
    data = bytearray(original)
    kind = draw(st.sampled_from(["flip", "flips", "truncate", "splice", "delete", "insert"]))
    if kind == "flip":
        data[draw(st.integers(0, size - 1))] ^= 1 << draw(st.integers(0, 7))
    elif kind == "flips":
        for at in draw(st.lists(st.integers(0, size - 1), min_size=2, max_size=8)):
            data[at] = draw(st.integers(0, 255))
    elif kind == "truncate":
        del data[draw(st.integers(0, size - 1)):]
    else:
        start = draw(st.integers(0, size))
        end = start if kind == "insert" else draw(st.integers(start, min(size, start + 600)))
        extra = b"" if kind == "delete" else draw(st.binary(max_size=600))
        data[start:end] = extra
    result = bytes(data)
    assume(result != original)
    return result


def test_the_unmutated_bundle_opens() -> None:
    # The premise of the tests below: the same bytes, unchanged, are accepted.
    assert finish_checks(open_as(GOOD, POLICE, KEYS), supported_schemas={SCHEMA}, now=NOW)
    assert open_as(encrypt(GOOD_INNER, POLICE), POLICE, KEYS).manifest.record_count == 5


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes(data: bytes) -> None:
    _refused(data)


@FUZZ
@given(st.binary(max_size=2048))
def test_random_bytes_behind_an_age_header(data: bytes) -> None:
    _refused(AGE_HEADER + data)


@FUZZ
@given(st.binary(max_size=4096))
def test_random_plaintext_properly_encrypted_to_us(data: bytes) -> None:
    _refused(encrypt(data, POLICE))


@FUZZ
@given(mutated(GOOD))
def test_mutated_bundle(data: bytes) -> None:
    _refused(data)


@FUZZ
@given(mutated(GOOD_INNER))
def test_mutated_inner_archive_re_encrypted_to_us(plain: bytes) -> None:
    # age would catch any change to the file itself; this reaches the archive, signature and
    # payload checks behind it.
    _refused(encrypt(plain, POLICE))


def _json(integers: st.SearchStrategy[int]) -> st.SearchStrategy[object]:
    return st.recursive(
        st.none() | st.booleans() | integers | st.text(),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner,
                                                                     max_size=4),
        max_leaves=20,
    )


_JSON = _json(st.integers())
# Payload lines hold only what columns hold: integers within 64 bits.
_JSON64 = _json(st.integers(min_value=-2**63, max_value=2**63 - 1))


@FUZZ
@given(_JSON64)
def test_canonical_lines_are_json_dumps_with_sorted_keys(value: object) -> None:
    # The fast line encoder must write exactly what the standard library's options describe.
    expected = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert dumps_fast(value) == expected.encode("utf-8")
    assert parse_record(dumps_fast(value)) == value


@FUZZ
@given(_JSON)
def test_manifest_json_round_trips(value: object) -> None:
    # The manifest reader must take back exactly what the writer gives, big integers too.
    expected = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert canonical_json(value) == expected.encode("utf-8")
    assert parse_canonical(canonical_json(value)) == value


def test_a_line_integer_beyond_64_bits_is_refused_not_crashed() -> None:
    with pytest.raises(NotCanonical):
        dumps_fast({"n": 2**64})
