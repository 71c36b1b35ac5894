"""The bundle file: a round trip, and every refusal that needs no database, in its order."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pyrage
import pytest

from app.errors import BundleRejected, Cancelled
from app.exchange import tarball
from app.exchange.bundle import (
    MANIFEST_NAME,
    PAYLOAD_NAME,
    SIGNATURE_NAME,
    check_expiry,
    check_records,
    check_schema,
    finish_checks,
    open_bundle,
    sign_manifest,
    write_bundle,
)
from app.exchange.canonical import canonical_json
from app.exchange.manifest import Manifest
from tests.security.bundle_kit import (
    NOW,
    SCHEMA,
    Keys,
    Unit,
    bundle,
    encrypt,
    header,
    inner,
    members,
    open_as,
    records,
    signed_tar,
)


@pytest.fixture(scope="module")
def ours() -> Unit:
    return Unit("Sluta skjut Norrort")


@pytest.fixture(scope="module")
def police() -> Unit:
    return Unit("Polisen LPO Norrort")


@pytest.fixture(scope="module")
def stranger() -> Unit:
    return Unit("Någon annan")


@pytest.fixture(scope="module")
def good(ours: Unit, police: Unit) -> bytes:
    return bundle(ours, [police, ours])


def _code(exc: pytest.ExceptionInfo[BundleRejected]) -> str:
    assert str(exc.value)  # a message to show, never empty
    return exc.value.code


def _rejected(data: bytes, unit: Unit, keys: Keys, **kwargs: object) -> str:
    with pytest.raises(BundleRejected) as exc:
        open_as(data, unit, keys, **kwargs)
    return _code(exc)


def _retar(data: bytes, ours: Unit, police: Unit, **changes: bytes) -> bytes:
    """The bundle's own members (some replaced), in a fresh tar encrypted to the police."""
    parts = members(data, police) | changes
    return encrypt(tarball.build(list(parts.items())), police, ours)


# --- round trip ----------------------------------------------------------------------------


def test_round_trip_gives_back_every_record_and_the_manifest(ours: Unit, police: Unit) -> None:
    sent = records(50)
    out = io.BytesIO()
    written = write_bundle(out, header(ours, [police, ours]), sent, ours.signing_key)
    opened = open_as(out.getvalue(), police, Keys(ours))
    assert opened.manifest == written
    assert finish_checks(opened, supported_schemas={SCHEMA}, now=NOW) == sent
    m = opened.manifest
    assert (m.sender_unit, m.record_count, m.legal_basis) == (ours.unit_id, 50, "OSL 10:15 a")
    assert m.recipient_units == (police.unit_id, ours.unit_id)
    assert m.sender_key_fingerprint == ours.fingerprint
    assert m.payload_sha256 == hashlib.sha256(opened.payload).hexdigest()
    # Our own archive copy opens with our key too.
    assert list(open_as(out.getvalue(), ours, Keys(ours)).records()) == sent


def test_an_empty_bundle_round_trips(ours: Unit, police: Unit) -> None:
    opened = open_as(bundle(ours, [police], recs=[]), police, Keys(ours))
    assert opened.manifest.record_count == 0 and check_records(opened) == []


def test_inner_archive_is_deterministic_and_plain_tar(ours: Unit, police: Unit) -> None:
    fixed = header(ours, [police])
    first, second = io.BytesIO(), io.BytesIO()
    write_bundle(first, fixed, records(), ours.signing_key)
    write_bundle(second, fixed, records(), ours.signing_key)
    assert first.getvalue() != second.getvalue()  # age uses a fresh file key each time
    assert inner(first.getvalue(), police) == inner(second.getvalue(), police)
    with tarfile.open(fileobj=io.BytesIO(inner(first.getvalue(), police))) as tar:
        infos = tar.getmembers()
        assert [i.name for i in infos] == [MANIFEST_NAME, SIGNATURE_NAME, PAYLOAD_NAME]
        assert {(i.mtime, i.uid, i.gid, i.type) for i in infos} == {(0, 0, 0, tarfile.REGTYPE)}
        manifest = tar.extractfile(MANIFEST_NAME).read()  # type: ignore[union-attr]
        payload = tar.extractfile(PAYLOAD_NAME).read()  # type: ignore[union-attr]
    assert manifest == canonical_json(json.loads(manifest))
    assert b'": ' not in manifest and b"\\u" not in manifest and "ä".encode() in manifest
    assert [json.loads(line) for line in payload.splitlines()] == records()


