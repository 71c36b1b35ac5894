"""`mottryck report`: the measures for a period as PDF (and CSV files), the export logged;
bad input is one line on stderr, exit 1, no file and no login."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.services.session import open_vault
from tests.cli.conftest import Result, Run, audit_actions
from tests.conftest import PASSPHRASE, USER
from tests.unit.measures_fixtures import build


@pytest.fixture
def register(vault_dir: Path) -> Path:
    services = open_vault(vault_dir, USER, PASSPHRASE)
    try:
        build(services)
    finally:
        services.lock()
    return vault_dir


def _report(run: Run, vault: Path, pw: Path, *extra: str | Path) -> Result:
    return run("report", "--vault", vault, "--passphrase-file", pw, *extra)


def test_pdf_and_csv_for_the_period(run: Run, register: Path, passphrase_file: Path,
                                    tmp_path: Path) -> None:
    out, folder = tmp_path / "rapport.pdf", tmp_path / "tabeller"
    folder.mkdir()
    result = _report(run, register, passphrase_file, "--from", "2025-01-10", "--to",
                     "2025-03-20", "--out", out, "--csv-dir", folder)
    assert result.code == 0, result.err
    assert f"Rapporten för 2025-01-10 – 2025-03-20 är skriven: {out}" in result.out
    assert "10 CSV-filer" in result.out
    first = PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert "Arbetsgruppens mått" in first and "Testenheten" in first
    assert "Skapad" in first and USER in first
    assert len(list(folder.glob("*.csv"))) == 10
    assert audit_actions(register)[-2] == ("export", "measures")  # then the checking login


def test_pdf_only(run: Run, register: Path, passphrase_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    result = _report(run, register, passphrase_file, "--from", " 2025-02-01", "--to",
                     "2025-02-28", "--out", out)
    assert result.code == 0, result.err
    assert "CSV" not in result.out
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(("dates", "message"), [
    (("2025-13-01", "2025-03-20"), "--from: '2025-13-01' är inget datum (skriv ÅÅÅÅ-MM-DD)."),
    (("2025-01-01", "igår"), "--to: 'igår' är inget datum (skriv ÅÅÅÅ-MM-DD)."),
    (("2025-03-20", "2025-01-10"), "--to (2025-01-10) är före --from (2025-03-20)."),
    (("2000-01-01", "2025-01-01"), "perioden får vara högst 120 månader"),
])
def test_bad_dates_are_refused_before_unlocking(run: Run, register: Path,
                                                 passphrase_file: Path, tmp_path: Path,
                                                 dates: tuple[str, str], message: str) -> None:
    before = audit_actions(register)
    out = tmp_path / "r.pdf"
    result = _report(run, register, passphrase_file, "--from", dates[0], "--to", dates[1],
                     "--out", out)
    assert result.code == 1
    assert message in result.err and "Traceback" not in result.err
    assert not out.exists()
    assert audit_actions(register)[:-1] == before  # nothing but the checking login


def test_missing_folders_are_refused(run: Run, register: Path, passphrase_file: Path,
                                     tmp_path: Path) -> None:
    period = ("--from", "2025-01-01", "--to", "2025-01-31")
    result = _report(run, register, passphrase_file, *period, "--out",
                     tmp_path / "saknas" / "r.pdf")
    assert result.code == 1 and "finns inte" in result.err
    result = _report(run, register, passphrase_file, *period, "--out", tmp_path / "r.pdf",
                     "--csv-dir", tmp_path / "saknas")
    assert result.code == 1 and "finns inte" in result.err
    result = _report(run, register, passphrase_file, *period, "--out", tmp_path)
    assert result.code == 1 and "är en mapp" in result.err
    assert not (tmp_path / "r.pdf").exists()
