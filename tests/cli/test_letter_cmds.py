"""`mottryck letters`: a PDF for a call-in's attendees or invitees, written atomically and
recorded; bad input is one line on stderr, exit 1, no file and no record."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.session import open_vault
from tests.cli.conftest import Result, Run
from tests.conftest import PASSPHRASE, USER
from tests.unit.letters_fixtures import ID_PATTERN, World, build_world, pages_text


@pytest.fixture
def world(vault_dir: Path) -> World:
    services = open_vault(vault_dir, USER, PASSPHRASE)
    try:
        return build_world(services)
    finally:
        services.lock()


def _recorded(vault: Path) -> int:
    services = open_vault(vault, USER, PASSPHRASE)
    try:
        return len(services.letters.printed())
    finally:
        services.lock()


def _letters(run: Run, vault: Path, pw: Path, *extra: str | Path) -> Result:
    return run("letters", "--vault", vault, "--passphrase-file", pw, *extra)


def test_attendees_by_default(run: Run, vault_dir: Path, passphrase_file: Path, world: World,
                              tmp_path: Path) -> None:
    out = tmp_path / "brev.pdf"
    result = _letters(run, vault_dir, passphrase_file, "--call-in", world.callin_id,
                      "--out", out)
    assert result.code == 0, result.err
    assert "2 brev skrivna" in result.out
    pages = pages_text(out.read_bytes())
    assert len(pages) == 2 and "Åsa Öberg" in pages[1]
    assert not ID_PATTERN.search(" ".join(pages))
    assert _recorded(vault_dir) == 2


def test_invitees_in_english(run: Run, vault_dir: Path, passphrase_file: Path, world: World,
                             tmp_path: Path) -> None:
    out = tmp_path / "inv.pdf"
    result = _letters(run, vault_dir, passphrase_file, "--call-in", world.callin_id,
                      "--out", out, "--invitees", "--language", "en")
    assert result.code == 0, result.err
    pages = pages_text(out.read_bytes())
    assert len(pages) == 4 and all("Invitation to a call-in" in p for p in pages)


@pytest.mark.parametrize("args, message", [
    (["--call-in", "nope"], "Forumet finns inte"),
    (["--template", "saknas"], "ingen brevmall saknas"),
    (["--template", "riktat-samtal"], "passar inte här"),
])
def test_errors_leave_no_file(run: Run, vault_dir: Path, passphrase_file: Path, world: World,
                              tmp_path: Path, args: list[str], message: str) -> None:
    out = tmp_path / "x.pdf"
    argv: list[str | Path] = ["--call-in", world.callin_id, "--out", out, *args]
    if args[0] == "--call-in":
        argv = [*args, "--out", out]
    result = _letters(run, vault_dir, passphrase_file, *argv)
    assert result.code == 1
    err = result.err
    assert message in err and err.count("\n") == 1 and err.startswith("mottryck: ")
    assert not out.exists() and list(tmp_path.glob("*.pdf")) == []
    assert _recorded(vault_dir) == 0


def test_no_recipients_and_missing_folder(run: Run, vault_dir: Path, passphrase_file: Path,
                                          tmp_path: Path) -> None:
    services = open_vault(vault_dir, USER, PASSPHRASE)
    try:
        from app.models import CallIn

        with services.db.write() as s:
            empty = CallIn(title="Tomt")
            s.add(empty)
            s.flush()
            empty_id = empty.id
    finally:
        services.lock()
    result = _letters(run, vault_dir, passphrase_file, "--call-in", empty_id, "--out",
                      tmp_path / "x.pdf")
    assert result.code == 1 and "närvarande" in result.err
    result = _letters(run, vault_dir, passphrase_file, "--call-in", empty_id, "--out",
                      tmp_path / "saknas" / "x.pdf")
    assert result.code == 1 and "finns inte" in result.err
    assert list(tmp_path.rglob("*.pdf")) == []
