"""Vault keys: creating and unlocking, key slots, wrong passphrases and tampered key files."""

from __future__ import annotations

import base64
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.errors import (
    CorruptVault,
    VaultError,
    VaultExists,
    VaultNotFound,
    WrongPassphrase,
)
from app.vault import Vault
from app.vault.keyslots import KIND_PASSPHRASE, KIND_RECOVERY
from tests.conftest import FAST_KDF, PASSPHRASE, USER

WRONG_MESSAGE = "Fel lösenfras, eller så är detta inget Mottryck-valv."
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def read_slots(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "keyslots.json").read_text("utf-8"))
    return data


def write_slots(folder: Path, data: dict[str, Any]) -> None:
    (folder / "keyslots.json").write_text(json.dumps(data), "utf-8")


def user_slot(data: dict[str, Any], user: str = USER) -> dict[str, Any]:
    (slot,) = [s for s in data["slots"] if s["kind"] == KIND_PASSPHRASE and s["user"] == user]
    return slot


def flip_b64(value: str, index: int = 0) -> str:
    raw = bytearray(base64.b64decode(value))
    raw[index] ^= 0x01
    return base64.b64encode(bytes(raw)).decode("ascii")


# ---- create / unlock ---------------------------------------------------------------------
def test_create_then_unlock_gives_the_same_vault(tmp_path: Path) -> None:
    folder = tmp_path / "ny"
    unlocked, recovery = Vault.create(folder, "  bertil ", PASSPHRASE, kdf_params=FAST_KDF,
                                      unit_name="Enhet Syd")
    vault_id = unlocked.vault_id
    assert UUID.match(vault_id)
    assert unlocked.user == "bertil"
    assert unlocked.meta("vault_id") == vault_id
    assert unlocked.meta("unit_name") == "Enhet Syd"
    assert UUID.match(unlocked.meta("unit_id") or "")
    unlocked.lock()
    assert unlocked.locked
    with pytest.raises(VaultError):
        _ = unlocked.engine

    # 32 key bytes + 3 checksum bytes = 56 Base32 characters in groups of four
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){13}", recovery)
    assert sorted(p.name for p in folder.iterdir()) == ["keyslots.json", "mottryck.db"]

    again = Vault(folder).unlock("bertil", PASSPHRASE)
    try:
        assert again.vault_id == vault_id
        assert again.meta("vault_id") == vault_id
        assert again.failed_attempts_before == 0
    finally:
        again.lock()


def test_keyslots_file_has_one_slot_per_user_and_one_recovery_slot(vault_dir: Path) -> None:
    unlocked = Vault(vault_dir).unlock(USER, PASSPHRASE)
    try:
        unlocked.add_user("cecilia", "ett annat långt lösenord", kdf_params=FAST_KDF)
        vault_id = unlocked.vault_id
    finally:
        unlocked.lock()
    data = read_slots(vault_dir)
    assert data["format"] == "mottryck-keyslots"
    assert data["version"] == 1
    assert data["vault_id"] == vault_id
    kinds = sorted((s["kind"], s["user"]) for s in data["slots"])
    assert kinds == [(KIND_PASSPHRASE, USER), (KIND_PASSPHRASE, "cecilia"), (KIND_RECOVERY, None)]
    assert Vault(vault_dir).users() == [USER, "cecilia"]
    ids = [s["id"] for s in data["slots"]]
    assert len(set(ids)) == 3 and all(UUID.match(i) for i in ids)
    for slot in data["slots"]:
        assert len(base64.b64decode(slot["nonce"])) == 12
        assert len(base64.b64decode(slot["wrapped_key"])) == 32 + 16  # DEK + GCM tag
        assert len(base64.b64decode(slot["kdf"]["salt"])) == 16
    # each user's slot has its own salt: same parameters, different key-encryption keys
    assert user_slot(data)["kdf"]["salt"] != user_slot(data, "cecilia")["kdf"]["salt"]


def test_create_refuses_a_folder_that_already_holds_a_vault(vault_dir: Path) -> None:
    before = (vault_dir / "keyslots.json").read_bytes()
    with pytest.raises(VaultExists, match="Det finns redan ett valv"):
        Vault.create(vault_dir, USER, PASSPHRASE, kdf_params=FAST_KDF)
    assert (vault_dir / "keyslots.json").read_bytes() == before


