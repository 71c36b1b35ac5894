"""The signed manifest of a bundle: who sent it, to whom, what it holds and under what law.

``BundleHeader`` is what the exporter chooses; ``Manifest`` adds what writing the payload
measured (its SHA-256 and record count). ``Manifest.to_bytes()`` is canonical JSON, the exact
bytes signed; ``Manifest.from_bytes()`` reads it back strictly.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

from app.errors import BundleRejected
from app.exchange.canonical import NotCanonical, canonical_json, parse_canonical
from app.i18n import _

FORMAT_VERSION = 1
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_FINGERPRINT = re.compile(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){3}")
_AGE_RECIPIENT = re.compile(r"age1[02-9ac-hj-np-z]{58}")
_MAX_TEXT = 4000  # legal basis, purpose and note are sentences, not documents
_MAX_RECIPIENTS = 32


@dataclass(frozen=True)
class Recipient:
    """A unit a bundle is addressed to, and the age key it was encrypted to."""

    unit_id: str
    age_recipient: str


@dataclass(frozen=True)
class BundleHeader:
    """Everything in a manifest that the exporter decides. Times are aware UTC datetimes
    (kept to whole seconds in the file)."""

    bundle_id: str
    sender_unit: str
    sender_key_fingerprint: str
    sequence: int
    recipients: tuple[Recipient, ...]
    created_at: datetime
    not_after: datetime
    schema_version: str
    app_version: str
    legal_basis: str
    purpose: str | None = None
    basis_note: str | None = None


@dataclass(frozen=True)
class Manifest(BundleHeader):
    """A header plus the payload's SHA-256 (hex) and its number of records."""

    payload_sha256: str = ""
    record_count: int = 0
    format_version: int = FORMAT_VERSION

    @classmethod
    def of(cls, header: BundleHeader, payload_sha256: str, record_count: int) -> Manifest:
        values = {f.name: getattr(header, f.name) for f in fields(BundleHeader)}
        for name in ("created_at", "not_after"):
            values[name] = _whole_seconds(values[name])
        return cls(**values, payload_sha256=payload_sha256, record_count=record_count)

    @property
    def recipient_units(self) -> tuple[str, ...]:
        return tuple(r.unit_id for r in self.recipients)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format_version": self.format_version,
            "bundle_id": self.bundle_id,
            "sender_unit": self.sender_unit,
            "sender_key_fingerprint": self.sender_key_fingerprint,
            "sequence": self.sequence,
            "recipients": [
                {"unit_id": r.unit_id, "age_recipient": r.age_recipient} for r in self.recipients
            ],
            "created_at": _time_text(self.created_at),
            "not_after": _time_text(self.not_after),
            "schema_version": self.schema_version,
            "app_version": self.app_version,
            "payload_sha256": self.payload_sha256,
            "record_count": self.record_count,
            "legal_basis": self.legal_basis,
            "purpose": self.purpose,
            "basis_note": self.basis_note,
        }

    def to_bytes(self) -> bytes:
        """The canonical bytes that are signed. A manifest that ``from_bytes`` would refuse
        raises ``ValueError``: the exporter checks what the user typed before it gets here."""
        data = canonical_json(self.to_dict())
        try:
            Manifest.from_bytes(data)
        except BundleRejected as exc:
            raise ValueError(f"this manifest would not be readable: {exc}") from None
        return data

    @classmethod
    def from_bytes(cls, data: bytes) -> Manifest:
        """Read a manifest strictly; anything malformed raises ``BundleRejected``."""
        try:
            value = parse_canonical(data)
        except NotCanonical:
            raise BundleRejected("bad_manifest") from None
        return cls.from_dict(value)

    @classmethod
    def from_dict(cls, value: Any) -> Manifest:
        if not isinstance(value, dict):
            raise _bad(_("inte ett JSON-objekt"))
        _format_version(value)
        expected = {f.name for f in fields(cls)}
        if set(value) != expected:
            raise _bad(_("fel uppsättning fält"))
        created_at = _time(value["created_at"], "created_at")
        not_after = _time(value["not_after"], "not_after")
        if not_after <= created_at:
            raise _bad(_("sista giltighetstid ligger före skapandet"))
        return cls(
            bundle_id=_uuid(value["bundle_id"], "bundle_id"),
            sender_unit=_uuid(value["sender_unit"], "sender_unit"),
            sender_key_fingerprint=_match(
                _FINGERPRINT, value["sender_key_fingerprint"], "sender_key_fingerprint"
            ),
            sequence=_count(value["sequence"], "sequence", minimum=1),
            recipients=_recipients(value["recipients"]),
            created_at=created_at,
            not_after=not_after,
            schema_version=_text(value["schema_version"], "schema_version", limit=64),
            app_version=_text(value["app_version"], "app_version", limit=64),
            payload_sha256=_match(_SHA256, value["payload_sha256"], "payload_sha256"),
            record_count=_count(value["record_count"], "record_count", minimum=0),
            legal_basis=_text(value["legal_basis"], "legal_basis"),
            purpose=_optional_text(value["purpose"], "purpose"),
            basis_note=_optional_text(value["basis_note"], "basis_note"),
        )