def test_written_to_a_path_atomically(tmp_path: Path, ours: Unit, police: Unit) -> None:
    target = tmp_path / "till-polisen.mottryck"
    seen: list[tuple[int, int | None]] = []
    write_bundle(target, header(ours, [police]), records(2500), ours.signing_key, total=2500,
                 progress=lambda done, total: seen.append((done, total)))
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    assert seen == [(1000, 2500), (2000, 2500), (2500, 2500)]
    assert open_bundle(target, identity=str(police.identity), our_unit_id=police.unit_id,
                       signer_key_for=Keys(ours)).manifest.record_count == 2500


@pytest.mark.parametrize("stop_after", [1, 4])
def test_cancel_leaves_no_file(tmp_path: Path, ours: Unit, police: Unit, stop_after: int) -> None:
    # 1: while the records are written; 4: past them (3 checks), during encryption.
    big = [{"id": str(i), "text": "x" * 1000} for i in range(3000)]
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) >= stop_after

    target = tmp_path / "b.mottryck"
    with pytest.raises(Cancelled):
        write_bundle(target, header(ours, [police]), big, ours.signing_key, cancelled=cancelled)
    assert list(tmp_path.iterdir()) == []
    assert len(calls) == stop_after


def test_writing_refuses_what_it_could_not_read_back(ours: Unit, police: Unit) -> None:
    with pytest.raises(ValueError):
        write_bundle(io.BytesIO(), header(ours, [police], legal_basis="  "), [], ours.signing_key)
    with pytest.raises(ValueError):
        write_bundle(io.BytesIO(), header(ours, [police]), [[1, 2]], ours.signing_key)  # type: ignore[list-item]
    with pytest.raises(ValueError):
        later = header(ours, [police], not_after=NOW - timedelta(seconds=1))
        write_bundle(io.BytesIO(), later, [], ours.signing_key)


# --- refusals before the signature -------------------------------------------------------


def test_over_the_size_cap(tmp_path: Path, good: bytes, ours: Unit, police: Unit) -> None:
    assert _rejected(good, police, Keys(ours), max_bytes=len(good) - 1) == "too_large"
    path = tmp_path / "b.mottryck"
    path.write_bytes(good)
    with pytest.raises(BundleRejected) as exc:
        open_bundle(path, identity=str(police.identity), our_unit_id=police.unit_id,
                    signer_key_for=Keys(ours), max_bytes=len(good) - 1)
    assert _code(exc) == "too_large"
    assert open_as(good, police, Keys(ours), max_bytes=len(good)).manifest.record_count == 5


def test_a_missing_file_is_unreadable(tmp_path: Path, police: Unit, ours: Unit) -> None:
    with pytest.raises(BundleRejected) as exc:
        open_bundle(tmp_path / "saknas.mottryck", identity=str(police.identity),
                    our_unit_id=police.unit_id, signer_key_for=Keys(ours))
    assert _code(exc) == "unreadable"


@pytest.mark.parametrize("keep", [0, 1, 20, 100, 300, -1, -17, -600])
def test_truncated(good: bytes, ours: Unit, police: Unit, keep: int) -> None:
    assert _rejected(good[:keep], police, Keys(ours)) == "damaged"


