"""`mottryck referrals list`: table, CSV and JSON, the status filter (a wrong one is one line
and exit 1, before any unlock), overdue ones, and the listing logged as one read."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.models.enums import ReferralStatus
from app.services.session import open_vault
from tests.cli.conftest import PEOPLE, Run, audit_actions
from tests.conftest import PASSPHRASE, USER

DAY = date.today() - timedelta(days=40)


@pytest.fixture
def with_referrals(seeded: Path) -> tuple[Path, dict[str, str]]:
    """The seeded vault with three referrals: Öberg's sent on a consent later withdrawn,
    Ek's proposed and overdue, Andersson's sent on an override and then declined."""
    services = open_vault(seeded, USER, PASSPHRASE)
    try:
        people = {p.last_name: p.id for p in services.people.search(log=False)}
        provider = services.providers.create({
            "name": "Samtalsmottagningen Malmö", "service_types": ["support_talks", "work"],
            "area": "Malmö"}).id
        consent = services.consents.record(people["Öberg"], {
            "given_by": "Personen själv", "purpose": "Remiss", "given_on": DAY})
        oberg = services.referrals.create(people["Öberg"], "support_talks", provider,
                                          proposed_on=DAY, responsible_officer="Karin Lund")
        services.referrals.transition(oberg.id, ReferralStatus.SENT, on=DAY,
                                      consent_id=consent.id,
                                      due_on=date.today() + timedelta(days=7))
        services.consents.withdraw(consent.id, DAY + timedelta(days=2))
        ek = services.referrals.create(people["Ek"], "work", provider,
                                       due_on=date.today() - timedelta(days=2),
                                       proposed_on=DAY + timedelta(days=1))
        andersson = services.referrals.create(people["Andersson"], "debt",
                                              proposed_on=DAY + timedelta(days=2))
        services.referrals.transition(andersson.id, ReferralStatus.DECLINED,
                                      on=DAY + timedelta(days=3))
    finally:
        services.lock()
    return seeded, {"Öberg": oberg.id, "Ek": ek.id, "Andersson": andersson.id}


def _no_personnummer(text: str) -> None:
    for *_names, full in PEOPLE:
        if full:
            assert full not in text and full[:8] not in text


def test_list_table_in_swedish(run: Run, with_referrals: tuple[Path, dict[str, str]],
                               passphrase_file: Path) -> None:
    vault, _ids = with_referrals
    result = run("referrals", "list", "--vault", vault, "--passphrase-file", passphrase_file)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split()[:4] == ["Föreslagen", "Person", "Insats", "Verksamhet"]
    assert "Obs" in lines[0]
    # The latest proposed first, statuses and services in words.
    assert "Andersson" in lines[2] and "Avböjd" in lines[2] and "Skuldrådgivning" in lines[2]
    assert "Bo Ek" in lines[3] and "Föreslagen" in lines[3] and "försenad" in lines[3]
    assert "Åsa Öberg" in lines[4] and "Skickad" in lines[4]
    assert "samtycket återkallat" in lines[4] and "Karin Lund" in lines[4]
    assert "3 remisser" in result.err
    _no_personnummer(result.out)


def test_list_csv_and_json(run: Run, with_referrals: tuple[Path, dict[str, str]],
                           passphrase_file: Path) -> None:
    vault, ids = with_referrals
    result = run("referrals", "list", "--vault", vault, "--passphrase-file", passphrase_file,
                 "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert [d["id"] for d in data] == [ids["Andersson"], ids["Ek"], ids["Öberg"]]
    oberg = data[2]
    assert (oberg["status"], oberg["service_type"], oberg["person"]) == (
        "sent", "support_talks", "Åsa Öberg")
    assert oberg["consent_withdrawn"] is True and oberg["overridden"] is False
    assert oberg["proposed_on"] == DAY.isoformat() and oberg["overdue"] is False
    assert data[1]["overdue"] is True and data[1]["provider"] == "Samtalsmottagningen Malmö"
    assert data[0]["provider_id"] is None and data[0]["status"] == "declined"

    result = run("referrals", "list", "--vault", vault, "--passphrase-file", passphrase_file,
                 "--format", "csv")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [r["id"] for r in rows] == [ids["Andersson"], ids["Ek"], ids["Öberg"]]
    assert list(rows[0])[:4] == ["id", "person_id", "proposed_on", "person"]
    assert rows[2]["status"] == "sent" and rows[2]["consent_withdrawn"] == "True"
    assert rows[1]["due_on"] == (date.today() - timedelta(days=2)).isoformat()
    _no_personnummer(result.out)


def test_status_and_overdue_filters(run: Run, with_referrals: tuple[Path, dict[str, str]],
                                    passphrase_file: Path) -> None:
    vault, ids = with_referrals
    result = run("referrals", "list", "--vault", vault, "--passphrase-file", passphrase_file,
                 "--status", "SENT", "--format", "json")
    assert result.code == 0, result.err
    assert [d["id"] for d in json.loads(result.out)] == [ids["Öberg"]]
    result = run("referrals", "list", "--vault", vault, "--passphrase-file", passphrase_file,
                 "--overdue", "--format", "json")
    assert [d["id"] for d in json.loads(result.out)] == [ids["Ek"]]
    result = run("referrals", "list", "--vault", vault, "--passphrase-file", passphrase_file,
                 "--status", "completed")
    assert result.code == 0 and "0 remisser" in result.err


def test_a_bad_status_is_one_line_and_exit_1_before_unlocking(
        run: Run, with_referrals: tuple[Path, dict[str, str]], passphrase_file: Path) -> None:
    vault, _ids = with_referrals
    before = audit_actions(vault)
    result = run("referrals", "list", "--vault", vault, "--passphrase-file", passphrase_file,
                 "--status", "open")
    assert result.code == 1 and result.out == ""
    assert result.err.strip().splitlines() == [
        "mottryck: Okänd status open. Möjliga: proposed, sent, accepted, started, completed, "
        "declined, dropped, withdrawn."]
    assert audit_actions(vault) == [*before, ("login", "vault")]  # only the check's own


def test_the_listing_is_logged_as_one_read(run: Run, with_referrals: tuple[Path, dict[str, str]],
                                           passphrase_file: Path) -> None:
    vault, _ids = with_referrals
    result = run("referrals", "list", "--vault", vault, "--passphrase-file", passphrase_file,
                 "--purpose", "månadsuppföljning")
    assert result.code == 0, result.err
    actions = audit_actions(vault)
    assert actions[-3:] == [("login", "vault"), ("read", "referral_list"), ("login", "vault")]
