"""Migration 0002: every vault has a unit identity for bundles, including vaults made before
bundles existed; per-field clocks and the exchange tables come and go with it."""

from __future__ import annotations

import base64
from typing import Any

import pyrage
from sqlalchemy import text

from app.services.session import Services
from app.vault import migrate


def _meta(services: Services) -> dict[str, str]:
    with services.db.engine.connect() as conn:
        rows = conn.execute(text("SELECT key, value FROM vault_meta")).all()
        conn.rollback()
    return {k: v for k, v in rows}


def _to(services: Services, revision: str, *, down: bool) -> None:
    cfg = migrate.alembic_config()
    with services.db.engine.connect() as conn:
        raw: Any = conn.connection.dbapi_connection
        raw.execute("PRAGMA foreign_keys = OFF")
        cfg.attributes["connection"] = conn
        with conn.begin():
            from alembic import command

            (command.downgrade if down else command.upgrade)(cfg, revision)
        raw.execute("PRAGMA foreign_keys = ON")


def test_a_new_vault_has_a_unit_identity(services: Services) -> None:
    meta = _meta(services)
    identity = pyrage.x25519.Identity.from_str(meta["unit_age_identity"])
    assert str(identity.to_public()).startswith("age1")
    assert len(base64.b64decode(meta["unit_signing_key"], validate=True)) == 32


def test_an_older_vault_gets_an_identity_and_keeps_it_across_downgrade(
        services: Services) -> None:
    with services.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM vault_meta WHERE key LIKE 'unit_%_key' "
                          "OR key = 'unit_age_identity'"))
    _to(services, "0001", down=True)
    assert "unit_age_identity" not in _meta(services)
    _to(services, "0002", down=False)
    first = _meta(services)
    assert first["unit_age_identity"].startswith("AGE-SECRET-KEY-1")
    # Down and up again: the same unit, not a new one its partners would not know.
    _to(services, "0001", down=True)
    _to(services, "0002", down=False)
    again = _meta(services)
    assert (again["unit_age_identity"], again["unit_signing_key"]) == (
        first["unit_age_identity"], first["unit_signing_key"])
