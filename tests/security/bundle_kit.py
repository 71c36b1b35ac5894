"""Units, keys and bundles for the bundle format tests (no vault needed: the format is pure)."""

from __future__ import annotations

import io
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from pyrage import x25519

from app.exchange import tarball
from app.exchange.bundle import (
    MANIFEST_NAME,
    PAYLOAD_NAME,
    SIGNATURE_NAME,
    OpenedBundle,
    open_bundle,
    sign_manifest,
    write_bundle,
)
from app.exchange.fingerprint import unit_fingerprint
from app.exchange.manifest import BundleHeader, Manifest, Recipient

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
SCHEMA = "0002"


@dataclass
class Unit:
    """One laptop or partner: its unit id, age identity and Ed25519 signing key."""

    name: str
    unit_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    identity: x25519.Identity = field(default_factory=x25519.Identity.generate)
    signing_key: Ed25519PrivateKey = field(default_factory=Ed25519PrivateKey.generate)

    @property
    def age_recipient(self) -> str:
        return str(self.identity.to_public())

    @property
    def public_key(self) -> bytes:
        return self.signing_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    @property
    def recipient(self) -> Recipient:
        return Recipient(self.unit_id, self.age_recipient)

    @property
    def fingerprint(self) -> str:
        return unit_fingerprint(self.public_key, self.age_recipient)


def records(n: int = 5) -> list[dict[str, Any]]:
    return [
        {"table": "person", "id": str(uuid.UUID(int=i + 1)), "first_name": "Åsa",
         "last_name": f"Öberg {i}", "note": "rad\nbrytning \"citat\" \u2028", "n": i, "ok": True,
         "missing": None, "tags": ["a", "ö"]}
        for i in range(n)
    ]


def header(sender: Unit, to: Sequence[Unit], **changes: Any) -> BundleHeader:
    base = BundleHeader(
        bundle_id=str(uuid.uuid4()),
        sender_unit=sender.unit_id,
        sender_key_fingerprint=sender.fingerprint,
        sequence=1,
        recipients=tuple(u.recipient for u in to),
        created_at=NOW,
        not_after=NOW + timedelta(days=30),
        schema_version=SCHEMA,
        app_version="0.1.0",
        legal_basis="OSL 10:15 a",
        purpose="Samverkan i Sluta skjut",
        basis_note="Intresseavvägning gjord av enhetschefen.",
    )
    return replace(base, **changes)


def bundle(sender: Unit, to: Sequence[Unit], recs: list[dict[str, Any]] | None = None,
           **changes: Any) -> bytes:
    out = io.BytesIO()
    write_bundle(out, header(sender, to, **changes), records() if recs is None else recs,
                 sender.signing_key)
    return out.getvalue()


def inner(data: bytes, unit: Unit) -> bytes:
    """The plain tar inside a bundle, as ``unit`` (a recipient) can read it."""
    return pyrage.decrypt(data, [unit.identity])


def members(data: bytes, unit: Unit) -> dict[str, bytes]:
    found = tarball.read_members(inner(data, unit), (
        tarball.Allowed(MANIFEST_NAME, 1 << 20), tarball.Allowed(SIGNATURE_NAME, 1 << 10),
        tarball.Allowed(PAYLOAD_NAME, 1 << 30)))
    return {name: view.tobytes() for name, view in found.items()}


def encrypt(plain: bytes, *to: Unit) -> bytes:
    return pyrage.encrypt(plain, [u.identity.to_public() for u in to])


def signed_tar(sender: Unit, manifest: Manifest, payload: bytes,
               signer: Unit | None = None) -> bytes:
    """An inner tar as our writer lays it out, for a manifest and payload a test made up."""
    manifest_bytes = manifest.to_bytes()
    signature = sign_manifest(manifest_bytes, (signer or sender).signing_key)
    return tarball.build([(MANIFEST_NAME, manifest_bytes), (SIGNATURE_NAME, signature),
                          (PAYLOAD_NAME, payload)])


class Keys:
    """The pinned signing keys a receiving vault knows (``signer_key_for``)."""

    def __init__(self, *units: Unit) -> None:
        self.pinned = {u.unit_id: u.public_key for u in units}

    def __call__(self, unit_id: str) -> bytes | None:
        return self.pinned.get(unit_id)


def open_as(data: bytes, unit: Unit, keys: Keys, **kwargs: Any) -> OpenedBundle:
    return open_bundle(data, identity=str(unit.identity), our_unit_id=unit.unit_id,
                       signer_key_for=keys, **kwargs)
