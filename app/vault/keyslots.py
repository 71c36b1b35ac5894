"""`keyslots.json`: the data key (DEK) wrapped once per user and once for recovery.

Each slot is an AES-256-GCM wrap of the DEK under a key-encryption key (KEK). The AAD binds the
vault id, slot id, slot kind, user and KDF parameters, so editing any of them in the file (for
instance lowering the Argon2 cost) makes the unwrap fail instead of weakening the slot.
"""

from __future__ import annotations

import base64
import json
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.errors import CorruptVault, VaultError, WrongPassphrase
from app.i18n import _
from app.vault import kdf
from app.vault.atomic import atomic_write_bytes
from app.vault.kdf import KdfParams

FORMAT = "mottryck-keyslots"
VERSION = 1
KIND_PASSPHRASE = "passphrase"
KIND_RECOVERY = "recovery"
NONCE_BYTES = 12


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def canonical_json(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass
class KeySlot:
    id: str
    kind: str
    user: str | None
    kdf: dict[str, Any]
    nonce: bytes
    wrapped: bytes
    created_at: str

    def aad(self, vault_id: str) -> bytes:
        return canonical_json(
            {"vault_id": vault_id, "slot_id": self.id, "kind": self.kind, "user": self.user,
             "kdf": self.kdf}
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "user": self.user, "kdf": self.kdf,
            "nonce": _b64(self.nonce), "wrapped_key": _b64(self.wrapped),
            "created_at": self.created_at,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeySlot:
        nonce = _unb64(data["nonce"])
        if len(nonce) != NONCE_BYTES:  # AES-GCM would raise its own ValueError at unwrap
            raise ValueError("nonce length")
        return cls(
            id=str(data["id"]), kind=str(data["kind"]), user=data.get("user"),
            kdf=dict(data["kdf"]), nonce=nonce,
            wrapped=_unb64(data["wrapped_key"]), created_at=str(data["created_at"]),
        )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def recovery_kek(recovery_key: bytes, salt: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=b"mottryck recovery slot v1"
    ).derive(recovery_key)


@dataclass
class KeySlotFile:
    vault_id: str
    slots: list[KeySlot] = field(default_factory=list)
    created_at: str = field(default_factory=_now)

    # ---- persistence -------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path) -> KeySlotFile:
        try:
            raw = json.loads(path.read_bytes())
            if not isinstance(raw, dict) or raw.get("format") != FORMAT:
                raise ValueError("format")
            if int(raw.get("version", 0)) > VERSION:
                raise VaultError(_("Nyckelfilen kommer från en nyare version av Mottryck."))
            return cls(
                vault_id=str(raw["vault_id"]),
                slots=[KeySlot.from_json(s) for s in raw["slots"]],
                created_at=str(raw.get("created_at", "")),
            )
        except FileNotFoundError as exc:
            raise VaultError(_("Valvets nyckelfil (keyslots.json) saknas.")) from exc
        except VaultError:
            raise
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            # RecursionError: json gives up on absurdly nested garbage that way
            raise CorruptVault(_("Valvets nyckelfil (keyslots.json) är skadad.")) from exc

    def save(self, path: Path) -> None:
        data = {
            "format": FORMAT, "version": VERSION, "vault_id": self.vault_id,
            "created_at": self.created_at, "slots": [s.to_json() for s in self.slots],
        }
        atomic_write_bytes(path, json.dumps(data, indent=2, ensure_ascii=False).encode() + b"\n")

    # ---- slots -------------------------------------------------------------------------
    def users(self) -> list[str]:
        # A passphrase change interrupted between its two writes leaves two slots for a user.
        return list(dict.fromkeys(
            s.user for s in self.slots if s.kind == KIND_PASSPHRASE and s.user))

    def user_slots(self, user: str) -> list[KeySlot]:
        found = [s for s in self.slots if s.kind == KIND_PASSPHRASE and s.user == user]
        if not found:
            raise WrongPassphrase(_("Okänd användare för detta valv: {user}").format(user=user))
        return found

    def user_slot(self, user: str) -> KeySlot:
        return self.user_slots(user)[0]

    def recovery_slot(self) -> KeySlot:
        for slot in self.slots:
            if slot.kind == KIND_RECOVERY:
                return slot
        raise VaultError(_("Valvet har ingen återställningsnyckel."))

    def _wrap(self, slot_id: str, kind: str, user: str | None, kdf_json: dict[str, Any],
              kek: bytes, dek: bytes | bytearray) -> KeySlot:
        slot = KeySlot(slot_id, kind, user, kdf_json, secrets.token_bytes(NONCE_BYTES), b"",
                       _now())
        slot.wrapped = AESGCM(kek).encrypt(slot.nonce, bytes(dek), slot.aad(self.vault_id))
        return slot

    def make_passphrase_slot(self, user: str, passphrase: str, dek: bytes | bytearray,
                             params: KdfParams) -> KeySlot:
        salt = secrets.token_bytes(16)
        kdf_json = {**params.to_json(), "salt": _b64(salt)}
        kek = kdf.derive(passphrase, salt, params)
        return self._wrap(str(uuid.uuid4()), KIND_PASSPHRASE, user, kdf_json, kek, dek)

    def make_recovery_slot(self, recovery_key: bytes, dek: bytes | bytearray) -> KeySlot:
        salt = secrets.token_bytes(16)
        kdf_json = {"name": "hkdf-sha256", "salt": _b64(salt)}
        kek = recovery_kek(recovery_key, salt)
        return self._wrap(str(uuid.uuid4()), KIND_RECOVERY, None, kdf_json, kek, dek)

    def _unwrap(self, slot: KeySlot, kek: bytes) -> bytearray:
        try:
            return bytearray(AESGCM(kek).decrypt(slot.nonce, slot.wrapped, slot.aad(self.vault_id)))
        except InvalidTag as exc:
            raise WrongPassphrase() from exc

    def unwrap_passphrase(self, user: str, passphrase: str) -> bytearray:
        """Try each of the user's slots: after an interrupted change both passphrases work."""
        for slot in self.user_slots(user):
            try:
                params = KdfParams.from_json(slot.kdf)
                salt = _unb64(slot.kdf["salt"])
            except (ValueError, KeyError, TypeError) as exc:
                raise CorruptVault(
                    _("Nyckelplatsen för {user} är skadad.").format(user=user)) from exc
            try:
                return self._unwrap(slot, kdf.derive(passphrase, salt, params))
            except WrongPassphrase:
                continue
        raise WrongPassphrase()

    def unwrap_recovery(self, recovery_key: bytes) -> bytearray:
        slot = self.recovery_slot()
        try:
            salt = _unb64(slot.kdf["salt"])
        except (ValueError, KeyError, TypeError) as exc:
            raise CorruptVault(_("Återställningsplatsen är skadad.")) from exc
        try:
            return self._unwrap(slot, recovery_kek(recovery_key, salt))
        except WrongPassphrase as exc:
            raise WrongPassphrase(_("Återställningsnyckeln hör inte till detta valv.")) from exc
