"""Migration 0003: a partner's unit id moves out of its profile JSON into its own column,
and back again on downgrade."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import text

from app.services.session import Services
from tests.migrations.test_exchange_migration import _to
from tests.unit.test_unit_keys import new_recipient, new_signing_key


def _rows(services: Services, sql: str) -> list[Any]:
    with services.db.engine.connect() as conn:
        rows = conn.execute(text(sql)).all()
        conn.rollback()
    return rows


def test_unit_id_moves_from_the_profile_to_its_column_and_back(services: Services) -> None:
    unit = str(uuid.uuid4())
    sender = services.partners.add({"name": "Polisen Syd", "kind": "police",
                                    "age_recipient": new_recipient(),
                                    "signing_key": new_signing_key(), "unit_id": unit})
    plain = services.partners.add({"name": "Frivården", "kind": "frivard",
                                   "age_recipient": new_recipient()})
    profile = dict(sender.profile.to_json())

    _to(services, "0002", down=True)
    columns = {r[1] for r in _rows(services, "PRAGMA table_info(partner)")}
    assert "unit_id" not in columns
    stored = dict(_rows(services, "SELECT id, profile FROM partner"))
    assert json.loads(stored[sender.id]) == {**profile, "unit_id": unit}
    assert "unit_id" not in json.loads(stored[plain.id])

    _to(services, "0003", down=False)
    rows = {r[0]: (json.loads(r[1]), r[2])
            for r in _rows(services, "SELECT id, profile, unit_id FROM partner")}
    assert rows[sender.id] == (profile, unit)
    assert rows[plain.id][1] is None and "unit_id" not in rows[plain.id][0]
    assert services.partners.by_unit(unit) == services.partners.get(sender.id)
    assert services.partners.get(sender.id).profile == sender.profile
