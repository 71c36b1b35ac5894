"""Upgrading a vault: all or nothing, no cascade deletes, a backup first, newer vaults refused."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import text

from app.errors import MigrationFailed, SchemaTooNew
from app.services.session import Services, open_vault
from app.vault import Vault, migrate
from tests.conftest import PASSPHRASE, USER
from tests.migrations.helpers import HEAD, NEXT, scratch_migrations, snapshot

FAILING = """
op.execute("UPDATE person SET first_name = 'Ändrad', notes = 'migrerad'")
op.execute("DELETE FROM membership")
op.create_table("ny_tabell", sa.Column("id", sa.Integer, primary_key=True))
with op.batch_alter_table("person", recreate="always") as batch:
    batch.add_column(sa.Column("smeknamn", sa.String(50)))
raise RuntimeError("a migration failed half-way")
"""

# Rebuilds the parent table (copy → drop → rename) while membership rows point at it, and
# creates its search-index triggers again, as every migration that rebuilds `person` must.
REBUILD_PERSON = """
triggers = [row[0] for row in op.get_bind().exec_driver_sql(
    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'person'")]
with op.batch_alter_table("person", recreate="always") as batch:
    batch.add_column(sa.Column("smeknamn", sa.String(50)))
for sql in triggers:
    op.execute(sql)
"""

# The same rebuild, forgetting the triggers: search would silently stop following changes.
REBUILD_PERSON_LOSING_TRIGGERS = """
with op.batch_alter_table("person", recreate="always") as batch:
    batch.add_column(sa.Column("smeknamn", sa.String(50)))
"""

ADD_TABLE = """
op.create_table("ny_tabell", sa.Column("id", sa.Integer, primary_key=True))
"""


def fill(services: Services, people: int = 5) -> None:
    group = services.groups.create({"name": "Norra gänget"})
    for i in range(people):
        person = services.people.create({"first_name": f"Person{i}", "last_name": "Test"})
        services.groups.add_membership({"person_id": person.id, "group_id": group.id})


def scalar(services: Services, sql: str) -> Any:
    with services.db.engine.connect() as conn:
        value = conn.execute(text(sql)).scalar()
        conn.rollback()
    return value


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---- a failing migration -----------------------------------------------------------------
def test_failing_migration_leaves_schema_data_and_revision_unchanged(
        services: Services, tmp_path: Path) -> None:
    fill(services)
    before = snapshot(services.db.engine)
    scripts = scratch_migrations(tmp_path, FAILING)
    with pytest.raises(MigrationFailed) as info:
        migrate.upgrade(services.db.engine, script_location=scripts)
    assert "valvet är oförändrat" in str(info.value)
    assert "RuntimeError" in str(info.value)
    after = snapshot(services.db.engine)
    assert after == before
    assert before["revision"] == [(HEAD,)]
    assert len(before["membership"]) == 5
    # foreign keys are back on for the connections that follow
    assert scalar(services, "PRAGMA foreign_keys") == 1


def test_failing_migration_on_unlock_keeps_the_old_vault_openable(
        vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    services = open_vault(vault_dir, USER, PASSPHRASE)
    fill(services)
    before = snapshot(services.db.engine)
    services.lock()
    scripts = scratch_migrations(tmp_path, FAILING)
    monkeypatch.setattr(migrate, "migrations_dir", lambda: scripts)
    with pytest.raises(MigrationFailed):
        Vault(vault_dir).unlock(USER, PASSPHRASE)
    monkeypatch.undo()
    again = open_vault(vault_dir, USER, PASSPHRASE)
    try:
        after = snapshot(again.db.engine)
        # the reopen itself adds a login event; everything else is as it was
        assert {k: v for k, v in after.items() if k not in ("audit_event", "vault_meta")} == {
            k: v for k, v in before.items() if k not in ("audit_event", "vault_meta")}
        assert after["audit_event"][:len(before["audit_event"])] == before["audit_event"]
    finally:
        again.lock()


# ---- the foreign-key trap ----------------------------------------------------------------
def test_rebuilding_a_parent_table_keeps_its_children(services: Services,
                                                      tmp_path: Path) -> None:
    fill(services)
    members = scalar(services, "SELECT count(*) FROM membership")
    assert members == 5
    scripts = scratch_migrations(tmp_path, REBUILD_PERSON)
    assert migrate.upgrade(services.db.engine, script_location=scripts) is True
    assert scalar(services, "SELECT count(*) FROM membership") == members
    assert scalar(services, "SELECT count(*) FROM person WHERE smeknamn IS NULL") == 5
    assert scalar(services, "SELECT version_num FROM alembic_version") == NEXT
    assert scalar(services, "PRAGMA foreign_keys") == 1


def test_the_trap_is_real_without_the_guard(services: Services, tmp_path: Path) -> None:
    """Control: the same revision run with foreign keys on (as a plain alembic run on our
    connections would) cascades the rebuild's DROP TABLE into every membership row."""
    fill(services)
    scripts = scratch_migrations(tmp_path, REBUILD_PERSON)
    cfg = migrate.alembic_config(scripts)
    with services.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        conn.rollback()
        cfg.attributes["connection"] = conn
        with conn.begin():
            command.upgrade(cfg, "head")
    assert scalar(services, "SELECT count(*) FROM membership") == 0


def test_a_rebuild_that_drops_the_search_triggers_is_refused(services: Services,
                                                             tmp_path: Path) -> None:
    fill(services)
    before = snapshot(services.db.engine)
    scripts = scratch_migrations(tmp_path, REBUILD_PERSON_LOSING_TRIGGERS)
    with pytest.raises(MigrationFailed, match="person_fts_ai"):
        migrate.upgrade(services.db.engine, script_location=scripts)
    assert snapshot(services.db.engine) == before
    services.people.create({"first_name": "Efter", "last_name": "Öberg"})
    assert [p.first_name for p in services.people.search("öberg", log=False)] == ["Efter"]


def test_a_migration_that_would_orphan_rows_is_refused(services: Services,
                                                        tmp_path: Path) -> None:
    fill(services)
    before = snapshot(services.db.engine)
    scripts = scratch_migrations(tmp_path, 'op.execute("DELETE FROM person")')
    with pytest.raises(MigrationFailed, match="bryta 5 kopplingar"):
        migrate.upgrade(services.db.engine, script_location=scripts)
    assert snapshot(services.db.engine) == before


# ---- older and newer vaults --------------------------------------------------------------
def test_older_vault_is_backed_up_before_it_is_migrated(
        vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    services = open_vault(vault_dir, USER, PASSPHRASE)
    fill(services, 3)
    services.lock()
    scripts = scratch_migrations(tmp_path, ADD_TABLE)
    monkeypatch.setattr(migrate, "migrations_dir", lambda: scripts)
    unlocked = Vault(vault_dir).unlock(USER, PASSPHRASE)
    try:
        with unlocked.engine.connect() as conn:
            assert migrate.current_revision(conn) == NEXT
            conn.rollback()
    finally:
        unlocked.lock()
    monkeypatch.undo()

    (backup,) = (vault_dir / "backups").glob(f"pre-migrate-{HEAD}-*.db")
    assert backup.with_suffix(".keyslots.json").read_bytes() == \
        (vault_dir / "keyslots.json").read_bytes()
    assert not backup.read_bytes().startswith(b"SQLite format 3")
    # The copy is a whole vault at the old revision, opened with the same passphrase.
    restored = tmp_path / "restored"
    restored.mkdir()
    shutil.copy(backup, restored / "mottryck.db")
    shutil.copy(backup.with_suffix(".keyslots.json"), restored / "keyslots.json")
    old = open_vault(restored, USER, PASSPHRASE)
    try:
        assert scalar(old, "SELECT version_num FROM alembic_version") == HEAD
        assert old.people.count() == 3
        assert scalar(old, "SELECT count(*) FROM sqlite_master WHERE name = 'ny_tabell'") == 0
    finally:
        old.lock()


def test_a_vault_at_head_is_not_backed_up(vault_dir: Path) -> None:
    Vault(vault_dir).unlock(USER, PASSPHRASE).lock()
    assert not (vault_dir / "backups").exists()


@pytest.mark.parametrize("revision", ["0099", "ffffabcd1234", NEXT])
def test_newer_vault_is_refused_and_untouched(vault_dir: Path, revision: str) -> None:
    services = open_vault(vault_dir, USER, PASSPHRASE)
    with services.db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    services.lock()
    db = vault_dir / "mottryck.db"
    digest = file_digest(db)
    names = sorted(p.name for p in vault_dir.iterdir())
    with pytest.raises(SchemaTooNew) as info:
        Vault(vault_dir).unlock(USER, PASSPHRASE)
    assert str(info.value) == (
        f"Valvet har skapats av en nyare version av Mottryck (schema {revision}). "
        "Uppdatera programmet för att öppna det.")
    assert file_digest(db) == digest
    assert sorted(p.name for p in vault_dir.iterdir()) == names  # no backup, no leftovers
