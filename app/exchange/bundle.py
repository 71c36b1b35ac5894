"""Bundle files: write one, and open one with every check that needs no database.

A bundle is age v1 (to every recipient in the manifest: the partner and our own archive key)
around a plain tar of ``manifest.json`` (canonical JSON), ``manifest.sig`` (base64 Ed25519 over
``SIGNATURE_DOMAIN`` + the manifest bytes) and ``payload.jsonl`` (one canonical JSON object per
line). See SECURITY.md, "Bundles".

Import order; each step stops at the first failure with ``BundleRejected`` and its code:

1. ``open_bundle``: size cap (``too_large``) → age decrypt (``not_for_us``, ``damaged``) →
   strict tar parse (``bad_archive``) → signature against the pinned key of the manifest's
   sender (``bad_manifest``, ``unsupported_format``, ``unknown_signer``, ``bad_signature``) →
   we are among the recipients (``not_a_recipient``) → payload hash and record count
   (``payload_mismatch``).
2. The import service, with its database: bundle id not seen before (``replayed``), sequence
   newer than the last from that sender (``older_sequence``).
3. ``check_schema`` (``unsupported_schema``) → ``check_expiry`` (``expired``) →
   ``check_records`` (``bad_record``; deeper validation of each record is the service's).
   ``finish_checks`` runs these three in order.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import io
import os
import tempfile
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyrage import x25519

from app.errors import BundleRejected, Cancelled
from app.exchange import tarball
from app.exchange.canonical import NotCanonical, dumps_fast, parse_record
from app.exchange.manifest import BundleHeader, Manifest, sender_and_format
from app.i18n import _
from app.vault.atomic import fsync_dir

SIGNATURE_DOMAIN = b"mottryck-bundle-v1\0"
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
PAYLOAD_NAME = "payload.jsonl"
MAX_MANIFEST_BYTES = 64 * 1024
SIGNATURE_BYTES = 88  # base64 of a 64-byte Ed25519 signature
DEFAULT_MAX_BYTES = 1024 * 1024 * 1024
PROGRESS_EVERY = 1000  # records between progress reports and cancel checks
_CANCEL_EVERY_READS = 128  # 8 KiB reads by age: about 1 MiB between cancel checks

Progress = Callable[[int, int | None], None]  # (records written, total if known)
CancelRequested = Callable[[], bool]
SignerKeyFor = Callable[[str], bytes | None]


def sign_manifest(manifest_bytes: bytes, signing_key: bytes | Ed25519PrivateKey) -> bytes:
    """``manifest.sig``: base64 of Ed25519 over the domain prefix and the manifest bytes."""
    key = (signing_key if isinstance(signing_key, Ed25519PrivateKey)
           else Ed25519PrivateKey.from_private_bytes(signing_key))
    return base64.b64encode(key.sign(SIGNATURE_DOMAIN + manifest_bytes))


def verify_manifest(manifest_bytes: bytes, signature: bytes, public_key: bytes) -> None:
    try:
        raw = base64.b64decode(signature, validate=True)
    except (binascii.Error, ValueError):
        raise BundleRejected("bad_signature") from None
    if base64.b64encode(raw) != signature:
        # Base64 has spare bits: only the one spelling we write, so no altered file passes.
        raise BundleRejected("bad_signature")
    try:
        key = Ed25519PublicKey.from_public_bytes(public_key)
    except ValueError:
        raise BundleRejected("unknown_signer") from None
    try:
        key.verify(raw, SIGNATURE_DOMAIN + manifest_bytes)
    except InvalidSignature:
        raise BundleRejected("bad_signature") from None


# --- writing -------------------------------------------------------------------------------


def write_bundle(
    out: str | os.PathLike[str] | BinaryIO,
    header: BundleHeader,
    records: Iterable[Mapping[str, Any]],
    signing_key: bytes | Ed25519PrivateKey,
    *,
    total: int | None = None,
    progress: Progress | None = None,
    cancelled: CancelRequested | None = None,
) -> Manifest:
    """Write a bundle of ``records`` encrypted to every recipient in ``header``.

    ``signing_key`` is the unit's raw 32-byte Ed25519 private key (or the key object). Given a
    path, the file appears whole or not at all (temp file, fsync, rename); given a stream, the
    bytes go straight to it. Memory holds the payload once (it must be hashed and counted
    before the manifest that precedes it in the tar) and nothing plaintext touches the disk.
    ``cancelled`` returning true raises ``Cancelled`` (a path is then left untouched).
    ``ValueError`` means the header or a record cannot be written (a caller's mistake);
    ``OSError`` comes from the file system.
    """
    payload = io.BytesIO()
    digest = hashlib.sha256()
    count = 0
    for record in records:
        if not isinstance(record, Mapping):
            raise ValueError("every bundle record must be a mapping")
        line = dumps_fast(record) + b"\n"
        payload.write(line)
        digest.update(line)
        count += 1
        if count % PROGRESS_EVERY == 0:
            _tick(count, total, progress, cancelled)
    _tick(count, total, progress, cancelled)

    manifest = Manifest.of(header, digest.hexdigest(), count)
    manifest_bytes = manifest.to_bytes()
    signature = sign_manifest(manifest_bytes, signing_key)
    try:
        recipients = [x25519.Recipient.from_str(r.age_recipient) for r in manifest.recipients]
    except pyrage.RecipientError as exc:
        raise ValueError(f"not an age recipient: {exc}") from None

    with payload.getbuffer() as body:
        chunks: list[bytes | memoryview] = []
        for name, data in ((MANIFEST_NAME, manifest_bytes), (SIGNATURE_NAME, signature),
                           (PAYLOAD_NAME, body)):
            size = len(data)
            chunks += [tarball.member_header(name, size), data, tarball.padding(size)]
        chunks.append(tarball.end_of_archive())
        reader = _ChunkReader(chunks, cancelled)

        def encrypt(sink: BinaryIO) -> None:
            try:
                pyrage.encrypt_io(reader, sink, recipients)
            except pyrage.EncryptError:
                if reader.was_cancelled:
                    raise Cancelled() from None
                raise
            finally:
                reader.release()

        if isinstance(out, str | os.PathLike):
            _write_atomically(Path(out), encrypt)
        else:
            encrypt(out)
    return manifest


def _tick(count: int, total: int | None, progress: Progress | None,
          cancelled: CancelRequested | None) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled()
    if progress is not None:
        progress(count, total)


class _ChunkReader:
    """A ``read(n)`` over several buffers, so the tar is never joined into one more copy."""

    def __init__(self, chunks: list[bytes | memoryview], cancelled: CancelRequested | None):
        self._chunks = [memoryview(c) for c in chunks]
        self._index = 0
        self._offset = 0
        self._reads = 0
        self._cancelled = cancelled
        self.was_cancelled = False

    def read(self, size: int = -1) -> bytes:
        self._reads += 1
        if (self._cancelled is not None and self._reads % _CANCEL_EVERY_READS == 0
                and self._cancelled()):
            self.was_cancelled = True
            raise Cancelled()
        parts: list[bytes] = []
        wanted = size if size >= 0 else float("inf")
        got = 0
        while got < wanted and self._index < len(self._chunks):
            chunk = self._chunks[self._index]
            take = int(min(wanted - got, len(chunk) - self._offset))
            parts.append(chunk[self._offset : self._offset + take].tobytes())
            got += take
            self._offset += take
            if self._offset >= len(chunk):
                self._index += 1
                self._offset = 0
        return b"".join(parts)

    def release(self) -> None:
        # The payload buffer cannot be freed while views of it exist.
        for chunk in self._chunks:
            chunk.release()
        self._chunks = []


def _write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


# --- opening -------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class OpenedBundle:
    """A bundle that passed every check up to the payload hash. ``payload`` is the verified
    JSON lines; ``records()`` reads them one at a time."""

    manifest: Manifest
    payload: bytes = field(repr=False)

    def records(self) -> Iterator[dict[str, Any]]:
        """Each record as a dict; a line that is not a JSON object raises ``bad_record``."""
        for number, line in enumerate(io.BytesIO(self.payload), start=1):
            try:
                record = parse_record(line)
            except NotCanonical:
                record = None
            if not isinstance(record, dict):
                raise BundleRejected("bad_record", _(
                    "Bunten innehåller en felaktig post (post {n}).").format(n=number))
            yield record


class _TooLarge(Exception):
    pass


class _CappedReader:
    """Reads a file but refuses to go past the cap (the file may grow after its size was
    checked: a stick is not trusted)."""

    def __init__(self, fh: BinaryIO, cap: int) -> None:
        self._fh = fh
        self._left = cap

    def read(self, size: int = -1) -> bytes:
        data = self._fh.read(size if size >= 0 else self._left + 1)
        self._left -= len(data)
        if self._left < 0:
            raise _TooLarge()
        return data


def open_bundle(
    source: bytes | str | os.PathLike[str],
    *,
    identity: str | x25519.Identity,
    our_unit_id: str,
    signer_key_for: SignerKeyFor,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> OpenedBundle:
    """Open and verify a bundle up to its payload hash (steps listed in the module docstring).

    ``identity`` is our age identity (``AGE-SECRET-KEY-1…``); ``signer_key_for(unit_id)``
    returns the pinned raw Ed25519 public key of a sender, or None if the unit is unknown,
    revoked or has no signing key. Whatever the file holds, raises only ``BundleRejected``
    (a malformed ``identity`` of our own is a ``ValueError``).
    """
    if isinstance(identity, str):
        try:
            identity = x25519.Identity.from_str(identity)
        except pyrage.IdentityError as exc:
            raise ValueError(f"not an age identity: {exc}") from None
    plain = _decrypt(source, identity, max_bytes)
    members = tarball.read_members(plain, (
        tarball.Allowed(MANIFEST_NAME, MAX_MANIFEST_BYTES),
        tarball.Allowed(SIGNATURE_NAME, SIGNATURE_BYTES),
        tarball.Allowed(PAYLOAD_NAME, max_bytes),
    ))
    manifest_bytes = members[MANIFEST_NAME].tobytes()

    sender, _version = sender_and_format(manifest_bytes)
    public_key = signer_key_for(sender)
    if public_key is None:
        raise BundleRejected("unknown_signer")
    verify_manifest(manifest_bytes, members[SIGNATURE_NAME].tobytes(), public_key)
    manifest = Manifest.from_bytes(manifest_bytes)

    if our_unit_id not in manifest.recipient_units:
        raise BundleRejected("not_a_recipient")

    payload = members[PAYLOAD_NAME].tobytes()
    if (hashlib.sha256(payload).hexdigest() != manifest.payload_sha256
            or _line_count(payload) != manifest.record_count):
        raise BundleRejected("payload_mismatch")
    return OpenedBundle(manifest=manifest, payload=payload)


def _decrypt(source: bytes | str | os.PathLike[str], identity: x25519.Identity,
             max_bytes: int) -> memoryview:
    try:
        if isinstance(source, bytes | bytearray | memoryview):
            if len(source) > max_bytes:
                raise BundleRejected("too_large")
            return memoryview(pyrage.decrypt(bytes(source), [identity]))
        path = Path(source)
        if path.stat().st_size > max_bytes:
            raise BundleRejected("too_large")
        plain = io.BytesIO()
        with path.open("rb") as fh:
            try:
                pyrage.decrypt_io(_CappedReader(fh, max_bytes), plain, [identity])
            except OSError:
                # The age library reports a cut or altered stream as an I/O error.
                raise BundleRejected("damaged") from None
        return plain.getbuffer()
    except BundleRejected:
        raise
    except _TooLarge:
        raise BundleRejected("too_large") from None
    except OSError:
        raise BundleRejected("unreadable") from None
    except pyrage.DecryptError as exc:
        # age says "no matching keys" only when the header is sound but holds no stanza for
        # us; every other failure (MAC, truncation, format) means a damaged or foreign file.
        code = "not_for_us" if "no matching keys" in str(exc).lower() else "damaged"
        raise BundleRejected(code) from None
    except Exception:  # the age library's own failures on hostile input
        raise BundleRejected("damaged") from None


def _line_count(payload: bytes) -> int:
    if not payload:
        return 0
    if not payload.endswith(b"\n"):
        return -1  # a cut last line never matches a count
    return payload.count(b"\n")


# --- after the service's replay and sequence checks ----------------------------------------


def check_schema(manifest: Manifest, supported: Collection[str]) -> None:
    """The sender's database schema (alembic revision) must be one this version can read."""
    if manifest.schema_version not in supported:
        raise BundleRejected("unsupported_schema", _(
            "Bunten kommer från en version av Mottryck som inte stöds här "
            "(databasversion {version}).").format(version=manifest.schema_version))


def check_expiry(manifest: Manifest, now: datetime) -> None:
    """A bundle is refused after its ``not_after`` (``now`` must be timezone-aware)."""
    if now > manifest.not_after:
        raise BundleRejected("expired")


def check_records(opened: OpenedBundle) -> list[dict[str, Any]]:
    """Every record read (each a JSON object) before anything is applied."""
    return list(opened.records())


def finish_checks(opened: OpenedBundle, *, supported_schemas: Collection[str],
                  now: datetime) -> list[dict[str, Any]]:
    """Schema → expiry → records, the steps after the service's replay and sequence checks."""
    check_schema(opened.manifest, supported_schemas)
    check_expiry(opened.manifest, now)
    return check_records(opened)
