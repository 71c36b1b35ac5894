"""`mottryck callins list|show`: formats, Swedish words, no personnummer, unknown ids."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import pytest

from app.models.enums import InviteeStatus, SpeakerRole
from app.services.callin_dto import CallInPlan, PlannedInvitee, PlannedSpeaker
from app.services.session import open_vault
from tests.cli.conftest import PEOPLE, Run, audit_actions
from tests.conftest import PASSPHRASE, USER

HELD_AT = datetime(2026, 2, 12, 18, 0)


@pytest.fixture
def with_callins(seeded: Path) -> tuple[Path, str, str]:
    """The seeded vault plus a held call-in (Öberg attended) and a later draft."""
    services = open_vault(seeded, USER, PASSPHRASE)
    try:
        group = services.groups.find_by_name("Norra gänget")
        assert group is not None
        people = {p.last_name: p.id for p in services.people.search(log=False)}
        cid = services.callins.save_plan(CallInPlan(
            title="Forum Malmö, februari", starts_at=HELD_AT, venue="Stadsbiblioteket",
            group_ids=(group.id,),
            invitees=(PlannedInvitee(people["Öberg"], "Villkorligt frigiven."),
                      PlannedInvitee(people["Ek"], "Kan bära budskapet.")),
            speakers=(PlannedSpeaker(SpeakerRole.HEALTHCARE, "Dr Lund", 10),
                      PlannedSpeaker(SpeakerRole.PROSECUTOR, "Åklagare Nyström", 7)),
            logistics=("meal",)), finish=True)
        oberg = next(i for i in services.callins.get(cid).invitees if i.last_name == "Öberg")
        services.callins.set_invitee_status(oberg.id, InviteeStatus.APPROVED)
        services.callins.set_invitee_status(oberg.id, InviteeStatus.INVITED,
                                            how="brev via frivården", by="Eva")
        services.callins.set_invitee_status(oberg.id, InviteeStatus.ATTENDED)
        services.callins.mark_held(cid)
        draft = services.callins.save_plan(CallInPlan(title="Nästa forum"))
    finally:
        services.lock()
    return seeded, cid, draft


def no_personnummer(text: str) -> None:
    for *_names, full in PEOPLE:
        if full:
            assert full not in text and full.replace("-", "") not in text
            assert full[:8] not in text  # not even the birth-date part


def test_list_table_in_swedish(run: Run, with_callins: tuple[Path, str, str],
                               passphrase_file: Path) -> None:
    vault, _cid, _draft = with_callins
    result = run("callins", "list", "--vault", vault, "--passphrase-file", passphrase_file)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split()[:4] == ["Datum", "Rubrik", "Plats", "Status"]
    assert "Utkast" in lines[2] and "Nästa forum" in lines[2]  # undated draft first
    assert "Genomförd" in lines[3] and "2026-02-12 18:00" in lines[3]
    assert "2 call-ins" in result.err
    no_personnummer(result.out)


def test_list_json_and_csv(run: Run, with_callins: tuple[Path, str, str],
                           passphrase_file: Path) -> None:
    vault, cid, draft = with_callins
    result = run("callins", "list", "--vault", vault, "--passphrase-file", passphrase_file,
                 "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert [d["id"] for d in data] == [draft, cid]
    held = data[1]
    assert held["status"] == "held" and held["groups"] == ["Norra gänget"]
    assert (held["invitees"], held["attended"], held["proposed"]) == (2, 1, 1)
    result = run("callins", "list", "--vault", vault, "--passphrase-file", passphrase_file,
                 "--format", "csv", "--status", "draft")
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [r["id"] for r in rows] == [draft] and rows[0]["status"] == "draft"


def test_show_table_has_programme_and_invitees(run: Run, with_callins: tuple[Path, str, str],
                                               passphrase_file: Path) -> None:
    vault, cid, _draft = with_callins
    result = run("callins", "show", cid, "--vault", vault, "--passphrase-file", passphrase_file)
    assert result.code == 0, result.err
    out = result.out
    assert out.startswith("Forum Malmö, februari\n")
    assert "Stadsbiblioteket" in out and "Genomförd" in out and "Måltid" in out
    assert "Program (17 minuter)" in out
    assert out.index("Vårdpersonal") < out.index("Åklagare")
    oberg = next(line for line in out.splitlines() if line.startswith("Öberg"))
    assert "Deltog" in oberg and "brev via frivården" in oberg and "Eva" in oberg
    ek = next(line for line in out.splitlines() if line.startswith("Ek"))
    assert "Föreslagen" in ek
    no_personnummer(out)
    assert ("read", "callin") in audit_actions(vault)


def test_show_json_and_csv(run: Run, with_callins: tuple[Path, str, str],
                           passphrase_file: Path) -> None:
    vault, cid, _draft = with_callins
    result = run("callins", "show", cid, "--vault", vault, "--passphrase-file", passphrase_file,
                 "--format", "json")
    data = json.loads(result.out)
    assert data["status"] == "held" and data["starts_at"] == "2026-02-12 18:00"
    assert [(s["position"], s["role"]) for s in data["programme"]] == [
        (1, "healthcare"), (2, "prosecutor")]
    assert {i["last_name"]: i["status"] for i in data["invitees"]} == {
        "Öberg": "attended", "Ek": "proposed"}
    assert {"key": "meal", "label": "Måltid", "done": True} in data["logistics"]
    no_personnummer(result.out)
    result = run("callins", "show", cid, "--vault", vault, "--passphrase-file", passphrase_file,
                 "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [r["part"] for r in rows] == ["speaker", "speaker", "invitee", "invitee"]
    no_personnummer(result.out)


def test_show_unknown_id_is_one_line(run: Run, with_callins: tuple[Path, str, str],
                                     passphrase_file: Path) -> None:
    vault, _cid, _draft = with_callins
    result = run("callins", "show", "no-such-id", "--vault", vault,
                 "--passphrase-file", passphrase_file)
    assert result.code == 1
    assert result.err == "mottryck: Call-in finns inte (eller är borttagen).\n"
    assert result.out == ""
