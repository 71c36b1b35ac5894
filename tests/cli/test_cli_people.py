"""`mottryck people list`: formats, masking, audited reveal, search, group filter, limit."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from app.services import audit
from app.services.session import open_vault
from tests.cli.conftest import GROUP, PEOPLE, Run, audit_actions
from tests.conftest import PASSPHRASE, USER

JSON_KEYS = {"id", "last_name", "first_name", "aliases", "personnummer", "birth_date",
             "frivard_status", "groups"}


def list_json(run: Run, vault: Path, pw: Path, *extra: str) -> list[dict[str, object]]:
    result = run("people", "list", "--vault", vault, "--passphrase-file", pw, "--format", "json",
                 *extra)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert isinstance(data, list)
    return data


def test_json_has_every_key_masked_numbers_and_swedish_order(
        run: Run, seeded: Path, passphrase_file: Path) -> None:
    people = list_json(run, seeded, passphrase_file)
    assert all(set(p) == JSON_KEYS for p in people)
    # Swedish collation: Ö sorts after Z.
    assert [p["last_name"] for p in people] == ["Andersson", "Ek", "Zetterlund", "Öberg"]
    by_name = {p["last_name"]: p for p in people}
    oberg = by_name["Öberg"]
    assert oberg["first_name"] == "Åsa"
    assert oberg["personnummer"] == "19811218-****"
    assert oberg["birth_date"] == "1981-12-18"
    assert oberg["frivard_status"] == "none"
    assert oberg["groups"] == [GROUP]
    assert oberg["aliases"] == []
    assert by_name["Andersson"]["groups"] == []
    assert by_name["Zetterlund"]["personnummer"] == ""
    full_numbers = {full for *_rest, full in PEOPLE if full}
    assert not full_numbers & set(json.dumps(people, ensure_ascii=False).split('"'))


def test_table_output_masks_and_counts_on_stderr(
        run: Run, seeded: Path, passphrase_file: Path) -> None:
    result = run("people", "list", "--vault", seeded, "--passphrase-file", passphrase_file)
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split() == ["Efternamn", "Förnamn", "Personnummer", "Född", "Frivård",
                                "Grupper", "Alias"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert len(lines) == 2 + len(PEOPLE)
    assert "19811218-****" in result.out
    assert "9876" not in result.out
    assert "4 personer" in result.err
    # Columns line up: every row starts its personnummer cell at the header's position.
    column = lines[0].index("Personnummer")
    assert lines[lines.index(next(ln for ln in lines if ln.startswith("Öberg")))][column:] \
        .startswith("19811218-****")


def test_csv_output_has_ids_and_header_keys(run: Run, seeded: Path, passphrase_file: Path) -> None:
    result = run("people", "list", "--vault", seeded, "--passphrase-file", passphrase_file,
                 "--format", "csv")
    assert result.code == 0
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert len(rows) == len(PEOPLE)
    assert {"id", "last_name", "first_name", "personnummer", "groups"} <= set(rows[0])
    oberg = next(r for r in rows if r["last_name"] == "Öberg")
    assert oberg["personnummer"] == "19811218-****"
    assert oberg["groups"] == GROUP
    assert len(oberg["id"]) == 36


def test_show_personnummer_prints_full_numbers_and_logs_each_reveal(
        run: Run, seeded: Path, passphrase_file: Path) -> None:
    people = list_json(run, seeded, passphrase_file, "--show-personnummer",
                       "--purpose", "förberedelse av samtal")
    numbers = {p["last_name"]: p["personnummer"] for p in people}
    assert numbers == {last: full or "" for _first, last, _pnr, full in PEOPLE}
    services = open_vault(seeded, USER, PASSPHRASE)
    try:
        reveals = audit.list_events(services.db, action="reveal")
    finally:
        services.lock()
    with_number = {p["id"] for p in people if p["personnummer"]}
    assert {e.entity_id for e in reveals} == with_number
    assert len(reveals) == len(with_number)
    assert all(e.purpose == "förberedelse av samtal" for e in reveals)
    assert all(e.detail == {"field": "personnummer"} for e in reveals)


def test_show_personnummer_without_purpose_logs_a_default_purpose(
        run: Run, seeded: Path, passphrase_file: Path) -> None:
    list_json(run, seeded, passphrase_file, "--show-personnummer")
    services = open_vault(seeded, USER, PASSPHRASE)
    try:
        reveals = audit.list_events(services.db, action="reveal")
    finally:
        services.lock()
    assert len(reveals) == 3
    assert all(e.purpose and e.purpose.strip() for e in reveals)


def test_a_listing_writes_one_read_event(run: Run, seeded: Path, passphrase_file: Path) -> None:
    before = audit_actions(seeded)
    list_json(run, seeded, passphrase_file, "--purpose", "genomgång")
    after = audit_actions(seeded)
    # Between the two checks: the CLI's login and its one listing event (and the check's login).
    new = after[len(before):]
    assert new == [("login", "vault"), ("read", "person_list"), ("login", "vault")]
    services = open_vault(seeded, USER, PASSPHRASE)
    try:
        (listing,) = audit.list_events(services.db, action="read", limit=1)
    finally:
        services.lock()
    assert listing.detail == {"rows": len(PEOPLE)}
    assert listing.purpose == "genomgång"
    assert listing.entity_id is None


def test_search_is_accent_and_case_insensitive_for_swedish_letters(
        run: Run, seeded: Path, passphrase_file: Path) -> None:
    assert [p["last_name"] for p in list_json(run, seeded, passphrase_file,
                                              "--search", "öberg")] == ["Öberg"]
    assert [p["last_name"] for p in list_json(run, seeded, passphrase_file,
                                              "--search", "ÖBERG")] == ["Öberg"]
    assert list_json(run, seeded, passphrase_file, "--search", "Nordqvist") == []


def test_group_filter_lists_members_only(run: Run, seeded: Path, passphrase_file: Path) -> None:
    people = list_json(run, seeded, passphrase_file, "--group", GROUP)
    assert [p["last_name"] for p in people] == ["Ek", "Öberg"]


def test_unknown_group_is_a_clear_error_and_prints_no_listing(
        run: Run, seeded: Path, passphrase_file: Path) -> None:
    result = run("people", "list", "--vault", seeded, "--passphrase-file", passphrase_file,
                 "--group", "Södra gänget")
    assert result.code == 1
    assert result.out == ""
    assert result.err == "mottryck: Ingen grupp heter Södra gänget.\n"
    assert ("read", "person_list") not in audit_actions(seeded)


def test_limit_caps_the_rows(run: Run, seeded: Path, passphrase_file: Path) -> None:
    people = list_json(run, seeded, passphrase_file, "--limit", "2")
    assert [p["last_name"] for p in people] == ["Andersson", "Ek"]
    assert len(list_json(run, seeded, passphrase_file, "--limit", "100")) == len(PEOPLE)


def test_limit_zero_lists_no_one(run: Run, seeded: Path, passphrase_file: Path) -> None:
    assert list_json(run, seeded, passphrase_file, "--limit", "0") == []


def test_negative_limit_is_refused_before_unlocking(
        run: Run, seeded: Path, passphrase_file: Path) -> None:
    result = run("people", "list", "--vault", seeded, "--passphrase-file", passphrase_file,
                 "--limit", "-1")
    assert result.code == 1
    assert result.out == ""
    assert result.err.startswith("mottryck: --limit")
    assert len(result.err.splitlines()) == 1


def test_status_filter(run: Run, seeded: Path, passphrase_file: Path) -> None:
    assert len(list_json(run, seeded, passphrase_file, "--status", "none")) == len(PEOPLE)
    assert list_json(run, seeded, passphrase_file, "--status", "parole") == []


def test_empty_vault_lists_nothing(run: Run, vault_dir: Path, passphrase_file: Path) -> None:
    assert list_json(run, vault_dir, passphrase_file) == []
