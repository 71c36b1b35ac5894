"""`mottryck backup` and `mottryck restore`: a round trip, and every bad file refused cleanly."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

from app.vault.vault import DB_NAME, KEYSLOTS_NAME
from tests.cli.conftest import PEOPLE, Run, audit_actions, secret_file


def people(run: Run, vault: Path, passphrase_file: Path) -> list[dict[str, object]]:
    result = run("people", "list", "--vault", vault, "--passphrase-file", passphrase_file,
                 "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert isinstance(data, list)
    return data


def one_line(err: str) -> str:
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    return err.strip()


@pytest.fixture
def backup_file(run: Run, seeded: Path, passphrase_file: Path, tmp_path: Path) -> Path:
    out = tmp_path / "kopia.mottryck"
    result = run("backup", "--vault", seeded, "--passphrase-file", passphrase_file, "--out", out)
    assert result.code == 0, result.err
    assert result.out.startswith(f"Säkerhetskopia skriven: {out} (")
    return out


def test_backup_then_restore_gives_the_same_vault(
        run: Run, seeded: Path, passphrase_file: Path, backup_file: Path,
        tmp_path: Path) -> None:
    assert ("backup", "vault") in audit_actions(seeded)
    restored = tmp_path / "återställt"
    result = run("restore", backup_file, "--vault", restored, "--passphrase-file",
                 passphrase_file)
    assert result.code == 0, result.err
    assert result.out.startswith(f"Valvet är återställt i {restored} (kopia från ")
    assert {DB_NAME, KEYSLOTS_NAME} <= {p.name for p in restored.iterdir()}
    assert not [p for p in restored.iterdir() if p.name.startswith(".restore-")]
    original = people(run, seeded, passphrase_file)
    copy = people(run, restored, passphrase_file)
    assert len(copy) == len(PEOPLE)
    assert copy == original


def test_restore_into_an_existing_empty_folder(
        run: Run, seeded: Path, passphrase_file: Path, backup_file: Path,
        tmp_path: Path) -> None:
    target = tmp_path / "tom"
    target.mkdir()
    result = run("restore", backup_file, "--vault", target, "--passphrase-file",
                 passphrase_file)
    assert result.code == 0, result.err
    assert len(people(run, target, passphrase_file)) == len(PEOPLE)


def test_restore_over_a_vault_is_refused_and_leaves_it_untouched(
        run: Run, seeded: Path, passphrase_file: Path, backup_file: Path) -> None:
    # The vault the copy came from: the same id, so only "not empty" can stop it.
    before = {p.name: p.read_bytes() for p in seeded.iterdir() if p.is_file()}
    result = run("restore", backup_file, "--vault", seeded, "--passphrase-file",
                 passphrase_file)
    assert result.code == 1
    assert result.out == ""
    assert one_line(result.err) == (f"mottryck: Det finns redan ett valv i {seeded}; "
                                    "återställ till en tom mapp.")
    assert {p.name: p.read_bytes() for p in seeded.iterdir() if p.is_file()} == before
    assert len(people(run, seeded, passphrase_file)) == len(PEOPLE)


def _refused(run: Run, bad: Path, target: Path, passphrase_file: Path) -> str:
    result = run("restore", bad, "--vault", target, "--passphrase-file", passphrase_file)
    assert result.code == 1
    assert result.out == ""
    assert not target.exists()
    return one_line(result.err)


def test_truncated_backup_is_refused(run: Run, passphrase_file: Path, backup_file: Path,
                                     tmp_path: Path) -> None:
    data = backup_file.read_bytes()
    bad = tmp_path / "avkortad.mottryck"
    bad.write_bytes(data[: len(data) // 2])
    message = _refused(run, bad, tmp_path / "ny", passphrase_file)
    assert message.startswith("mottryck: Säkerhetskopian ")


def test_bit_flipped_backup_is_refused(run: Run, passphrase_file: Path, backup_file: Path,
                                       tmp_path: Path) -> None:
    with tarfile.open(backup_file) as tar:
        member = tar.getmember(DB_NAME)
        middle = member.offset_data + member.size // 2
    data = bytearray(backup_file.read_bytes())
    data[middle] ^= 0x01
    bad = tmp_path / "skadad.mottryck"
    bad.write_bytes(bytes(data))
    message = _refused(run, bad, tmp_path / "ny", passphrase_file)
    assert message == "mottryck: Säkerhetskopians databas stämmer inte med sin kontrollsumma."


def test_a_file_that_is_no_tar_is_refused(run: Run, passphrase_file: Path,
                                          tmp_path: Path) -> None:
    bad = tmp_path / "anteckningar.txt"
    bad.write_text("Det här är ingen säkerhetskopia.\n" * 50, encoding="utf-8")
    message = _refused(run, bad, tmp_path / "ny", passphrase_file)
    assert message == "mottryck: Filen är ingen Mottryck-säkerhetskopia."


def test_a_tar_with_foreign_members_is_refused(run: Run, passphrase_file: Path,
                                               tmp_path: Path) -> None:
    bad = tmp_path / "främmande.tar"
    with tarfile.open(bad, "w") as tar:
        payload = b"skrivs inte"
        info = tarfile.TarInfo("../utanför.txt")
        info.size = len(payload)
        tar.addfile(info, io.BytesIO(payload))
    message = _refused(run, bad, tmp_path / "ny", passphrase_file)
    assert message == "mottryck: Säkerhetskopian innehåller oväntade delar."
    assert not (tmp_path / "utanför.txt").exists()


def test_missing_backup_file(run: Run, passphrase_file: Path, tmp_path: Path) -> None:
    missing = tmp_path / "saknas.mottryck"
    message = _refused(run, missing, tmp_path / "ny", passphrase_file)
    assert message == f"mottryck: Hittar ingen fil {missing}."


def test_wrong_passphrase_on_restore_leaves_nothing_behind(
        run: Run, backup_file: Path, tmp_path: Path) -> None:
    wrong = secret_file(tmp_path, "fel.txt", "inte rätt lösenfras")
    message = _refused(run, backup_file, tmp_path / "ny", wrong)
    assert message.startswith("mottryck: Fel lösenfras")


def test_wrong_passphrase_on_restore_into_an_existing_folder_leaves_it_empty(
        run: Run, backup_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "tom"
    target.mkdir()
    wrong = secret_file(tmp_path, "fel.txt", "inte rätt lösenfras")
    result = run("restore", backup_file, "--vault", target, "--passphrase-file", wrong)
    assert result.code == 1
    assert one_line(result.err).startswith("mottryck: Fel lösenfras")
    assert list(target.iterdir()) == []


def test_backup_with_the_wrong_passphrase_writes_no_file(
        run: Run, vault_dir: Path, tmp_path: Path) -> None:
    wrong = secret_file(tmp_path, "fel.txt", "inte rätt lösenfras")
    out = tmp_path / "kopia.mottryck"
    result = run("backup", "--vault", vault_dir, "--passphrase-file", wrong, "--out", out)
    assert result.code == 1
    assert not out.exists()


def test_backup_to_a_folder_or_a_missing_folder_is_refused(
        run: Run, vault_dir: Path, passphrase_file: Path, tmp_path: Path) -> None:
    result = run("backup", "--vault", vault_dir, "--passphrase-file", passphrase_file,
                 "--out", tmp_path)
    assert result.code == 1
    assert one_line(result.err) == f"mottryck: {tmp_path} är en mapp; ange ett filnamn."
    missing = tmp_path / "finns-inte" / "kopia.mottryck"
    result = run("backup", "--vault", vault_dir, "--passphrase-file", passphrase_file,
                 "--out", missing)
    assert result.code == 1
    assert one_line(result.err) == f"mottryck: Mappen {missing.parent} finns inte."
    assert not missing.parent.exists()
    assert ("backup", "vault") not in audit_actions(vault_dir)