@pytest.mark.parametrize("where", [0, 3, 25, 60, 90, 150, 300, 600, -600, -40, -1])
def test_bit_flipped(good: bytes, ours: Unit, police: Unit, where: int) -> None:
    flipped = bytearray(good)
    flipped[where] ^= 0x10
    # A flip inside our own recipient stanza looks, to age, like a file for someone else.
    assert _rejected(bytes(flipped), police, Keys(ours)) in {"damaged", "not_for_us"}


def test_not_an_age_file(ours: Unit, police: Unit) -> None:
    assert _rejected(b"PK\x03\x04 not a bundle at all", police, Keys(ours)) == "damaged"
    locked = pyrage.passphrase.encrypt(b"hemligt", "lösenord")
    assert _rejected(locked, police, Keys(ours)) in {"damaged", "not_for_us"}


def test_encrypted_to_someone_else(ours: Unit, police: Unit, stranger: Unit) -> None:
    assert _rejected(bundle(ours, [stranger, ours]), police, Keys(ours)) == "not_for_us"


@pytest.mark.parametrize("name", ["../manifest.json", "/manifest.json", "x/payload.jsonl",
                                  "manifest.json/", "Manifest.json"])
def test_path_traversal_and_foreign_names(good: bytes, ours: Unit, police: Unit,
                                          name: str) -> None:
    parts = members(good, police)
    tar = tarball.build([(name, parts[MANIFEST_NAME]), (SIGNATURE_NAME, parts[SIGNATURE_NAME]),
                         (PAYLOAD_NAME, parts[PAYLOAD_NAME])])
    assert _rejected(encrypt(tar, police), police, Keys(ours)) == "bad_archive"


def test_extra_missing_duplicate_and_reordered_members(good: bytes, ours: Unit,
                                                       police: Unit) -> None:
    parts = members(good, police)
    m, s, p = ((n, parts[n]) for n in (MANIFEST_NAME, SIGNATURE_NAME, PAYLOAD_NAME))
    for layout in ([m, s, p, ("extra.txt", b"hej")], [m, s, p, p], [m, m, s, p], [m, s],
                   [s, p], [m, p, s], [p, s, m], []):
        tar = tarball.build(layout)
        assert _rejected(encrypt(tar, police), police, Keys(ours)) == "bad_archive", layout


