"""Passphrase changes (also interrupted ones), the recovery key, adding and removing users."""

from __future__ import annotations

import errno
import json
from pathlib import Path
from typing import Any

import pytest

from app.errors import ValidationError, VaultError, WrongPassphrase
from app.vault import Vault
from app.vault.keyslots import KIND_PASSPHRASE, KeySlotFile
from app.vault.recovery import format_recovery_key, new_recovery_key, parse_recovery_key
from tests.conftest import FAST_KDF, PASSPHRASE, USER

NEW = "ett helt nytt långt lösenord"
THIRD = "ännu en lösenfras, den tredje"


def opens(folder: Path, user: str, passphrase: str) -> bool:
    try:
        Vault(folder).unlock(user, passphrase).lock()
    except WrongPassphrase:
        Vault(folder).backoff.reset()  # keep later checks free of back-off
        return False
    return True


def passphrase_slots(folder: Path, user: str = USER) -> list[dict[str, Any]]:
    data = json.loads((folder / "keyslots.json").read_text("utf-8"))
    return [s for s in data["slots"] if s["kind"] == KIND_PASSPHRASE and s["user"] == user]


def fail_on_save(monkeypatch: pytest.MonkeyPatch, failing_call: int) -> list[int]:
    """Make the n-th KeySlotFile.save raise ENOSPC before anything is written."""
    real_save = KeySlotFile.save
    calls: list[int] = []

    def save(self: KeySlotFile, path: Path) -> None:
        calls.append(1)
        if len(calls) == failing_call:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_save(self, path)

    monkeypatch.setattr(KeySlotFile, "save", save)
    return calls


# ---- passphrase change -------------------------------------------------------------------
def test_change_passphrase_replaces_the_users_one_slot(vault_dir: Path) -> None:
    Vault(vault_dir).change_passphrase(USER, PASSPHRASE, NEW, kdf_params=FAST_KDF)
    assert opens(vault_dir, USER, NEW)
    assert not opens(vault_dir, USER, PASSPHRASE)
    assert len(passphrase_slots(vault_dir)) == 1
    assert Vault(vault_dir).users() == [USER]


def test_change_with_wrong_old_passphrase_changes_nothing(vault_dir: Path) -> None:
    before = (vault_dir / "keyslots.json").read_bytes()
    with pytest.raises(WrongPassphrase):
        Vault(vault_dir).change_passphrase(USER, "inte rätt lösenfras", NEW, kdf_params=FAST_KDF)
    assert (vault_dir / "keyslots.json").read_bytes() == before


@pytest.mark.parametrize("short", ["", "kort", "123456789"])
def test_too_short_new_passphrase_is_refused(vault_dir: Path, short: str) -> None:
    before = (vault_dir / "keyslots.json").read_bytes()
    with pytest.raises(ValidationError) as info:
        Vault(vault_dir).change_passphrase(USER, PASSPHRASE, short, kdf_params=FAST_KDF)
    assert info.value.errors[0].reason == "måste vara minst 10 tecken lång"
    assert (vault_dir / "keyslots.json").read_bytes() == before


