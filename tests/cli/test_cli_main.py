"""The command as a whole: options, --version, help, and errors as one line with no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from tests.cli.conftest import PEOPLE, Run, secret_file

REPO = Path(__file__).resolve().parents[2]


def test_version(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        run("--version")
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"mottryck {__version__}"


def test_vault_options_before_the_subcommand_are_used(
        run: Run, seeded: Path, passphrase_file: Path) -> None:
    result = run("--vault", seeded, "--passphrase-file", passphrase_file, "people", "list",
                 "--format", "json")
    assert result.code == 0, result.err
    assert len(json.loads(result.out)) == len(PEOPLE)


def test_vault_option_after_the_subcommand_wins(
        run: Run, seeded: Path, passphrase_file: Path, tmp_path: Path) -> None:
    result = run("--vault", tmp_path / "elsewhere", "people", "list", "--vault", seeded,
                 "--passphrase-file", passphrase_file, "--format", "json")
    assert result.code == 0, result.err
    assert len(json.loads(result.out)) == len(PEOPLE)


def test_unknown_subcommand_is_a_usage_error(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        run("rensa")
    assert exc.value.code == 2
    assert "rensa" in capsys.readouterr().err


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO)
    env.pop("PYTHONWARNINGS", None)
    return env


def test_python_dash_m_app_help_lists_the_subcommands(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "app", "--help"], capture_output=True,
                          text=True, cwd=tmp_path, env=_env(), timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("usage: mottryck")
    for command in ("init", "demo", "import", "people", "passwd", "user", "audit", "backup",
                    "restore"):
        assert command in proc.stdout
    assert proc.stderr == ""


def test_installed_command_reports_an_error_as_one_line_without_traceback(
        vault_dir: Path, tmp_path: Path) -> None:
    wrong = secret_file(tmp_path, "wrong.txt", "inte rätt lösenfras alls")
    command = Path(sys.executable).with_name("mottryck")
    argv = [str(command)] if command.exists() else [sys.executable, "-m", "app"]
    proc = subprocess.run([*argv, "people", "list", "--vault", str(vault_dir),
                           "--passphrase-file", str(wrong)],
                          capture_output=True, text=True, cwd=tmp_path, env=_env(),
                          timeout=120, check=False)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1
    assert proc.stderr.startswith("mottryck: Fel lösenfras")
    assert "Traceback" not in proc.stderr + proc.stdout


def test_an_unexpected_error_is_one_line_and_logged_without_personal_data(
        run: Run, seeded: Path, passphrase_file: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "Åsa Öberg 198112189876"

    def broken_search(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError(secret)

    logs = tmp_path / "loggar"
    monkeypatch.setattr("app.cli.log_dir", lambda: logs)
    monkeypatch.setattr("app.services.people.PeopleService.search", broken_search)
    result = run("people", "list", "--vault", seeded, "--passphrase-file", passphrase_file)
    log = logs / "mottryck-cli.log"
    assert result.code == 1
    assert result.out == ""
    assert result.err == f"mottryck: internt fel: RuntimeError (detaljer i {log})\n"
    text = log.read_text(encoding="utf-8")
    assert "cmd_people_list" in text
    assert "RuntimeError" in text
    assert "Öberg" not in text
    assert "198112189876" not in text
