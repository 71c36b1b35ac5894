"""The query planner gets statistics when a vault is opened and after an import: without
them it takes each table's index on the yes/no ``deleted`` column for a selective one, and a
group's memberships are read by walking every live membership."""

from __future__ import annotations

from pathlib import Path

from app.services.demo import fill_demo
from app.services.session import Services, open_vault
from tests.conftest import PASSPHRASE, USER
from tests.security.bundle_vaults import pair, second_vault


def _plan(svc: Services) -> str:
    with svc.db.engine.connect() as conn:
        group = conn.exec_driver_sql("SELECT group_id FROM membership LIMIT 1").scalar()
        rows = conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM membership WHERE deleted IS 0 AND group_id = ?",
            (group,)).all()
        conn.rollback()
    return " ".join(str(r[3]) for r in rows)


def test_a_groups_memberships_are_read_by_the_group_index(services: Services,
                                                          vault_dir: Path) -> None:
    fill_demo(services, people=100, seed=3)
    services.lock()
    again = open_vault(vault_dir, USER, PASSPHRASE)
    try:
        assert "ix_membership_group" in _plan(again)
        # Control: with the statistics gone the planner takes the yes/no index again.
        with again.db.engine.connect() as conn:
            conn.exec_driver_sql("DELETE FROM sqlite_stat1")
            conn.exec_driver_sql("ANALYZE sqlite_schema")  # reread the (now empty) statistics
            conn.commit()
        assert "ix_membership_deleted" in _plan(again)
    finally:
        again.lock()


def test_a_first_import_refreshes_them(services: Services, tmp_path: Path) -> None:
    fill_demo(services, people=100, seed=4)
    for other in second_vault(tmp_path / "b"):
        to_other, _back = pair(services, other)
        result = services.bundles.export(to_other.id, tmp_path / "b.age", legal_basis="Samma")
        other.bundles.import_bundle(result.path)
        assert "ix_membership_group" in _plan(other)
