"""Backups as a user action: write the file, then log it in the audit trail."""

from __future__ import annotations

from pathlib import Path

from app.services import audit
from app.services.audit import Action
from app.services.session import Services
from app.vault import migrate
from app.vault.backup import BackupInfo, write_backup


def backup_vault(services: Services, out: Path) -> BackupInfo:
    with services.vault.engine.connect() as conn:
        revision = migrate.current_revision(conn)
        conn.rollback()
    info = write_backup(services.vault, out, revision)
    with services.db.write() as s:
        # Logged after the file exists, so the log never claims a backup that failed.
        audit.record(s, Action.BACKUP, "vault", services.vault.vault_id,
                     detail={"bytes": info.size})
    return info
