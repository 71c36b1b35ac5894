"""This unit's bundle keys: read from the vault, consistent, and comparable with a partner's."""

from __future__ import annotations

import base64

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.services.session import Services
from app.services.unit_keys import (
    BadKey,
    fingerprint,
    parse_age_recipient,
    parse_signing_public_key,
    signing_key_text,
)


def new_signing_key() -> str:
    raw = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return signing_key_text(raw)


def new_recipient() -> str:
    return str(pyrage.x25519.Identity.generate().to_public())


def test_public_keys_match_the_secrets(services: Services) -> None:
    keys = services.unit.keys()
    secrets = services.unit.secrets()
    assert keys.unit_id == services.db.unit_id == secrets.unit_id
    assert keys.age_recipient.startswith("age1")
    assert str(secrets.age_identity.to_public()) == keys.age_recipient
    # What we sign verifies under the public key we hand out.
    public = Ed25519PublicKey.from_public_bytes(parse_signing_public_key(keys.signing_public_key))
    public.verify(secrets.signing_key.sign(b"manifest"), b"manifest")
    # What is encrypted to the recipient we hand out opens with our identity.
    sealed = pyrage.encrypt(b"bundle", [pyrage.x25519.Recipient.from_str(keys.age_recipient)])
    assert pyrage.decrypt(sealed, [secrets.age_identity]) == b"bundle"


def test_keys_are_stable_and_the_secrets_never_print(services: Services) -> None:
    assert services.unit.keys() == services.unit.keys()
    secrets = services.unit.secrets()
    identity = str(secrets.age_identity)
    text = repr(secrets)
    assert identity not in text and "AGE-SECRET-KEY" not in text


def test_fingerprint_is_short_and_the_same_for_both_sides(services: Services) -> None:
    keys = services.unit.keys()
    assert len(keys.fingerprint) == 19 and keys.fingerprint.count("-") == 3
    # A partner who pinned our keys computes the same fingerprint from them.
    assert fingerprint(keys.age_recipient, keys.signing_public_key) == keys.fingerprint
    # …however the key was pasted.
    spaced = " ".join([keys.signing_public_key[:20], keys.signing_public_key[20:].rstrip("=")])
    assert fingerprint(keys.age_recipient.upper(), spaced) == keys.fingerprint
    # Either key changed gives another fingerprint.
    assert fingerprint(new_recipient(), keys.signing_public_key) != keys.fingerprint
    assert fingerprint(keys.age_recipient, new_signing_key()) != keys.fingerprint


@pytest.mark.parametrize("text, reason", [
    ("", "age1"),
    ("AGE-SECRET-KEY-1QQQ", "age1"),
    ("age1qqqqqqqq", "felskriven"),
])
def test_bad_age_recipients_are_refused_in_swedish(text: str, reason: str) -> None:
    with pytest.raises(BadKey, match=reason):
        parse_age_recipient(text)


def test_a_one_character_typo_in_a_recipient_is_caught() -> None:
    good = new_recipient()
    typo = good[:-3] + ("q" if good[-3] != "q" else "p") + good[-2:]
    with pytest.raises(BadKey):
        parse_age_recipient(typo)
    assert parse_age_recipient(f"  {good}\n") == good


@pytest.mark.parametrize("text, reason", [
    ("inte base64!", "base64"),
    (base64.b64encode(b"x" * 31).decode(), "fel längd"),
    (base64.b64encode(b"x" * 64).decode(), "fel längd"),
])
def test_bad_signing_keys_are_refused_in_swedish(text: str, reason: str) -> None:
    with pytest.raises(BadKey, match=reason):
        parse_signing_public_key(text)
