"""Backup and restore of a whole vault as one file.

The file is a plain tar of three members: ``manifest.json``, ``keyslots.json`` and
``mottryck.db`` — the database copied through SQLite's backup API into a file keyed with the
same data key, so the backup is exactly as protected as the vault (nothing readable without a
passphrase or the recovery key). Restore parses the tar strictly (allow-listed names, regular
files, size caps), checks the database hash, and only then writes, into an empty folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app import __version__
from app.errors import BackupError, VaultExists, os_error_text
from app.i18n import _
from app.vault.atomic import fsync_dir
from app.vault.keyslots import KeySlotFile
from app.vault.vault import BACKOFF_NAME, DB_NAME, KEYSLOTS_NAME, UnlockedVault, Vault

FORMAT = "mottryck-backup"
VERSION = 1
MANIFEST = "manifest.json"
MEMBERS = (MANIFEST, KEYSLOTS_NAME, DB_NAME)
MAX_SMALL = 1024 * 1024  # manifest and keyslots
MAX_DB = 64 * 1024**3


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    vault_id: str
    created_at: str
    schema_revision: str | None
    size: int


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(data))


def write_backup(vault: UnlockedVault, out: Path, schema_revision: str | None) -> BackupInfo:
    out = Path(out).expanduser()
    if out.is_dir():
        raise BackupError(_("{path} är en mapp; ange ett filnamn.").format(path=out))
    if not out.parent.is_dir():
        raise BackupError(_("Mappen {path} finns inte.").format(path=out.parent))
    created = datetime.now(UTC).isoformat(timespec="seconds")
    with tempfile.TemporaryDirectory(prefix="mottryck-backup-", dir=out.parent) as tmp:
        db_copy = Path(tmp) / DB_NAME
        try:
            vault.copy_database_to(db_copy)
            manifest = {
                "format": FORMAT, "version": VERSION, "vault_id": vault.vault_id,
                "created_at": created, "schema_revision": schema_revision,
                "app_version": __version__, "db_sha256": _sha256(db_copy),
                "db_size": db_copy.stat().st_size,
            }
            partial = Path(tmp) / "backup.tar"
            with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as tar:
                _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2).encode())
                _add_bytes(tar, KEYSLOTS_NAME, vault.vault.keyslots_path.read_bytes())
                tar.add(db_copy, arcname=DB_NAME, recursive=False)
            with partial.open("rb") as fh:
                os.fsync(fh.fileno())
            os.replace(partial, out)
            fsync_dir(out.parent)
        except OSError as exc:
            raise BackupError(_("Säkerhetskopian kunde inte skrivas: {err}.").format(
                err=os_error_text(exc))) from exc
    return BackupInfo(out, vault.vault_id, created, schema_revision, out.stat().st_size)


def _read_members(path: Path, dest: Path) -> dict[str, object]:
    """Extract the three allow-listed members into ``dest``; return the manifest."""
    try:
        tar = tarfile.open(path, "r:")  # noqa: SIM115 - closed by the `with tar` below
    except (tarfile.TarError, OSError) as exc:
        raise BackupError(_("Filen är ingen Mottryck-säkerhetskopia.")) from exc
    seen: set[str] = set()
    with tar:
        try:
            for member in tar:
                if member.name not in MEMBERS or member.name in seen or not member.isreg():
                    raise BackupError(_("Säkerhetskopian innehåller oväntade delar."))
                cap = MAX_DB if member.name == DB_NAME else MAX_SMALL
                if member.size > cap:
                    raise BackupError(_("Säkerhetskopian innehåller en för stor del."))
                seen.add(member.name)
                source = tar.extractfile(member)
                assert source is not None
                with source, (dest / member.name).open("wb") as target:
                    shutil.copyfileobj(source, target)
        except (tarfile.TarError, EOFError, OSError) as exc:
            raise BackupError(_("Säkerhetskopian är skadad eller avkortad.")) from exc
    if seen != set(MEMBERS):
        raise BackupError(_("Säkerhetskopian är ofullständig."))
    try:
        manifest = json.loads((dest / MANIFEST).read_bytes())
        if manifest.get("format") != FORMAT:
            raise ValueError("format")
    except ValueError as exc:
        raise BackupError(_("Säkerhetskopians innehållsförteckning är skadad.")) from exc
    if int(manifest.get("version", 0)) > VERSION:
        raise BackupError(_("Säkerhetskopian kommer från en nyare version av Mottryck."))
    if _sha256(dest / DB_NAME) != manifest.get("db_sha256"):
        raise BackupError(_("Säkerhetskopians databas stämmer inte med sin kontrollsumma."))
    slots = KeySlotFile.load(dest / KEYSLOTS_NAME)
    if slots.vault_id != manifest.get("vault_id"):
        raise BackupError(_("Säkerhetskopians nyckelfil hör till ett annat valv."))
    return dict(manifest)


def restore_backup(path: Path, folder: Path) -> BackupInfo:
    """Restore into ``folder`` (must not hold a vault). Nothing is written if any check fails."""
    path, folder = Path(path).expanduser(), Path(folder).expanduser()
    if not path.is_file():
        raise BackupError(_("Hittar ingen fil {path}.").format(path=path))
    target = Vault(folder)
    if target.db_path.exists() or target.keyslots_path.exists():
        raise VaultExists(_("Det finns redan ett valv i {path}; återställ till en tom mapp.")
                          .format(path=folder))
    folder_existed = folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".restore-", dir=folder) as tmp:
            staging = Path(tmp)
            manifest = _read_members(path, staging)
            for name in (DB_NAME, KEYSLOTS_NAME):  # keyslots last: only then is it a vault
                with (staging / name).open("rb") as fh:
                    os.fsync(fh.fileno())
                os.replace(staging / name, folder / name)
            fsync_dir(folder)
    except OSError as exc:
        if not folder_existed:
            with contextlib.suppress(OSError):
                shutil.rmtree(folder)
        raise BackupError(_("Återställningen misslyckades: {err}.").format(
            err=os_error_text(exc))) from exc
    except BaseException:
        if not folder_existed:
            with contextlib.suppress(OSError):
                shutil.rmtree(folder)
        raise
    return BackupInfo(path, str(manifest["vault_id"]), str(manifest.get("created_at", "")),
                      manifest.get("schema_revision"),  # type: ignore[arg-type]
                      path.stat().st_size)


def discard_restored(folder: Path, *, remove_folder: bool = False) -> None:
    """Undo a restore whose vault would not open (used by the CLI's verification step)."""
    for name in (KEYSLOTS_NAME, DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", BACKOFF_NAME):
        with contextlib.suppress(OSError):
            (Path(folder) / name).unlink()
    if remove_folder:
        with contextlib.suppress(OSError):
            Path(folder).rmdir()  # only if empty: never delete anything we did not write
