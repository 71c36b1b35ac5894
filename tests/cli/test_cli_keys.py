"""`mottryck passwd` and `mottryck user add/list/remove`: key slots from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import WrongPassphrase
from app.services import audit
from app.services.session import open_vault
from app.vault.vault import KEYSLOTS_NAME, Vault
from tests.cli.conftest import Run, secret_file
from tests.conftest import PASSPHRASE, USER

NEW = "en ny och längre lösenfras"
BERTIL_PW = "bertils egen lösenfras"


def opens(vault: Path, user: str, passphrase: str) -> bool:
    try:
        open_vault(vault, user, passphrase).lock()
    except WrongPassphrase:
        return False
    return True


def key_changes(vault: Path, user: str = USER, passphrase: str = PASSPHRASE) -> list[object]:
    services = open_vault(vault, user, passphrase)
    try:
        return [e.detail for e in reversed(audit.list_events(services.db, action="key_change"))]
    finally:
        services.lock()


# ---- passwd --------------------------------------------------------------------------------
def test_passwd_replaces_the_passphrase(
        run: Run, vault_dir: Path, passphrase_file: Path, tmp_path: Path) -> None:
    new = secret_file(tmp_path, "ny.txt", NEW)
    result = run("passwd", "--vault", vault_dir, "--passphrase-file", passphrase_file,
                 "--new-passphrase-file", new)
    assert result.code == 0, result.err
    assert result.out == f"Lösenfrasen för {USER} är bytt.\n"
    assert not opens(vault_dir, USER, PASSPHRASE)
    assert opens(vault_dir, USER, NEW)
    assert key_changes(vault_dir, USER, NEW) == [{"method": "passphrase", "user_slot": True}]


def test_passwd_with_the_wrong_old_passphrase_changes_nothing(
        run: Run, vault_dir: Path, tmp_path: Path) -> None:
    slots = (vault_dir / KEYSLOTS_NAME).read_bytes()
    wrong = secret_file(tmp_path, "fel.txt", "inte den gamla frasen")
    new = secret_file(tmp_path, "ny.txt", NEW)
    result = run("passwd", "--vault", vault_dir, "--passphrase-file", wrong,
                 "--new-passphrase-file", new)
    assert result.code == 1
    assert result.err.startswith("mottryck: Fel lösenfras")
    assert len(result.err.splitlines()) == 1
    assert (vault_dir / KEYSLOTS_NAME).read_bytes() == slots
    assert opens(vault_dir, USER, PASSPHRASE)
    assert not opens(vault_dir, USER, NEW)


def test_passwd_refuses_a_too_short_new_passphrase(
        run: Run, vault_dir: Path, passphrase_file: Path, tmp_path: Path) -> None:
    slots = (vault_dir / KEYSLOTS_NAME).read_bytes()
    short = secret_file(tmp_path, "kort.txt", "kort")
    result = run("passwd", "--vault", vault_dir, "--passphrase-file", passphrase_file,
                 "--new-passphrase-file", short)
    assert result.code == 1
    assert result.err == "mottryck: lösenfras: måste vara minst 10 tecken lång\n"
    assert (vault_dir / KEYSLOTS_NAME).read_bytes() == slots
    assert opens(vault_dir, USER, PASSPHRASE)


def test_passwd_with_the_recovery_key_sets_a_new_passphrase(
        run: Run, vault_dir: Path, recovery_key: str, tmp_path: Path) -> None:
    # Written the way people copy it from paper: lower case, spaces instead of dashes.
    typed = recovery_key.lower().replace("-", " ")
    key_file = secret_file(tmp_path, "nyckel.txt", typed)
    new = secret_file(tmp_path, "ny.txt", NEW)
    result = run("passwd", "--vault", vault_dir, "--recovery-key-file", key_file,
                 "--new-passphrase-file", new)
    assert result.code == 0, result.err
    assert not opens(vault_dir, USER, PASSPHRASE)
    assert opens(vault_dir, USER, NEW)
    assert key_changes(vault_dir, USER, NEW) == [{"method": "recovery", "user_slot": True}]


def test_passwd_with_a_mistyped_recovery_key_changes_nothing(
        run: Run, vault_dir: Path, recovery_key: str, tmp_path: Path) -> None:
    slots = (vault_dir / KEYSLOTS_NAME).read_bytes()
    # One character changed: caught by the checksum, before any unwrap is tried.
    first = recovery_key[0]
    typo = ("B" if first != "B" else "C") + recovery_key[1:]
    key_file = secret_file(tmp_path, "nyckel.txt", typo)
    new = secret_file(tmp_path, "ny.txt", NEW)
    result = run("passwd", "--vault", vault_dir, "--recovery-key-file", key_file,
                 "--new-passphrase-file", new)
    assert result.code == 1
    assert result.err.startswith("mottryck: Återställningsnyckeln är felskriven")
    assert len(result.err.splitlines()) == 1
    assert (vault_dir / KEYSLOTS_NAME).read_bytes() == slots
    assert opens(vault_dir, USER, PASSPHRASE)


def test_passwd_without_terminal_or_new_passphrase_file(
        run: Run, vault_dir: Path, passphrase_file: Path) -> None:
    result = run("passwd", "--vault", vault_dir, "--passphrase-file", passphrase_file)
    assert result.code == 1
    assert "--passphrase-file" in result.err
    assert opens(vault_dir, USER, PASSPHRASE)


# ---- users ---------------------------------------------------------------------------------
def add_bertil(run: Run, vault: Path, passphrase_file: Path, tmp_path: Path) -> None:
    bertil = secret_file(tmp_path, "bertil.txt", BERTIL_PW)
    result = run("user", "add", "bertil", "--vault", vault, "--passphrase-file",
                 passphrase_file, "--new-passphrase-file", bertil)
    assert result.code == 0, result.err
    assert "Användaren bertil är tillagd." in result.out


def test_user_list_add_and_remove(run: Run, vault_dir: Path, passphrase_file: Path,
                                  tmp_path: Path, fast_kdf: None) -> None:
    assert run("user", "list", "--vault", vault_dir).out == f"{USER}\n"
    add_bertil(run, vault_dir, passphrase_file, tmp_path)
    assert run("user", "list", "--vault", vault_dir).out.splitlines() == [USER, "bertil"]
    assert opens(vault_dir, "bertil", BERTIL_PW)

    result = run("user", "remove", "bertil", "--vault", vault_dir, "--user", USER,
                 "--passphrase-file", passphrase_file)
    assert result.code == 0, result.err
    assert result.out == "Användaren bertil är borttagen.\n"
    assert run("user", "list", "--vault", vault_dir).out == f"{USER}\n"
    with pytest.raises(WrongPassphrase):
        open_vault(vault_dir, "bertil", BERTIL_PW)
    assert key_changes(vault_dir) == [{"user": "add"}, {"user": "remove"}]


def test_two_users_need_user_named(run: Run, vault_dir: Path, passphrase_file: Path,
                                   tmp_path: Path, fast_kdf: None) -> None:
    add_bertil(run, vault_dir, passphrase_file, tmp_path)
    result = run("people", "list", "--vault", vault_dir, "--passphrase-file", passphrase_file)
    assert result.code == 1
    assert result.err == "mottryck: Valvet har flera användare (anna, bertil); ange --user.\n"
    named = run("people", "list", "--vault", vault_dir, "--user", USER, "--passphrase-file",
                passphrase_file)
    assert named.code == 0, named.err


def test_removing_the_last_user_is_refused(
        run: Run, vault_dir: Path, passphrase_file: Path) -> None:
    slots = (vault_dir / KEYSLOTS_NAME).read_bytes()
    result = run("user", "remove", USER, "--vault", vault_dir, "--passphrase-file",
                 passphrase_file)
    assert result.code == 1
    assert result.err == "mottryck: användare: den sista användaren kan inte tas bort\n"
    assert (vault_dir / KEYSLOTS_NAME).read_bytes() == slots
    assert Vault(vault_dir).users() == [USER]
    assert opens(vault_dir, USER, PASSPHRASE)


def test_removing_an_unknown_user_is_refused(
        run: Run, vault_dir: Path, passphrase_file: Path) -> None:
    result = run("user", "remove", "cecilia", "--vault", vault_dir, "--passphrase-file",
                 passphrase_file)
    assert result.code == 1
    assert result.err == "mottryck: användare: finns inte i valvet\n"


def test_adding_an_existing_user_is_refused(run: Run, vault_dir: Path, passphrase_file: Path,
                                            tmp_path: Path, fast_kdf: None) -> None:
    slots = (vault_dir / KEYSLOTS_NAME).read_bytes()
    other = secret_file(tmp_path, "annan.txt", "en annan lösenfras")
    result = run("user", "add", USER, "--vault", vault_dir, "--passphrase-file",
                 passphrase_file, "--new-passphrase-file", other)
    assert result.code == 1
    assert result.err.endswith("mottryck: användare: finns redan i valvet\n")
    assert (vault_dir / KEYSLOTS_NAME).read_bytes() == slots


def test_adding_a_user_with_a_short_passphrase_is_refused(
        run: Run, vault_dir: Path, passphrase_file: Path, tmp_path: Path) -> None:
    short = secret_file(tmp_path, "kort.txt", "kort")
    result = run("user", "add", "bertil", "--vault", vault_dir, "--passphrase-file",
                 passphrase_file, "--new-passphrase-file", short)
    assert result.code == 1
    assert result.err.endswith("mottryck: lösenfras: måste vara minst 10 tecken lång\n")
    assert Vault(vault_dir).users() == [USER]


def test_user_list_of_a_missing_vault(run: Run, tmp_path: Path) -> None:
    result = run("user", "list", "--vault", tmp_path / "inget")
    assert result.code == 1
    assert result.err == f"mottryck: Hittar inget Mottryck-valv i {tmp_path / 'inget'}.\n"
