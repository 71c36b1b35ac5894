"""Schema migrations with alembic: refuse newer vaults, back up before upgrading older ones.

The foreign-key trap (STACK-NOTES): a batch migration rebuilds a table by copy → drop →
rename, and with ``foreign_keys=ON`` the drop fires ON DELETE CASCADE on every child row.
So keys are switched off on the raw connection *before* the migration transaction (the pragma
is a no-op inside one), checked with ``foreign_key_check`` before commit, and switched back on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from app.errors import MigrationFailed, SchemaTooNew
from app.i18n import _
from app.paths import migrations_dir


def alembic_config(script_location: Path | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or migrations_dir()))
    return cfg


def head_revision(cfg: Config | None = None) -> str:
    script = ScriptDirectory.from_config(cfg or alembic_config())
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def check_revision(current: str | None, cfg: Config) -> bool:
    """True if ``current`` needs an upgrade; raises SchemaTooNew for unknown revisions."""
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    if current == head:
        return False
    if current is not None:
        try:
            known = script.get_revision(current)
        except Exception:  # alembic raises several types for an unknown id
            known = None
        if known is None:
            raise SchemaTooNew(
                _("Valvet har skapats av en nyare version av Mottryck (schema {rev}). "
                  "Uppdatera programmet för att öppna det.").format(rev=current)
            )
    return True


# Rebuilding ``person`` or ``group`` in a batch migration silently drops these triggers, and
# search would then quietly stop seeing new and changed rows. A migration that rebuilds
# either table must create them again; this check refuses one that forgot.
SEARCH_TRIGGERS = frozenset({
    "person_fts_ai", "person_fts_au", "person_fts_ad",
    "group_fts_ai", "group_fts_au", "group_fts_ad",
})


def _check_search_triggers(conn: Connection) -> None:
    present = {row[0] for row in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()}
    missing = SEARCH_TRIGGERS - present
    if missing:
        raise MigrationFailed(
            _("Migreringen skulle slå av sökindexet ({names}); valvet är oförändrat.").format(
                names=", ".join(sorted(missing))))


def upgrade(engine: Engine, *, before_upgrade: Callable[[str | None], Any] | None = None,
            script_location: Path | None = None) -> bool:
    """Bring the schema to head. Returns True if anything was migrated.

    ``before_upgrade(current_revision)`` runs first when an existing vault is about to
    change (the vault makes its backup copy there).
    """
    cfg = alembic_config(script_location)
    with engine.connect() as probe:
        current = current_revision(probe)
        probe.rollback()
    if not check_revision(current, cfg):
        return False
    if current is not None and before_upgrade is not None:
        before_upgrade(current)
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            cfg.attributes["connection"] = conn
            try:
                with conn.begin():
                    command.upgrade(cfg, "head")
                    problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if problems:
                        raise MigrationFailed(
                            _("Migreringen skulle bryta {n} kopplingar mellan poster; "
                              "valvet är oförändrat.").format(n=len(problems))
                        )
                    _check_search_triggers(conn)
            except MigrationFailed:
                raise
            except Exception as exc:
                raise MigrationFailed(
                    _("Uppgraderingen av valvet misslyckades och har rullats tillbaka; "
                      "valvet är oförändrat ({err}).").format(err=type(exc).__name__)
                ) from exc
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
    return True