def test_no_vault_in_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound, match="Hittar inget Mottryck-valv"):
        Vault(tmp_path).unlock(USER, PASSPHRASE)


# ---- wrong passphrase / unknown user -------------------------------------------------------
def test_wrong_passphrase_is_a_clear_swedish_error(vault_dir: Path) -> None:
    with pytest.raises(WrongPassphrase) as info:
        Vault(vault_dir).unlock(USER, PASSPHRASE + "x")
    assert str(info.value) == WRONG_MESSAGE


def test_unknown_user_is_a_clear_error(vault_dir: Path) -> None:
    with pytest.raises(WrongPassphrase, match="Okänd användare för detta valv: gustav"):
        Vault(vault_dir).unlock("gustav", PASSPHRASE)


def test_passphrase_of_one_user_does_not_open_anothers_slot(vault_dir: Path) -> None:
    unlocked = Vault(vault_dir).unlock(USER, PASSPHRASE)
    unlocked.add_user("cecilia", "ett annat långt lösenord", kdf_params=FAST_KDF)
    unlocked.lock()
    with pytest.raises(WrongPassphrase):
        Vault(vault_dir).unlock("cecilia", PASSPHRASE)
    Vault(vault_dir).unlock("cecilia", "ett annat långt lösenord").lock()


# ---- tampered key slots ------------------------------------------------------------------
def _flip_wrapped(d: dict[str, Any]) -> None:
    user_slot(d)["wrapped_key"] = flip_b64(user_slot(d)["wrapped_key"], 5)


def _flip_tag(d: dict[str, Any]) -> None:
    user_slot(d)["wrapped_key"] = flip_b64(user_slot(d)["wrapped_key"], -1)


def _flip_nonce(d: dict[str, Any]) -> None:
    user_slot(d)["nonce"] = flip_b64(user_slot(d)["nonce"], 3)


def _flip_salt(d: dict[str, Any]) -> None:
    user_slot(d)["kdf"]["salt"] = flip_b64(user_slot(d)["kdf"]["salt"])


def _more_iterations(d: dict[str, Any]) -> None:
    user_slot(d)["kdf"]["iterations"] += 1


def _less_memory(d: dict[str, Any]) -> None:
    # The AAD binds the parameters: a cheaper slot must not open with the right passphrase.
    user_slot(d)["kdf"]["memory_kib"] = 8


def _other_vault_id(d: dict[str, Any]) -> None:
    d["vault_id"] = "00000000-0000-4000-8000-000000000000"


def _other_slot_id(d: dict[str, Any]) -> None:
    user_slot(d)["id"] = "00000000-0000-4000-8000-000000000000"


TAMPERS: dict[str, Callable[[dict[str, Any]], None]] = {
    "wrapped_key": _flip_wrapped, "gcm_tag": _flip_tag, "nonce": _flip_nonce,
    "salt": _flip_salt, "iterations": _more_iterations, "memory_kib": _less_memory,
    "vault_id": _other_vault_id, "slot_id": _other_slot_id,
}


@pytest.mark.parametrize("tamper", TAMPERS.values(), ids=TAMPERS.keys())
def test_tampered_slot_does_not_unlock(vault_dir: Path,
                                       tamper: Callable[[dict[str, Any]], None]) -> None:
    data = read_slots(vault_dir)
    tamper(data)
    write_slots(vault_dir, data)
    with pytest.raises(WrongPassphrase) as info:
        Vault(vault_dir).unlock(USER, PASSPHRASE)
    assert str(info.value) == WRONG_MESSAGE


def test_renamed_slot_user_does_not_unlock_as_the_new_name(vault_dir: Path) -> None:
    data = read_slots(vault_dir)
    user_slot(data)["user"] = "mallory"
    write_slots(vault_dir, data)
    with pytest.raises(WrongPassphrase):
        Vault(vault_dir).unlock("mallory", PASSPHRASE)


def test_lowering_the_cost_of_a_slot_keeps_the_vault_closed_but_the_original_works(
        vault_dir: Path) -> None:
    original = (vault_dir / "keyslots.json").read_bytes()
    data = read_slots(vault_dir)
    _less_memory(data)
    write_slots(vault_dir, data)
    with pytest.raises(WrongPassphrase):
        Vault(vault_dir).unlock(USER, PASSPHRASE)
    (vault_dir / "keyslots.json").write_bytes(original)
    (vault_dir / "unlock-state.json").unlink()
    Vault(vault_dir).unlock(USER, PASSPHRASE).lock()


