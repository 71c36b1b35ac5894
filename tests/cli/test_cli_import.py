"""`mottryck import people`: all or nothing, every bad line reported, --dry-run writes nothing."""

from __future__ import annotations

from pathlib import Path

from app.services.session import open_vault
from tests.cli.conftest import GROUP, PEOPLE, Run, audit_actions
from tests.conftest import PASSPHRASE, USER


def write_csv(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def good_csv(folder: Path) -> Path:
    return write_csv(folder, "nya.csv", (
        "förnamn;efternamn;personnummer;alias;grupp;roll\n"
        "Karin;Åkesson;20050312-2384;Kajsa;;\n"
        "Ali;Hassan;;;" + GROUP + ";kärna\n"
        "Ella;Nilsson;;;;\n"
    ))


def people_and_memberships(vault: Path) -> tuple[int, int]:
    services = open_vault(vault, USER, PASSPHRASE)
    try:
        memberships = len(services.groups.memberships())
        return services.people.count(), memberships
    finally:
        services.lock()


def test_a_good_csv_is_imported(run: Run, seeded: Path, passphrase_file: Path,
                                tmp_path: Path) -> None:
    before = people_and_memberships(seeded)
    result = run("import", "people", good_csv(tmp_path), "--vault", seeded,
                 "--passphrase-file", passphrase_file)
    assert result.code == 0, result.err
    assert result.out == "3 personer och 1 medlemskap inlästa.\n"
    assert people_and_memberships(seeded) == (before[0] + 3, before[1] + 1)
    assert audit_actions(seeded).count(("import", "person")) == 1

    listed = run("people", "list", "--vault", seeded, "--passphrase-file", passphrase_file,
                 "--search", "hassan", "--format", "csv")
    assert GROUP in listed.out


def test_a_bad_csv_reports_every_bad_line_and_imports_nothing(
        run: Run, seeded: Path, passphrase_file: Path, tmp_path: Path) -> None:
    registered = PEOPLE[0][2]  # already in the register
    bad = write_csv(tmp_path, "fel.csv", (
        "förnamn;efternamn;personnummer;grupp\n"          # line 1
        "Karin;Åkesson;;\n"                               # 2: fine
        "Ali;;;\n"                                        # 3: no last name
        "Ella;Nilsson;19900101-0018;\n"                   # 4: wrong check digit
        "Mats;Berg;;Södra gänget\n"                       # 5: no such group
        f"Per;Lund;{registered};\n"                       # 6: number already registered
        "Eva;Holm;;\n"                                    # 7: fine
    ))
    before = people_and_memberships(seeded)
    events_before = audit_actions(seeded)
    result = run("import", "people", bad, "--vault", seeded, "--passphrase-file",
                 passphrase_file)
    assert result.code == 1
    assert result.out == ""
    lines = result.err.splitlines()
    row_lines = [ln for ln in lines if ln.startswith("fel.csv: rad ")]
    assert [int(ln.split()[2].rstrip(":")) for ln in row_lines] == [3, 4, 5, 6]
    assert "efternamn" in row_lines[0]
    assert "personnummer" in row_lines[1]
    assert "Södra gänget" in row_lines[2]
    assert "finns redan i registret" in row_lines[3]
    assert lines[-1] == ("mottryck: Filen lästes inte in: 4 rader har fel. Rätta dem och "
                         "försök igen; inget sparades.")
    assert len(lines) == len(row_lines) + 1
    assert people_and_memberships(seeded) == before
    new_events = audit_actions(seeded)[len(events_before):]
    assert ("import", "person") not in new_events


def test_dry_run_checks_but_writes_nothing(run: Run, seeded: Path, passphrase_file: Path,
                                           tmp_path: Path) -> None:
    before = people_and_memberships(seeded)
    events_before = audit_actions(seeded)
    result = run("import", "people", good_csv(tmp_path), "--dry-run", "--vault", seeded,
                 "--passphrase-file", passphrase_file)
    assert result.code == 0, result.err
    assert result.out == ("Provläsning: 3 personer och 1 medlemskap skulle läsas in; "
                          "inget sparades.\n")
    assert people_and_memberships(seeded) == before
    new_events = audit_actions(seeded)[len(events_before):]
    assert ("import", "person") not in new_events


def test_dry_run_of_a_bad_csv_reports_the_lines(run: Run, vault_dir: Path,
                                               passphrase_file: Path, tmp_path: Path) -> None:
    bad = write_csv(tmp_path, "fel.csv", "förnamn;efternamn\nKarin;\n;Nilsson\n")
    result = run("import", "people", bad, "--dry-run", "--vault", vault_dir,
                 "--passphrase-file", passphrase_file)
    assert result.code == 1
    assert [ln.split(":")[1].strip() for ln in result.err.splitlines()[:-1]] == \
        ["rad 2", "rad 3"]
    assert people_and_memberships(vault_dir) == (0, 0)


def test_a_bad_header_is_one_line(run: Run, vault_dir: Path, passphrase_file: Path,
                                  tmp_path: Path) -> None:
    bad = write_csv(tmp_path, "rubrik.csv", "förnamn;skonummer\nKarin;42\n")
    result = run("import", "people", bad, "--vault", vault_dir, "--passphrase-file",
                 passphrase_file)
    assert result.code == 1
    (line,) = result.err.splitlines()
    assert line.startswith("mottryck: Rubrikraden går inte att använda: ")
    assert "skonummer" in line


def test_missing_and_unsupported_files(run: Run, vault_dir: Path, passphrase_file: Path,
                                       tmp_path: Path) -> None:
    events_before = audit_actions(vault_dir)
    missing = tmp_path / "saknas.csv"
    result = run("import", "people", missing, "--vault", vault_dir, "--passphrase-file",
                 passphrase_file)
    assert result.code == 1
    assert result.err == f"mottryck: Hittar inte filen {missing}.\n"
    result = run("import", "people", tmp_path, "--vault", vault_dir, "--passphrase-file",
                 passphrase_file)
    assert result.code == 1
    assert result.err == f"mottryck: {tmp_path} är ingen fil.\n"
    # Refused before the vault was unlocked: not even a login was logged.
    assert audit_actions(vault_dir)[len(events_before):] == [("login", "vault")]

    text = write_csv(tmp_path, "personer.txt", "förnamn;efternamn\nKarin;Åkesson\n")
    result = run("import", "people", text, "--vault", vault_dir, "--passphrase-file",
                 passphrase_file)
    assert result.code == 1
    assert result.err == ("mottryck: Filtypen '.txt' kan inte läsas in: välj en .csv- eller "
                          ".xlsx-fil.\n")
    empty = write_csv(tmp_path, "tom.csv", "")
    result = run("import", "people", empty, "--vault", vault_dir, "--passphrase-file",
                 passphrase_file)
    assert result.code == 1
    assert result.err == "mottryck: Filen är tom.\n"
    assert people_and_memberships(vault_dir) == (0, 0)
