"""The recovery key: 256 random bits shown once as grouped Base32 with a checksum."""

from __future__ import annotations

import base64
import binascii
import hashlib
import secrets

from app.errors import WrongPassphrase
from app.i18n import _

_CHECK_BYTES = 3  # 32 + 3 bytes encode to exactly 56 Base32 characters, no padding
_GROUP = 4


def new_recovery_key() -> bytes:
    return secrets.token_bytes(32)


def format_recovery_key(key: bytes) -> str:
    check = hashlib.sha256(key).digest()[:_CHECK_BYTES]
    text = base64.b32encode(key + check).decode("ascii")
    return "-".join(text[i : i + _GROUP] for i in range(0, len(text), _GROUP))


def parse_recovery_key(text: str) -> bytes:
    """Accept the printed form with any spacing/case; a typo fails the checksum, not the unwrap."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    # People misread these on paper; Base32 has no 0/1/8, so map the look-alikes.
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
    try:
        raw = base64.b32decode(cleaned)
    except (ValueError, binascii.Error) as exc:
        raise WrongPassphrase(
            _("Återställningsnyckeln är felskriven (fel tecken eller längd).")) from exc
    if len(raw) != 32 + _CHECK_BYTES:
        raise WrongPassphrase(_("Återställningsnyckeln är felskriven (fel längd)."))
    key, check = raw[:32], raw[32:]
    if hashlib.sha256(key).digest()[:_CHECK_BYTES] != check:
        raise WrongPassphrase(
            _("Återställningsnyckeln är felskriven (kontrollsumman stämmer inte)."))
    return key
