"""A vault is a folder: ``mottryck.db`` (SQLCipher 4, raw key), ``keyslots.json``, ``backups/``.

``Vault`` is the folder while locked; ``UnlockedVault`` holds the data key (one ``bytearray``,
overwritten on lock) and the SQLAlchemy engine. Auditing of logins lives a layer up, in
app/services/session.py, because the audit log is data inside the vault.
"""

from __future__ import annotations

import contextlib
import secrets
import shutil
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Engine, text

from app.errors import (
    CorruptVault,
    FieldError,
    UnlockBackoff,
    ValidationError,
    VaultError,
    VaultExists,
    VaultNotFound,
    WrongPassphrase,
    os_error_text,
)
from app.i18n import _
from app.vault import migrate
from app.vault.backoff import Backoff
from app.vault.engine import make_engine, open_keyed_connection
from app.vault.kdf import KdfParams, calibrate
from app.vault.keyslots import KeySlotFile
from app.vault.recovery import format_recovery_key, new_recovery_key, parse_recovery_key

DB_NAME = "mottryck.db"
KEYSLOTS_NAME = "keyslots.json"
BACKUP_DIR = "backups"
BACKOFF_NAME = "unlock-state.json"
MIN_PASSPHRASE_LENGTH = 10
MAX_USER_LENGTH = 64


def validate_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise ValidationError(FieldError(
            _("lösenfras"),
            _("måste vara minst {n} tecken lång").format(n=MIN_PASSPHRASE_LENGTH),
        ))


def validate_user(user: str) -> str:
    user = user.strip()
    if not user:
        raise ValidationError(FieldError(_("användare"), _("får inte vara tom")))
    if len(user) > MAX_USER_LENGTH or any(ord(c) < 32 for c in user):
        raise ValidationError(FieldError(
            _("användare"), _("högst {n} vanliga tecken").format(n=MAX_USER_LENGTH)))
    return user


def _utcnow_text() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


