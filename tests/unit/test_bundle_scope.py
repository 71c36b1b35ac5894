"""Group scope on export: a hand-made register whose right answer per table is written here.

Groups Norra (chosen) and Södra. Anna is in Norra, Bo in Södra, Cissi in both. One incident
involves Norra and Bo, one only Södra; a call-in addresses Södra but invites Cissi; a
notification goes to Bo only, another to Anna and Bo. What leaves must concern Norra and its
members, and no record may name a row the receiver cannot hold.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from pyrage import x25519

from app.exchange.bundle import open_bundle
from app.exchange.records import TABLES
from app.services.bulk import insert_rows
from app.services.bundles import BundleService
from app.services.session import Services
from app.services.unit_keys import parse_signing_public_key, unit_keys, unit_secrets

N = "00000000-0000-4000-8000-0000000000"  # + two digits: readable fixed ids


def _id(n: int) -> str:
    return f"{N}{n:02d}"


ANNA, BO, CISSI = _id(1), _id(2), _id(3)
NORRA, SODRA = _id(10), _id(11)
INC_BOTH, INC_SOUTH = _id(20), _id(21)
CALL = _id(30)
NOTE_BO, NOTE_AB = _id(40), _id(41)


def _fill(svc: Services) -> None:
    t = TABLES
    at = datetime(2025, 3, 1, 12, 0)
    rows: dict[str, list[dict[str, Any]]] = {
        "person": [{"id": i, "first_name": f, "last_name": "Test"}
                   for i, f in ((ANNA, "Anna"), (BO, "Bo"), (CISSI, "Cissi"))],
        "group": [{"id": NORRA, "name": "Norra"}, {"id": SODRA, "name": "Södra"}],
        "membership": [{"id": _id(50), "person_id": ANNA, "group_id": NORRA},
                       {"id": _id(51), "person_id": BO, "group_id": SODRA},
                       {"id": _id(52), "person_id": CISSI, "group_id": NORRA},
                       {"id": _id(53), "person_id": CISSI, "group_id": SODRA}],
        "incident": [{"id": INC_BOTH, "occurred_at": at, "type": "shooting"},
                     {"id": INC_SOUTH, "occurred_at": at, "type": "arson"}],
        "incident_group": [{"id": _id(60), "incident_id": INC_BOTH, "group_id": NORRA},
                           {"id": _id(61), "incident_id": INC_BOTH, "group_id": SODRA},
                           {"id": _id(62), "incident_id": INC_SOUTH, "group_id": SODRA}],
        "incident_person": [{"id": _id(70), "incident_id": INC_BOTH, "person_id": BO,
                             "role": "suspect"},
                            {"id": _id(71), "incident_id": INC_BOTH, "person_id": ANNA,
                             "role": "victim"}],
        "callin": [{"id": CALL, "title": "Samtal"}],
        "callin_group": [{"id": _id(80), "callin_id": CALL, "group_id": SODRA}],
        "callin_invitee": [{"id": _id(81), "callin_id": CALL, "person_id": CISSI},
                           {"id": _id(82), "callin_id": CALL, "person_id": BO}],
        "notification": [{"id": NOTE_BO, "kind": "custom", "trigger_incident_id": INC_SOUTH},
                         {"id": NOTE_AB, "kind": "custom"}],
        "notification_person": [{"id": _id(90), "notification_id": NOTE_BO, "person_id": BO},
                                {"id": _id(91), "notification_id": NOTE_AB, "person_id": ANNA},
                                {"id": _id(92), "notification_id": NOTE_AB, "person_id": BO}],
        "group_relation": [{"id": _id(95), "group_a_id": NORRA, "group_b_id": SODRA,
                            "kind": "conflict"}],
    }
    with svc.db.write() as s:
        for name in ("person", "group", "membership", "incident", "incident_group",
                     "incident_person", "callin", "callin_group", "callin_invitee",
                     "notification", "notification_person", "group_relation"):
            insert_rows(s, t[name], rows[name])


EXPECTED = {
    "person": {ANNA, CISSI},
    "group": {NORRA},
    "membership": {_id(50), _id(52)},
    "incident": {INC_BOTH},
    "incident_group": {_id(60)},
    "incident_person": {_id(71)},
    "callin": {CALL},
    "callin_group": set(),
    "callin_invitee": {_id(81)},
    "notification": {NOTE_AB},
    "notification_person": {_id(91)},
    "group_relation": set(),
}


def test_group_scope_sends_only_what_concerns_the_groups(services: Services,
                                                         tmp_path: Path) -> None:
    _fill(services)
    me = unit_keys(services.db)
    bundles = BundleService(services.db)
    partner = bundles.partners.add({"name": "Kollega", "kind": "team",
                                    "age_recipient": str(x25519.Identity.generate()
                                                         .to_public())})
    out = tmp_path / "norra.age"
    result = bundles.export(partner.id, out, legal_basis="Samma grupp", groups=["norra"])
    secrets = unit_secrets(services.db)
    opened = open_bundle(out, identity=secrets.age_identity, our_unit_id=secrets.unit_id,
                         signer_key_for=lambda _u: parse_signing_public_key(
                             me.signing_public_key))
    sent: dict[str, set[str]] = {}
    for record in opened.records():
        sent.setdefault(record["table"], set()).add(record["id"])
    for table, ids in EXPECTED.items():
        assert sent.get(table, set()) == ids, table
    assert result.counts.get("incident") == 1