@pytest.mark.parametrize("kdf_change", [
    {"iterations": 0}, {"iterations": -1}, {"iterations": 10**9}, {"memory_kib": 0},
    {"memory_kib": 2**40}, {"lanes": 0}, {"iterations": "tre"}, {"name": "pbkdf2"},
    {"salt": "inte base64!"},
], ids=str)
def test_nonsense_kdf_parameters_are_a_damaged_slot(vault_dir: Path,
                                                    kdf_change: dict[str, Any]) -> None:
    data = read_slots(vault_dir)
    user_slot(data)["kdf"].update(kdf_change)
    write_slots(vault_dir, data)
    with pytest.raises(CorruptVault, match=f"Nyckelplatsen för {USER} är skadad"):
        Vault(vault_dir).unlock(USER, PASSPHRASE)


@pytest.mark.parametrize("nonce", [b"", b"kort", b"x" * 16], ids=["empty", "short", "long"])
def test_nonce_of_the_wrong_length_is_a_damaged_file(vault_dir: Path, nonce: bytes) -> None:
    data = read_slots(vault_dir)
    user_slot(data)["nonce"] = base64.b64encode(nonce).decode("ascii")
    write_slots(vault_dir, data)
    with pytest.raises(CorruptVault, match=r"keyslots.json\) är skadad"):
        Vault(vault_dir).unlock(USER, PASSPHRASE)


def test_keyslots_of_another_vault_open_nothing_here(vault_dir: Path, tmp_path: Path) -> None:
    other, _recovery = Vault.create(tmp_path / "annat", USER, PASSPHRASE, kdf_params=FAST_KDF)
    other.lock()
    before = (vault_dir / "mottryck.db").read_bytes()
    shutil.copy(tmp_path / "annat" / "keyslots.json", vault_dir / "keyslots.json")
    with pytest.raises(CorruptVault, match="hör inte till den här databasen"):
        Vault(vault_dir).unlock(USER, PASSPHRASE)
    assert (vault_dir / "mottryck.db").read_bytes() == before


GARBAGE: dict[str, bytes] = {
    "empty": b"", "not_json": b"hej hopp", "half_object": b'{"format": "mottryck-keys',
    "binary": bytes(range(256)), "list": b"[]", "string": b'"keyslots"', "null": b"null",
    "nested": b"[" * 100_000, "other_format": b'{"format": "kdbx"}',
    "no_slots": b'{"format": "mottryck-keyslots", "version": 1, "vault_id": "x"}',
    "slot_not_object": b'{"format": "mottryck-keyslots", "vault_id": "x", "slots": [7]}',
    "bad_base64": (b'{"format": "mottryck-keyslots", "vault_id": "x", "slots": [{"id": "a",'
                   b' "kind": "passphrase", "user": "anna", "kdf": {}, "nonce": "***",'
                   b' "wrapped_key": "", "created_at": ""}]}'),
}


@pytest.mark.parametrize("content", GARBAGE.values(), ids=GARBAGE.keys())
def test_garbage_keyslots_file_is_a_damaged_vault(vault_dir: Path, content: bytes) -> None:
    (vault_dir / "keyslots.json").write_bytes(content)
    with pytest.raises(CorruptVault, match=r"nyckelfil \(keyslots.json\) är skadad"):
        Vault(vault_dir).unlock(USER, PASSPHRASE)


def test_truncated_keyslots_file_is_a_damaged_vault(vault_dir: Path) -> None:
    path = vault_dir / "keyslots.json"
    whole = path.read_bytes()
    for length in (1, len(whole) // 3, len(whole) // 2, len(whole) - 5):
        path.write_bytes(whole[:length])
        with pytest.raises(CorruptVault):
            Vault(vault_dir).unlock(USER, PASSPHRASE)


def test_missing_keyslots_file_is_a_clear_error(vault_dir: Path) -> None:
    (vault_dir / "keyslots.json").unlink()
    with pytest.raises(VaultNotFound):
        Vault(vault_dir).unlock(USER, PASSPHRASE)


def test_keyslots_from_a_newer_version_are_refused(vault_dir: Path) -> None:
    data = read_slots(vault_dir)
    data["version"] = 2
    write_slots(vault_dir, data)
    with pytest.raises(VaultError, match="nyare version av Mottryck"):
        Vault(vault_dir).unlock(USER, PASSPHRASE)

