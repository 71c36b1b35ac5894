"""This unit's identity for bundles, and the text forms of the public keys partners exchange.

Every vault holds, inside its encrypted database (``vault_meta``), a unit id (UUID), an age
X25519 identity ("AGE-SECRET-KEY-1…") that bundles to us are encrypted for, and an Ed25519
signing key (base64 of the raw 32-byte private key) that signs the bundles we write.

Text forms given to partners (``mottryck keys show``) and pinned from them:
- age recipient: the standard ``age1…`` (bech32) string, usable with the ``age`` tool;
- signing public key: standard base64 (with padding) of the raw 32-byte Ed25519 public key,
  44 characters;
- fingerprint: ``app.exchange.fingerprint.unit_fingerprint`` over both public keys, four
  groups of four base32 characters (80 bits of SHA-256), read aloud by phone to confirm that
  the keys pinned are the partner's. The bundle manifest names the same fingerprint.

The private keys never leave the service layer except through ``unit_secrets`` for the code
that writes and opens bundles.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.errors import MottryckError
from app.exchange.fingerprint import unit_fingerprint
from app.i18n import _
from app.services.db import Db

ED25519_KEY_BYTES = 32


class BadKey(MottryckError, ValueError):
    """A key's text is not a valid key; the message is Swedish and fit to show."""


@dataclass(frozen=True)
class UnitKeys:
    """The public side of this unit: what a partner pins for us."""

    unit_id: str
    unit_name: str
    age_recipient: str
    signing_public_key: str  # base64 of the raw 32-byte Ed25519 public key
    fingerprint: str


@dataclass(frozen=True)
class UnitSecrets:
    """The private keys, for writing (signing) and opening (decrypting) bundles only."""

    unit_id: str
    age_identity: pyrage.x25519.Identity = field(repr=False)
    signing_key: Ed25519PrivateKey = field(repr=False)
    public: UnitKeys


def parse_age_recipient(text: str) -> str:
    """The recipient in its canonical form (``age1…``), or ``BadKey``."""
    cleaned = "".join((text or "").split())
    if not cleaned.lower().startswith("age1"):
        raise BadKey(_("En age-mottagare börjar med age1."))
    try:
        return str(pyrage.x25519.Recipient.from_str(cleaned.lower()))
    except pyrage.RecipientError:
        raise BadKey(_("Age-mottagaren är felskriven (kontrollera varje tecken).")) from None


def parse_signing_public_key(text: str) -> bytes:
    """The raw 32 bytes of an Ed25519 public key given as base64 (with or without padding,
    spaces and line breaks ignored), or ``BadKey``."""
    cleaned = "".join((text or "").split())
    padded = cleaned + "=" * (-len(cleaned) % 4)
    try:
        raw = base64.b64decode(padded, validate=True)
    except (binascii.Error, ValueError):
        raise BadKey(_("Signeringsnyckeln ska vara base64-text.")) from None
    if len(raw) != ED25519_KEY_BYTES:
        raise BadKey(_("Signeringsnyckeln har fel längd: en Ed25519-nyckel är 32 byte "
                       "(44 tecken base64)."))
    try:
        Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise BadKey(_("Signeringsnyckeln är ingen giltig Ed25519-nyckel.")) from None
    return raw


def signing_key_text(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def fingerprint(age_recipient: str, signing_public_key: str) -> str:
    """The fingerprint of a unit from its two public keys in their text forms, the same for
    our own keys and a partner's, so two people can compare them."""
    return unit_fingerprint(parse_signing_public_key(signing_public_key),
                            parse_age_recipient(age_recipient))


def _identity_missing() -> MottryckError:
    return MottryckError(_("Valvet saknar enhetens nycklar för buntar; uppgradera valvet."))


def unit_secrets(db: Db) -> UnitSecrets:
    """This unit's private keys (bundle code only: never shown, logged or written out)."""
    unit_id, age_text, signing_text = (db.meta("unit_id"), db.meta("unit_age_identity"),
                                       db.meta("unit_signing_key"))
    if not unit_id or not age_text or not signing_text:
        raise _identity_missing()
    identity = pyrage.x25519.Identity.from_str(age_text)
    signing = Ed25519PrivateKey.from_private_bytes(base64.b64decode(signing_text))
    recipient = str(identity.to_public())
    public_raw = signing.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    public = UnitKeys(unit_id=unit_id, unit_name=db.meta("unit_name") or "",
                      age_recipient=recipient, signing_public_key=signing_key_text(public_raw),
                      fingerprint=unit_fingerprint(public_raw, recipient))
    return UnitSecrets(unit_id=unit_id, age_identity=identity, signing_key=signing,
                       public=public)


def unit_keys(db: Db) -> UnitKeys:
    """This unit's public keys and fingerprint, to give to partners."""
    return unit_secrets(db).public


class UnitKeyService:
    """``Services.unit``: this unit's public identity; the secrets for the bundle services."""

    def __init__(self, db: Db) -> None:
        self.db = db

    def keys(self) -> UnitKeys:
        return unit_keys(self.db)

    def secrets(self) -> UnitSecrets:
        return unit_secrets(self.db)
