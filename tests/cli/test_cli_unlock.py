"""Unlocking from the command line: every way it can fail is one clear line and exit 1."""

from __future__ import annotations

import json
import time
from pathlib import Path

from app.vault.vault import BACKOFF_NAME
from tests.cli.conftest import Run, audit_actions, secret_file
from tests.conftest import PASSPHRASE


def one_error_line(result_err: str) -> str:
    lines = result_err.splitlines()
    assert len(lines) == 1, result_err
    assert lines[0].startswith("mottryck: ")
    assert "Traceback" not in result_err
    return lines[0]


def test_wrong_passphrase_fails_and_writes_nothing(
        run: Run, vault_dir: Path, tmp_path: Path) -> None:
    before = audit_actions(vault_dir)
    wrong = secret_file(tmp_path, "wrong.txt", "inte rätt lösenfras")
    result = run("people", "list", "--vault", vault_dir, "--passphrase-file", wrong)
    assert result.code == 1
    assert result.out == ""
    assert one_error_line(result.err).startswith("mottryck: Fel lösenfras")
    # The failure can only be logged once the vault is open again: the next successful
    # unlock enters it just before its own login. Nothing else was written.
    after = audit_actions(vault_dir)
    assert after[:len(before)] == before
    assert after[len(before):] == [("failed_login", "vault"), ("login", "vault")]


def test_missing_vault_folder(run: Run, tmp_path: Path, passphrase_file: Path) -> None:
    missing = tmp_path / "finns-inte"
    result = run("people", "list", "--vault", missing, "--passphrase-file", passphrase_file)
    assert result.code == 1
    assert one_error_line(result.err) == f"mottryck: Hittar inget Mottryck-valv i {missing}."
    assert not missing.exists()


def test_folder_without_a_vault(run: Run, tmp_path: Path, passphrase_file: Path) -> None:
    (tmp_path / "tom").mkdir()
    result = run("audit", "verify", "--vault", tmp_path / "tom", "--passphrase-file",
                 passphrase_file)
    assert result.code == 1
    assert "Hittar inget Mottryck-valv" in one_error_line(result.err)
    assert list((tmp_path / "tom").iterdir()) == []


def test_empty_passphrase_file(run: Run, vault_dir: Path, tmp_path: Path) -> None:
    empty = tmp_path / "tom.txt"
    empty.write_text("", encoding="utf-8")
    result = run("people", "list", "--vault", vault_dir, "--passphrase-file", empty)
    assert result.code == 1
    assert one_error_line(result.err) == f"mottryck: Lösenfrasfilen {empty} är tom."


def test_passphrase_file_whose_first_line_is_blank_counts_as_empty(
        run: Run, vault_dir: Path, tmp_path: Path) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_text("\n" + PASSPHRASE + "\n", encoding="utf-8")
    result = run("people", "list", "--vault", vault_dir, "--passphrase-file", blank)
    assert result.code == 1
    assert "är tom" in one_error_line(result.err)


def test_missing_passphrase_file(run: Run, vault_dir: Path, tmp_path: Path) -> None:
    missing = tmp_path / "saknas.txt"
    result = run("people", "list", "--vault", vault_dir, "--passphrase-file", missing)
    assert result.code == 1
    assert one_error_line(result.err) == f"mottryck: Hittar inte lösenfrasfilen {missing}."


def test_passphrase_file_that_is_a_folder(run: Run, vault_dir: Path, tmp_path: Path) -> None:
    result = run("people", "list", "--vault", vault_dir, "--passphrase-file", tmp_path)
    assert result.code == 1
    assert one_error_line(result.err) == f"mottryck: Kan inte läsa lösenfrasfilen {tmp_path}."


def test_no_terminal_and_no_passphrase_file(run: Run, vault_dir: Path) -> None:
    result = run("people", "list", "--vault", vault_dir)
    assert result.code == 1
    assert result.out == ""
    assert "--passphrase-file" in one_error_line(result.err)


def test_only_the_first_line_counts_and_windows_line_ends_work(
        run: Run, vault_dir: Path, tmp_path: Path) -> None:
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(("\ufeff" + PASSPHRASE + "\r\nandra raden\r\n").encode("utf-8"))
    result = run("people", "list", "--vault", vault_dir, "--passphrase-file", crlf)
    assert result.code == 0, result.err


def test_unknown_user(run: Run, vault_dir: Path, passphrase_file: Path) -> None:
    result = run("people", "list", "--vault", vault_dir, "--user", "bertil",
                 "--passphrase-file", passphrase_file)
    assert result.code == 1
    assert one_error_line(result.err) == "mottryck: Okänd användare för detta valv: bertil"


def test_back_off_after_many_failures_refuses_even_the_right_passphrase(
        run: Run, vault_dir: Path, passphrase_file: Path) -> None:
    # Ten recent failures: far more than the free attempts, so the wait is minutes long.
    (vault_dir / BACKOFF_NAME).write_text(
        json.dumps({"failures": 10, "last_failure": time.time()}), encoding="utf-8")
    result = run("people", "list", "--vault", vault_dir, "--passphrase-file", passphrase_file)
    assert result.code == 1
    assert one_error_line(result.err).startswith(
        "mottryck: För många misslyckade försök. Vänta ")