def sender_and_format(data: bytes) -> tuple[str, int]:
    """The sender unit and format version of manifest bytes not yet verified: just enough to
    find the key that must have signed them (and to name a newer format plainly)."""
    try:
        value = parse_canonical(data)
    except NotCanonical:
        raise BundleRejected("bad_manifest") from None
    if not isinstance(value, dict):
        raise _bad(_("inte ett JSON-objekt"))
    version = _format_version(value)
    return _uuid(value.get("sender_unit"), "sender_unit"), version


def _format_version(value: dict[str, Any]) -> int:
    """Only a well-formed but other version is "unsupported"; no version at all is malformed."""
    version = _count(value.get("format_version"), "format_version", minimum=1)
    if version != FORMAT_VERSION:
        raise BundleRejected("unsupported_format")
    return version


def _bad(reason: str) -> BundleRejected:
    return BundleRejected(
        "bad_manifest",
        _("Buntens innehållsförteckning är felaktig: {reason}.").format(reason=reason),
    )


def _field(name: str) -> BundleRejected:
    return _bad(_("fältet {name} har ett ogiltigt värde").format(name=name))


def _whole_seconds(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("bundle times must be timezone-aware")
    return moment.astimezone(UTC).replace(microsecond=0)


def _time_text(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("bundle times must be timezone-aware")
    return moment.astimezone(UTC).strftime(_TIME_FORMAT)


def _time(value: Any, name: str) -> datetime:
    if not isinstance(value, str) or not _TIME.fullmatch(value):
        raise _field(name)
    try:
        return datetime.strptime(value, _TIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        raise _field(name) from None


def _uuid(value: Any, name: str) -> str:
    if not isinstance(value, str) or len(value) != 36:
        raise _field(name)
    try:
        if str(uuid.UUID(value)) != value:
            raise _field(name)
    except ValueError:
        raise _field(name) from None
    return value


def _match(pattern: re.Pattern[str], value: Any, name: str) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise _field(name)
    return value


def _count(value: Any, name: str, *, minimum: int) -> int:
    # bool is an int in Python but never a count.
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value < 2**53:
        raise _field(name)
    return value


def _text(value: Any, name: str, *, limit: int = _MAX_TEXT) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise _field(name)
    return value


def _optional_text(value: Any, name: str) -> str | None:
    return None if value is None else _text(value, name)


def _recipients(value: Any) -> tuple[Recipient, ...]:
    if not isinstance(value, list) or not 1 <= len(value) <= _MAX_RECIPIENTS:
        raise _field("recipients")
    result = []
    for item in value:
        if not isinstance(item, dict) or set(item) != {"unit_id", "age_recipient"}:
            raise _field("recipients")
        result.append(Recipient(
            unit_id=_uuid(item["unit_id"], "recipients"),
            age_recipient=_match(_AGE_RECIPIENT, item["age_recipient"], "recipients"),
        ))
    if len({r.unit_id for r in result}) != len(result):
        raise _field("recipients")
    return tuple(result)