class Vault:
    """The vault folder, locked."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder).expanduser()

    # ---- paths -------------------------------------------------------------------------
    @property
    def db_path(self) -> Path:
        return self.folder / DB_NAME

    @property
    def keyslots_path(self) -> Path:
        return self.folder / KEYSLOTS_NAME

    @property
    def backup_dir(self) -> Path:
        return self.folder / BACKUP_DIR

    @property
    def backoff(self) -> Backoff:
        return Backoff(self.folder / BACKOFF_NAME)

    def exists(self) -> bool:
        return self.keyslots_path.is_file() and self.db_path.is_file()

    def _require(self) -> KeySlotFile:
        if not self.exists():
            raise VaultNotFound(_("Hittar inget Mottryck-valv i {path}.").format(path=self.folder))
        return KeySlotFile.load(self.keyslots_path)

    def users(self) -> list[str]:
        return self._require().users()

    # ---- creation ----------------------------------------------------------------------
    @classmethod
    def create(cls, folder: Path | str, user: str, passphrase: str, *,
               kdf_params: KdfParams | None = None,
               unit_name: str = "") -> tuple[UnlockedVault, str]:
        """Create a vault; returns it unlocked and the recovery key text (shown once)."""
        vault = cls(folder)
        user = validate_user(user)
        validate_passphrase(passphrase)
        if vault.db_path.exists() or vault.keyslots_path.exists():
            raise VaultExists(_("Det finns redan ett valv i {path}.").format(path=vault.folder))
        try:
            vault.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise VaultError(_("Kan inte skapa mappen {path}: {err}").format(
                path=vault.folder, err=os_error_text(exc))) from exc
        params = kdf_params or calibrate()
        dek = bytearray(secrets.token_bytes(32))
        recovery = new_recovery_key()
        slots = KeySlotFile(vault_id=str(uuid.uuid4()))
        slots.slots.append(slots.make_passphrase_slot(user, passphrase, dek, params))
        slots.slots.append(slots.make_recovery_slot(recovery, dek))
        created: list[Path] = []
        try:
            open_keyed_connection(vault.db_path, dek, create=True).close()
            created.append(vault.db_path)
            unlocked = UnlockedVault(vault, user, dek, slots.vault_id)
            migrate.upgrade(unlocked.engine)
            unlocked.init_meta(unit_name)
            slots.save(vault.keyslots_path)  # last: a vault without it never looks complete
        except BaseException:
            with contextlib.suppress(Exception):
                unlocked.lock()
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    Path(str(vault.db_path) + suffix).unlink()
            raise
        return unlocked, format_recovery_key(recovery)

    # ---- unlocking ---------------------------------------------------------------------
    def _check_backoff(self) -> None:
        wait = self.backoff.remaining()
        if wait > 0:
            raise UnlockBackoff(wait)

    def unlock(self, user: str, passphrase: str) -> UnlockedVault:
        slots = self._require()
        self._check_backoff()
        try:
            dek = slots.unwrap_passphrase(user, passphrase)
        except WrongPassphrase:
            self.backoff.record_failure()
            raise
        return self._open(slots, user, dek)

    def unlock_with_recovery(self, recovery_text: str, user: str = "recovery") -> UnlockedVault:
        slots = self._require()
        self._check_backoff()
        try:
            dek = slots.unwrap_recovery(parse_recovery_key(recovery_text))
        except WrongPassphrase:
            self.backoff.record_failure()
            raise
        return self._open(slots, user, dek)

    def _open(self, slots: KeySlotFile, user: str, dek: bytearray) -> UnlockedVault:
        failures = self.backoff.failures()
        unlocked = UnlockedVault(self, user, dek, slots.vault_id)
        try:
            unlocked.check_key()
            unlocked.check_schema_present()
            migrate.upgrade(unlocked.engine, before_upgrade=unlocked.backup_before_migration)
            unlocked.check_meta()
        except WrongPassphrase as exc:
            unlocked.lock()
            raise CorruptVault(
                _("Nyckelfilen hör inte till den här databasen "
                  "(valvet är skadat eller ihopblandat).")
            ) from exc
        except BaseException:
            unlocked.lock()
            raise
        unlocked.failed_attempts_before = failures
        self.backoff.reset()
        return unlocked

    # ---- passphrases -------------------------------------------------------------------
    def change_passphrase(self, user: str, old: str, new: str, *,
                          kdf_params: KdfParams | None = None) -> None:
        """Rewrap only this user's slot: new slot written (atomically) before the old goes."""
        slots = self._require()
        self._check_backoff()
        validate_passphrase(new)
        try:
            dek = slots.unwrap_passphrase(user, old)
        except WrongPassphrase:
            self.backoff.record_failure()
            raise
        self._replace_user_slot(slots, user, new, dek, kdf_params)

    def reset_passphrase_with_recovery(self, recovery_text: str, user: str, new: str, *,
                                       kdf_params: KdfParams | None = None) -> None:
        slots = self._require()
        validate_passphrase(new)
        dek = slots.unwrap_recovery(parse_recovery_key(recovery_text))
        self._replace_user_slot(slots, user, new, dek, kdf_params)

    def _replace_user_slot(self, slots: KeySlotFile, user: str, new: str, dek: bytearray,
                           kdf_params: KdfParams | None) -> None:
        try:
            old_slots = slots.user_slots(user)
        except WrongPassphrase:
            old_slots = []
        params = kdf_params or (KdfParams.from_json(old_slots[0].kdf) if old_slots
                                else calibrate())
        new_slot = slots.make_passphrase_slot(user, new, dek, params)
        dek[:] = b"\0" * len(dek)
        # Two atomic steps: if we die between them both passphrases still open the vault
        # (unlock tries every slot of the user). The second step drops all older slots,
        # including one left behind by an earlier interrupted change.
        slots.slots.append(new_slot)
        slots.save(self.keyslots_path)
        if old_slots:
            slots.slots = [s for s in slots.slots if s not in old_slots]
            slots.save(self.keyslots_path)


