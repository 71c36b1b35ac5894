"""Two real vaults that exchange bundles: a fresh receiver, partners pinned both ways, and a
full dump of a vault to prove an import changed nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import text

from app.models import Base
from app.services.partners import PartnerDTO
from app.services.session import Services, create_vault
from app.services.unit_keys import unit_keys
from tests.conftest import FAST_KDF, PASSPHRASE, USER


def second_vault(tmp_path: Path) -> Iterator[Services]:
    """For a fixture: a fresh vault, not a copy of the template (each laptop needs its own
    unit identity), locked afterwards."""
    svc, _recovery = create_vault(tmp_path / "other", USER, PASSPHRASE, kdf_params=FAST_KDF,
                                  unit_name="Kollegan")
    try:
        yield svc
    finally:
        svc.lock()


def pin(here: Services, there: Services, *, name: str = "Kollegan", kind: str = "team",
        sign: bool = True) -> PartnerDTO:
    """``here`` adds ``there`` as a partner (with its signing key and unit id unless not
    ``sign``: then ``there`` can receive from ``here`` but never send to it)."""
    keys = unit_keys(there.db)
    values: dict[str, Any] = {"name": name, "kind": kind, "age_recipient": keys.age_recipient}
    if sign:
        values.update(signing_key=keys.signing_public_key, unit_id=keys.unit_id)
    return here.partners.add(values)


def pair(a: Services, b: Services, *, kind: str = "team") -> tuple[PartnerDTO, PartnerDTO]:
    """Each vault pins the other; returns (b as a's partner, a as b's partner)."""
    return pin(a, b, name="Kollegan", kind=kind), pin(b, a, name="Avsändaren", kind="team")


def dump(svc: Services) -> dict[str, Any]:
    """Every row of every table (the search index and the version too) and the audit head."""
    out: dict[str, Any] = {}
    with svc.db.engine.connect() as conn:
        names = [r[0] for r in conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))]
        for name in names:
            rows = conn.execute(text(f'SELECT * FROM "{name}"')).all()
            out[name] = sorted((tuple(r) for r in rows), key=repr)
        conn.rollback()
    assert set(Base.metadata.tables) <= set(out)
    out["audit_head"] = dict(out["vault_meta"]).get("audit_head")
    return out