def _tar_with(entries: list[tarfile.TarInfo], data: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for info in entries:
            body = data.get(info.name)
            tar.addfile(info, io.BytesIO(body) if body is not None else None)
    return out.getvalue()


def test_links_and_other_member_types(good: bytes, ours: Unit, police: Unit) -> None:
    parts = members(good, police)
    for kind in (tarfile.SYMTYPE, tarfile.LNKTYPE, tarfile.DIRTYPE, tarfile.FIFOTYPE):
        entries = []
        for name in (MANIFEST_NAME, SIGNATURE_NAME):
            info = tarfile.TarInfo(name)
            info.size = len(parts[name])
            entries.append(info)
        link = tarfile.TarInfo(PAYLOAD_NAME)
        link.type = kind
        link.linkname = "/etc/passwd" if kind in (tarfile.SYMTYPE, tarfile.LNKTYPE) else ""
        entries.append(link)
        tar = _tar_with(entries, parts)
        assert _rejected(encrypt(tar, police), police, Keys(ours)) == "bad_archive", kind


def test_a_tar_made_by_another_tool_is_refused(good: bytes, ours: Unit, police: Unit) -> None:
    # Same three files, but another owner, time and layout: only our own layout is accepted.
    parts = members(good, police)
    entries = []
    for name in (MANIFEST_NAME, SIGNATURE_NAME, PAYLOAD_NAME):
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.uname = len(parts[name]), 1_700_000_000, "mallory"
        entries.append(info)
    tar = _tar_with(entries, parts)
    assert _rejected(encrypt(tar, police), police, Keys(ours)) == "bad_archive"


def test_garbage_inside_valid_age(ours: Unit, police: Unit) -> None:
    for plain in (b"", b"hello", b"\0" * 4096, b"x" * 512 + b"\0" * 1024):
        assert _rejected(encrypt(plain, police), police, Keys(ours)) == "bad_archive"


# --- signature, recipients, payload -------------------------------------------------------


def test_unknown_or_revoked_signer(good: bytes, ours: Unit, police: Unit) -> None:
    assert _rejected(good, police, Keys()) == "unknown_signer"


def test_signature_by_a_different_key(good: bytes, ours: Unit, police: Unit,
                                      stranger: Unit) -> None:
    impostor = Keys()
    impostor.pinned[ours.unit_id] = stranger.public_key
    assert _rejected(good, police, impostor) == "bad_signature"
    # … and a manifest naming us but signed by someone else.
    opened = open_as(good, police, Keys(ours))
    forged = signed_tar(ours, opened.manifest, opened.payload, signer=stranger)
    assert _rejected(encrypt(forged, police), police, Keys(ours)) == "bad_signature"


def test_manifest_edited(good: bytes, ours: Unit, police: Unit) -> None:
    manifest = members(good, police)[MANIFEST_NAME]
    for old, new in ((b'"sequence":1', b'"sequence":9'), (b"OSL 10:15 a", b"OSL 10:2   "),
                     (b'"record_count":5', b'"record_count":4')):
        assert old in manifest
        edited = _retar(good, ours, police, **{MANIFEST_NAME: manifest.replace(old, new)})
        assert _rejected(edited, police, Keys(ours)) == "bad_signature"


def test_signature_file_damaged(good: bytes, ours: Unit, police: Unit) -> None:
    signature = members(good, police)[SIGNATURE_NAME]
    for bad in (b"!" * len(signature), signature[:-4] + b"AAA=", b"A" * 88):
        damaged = _retar(good, ours, police, **{SIGNATURE_NAME: bad})
        assert _rejected(damaged, police, Keys(ours)) == "bad_signature"


def test_forwarded_by_a_recipient_to_a_third_party(good: bytes, ours: Unit, police: Unit,
                                                   stranger: Unit) -> None:
    # The police re-encrypt our signed inner tar to another unit that also trusts us.
    forwarded = encrypt(inner(good, police), stranger)
    assert _rejected(forwarded, stranger, Keys(ours)) == "not_a_recipient"


def test_addressed_to_another_unit(ours: Unit, police: Unit, stranger: Unit) -> None:
    # Encrypted to us, but the signed manifest names someone else.
    opened_by_ours = open_as(bundle(ours, [stranger, ours]), ours, Keys(ours))
    tar = signed_tar(ours, opened_by_ours.manifest, opened_by_ours.payload)
    assert _rejected(encrypt(tar, police), police, Keys(ours)) == "not_a_recipient"


def test_payload_edited(good: bytes, ours: Unit, police: Unit) -> None:
    payload = members(good, police)[PAYLOAD_NAME]
    for edited in (payload.replace(b"\xc3\x85sa", b"Eva"), payload[:-1], payload + b"{}\n", b""):
        changed = _retar(good, ours, police, **{PAYLOAD_NAME: edited})
        assert _rejected(changed, police, Keys(ours)) == "payload_mismatch"


def test_record_count_not_matching_a_signed_hash(good: bytes, ours: Unit, police: Unit) -> None:
    opened = open_as(good, police, Keys(ours))
    lying = replace(opened.manifest, record_count=6)
    tar = signed_tar(ours, lying, opened.payload)
    assert _rejected(encrypt(tar, police), police, Keys(ours)) == "payload_mismatch"


def _signed_raw_manifest(ours: Unit, manifest_bytes: bytes, payload: bytes) -> bytes:
    signature = sign_manifest(manifest_bytes, ours.signing_key)
    return tarball.build([(MANIFEST_NAME, manifest_bytes), (SIGNATURE_NAME, signature),
                          (PAYLOAD_NAME, payload)])


def test_signed_but_malformed_manifests(good: bytes, ours: Unit, police: Unit) -> None:
    opened = open_as(good, police, Keys(ours))
    fields = opened.manifest.to_dict()
    cases = {
        "unsupported_format": [canonical_json(fields | {"format_version": 2})],
        "bad_manifest": [
            json.dumps(fields, sort_keys=True).encode(),  # valid JSON, not canonical
            canonical_json(fields | {"extra": 1}),
            canonical_json(fields | {"sequence": 0}),
            canonical_json(fields | {"sequence": True}),
            canonical_json(fields | {"created_at": "2026-11-26 12:00"}),
            canonical_json(fields | {"not_after": fields["created_at"]}),
            canonical_json(fields | {"recipients": []}),
            canonical_json(fields | {"legal_basis": ""}),
            canonical_json(fields | {"payload_sha256": "ABC"}),
            canonical_json(fields | {"sender_unit": "ours"}),
            b"[]", b"{}", b"",
        ],
    }
    for code, variants in cases.items():
        for manifest_bytes in variants:
            tar = _signed_raw_manifest(ours, manifest_bytes, opened.payload)
            assert _rejected(encrypt(tar, police), police, Keys(ours)) == code, manifest_bytes


# --- after the service's replay check: schema, expiry, records ---------------------------


def test_unsupported_schema(ours: Unit, police: Unit) -> None:
    opened = open_as(bundle(ours, [police], schema_version="0099"), police, Keys(ours))
    with pytest.raises(BundleRejected) as exc:
        check_schema(opened.manifest, {"0001", SCHEMA})
    assert _code(exc) == "unsupported_schema" and "0099" in str(exc.value)
    with pytest.raises(BundleRejected):
        finish_checks(opened, supported_schemas={SCHEMA}, now=NOW)


def test_expired(good: bytes, ours: Unit, police: Unit) -> None:
    manifest = open_as(good, police, Keys(ours)).manifest
    check_expiry(manifest, manifest.not_after)  # still good at the last second
    with pytest.raises(BundleRejected) as exc:
        check_expiry(manifest, manifest.not_after + timedelta(seconds=1))
    assert _code(exc) == "expired"


@pytest.mark.parametrize("line", [b"[1,2]", b"42", b'"text"', b"null", b"{", b"NaN",
                                  b'{"a":NaN}', b"\xff\xfe", b""])
def test_a_record_that_is_not_a_json_object(ours: Unit, police: Unit, line: bytes) -> None:
    opened = open_as(bundle(ours, [police], recs=[{"id": "1"}]), police, Keys(ours))
    payload = opened.payload + line + b"\n"
    manifest = replace(opened.manifest, payload_sha256=hashlib.sha256(payload).hexdigest(),
                       record_count=2)
    tar = signed_tar(ours, manifest, payload)
    bad = open_as(encrypt(tar, police), police, Keys(ours))  # signed, so it opens …
    with pytest.raises(BundleRejected) as exc:
        check_records(bad)  # … but its second record is refused before anything is applied
    assert _code(exc) == "bad_record" and "2" in str(exc.value)


# --- the error type and the manifest on their own ----------------------------------------


def test_rejection_codes_are_a_closed_set() -> None:
    for code in BundleRejected.CODES:
        assert str(BundleRejected(code))
    with pytest.raises(ValueError):
        BundleRejected("no_such_code")


def test_manifest_bytes_round_trip(good: bytes, ours: Unit, police: Unit) -> None:
    manifest = open_as(good, police, Keys(ours)).manifest
    assert Manifest.from_bytes(manifest.to_bytes()) == manifest
    assert manifest.to_bytes() == members(good, police)[MANIFEST_NAME]
    with pytest.raises(ValueError):
        replace(manifest, created_at=NOW.replace(tzinfo=None)).to_bytes()
