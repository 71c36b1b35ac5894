"""`mottryck audit verify`: a whole chain passes; an edited or removed event is named."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from app.services.session import open_vault
from tests.cli.conftest import Run
from tests.conftest import PASSPHRASE, USER


def raw_sql(vault: Path, sql: str) -> None:
    """Change the database behind the services' back, as someone with the key could."""
    services = open_vault(vault, USER, PASSPHRASE)
    try:
        with services.vault.engine.begin() as conn:
            conn.execute(text(sql))
    finally:
        services.lock()


def scalar(vault: Path, sql: str) -> int:
    services = open_vault(vault, USER, PASSPHRASE)
    try:
        with services.vault.engine.connect() as conn:
            return int(conn.execute(text(sql)).scalar_one())
    finally:
        services.lock()


def verify(run: Run, vault: Path, passphrase_file: Path) -> tuple[int, str, str]:
    result = run("audit", "verify", "--vault", vault, "--passphrase-file", passphrase_file)
    assert "Traceback" not in result.err
    return result.code, result.out, result.err


def test_fresh_vault_verifies(run: Run, vault_dir: Path, passphrase_file: Path) -> None:
    code, out, err = verify(run, vault_dir, passphrase_file)
    assert code == 0
    # The vault's creation and this command's own login.
    assert out == "Granskningsloggen är hel: 2 händelser kontrollerade.\n"
    assert err == ""


def test_a_busy_vault_verifies(run: Run, seeded: Path, passphrase_file: Path) -> None:
    assert run("people", "list", "--vault", seeded, "--passphrase-file", passphrase_file,
               "--show-personnummer").code == 0
    code, out, _err = verify(run, seeded, passphrase_file)
    assert code == 0
    assert out.startswith("Granskningsloggen är hel: ")


def test_an_edited_event_breaks_the_chain_at_that_event(
        run: Run, vault_dir: Path, passphrase_file: Path) -> None:
    raw_sql(vault_dir, "UPDATE audit_event SET action = 'delete' WHERE seq = 2")
    code, out, err = verify(run, vault_dir, passphrase_file)
    assert code == 1
    assert out == ""
    assert err == "Granskningsloggen är bruten vid händelse 2: händelse 2 har ändrats.\n"


def test_an_edited_purpose_is_found(run: Run, seeded: Path, passphrase_file: Path) -> None:
    run("people", "list", "--vault", seeded, "--passphrase-file", passphrase_file,
        "--purpose", "uppföljning")
    listing = scalar(seeded, "SELECT seq FROM audit_event WHERE purpose = 'uppföljning'")
    raw_sql(seeded, "UPDATE audit_event SET purpose = 'annat' WHERE purpose = 'uppföljning'")
    code, _out, err = verify(run, seeded, passphrase_file)
    assert code == 1
    assert err == (f"Granskningsloggen är bruten vid händelse {listing}: "
                   f"händelse {listing} har ändrats.\n")


def test_a_removed_event_is_named(run: Run, vault_dir: Path, passphrase_file: Path) -> None:
    raw_sql(vault_dir, "DELETE FROM audit_event WHERE seq = 2")
    code, _out, err = verify(run, vault_dir, passphrase_file)
    assert code == 1
    assert err == "Granskningsloggen är bruten vid händelse 2: händelse 2 saknas.\n"


def test_removing_the_newest_events_is_found(
        run: Run, vault_dir: Path, passphrase_file: Path) -> None:
    last = scalar(vault_dir, "SELECT max(seq) FROM audit_event")
    raw_sql(vault_dir, f"DELETE FROM audit_event WHERE seq >= {last}")
    code, _out, err = verify(run, vault_dir, passphrase_file)
    assert code == 1
    assert err.startswith(f"Granskningsloggen är bruten vid händelse {last}: ")


def test_verify_with_the_wrong_passphrase(run: Run, vault_dir: Path, tmp_path: Path) -> None:
    wrong = tmp_path / "fel.txt"
    wrong.write_text("inte rätt lösenfras\n", encoding="utf-8")
    code, out, err = verify(run, vault_dir, wrong)
    assert code == 1
    assert out == ""
    assert err.startswith("mottryck: Fel lösenfras")
