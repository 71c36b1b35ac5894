"""`mottryck bundle export` and `mottryck bundle import [--dry-run]` between two vaults."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Disclosure
from app.services.session import Services, open_vault
from tests.cli.conftest import GROUP, Run
from tests.conftest import PASSPHRASE, USER
from tests.security.bundle_vaults import dump, pin, second_vault

LEGAL = "Samma arbetsgrupp"


@pytest.fixture
def receiver(tmp_path: Path, seeded: Path) -> Iterator[Path]:
    """A second vault; it and the seeded one pin each other as team colleagues."""
    for svc in second_vault(tmp_path):
        sender = open_vault(seeded, USER, PASSPHRASE)
        try:
            pin(sender, svc, name="Kollegan")
            pin(svc, sender, name="Avsändaren")
        finally:
            sender.lock()
        svc.lock()
        yield tmp_path / "other"  # where second_vault made it


def opts(vault: Path, passphrase_file: Path) -> list[str | Path]:
    return ["--vault", vault, "--passphrase-file", passphrase_file]


def state(vault: Path) -> dict[str, object]:
    svc: Services = open_vault(vault, USER, PASSPHRASE)
    try:
        return dump(svc)
    finally:
        svc.lock()


def export(run: Run, seeded: Path, passphrase_file: Path, out: Path, *extra: str) -> object:
    return run("bundle", "export", "--to", "kollegan", "--out", out, "--legal-basis", LEGAL,
               *extra, *opts(seeded, passphrase_file))


def test_export_then_dry_run_then_import_then_replay(
        run: Run, seeded: Path, receiver: Path, passphrase_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "till-kollegan.age"
    result = export(run, seeded, passphrase_file, out, "--purpose", "Veckoutbyte")
    assert result.code == 0, result.err
    assert "Bunt-id:" in result.out and "Löpnummer: 1" in result.out
    assert "Personer" in result.out and "4" in result.out and out.exists()
    bundle_id = result.out.split("Bunt-id:")[1].split()[0]
    svc = open_vault(seeded, USER, PASSPHRASE)
    try:
        with svc.db.read() as s:
            [disclosure] = s.execute(select(Disclosure)).scalars().all()
            assert (disclosure.bundle_id, disclosure.purpose) == (bundle_id, "Veckoutbyte")
    finally:
        svc.lock()

    before = state(receiver)
    dry = run("bundle", "import", out, "--dry-run", *opts(receiver, passphrase_file))
    assert dry.code == 0, dry.err
    assert bundle_id in dry.out and "Avsändaren" in dry.out and LEGAL in dry.out
    assert "Nya" in dry.out and "Personer" in dry.out
    assert "Inget skrevs (provkörning)." in dry.out
    after_dry = state(receiver)
    # Opening the vault logs a login; nothing else may differ.
    assert {k: v for k, v in after_dry.items() if k not in ("audit_event", "vault_meta",
                                                            "audit_head")} == \
        {k: v for k, v in before.items() if k not in ("audit_event", "vault_meta", "audit_head")}

    done = run("bundle", "import", out, *opts(receiver, passphrase_file))
    assert done.code == 0, done.err
    assert "Inläst:" in done.out

    again = run("bundle", "import", out, *opts(receiver, passphrase_file))
    assert again.code == 1 and again.out == ""
    assert again.err.count("\n") == 1
    assert "Bunten togs inte emot:" in again.err and "redan" in again.err


def test_a_second_export_counts_up_and_narrows_to_a_group(
        run: Run, seeded: Path, receiver: Path, passphrase_file: Path, tmp_path: Path) -> None:
    assert export(run, seeded, passphrase_file, tmp_path / "1.age").code == 0
    result = export(run, seeded, passphrase_file, tmp_path / "2.age", "--group", GROUP,
                    "--since", "2000-01-01")
    assert result.code == 0, result.err
    assert "Löpnummer: 2" in result.out
    personer = [line for line in result.out.splitlines() if line.startswith("Personer")]
    assert personer and personer[0].split()[-1] == "2"  # the group's two members


@pytest.mark.parametrize(("extra", "message"), [
    (["--group", "Okända", "--group", "Saknade"], "Okänd grupp: Okända, Saknade."),
    (["--legal-basis", "   "], "rättslig grund"),
])
def test_bad_export_options_are_one_error_and_write_nothing(
        run: Run, seeded: Path, receiver: Path, passphrase_file: Path, tmp_path: Path,
        extra: list[str], message: str) -> None:
    out = tmp_path / "x.age"
    result = export(run, seeded, passphrase_file, out, *extra)
    assert result.code == 1 and message in result.err
    assert result.err.count("\n") == 1
    assert not out.exists()


def test_unknown_partner_and_bad_date(run: Run, seeded: Path, passphrase_file: Path,
                                      tmp_path: Path) -> None:
    result = run("bundle", "export", "--to", "Ingen", "--out", tmp_path / "x.age",
                 "--legal-basis", LEGAL, *opts(seeded, passphrase_file))
    assert result.code == 1 and "Ingen partner heter Ingen." in result.err
    with pytest.raises(SystemExit):
        run("bundle", "export", "--to", "Ingen", "--out", tmp_path / "x.age",
            "--legal-basis", LEGAL, "--since", "igår", *opts(seeded, passphrase_file))


def test_a_damaged_bundle_is_one_line_and_changes_nothing(
        run: Run, seeded: Path, receiver: Path, passphrase_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.age"
    assert export(run, seeded, passphrase_file, out).code == 0
    out.write_bytes(out.read_bytes()[:-40])
    before = state(receiver)["person"]
    result = run("bundle", "import", out, *opts(receiver, passphrase_file))
    assert result.code == 1 and result.err.count("\n") == 1
    assert result.err.startswith("mottryck: Bunten togs inte emot:")
    assert state(receiver)["person"] == before
