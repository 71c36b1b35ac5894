"""A unit's key fingerprint: short enough for two people to read to each other by phone.

It covers both public keys a partner pins for a unit (the Ed25519 signing key and the age
recipient), so checking it aloud confirms both.
"""

from __future__ import annotations

import base64
import hashlib

_DOMAIN = b"mottryck-fingerprint-v1\0"
GROUPS = 4  # four groups of four characters: 80 bits


def unit_fingerprint(signing_public_key: bytes, age_recipient: str) -> str:
    """E.g. ``"K7QD-2MXA-PJ4N-W6TE"`` for a raw 32-byte Ed25519 public key and ``age1…``."""
    if len(signing_public_key) != 32:
        raise ValueError("an Ed25519 public key is 32 bytes")
    digest = hashlib.sha256(
        _DOMAIN + signing_public_key + b"\0" + age_recipient.strip().encode("ascii")
    ).digest()
    text = base64.b32encode(digest[: GROUPS * 4 * 5 // 8]).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))