@dataclass
class UnlockedVault:
    vault: Vault
    user: str
    _key: bytearray
    vault_id: str
    failed_attempts_before: int = 0
    _engine: Engine | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._engine = make_engine(self.vault.db_path, self._key_source)

    def _key_source(self) -> bytearray:
        if not any(self._key):
            raise VaultError(_("Valvet är låst."))
        return self._key

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise VaultError(_("Valvet är låst."))
        return self._engine

    @property
    def folder(self) -> Path:
        return self.vault.folder

    def derive_subkey(self, purpose: bytes) -> bytes:
        """A key for one purpose (audit MAC, …) derived from the DEK, never the DEK itself."""
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                    info=b"mottryck " + purpose).derive(bytes(self._key_source()))

    def check_key(self) -> None:
        with self.engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").fetchone()
            conn.rollback()

    def check_integrity(self) -> None:
        """Read every page (SQLCipher checks each page's MAC) and check SQLite's structure.

        Plain reads find damage only in the pages they touch; a damaged index page, for one,
        shows up here as report lines rather than an error, so those become CorruptVault too.
        """
        with self.engine.connect() as conn:
            rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
            conn.rollback()
        if [tuple(r) for r in rows] != [("ok",)]:
            raise CorruptVault(_("Databasen är skadad (kontrollen hittade fel). "
                                 "Återställ valvet från en säkerhetskopia."))

    def check_schema_present(self) -> None:
        # A file truncated to nothing keys "successfully" as a new, empty database; without
        # this the upgrade would build a fresh schema in it before the vault id check fails.
        with self.engine.connect() as conn:
            revision = migrate.current_revision(conn)
            conn.rollback()
        if revision is None:
            raise CorruptVault(_("Databasfilen är tom eller hör inte till ett Mottryck-valv."))

    # ---- vault metadata ------------------------------------------------------------------
    def init_meta(self, unit_name: str) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.engine.begin() as conn:
            for key, value in (("vault_id", self.vault_id), ("unit_id", str(uuid.uuid4())),
                               ("unit_name", unit_name), ("created_at", now)):
                conn.execute(text("INSERT INTO vault_meta(key, value) VALUES (:k, :v)"),
                             {"k": key, "v": value})

    def meta(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            row = conn.execute(text("SELECT value FROM vault_meta WHERE key = :k"),
                               {"k": key}).fetchone()
            conn.rollback()
        return None if row is None else str(row[0])

    def check_meta(self) -> None:
        stored = self.meta("vault_id")
        if stored != self.vault_id:
            raise CorruptVault(_("Nyckelfilen och databasen hör till olika valv."))

    # ---- users -------------------------------------------------------------------------
    def add_user(self, user: str, passphrase: str, *, kdf_params: KdfParams | None = None) -> None:
        user = validate_user(user)
        validate_passphrase(passphrase)
        slots = KeySlotFile.load(self.vault.keyslots_path)
        if user in slots.users():
            raise ValidationError(FieldError(_("användare"), _("finns redan i valvet")))
        params = kdf_params or calibrate()
        slots.slots.append(slots.make_passphrase_slot(user, passphrase, self._key_source(), params))
        slots.save(self.vault.keyslots_path)

    def remove_user(self, user: str) -> None:
        slots = KeySlotFile.load(self.vault.keyslots_path)
        if user not in slots.users():
            raise ValidationError(FieldError(_("användare"), _("finns inte i valvet")))
        if len(slots.users()) == 1:
            raise ValidationError(
                FieldError(_("användare"), _("den sista användaren kan inte tas bort")))
        slots.slots = [s for s in slots.slots if s.user != user]
        slots.save(self.vault.keyslots_path)

    # ---- copies ------------------------------------------------------------------------
    def copy_database_to(self, dest: Path) -> None:
        """An encrypted, consistent copy of the database (same key) via SQLite's backup API."""
        if dest.exists():
            dest.unlink()
        target = open_keyed_connection(dest, self._key_source(), create=True)
        try:
            with self.engine.connect() as conn:
                raw = conn.connection.dbapi_connection
                assert raw is not None
                raw.backup(target)
                conn.rollback()
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()

    def backup_before_migration(self, current_revision: str | None) -> Path:
        self.vault.backup_dir.mkdir(exist_ok=True)
        dest = self.vault.backup_dir / f"pre-migrate-{current_revision}-{_utcnow_text()}.db"
        try:
            self.copy_database_to(dest)
        except OSError as exc:
            raise VaultError(_("Kan inte göra säkerhetskopia före uppgraderingen: {err}").format(
                err=os_error_text(exc))) from exc
        shutil.copy2(self.vault.keyslots_path, dest.with_suffix(".keyslots.json"))
        return dest

    # ---- locking -----------------------------------------------------------------------
    def lock(self) -> None:
        """Dispose the engine and overwrite the key. Python may still hold copies elsewhere
        (e.g. the hex string built for PRAGMA key); see docs/security.md."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        self._key[:] = b"\0" * len(self._key)

    @property
    def locked(self) -> bool:
        return self._engine is None
