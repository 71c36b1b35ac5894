"""`mottryck keys show` and `mottryck partner add|list`."""

from __future__ import annotations

import csv
import io
import json
import uuid
from pathlib import Path

from app.services.session import open_vault
from app.services.unit_keys import fingerprint
from tests.cli.conftest import Run, audit_actions
from tests.conftest import PASSPHRASE, USER
from tests.unit.test_unit_keys import new_recipient, new_signing_key


def vault_opts(vault: Path, passphrase_file: Path) -> list[str | Path]:
    return ["--vault", vault, "--passphrase-file", passphrase_file]


def test_keys_show_json_has_exactly_the_documented_keys(run: Run, vault_dir: Path,
                                                        passphrase_file: Path) -> None:
    result = run("keys", "show", "--format", "json", *vault_opts(vault_dir, passphrase_file))
    assert result.code == 0, result.err
    shown = json.loads(result.out)
    assert set(shown) == {"unit_id", "age_recipient", "signing_public_key", "fingerprint"}
    services = open_vault(vault_dir, USER, PASSPHRASE)
    try:
        keys = services.unit.keys()
    finally:
        services.lock()
    assert shown == {"unit_id": keys.unit_id, "age_recipient": keys.age_recipient,
                     "signing_public_key": keys.signing_public_key,
                     "fingerprint": keys.fingerprint}
    # What a partner pins from this output gives the fingerprint read to them by phone.
    assert fingerprint(shown["age_recipient"], shown["signing_public_key"]) == \
        shown["fingerprint"]


def test_keys_show_text_in_swedish(run: Run, vault_dir: Path, passphrase_file: Path) -> None:
    result = run("keys", "show", *vault_opts(vault_dir, passphrase_file))
    assert result.code == 0, result.err
    assert "Enhets-id:" in result.out and "Fingeravtryck:" in result.out
    assert "age1" in result.out
    assert "AGE-SECRET-KEY" not in result.out


def test_partner_add_and_list_in_every_format(run: Run, vault_dir: Path,
                                              passphrase_file: Path) -> None:
    opts = vault_opts(vault_dir, passphrase_file)
    unit = str(uuid.uuid4())
    added = run("partner", "add", "--name", "Polisen Syd", "--kind", "police",
                "--age-recipient", new_recipient(), "--signing-key", new_signing_key(),
                "--unit-id", unit, *opts)
    assert added.code == 0, added.err
    assert "Partnern Polisen Syd är tillagd (polisen)." in added.out
    assert "Fingeravtryck:" in added.out
    civil = run("partner", "add", "--name", "Fryshuset", "--kind", "civil",
                "--age-recipient", new_recipient(), *opts)
    assert civil.code == 0, civil.err
    assert "tas inte emot" in civil.out

    table = run("partner", "list", *opts)
    assert table.code == 0, table.err
    lines = table.out.splitlines()
    assert lines[0].split()[:2] == ["Namn", "Typ"]
    assert lines[2].startswith("Fryshuset") and "civilsamhället" in lines[2]
    assert lines[3].startswith("Polisen Syd")

    listed = json.loads(run("partner", "list", "--format", "json", *opts).out)
    by_name = {p["name"]: p for p in listed}
    assert by_name["Polisen Syd"]["unit_id"] == unit
    assert by_name["Polisen Syd"]["can_send_to_us"] is True
    assert by_name["Fryshuset"]["can_send_to_us"] is False
    assert "incident" not in by_name["Fryshuset"]["record_types"]

    rows = list(csv.DictReader(io.StringIO(run("partner", "list", "--format", "csv",
                                               *opts).out)))
    assert [r["name"] for r in rows] == ["Fryshuset", "Polisen Syd"]
    assert audit_actions(vault_dir).count(("create", "partner")) == 2


def test_partner_list_of_none(run: Run, vault_dir: Path, passphrase_file: Path) -> None:
    result = run("partner", "list", "--format", "json", *vault_opts(vault_dir, passphrase_file))
    assert result.code == 0 and json.loads(result.out) == []


def test_bad_partner_is_one_swedish_line_and_exit_1(run: Run, vault_dir: Path,
                                                    passphrase_file: Path) -> None:
    opts = vault_opts(vault_dir, passphrase_file)
    result = run("partner", "add", "--name", "X", "--kind", "police",
                 "--age-recipient", "age1inte-en-nyckel", *opts)
    assert result.code == 1
    assert result.err.startswith("mottryck: age-mottagare: ")
    assert len(result.err.strip().splitlines()) == 1
    result = run("partner", "add", "--name", "X", "--kind", "police",
                 "--age-recipient", new_recipient(), "--signing-key", "abc", *opts)
    assert result.code == 1 and "Signeringsnyckeln" in result.err
    assert json.loads(run("partner", "list", "--format", "json", *opts).out) == []


def test_a_duplicate_name_is_refused(run: Run, vault_dir: Path, passphrase_file: Path) -> None:
    opts = vault_opts(vault_dir, passphrase_file)
    args = ["partner", "add", "--name", "Frivården", "--kind", "frivard"]
    assert run(*args, "--age-recipient", new_recipient(), *opts).code == 0
    again = run(*args, "--age-recipient", new_recipient(), *opts)
    assert again.code == 1 and "en annan partner heter så" in again.err
