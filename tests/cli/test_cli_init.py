"""`mottryck init`: a new vault, the recovery key shown once, and refusals that create nothing."""

from __future__ import annotations

import getpass
import re
from pathlib import Path

import pytest

from app.services.session import open_vault, open_with_recovery
from app.vault.vault import DB_NAME, KEYSLOTS_NAME, Vault
from tests.cli.conftest import Run, audit_actions, secret_file
from tests.conftest import PASSPHRASE, USER

RECOVERY = re.compile(r"[A-Z2-7]{4}(?:-[A-Z2-7]{4}){13}")


def test_init_creates_a_vault_and_shows_the_recovery_key_once(
        run: Run, tmp_path: Path, passphrase_file: Path) -> None:
    # The one test that pays for the real KDF calibration, as a user's `init` does.
    folder = tmp_path / "nytt" / "valv"
    result = run("init", "--vault", folder, "--user", USER, "--passphrase-file", passphrase_file,
                 "--unit-name", "Sluta skjut Malmö")
    assert result.code == 0, result.err
    assert result.err == ""
    keys = RECOVERY.findall(result.out)
    assert len(keys) == 1
    (key,) = keys
    assert result.out.count(key) == 1
    assert f"användare: {USER}" in result.out
    assert Vault(folder).users() == [USER]

    services = open_vault(folder, USER, PASSPHRASE)
    try:
        assert services.vault.meta("unit_name") == "Sluta skjut Malmö"
    finally:
        services.lock()
    by_recovery = open_with_recovery(folder, key)
    by_recovery.lock()
    assert audit_actions(folder)[0] == ("create", "vault")


def test_second_init_in_the_same_folder_fails_and_leaves_the_vault_intact(
        run: Run, vault_dir: Path, tmp_path: Path) -> None:
    before = {name: (vault_dir / name).read_bytes() for name in (DB_NAME, KEYSLOTS_NAME)}
    other = secret_file(tmp_path, "annan.txt", "en helt annan lösenfras")
    result = run("init", "--vault", vault_dir, "--user", "bertil", "--passphrase-file", other)
    assert result.code == 1
    assert result.out == ""
    assert result.err == f"mottryck: Det finns redan ett valv i {vault_dir}.\n"
    assert {name: (vault_dir / name).read_bytes() for name in before} == before
    assert Vault(vault_dir).users() == [USER]
    open_vault(vault_dir, USER, PASSPHRASE).lock()


def test_too_short_passphrase_is_refused_and_creates_nothing(run: Run, tmp_path: Path) -> None:
    short = secret_file(tmp_path, "kort.txt", "kort")
    folder = tmp_path / "valv"
    result = run("init", "--vault", folder, "--user", USER, "--passphrase-file", short)
    assert result.code == 1
    assert result.out == ""
    assert result.err == "mottryck: lösenfras: måste vara minst 10 tecken lång\n"
    assert not folder.exists()


def test_bad_user_name_is_refused_and_creates_nothing(
        run: Run, tmp_path: Path, passphrase_file: Path) -> None:
    folder = tmp_path / "valv"
    result = run("init", "--vault", folder, "--user", "   ", "--passphrase-file", passphrase_file)
    assert result.code == 1
    assert result.err == "mottryck: användare: får inte vara tom\n"
    assert not folder.exists()


def test_init_where_the_folder_is_a_file(run: Run, tmp_path: Path, passphrase_file: Path,
                                         fast_kdf: None) -> None:
    blocker = tmp_path / "fil"
    blocker.write_text("inte en mapp", encoding="utf-8")
    result = run("init", "--vault", blocker, "--user", USER, "--passphrase-file", passphrase_file)
    assert result.code == 1
    assert result.err.startswith(f"mottryck: Kan inte skapa mappen {blocker}")
    assert len(result.err.splitlines()) == 1
    assert blocker.read_text(encoding="utf-8") == "inte en mapp"


def test_init_without_user_takes_the_login_name(
        run: Run, tmp_path: Path, passphrase_file: Path, fast_kdf: None) -> None:
    folder = tmp_path / "valv"
    result = run("init", "--vault", folder, "--passphrase-file", passphrase_file)
    assert result.code == 0, result.err
    assert Vault(folder).users() == [getpass.getuser()]


def test_init_without_terminal_or_passphrase_file_creates_nothing(
        run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "valv"
    result = run("init", "--vault", folder, "--user", USER)
    assert result.code == 1
    assert "--passphrase-file" in result.err
    assert not folder.exists()


def typed(monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> list[str]:
    """A terminal where the user types ``answers`` in turn; returns the prompts shown."""
    prompts: list[str] = []

    def getpass_(prompt: str = "") -> str:
        prompts.append(prompt)
        if not answers:
            raise EOFError
        return answers.pop(0)

    monkeypatch.setattr("app.cli.prompt._interactive", lambda: True)
    monkeypatch.setattr("app.cli.prompt.getpass.getpass", getpass_)
    return prompts


def test_init_at_a_terminal_asks_twice(run: Run, tmp_path: Path, fast_kdf: None,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    prompts = typed(monkeypatch, [PASSPHRASE, PASSPHRASE])
    folder = tmp_path / "valv"
    result = run("init", "--vault", folder, "--user", USER)
    assert result.code == 0, result.err
    assert prompts == ["Ny lösenfras: ", "Upprepa lösenfrasen: "]
    open_vault(folder, USER, PASSPHRASE).lock()


def test_init_with_two_different_passphrases_creates_nothing(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    typed(monkeypatch, [PASSPHRASE, PASSPHRASE + "!"])
    folder = tmp_path / "valv"
    result = run("init", "--vault", folder, "--user", USER)
    assert result.code == 1
    assert result.err == "mottryck: Lösenfraserna är inte likadana.\n"
    assert not folder.exists()


def test_end_of_input_at_the_prompt_is_a_clean_stop(
        run: Run, vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    typed(monkeypatch, [])
    result = run("people", "list", "--vault", vault_dir)
    assert result.code == 1
    assert result.out == ""
    assert result.err == "mottryck: Avbrutet.\n"
