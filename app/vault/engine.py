"""SQLCipher connections in raw-key mode, and the SQLAlchemy engine over them.

Pragma order follows docs/SECURITY.md: key → compatibility → temp_store → a validating read
(a wrong key fails there) → journal/sync/foreign keys/secure delete.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import URL, Engine, create_engine, event

from app.errors import CorruptVault, VaultError, WrongPassphrase
from app.i18n import _

# A 64 MiB page cache makes full scans on the encrypted file about as fast as plain SQLite
# (measured in STACK-NOTES); the default 2 MiB costs 1.5–3×.
CACHE_SIZE_KIB = 65536


def _check_cipher_version(conn: Any) -> None:
    row = conn.execute("PRAGMA cipher_version").fetchone()
    version = row[0] if row else ""
    if not version or not str(version).startswith("4."):
        raise VaultError(
            _("Fel SQLCipher-version ({v}); Mottryck kräver SQLCipher 4.").format(v=version or "?")
        )


def open_keyed_connection(path: Path, key: bytes | bytearray, *, create: bool = False) -> Any:
    """Open one SQLCipher connection keyed with the raw 32-byte DEK, or raise a clear error."""
    path = Path(path)
    if not create and not path.exists():
        raise VaultError(_("Databasfilen saknas: {path}").format(path=path))
    # check_same_thread=False: the UI's single database lane may reuse a pooled connection
    # from another thread; SQLAlchemy's pool never lets two threads use one at once.
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        _check_cipher_version(conn)
        conn.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
        conn.execute("PRAGMA cipher_compatibility = 4")
        conn.execute("PRAGMA temp_store = MEMORY")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            if "not a database" in str(exc):
                raise WrongPassphrase() from exc
            raise CorruptVault(_("Databasen är skadad och kan inte öppnas.")) from exc
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute(f"PRAGMA cache_size = -{CACHE_SIZE_KIB}")
        conn.execute("PRAGMA busy_timeout = 10000")
    except BaseException:
        conn.close()
        raise
    return conn


# Compact, as SQLite itself writes a list or map it read from JSON (bundle imports), so a value
# has one stored text whichever way it came in; one encoder, made once.
json_text = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def make_engine(path: Path, key_source: Callable[[], bytes | bytearray]) -> Engine:
    """An engine whose every new connection is keyed from ``key_source``.

    ``key_source`` is called per connection so that locking the vault (which wipes the key)
    also stops the pool from ever opening another connection.
    """
    url = URL.create("sqlite+pysqlite", database=str(path))

    def creator() -> Any:
        return open_keyed_connection(path, key_source())

    # JSON columns (aliases) are indexed by the FTS5 triggers as stored text: "Ö" must be
    # stored as "Ö", not as the escape "\u00d6", or it can never be found.
    engine = create_engine(url, module=sqlcipher3, creator=creator, pool_size=2, max_overflow=2,
                           json_serializer=json_text)

    # pysqlite's implicit transactions break SAVEPOINT and transactional DDL: the DBAPI
    # connection runs in autocommit (isolation_level=None) and we emit BEGIN ourselves.
    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    @event.listens_for(engine, "handle_error")
    def _translate(context: Any) -> BaseException | None:
        return translate_error(context.original_exception)

    return engine


def translate_error(exc: BaseException) -> BaseException | None:
    """Damage found while reading (SQLCipher's page check fails on any altered byte) and a full
    disk reach the caller as the app's own errors instead of raw driver exceptions."""
    name = getattr(exc, "sqlite_errorname", "")
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        return CorruptVault(_("Databasen är skadad (en del av filen går inte att läsa). "
                              "Återställ valvet från en säkerhetskopia."))
    if name == "SQLITE_FULL":
        return VaultError(_("Disken är full; ändringen sparades inte. Frigör utrymme och "
                            "försök igen."))
    return None