def test_change_interrupted_before_the_first_write_keeps_the_old_passphrase(
        vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = (vault_dir / "keyslots.json").read_bytes()
    fail_on_save(monkeypatch, 1)
    with pytest.raises(OSError):
        Vault(vault_dir).change_passphrase(USER, PASSPHRASE, NEW, kdf_params=FAST_KDF)
    monkeypatch.undo()
    assert (vault_dir / "keyslots.json").read_bytes() == before
    assert [p.name for p in vault_dir.iterdir() if p.name.endswith(".tmp")] == []
    assert opens(vault_dir, USER, PASSPHRASE)


def test_change_interrupted_between_the_two_writes_keeps_both_passphrases(
        vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = fail_on_save(monkeypatch, 2)
    with pytest.raises(OSError):
        Vault(vault_dir).change_passphrase(USER, PASSPHRASE, NEW, kdf_params=FAST_KDF)
    monkeypatch.undo()
    assert len(calls) == 2
    assert len(passphrase_slots(vault_dir)) == 2
    assert Vault(vault_dir).users() == [USER]
    assert opens(vault_dir, USER, PASSPHRASE)
    assert opens(vault_dir, USER, NEW)


def test_retrying_after_an_interrupted_change_leaves_only_the_last_passphrase(
        vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fail_on_save(monkeypatch, 2)
    with pytest.raises(OSError):
        Vault(vault_dir).change_passphrase(USER, PASSPHRASE, NEW, kdf_params=FAST_KDF)
    monkeypatch.undo()
    # The user believes the change failed and tries again with yet another passphrase.
    Vault(vault_dir).change_passphrase(USER, PASSPHRASE, THIRD, kdf_params=FAST_KDF)
    assert opens(vault_dir, USER, THIRD)
    assert not opens(vault_dir, USER, PASSPHRASE)
    assert not opens(vault_dir, USER, NEW)
    assert len(passphrase_slots(vault_dir)) == 1


# ---- recovery key ------------------------------------------------------------------------
def test_recovery_key_unlocks(vault_dir: Path, recovery_key: str) -> None:
    unlocked = Vault(vault_dir).unlock_with_recovery(recovery_key)
    try:
        assert unlocked.user == "recovery"
        assert unlocked.meta("vault_id") == unlocked.vault_id
    finally:
        unlocked.lock()


@pytest.mark.parametrize("form", ["lower", "spaces", "no_dashes", "padded", "lines"])
def test_recovery_key_tolerates_how_people_type_it(vault_dir: Path, recovery_key: str,
                                                   form: str) -> None:
    typed = {
        "lower": recovery_key.lower(),
        "spaces": recovery_key.replace("-", " "),
        "no_dashes": recovery_key.replace("-", ""),
        "padded": f"  {recovery_key}\n",
        "lines": recovery_key.replace("-", "\n", 3).lower(),
    }[form]
    Vault(vault_dir).unlock_with_recovery(typed).lock()


def test_recovery_key_accepts_digit_look_alikes() -> None:
    key = bytes(range(32))
    text = format_recovery_key(key)
    assert {"O", "I", "B"} & set(text)
    misread = text.replace("O", "0").replace("I", "1").replace("B", "8")
    assert misread != text
    assert parse_recovery_key(misread) == key


def test_mistyped_recovery_key_fails_the_checksum(vault_dir: Path, recovery_key: str) -> None:
    chars = list(recovery_key)
    chars[7] = "A" if chars[7] != "A" else "C"
    with pytest.raises(WrongPassphrase, match="felskriven"):
        Vault(vault_dir).unlock_with_recovery("".join(chars))


@pytest.mark.parametrize("cut", ["group", "char", "all"])
def test_recovery_key_of_wrong_length_is_mistyped(vault_dir: Path, recovery_key: str,
                                                  cut: str) -> None:
    typed = {"group": recovery_key[:-5], "char": recovery_key[:-1], "all": ""}[cut]
    with pytest.raises(WrongPassphrase, match="felskriven"):
        Vault(vault_dir).unlock_with_recovery(typed)


def test_recovery_key_of_another_vault_does_not_belong(vault_dir: Path) -> None:
    other = format_recovery_key(new_recovery_key())
    with pytest.raises(WrongPassphrase, match="hör inte till detta valv"):
        Vault(vault_dir).unlock_with_recovery(other)


def test_reset_passphrase_with_recovery(vault_dir: Path, recovery_key: str) -> None:
    Vault(vault_dir).reset_passphrase_with_recovery(recovery_key.lower(), USER, NEW,
                                                    kdf_params=FAST_KDF)
    assert opens(vault_dir, USER, NEW)
    assert not opens(vault_dir, USER, PASSPHRASE)
    assert len(passphrase_slots(vault_dir)) == 1
    Vault(vault_dir).unlock_with_recovery(recovery_key).lock()  # the recovery slot stays


def test_reset_with_a_wrong_recovery_key_changes_nothing(vault_dir: Path) -> None:
    before = (vault_dir / "keyslots.json").read_bytes()
    with pytest.raises(WrongPassphrase):
        Vault(vault_dir).reset_passphrase_with_recovery(
            format_recovery_key(new_recovery_key()), USER, NEW, kdf_params=FAST_KDF)
    assert (vault_dir / "keyslots.json").read_bytes() == before


# ---- users -------------------------------------------------------------------------------
def test_add_and_remove_user(vault_dir: Path) -> None:
    unlocked = Vault(vault_dir).unlock(USER, PASSPHRASE)
    try:
        unlocked.add_user("Bertil Berg", NEW, kdf_params=FAST_KDF)
        assert Vault(vault_dir).users() == [USER, "Bertil Berg"]
        assert opens(vault_dir, "Bertil Berg", NEW)
        unlocked.remove_user(USER)
        assert Vault(vault_dir).users() == ["Bertil Berg"]
        assert not opens(vault_dir, USER, PASSPHRASE)
        with pytest.raises(ValidationError, match="den sista användaren kan inte tas bort"):
            unlocked.remove_user("Bertil Berg")
        assert opens(vault_dir, "Bertil Berg", NEW)
    finally:
        unlocked.lock()


@pytest.mark.parametrize(("user", "passphrase", "reason"), [
    (USER, NEW, "finns redan i valvet"),
    ("   ", NEW, "får inte vara tom"),
    ("x" * 65, NEW, "högst 64 vanliga tecken"),
    ("tab\tbar", NEW, "högst 64 vanliga tecken"),
    ("cecilia", "för kort", "måste vara minst 10 tecken lång"),
])
def test_add_user_refuses_bad_input_and_writes_nothing(vault_dir: Path, user: str,
                                                        passphrase: str, reason: str) -> None:
    before = (vault_dir / "keyslots.json").read_bytes()
    unlocked = Vault(vault_dir).unlock(USER, PASSPHRASE)
    try:
        with pytest.raises(ValidationError) as info:
            unlocked.add_user(user, passphrase, kdf_params=FAST_KDF)
    finally:
        unlocked.lock()
    assert info.value.errors[0].reason == reason
    assert (vault_dir / "keyslots.json").read_bytes() == before


def test_remove_unknown_user_is_refused(vault_dir: Path) -> None:
    unlocked = Vault(vault_dir).unlock(USER, PASSPHRASE)
    try:
        with pytest.raises(ValidationError, match="finns inte i valvet"):
            unlocked.remove_user("gustav")
    finally:
        unlocked.lock()


def test_locked_vault_cannot_add_users(vault_dir: Path) -> None:
    unlocked = Vault(vault_dir).unlock(USER, PASSPHRASE)
    unlocked.lock()
    before = (vault_dir / "keyslots.json").read_bytes()
    with pytest.raises(VaultError, match="Valvet är låst"):
        unlocked.add_user("cecilia", NEW, kdf_params=FAST_KDF)
    assert (vault_dir / "keyslots.json").read_bytes() == before


def test_create_refuses_a_short_passphrase(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="minst 10 tecken"):
        Vault.create(tmp_path / "v", USER, "kort", kdf_params=FAST_KDF)
    assert not (tmp_path / "v").exists()
