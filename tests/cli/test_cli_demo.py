"""`mottryck demo`: a new vault filled with invented data, or more data in an existing one."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from app.services.session import open_vault
from tests.cli.conftest import Run, audit_actions, secret_file
from tests.conftest import PASSPHRASE, USER

SUMMARY = re.compile(r"Demodata i (.+): (\d+) personer, (\d+) grupper, (\d+) händelser\.")


def count_people(vault: Path) -> int:
    services = open_vault(vault, USER, PASSPHRASE)
    try:
        return services.people.count()
    finally:
        services.lock()


def names(run: Run, vault: Path, passphrase_file: Path) -> list[tuple[object, ...]]:
    result = run("people", "list", "--vault", vault, "--passphrase-file", passphrase_file,
                 "--format", "json")
    assert result.code == 0, result.err
    return [(p["last_name"], p["first_name"], p["personnummer"], p["birth_date"])
            for p in json.loads(result.out)]


def test_demo_creates_and_fills_a_new_vault(run: Run, tmp_path: Path, passphrase_file: Path,
                                            fast_kdf: None) -> None:
    folder = tmp_path / "demo"
    result = run("demo", "--people", "100", "--seed", "3", "--vault", folder, "--user", USER,
                 "--passphrase-file", passphrase_file)
    assert result.code == 0, result.err
    assert "Återställningsnyckel" in result.out
    match = SUMMARY.search(result.out)
    assert match is not None, result.out
    assert match.group(1) == str(folder)
    assert int(match.group(2)) == 100
    assert int(match.group(3)) > 0 and int(match.group(4)) > 0
    assert count_people(folder) == 100
    assert ("create", "vault") in audit_actions(folder)


def test_demo_adds_to_an_existing_vault(run: Run, vault_dir: Path, passphrase_file: Path) -> None:
    for expected in (100, 200):
        result = run("demo", "--people", "100", "--seed", "3", "--vault", vault_dir,
                     "--passphrase-file", passphrase_file)
        assert result.code == 0, result.err
        assert "Återställningsnyckel" not in result.out
        assert count_people(vault_dir) == expected


def test_the_same_seed_gives_the_same_people(run: Run, vault_dir: Path, passphrase_file: Path,
                                             tmp_path: Path) -> None:
    twin = tmp_path / "tvilling"
    shutil.copytree(vault_dir, twin)
    for folder in (vault_dir, twin):
        assert run("demo", "--people", "100", "--seed", "7", "--vault", folder,
                   "--passphrase-file", passphrase_file).code == 0
    assert names(run, vault_dir, passphrase_file) == names(run, twin, passphrase_file)


def test_people_out_of_range_is_refused_and_creates_nothing(
        run: Run, tmp_path: Path, passphrase_file: Path) -> None:
    folder = tmp_path / "demo"
    for people in ("5", "99", "100001", "-100"):
        result = run("demo", "--people", people, "--vault", folder, "--user", USER,
                     "--passphrase-file", passphrase_file)
        assert result.code == 1
        assert result.out == ""
        assert result.err == "mottryck: --people ska vara mellan 100 och 100 000.\n"
        assert not folder.exists()


def test_demo_with_the_wrong_passphrase_adds_nothing(
        run: Run, vault_dir: Path, tmp_path: Path) -> None:
    wrong = secret_file(tmp_path, "fel.txt", "inte rätt lösenfras")
    result = run("demo", "--people", "100", "--vault", vault_dir, "--passphrase-file", wrong)
    assert result.code == 1
    assert result.err.startswith("mottryck: Fel lösenfras")
    assert count_people(vault_dir) == 0


def test_demo_with_a_short_passphrase_creates_nothing(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    short = secret_file(tmp_path, "kort.txt", "kort")
    result = run("demo", "--people", "100", "--vault", folder, "--user", USER,
                 "--passphrase-file", short)
    assert result.code == 1
    assert result.err == "mottryck: lösenfras: måste vara minst 10 tecken lång\n"
    assert not folder.exists()


def test_demo_in_a_vault_with_people_of_its_own(run: Run, seeded: Path,
                                                passphrase_file: Path) -> None:
    before = count_people(seeded)
    result = run("demo", "--people", "100", "--seed", "1", "--vault", seeded,
                 "--passphrase-file", passphrase_file)
    assert result.code == 0, result.err
    assert count_people(seeded) == before + 100
    listed = names(run, seeded, passphrase_file)
    assert len(listed) == before + 100
    assert ("Öberg", "Åsa", "19811218-****", "1981-12-18") in listed
