"""SQLCipher connections: the pragmas every engine connection gets, the file on disk, locking."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from app.errors import VaultError, WrongPassphrase
from app.services.session import Services
from app.vault import Vault
from app.vault.engine import _check_cipher_version, open_keyed_connection
from tests.conftest import FAST_KDF, PASSPHRASE, USER

EXPECTED = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "secure_delete": 1,
    "temp_store": 2,     # MEMORY: temp files are the classic plaintext leak
    "synchronous": 2,    # FULL
    # SQLCipher 4 settings (cipher_compatibility = 4 itself cannot be read back)
    "cipher_page_size": "4096",
    "cipher_hmac_algorithm": "HMAC_SHA512",
}


def pragmas(conn: Any) -> dict[str, Any]:
    return {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in EXPECTED}


def test_every_pooled_connection_is_set_up(services: Services) -> None:
    engine = services.db.engine
    # Hold several at once so the pool has to create more than one connection.
    with engine.connect() as a, engine.connect() as b, engine.connect() as c:
        raw = {id(x.connection.dbapi_connection) for x in (a, b, c)}
        assert len(raw) == 3
        for conn in (a, b, c):
            assert str(conn.exec_driver_sql("PRAGMA cipher_version").scalar()).startswith("4.")
            assert pragmas(conn) == EXPECTED
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -65536


def test_write_sessions_get_the_same_pragmas(services: Services) -> None:
    with services.db.write() as s:
        conn = s.connection()
        assert pragmas(conn) == EXPECTED


def test_database_file_has_no_plain_sqlite_header(vault_dir: Path, tmp_path: Path) -> None:
    head = (vault_dir / "mottryck.db").read_bytes()[:16]
    assert head != b"SQLite format 3\0"
    other, _recovery = Vault.create(tmp_path / "annat", USER, PASSPHRASE, kdf_params=FAST_KDF)
    other.lock()
    # SQLCipher's first 16 bytes are the random per-file salt
    assert (tmp_path / "annat" / "mottryck.db").read_bytes()[:16] != head


def test_plain_sqlite_cannot_read_the_file(vault_dir: Path) -> None:
    conn = sqlite3.connect(vault_dir / "mottryck.db")
    try:
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def test_a_wrong_raw_key_is_wrong_passphrase(vault_dir: Path) -> None:
    with pytest.raises(WrongPassphrase):
        open_keyed_connection(vault_dir / "mottryck.db", bytes(32))


def test_a_missing_database_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(VaultError, match="Databasfilen saknas"):
        open_keyed_connection(tmp_path / "mottryck.db", bytes(32))
    assert not (tmp_path / "mottryck.db").exists()


class _FakeVersion:
    def __init__(self, version: str | None) -> None:
        self.version = version

    def execute(self, _sql: str) -> _FakeVersion:
        return self

    def fetchone(self) -> tuple[str] | None:
        return None if self.version is None else (self.version,)


@pytest.mark.parametrize("version", ["3.4.1", "5.0.0", "", None])
def test_other_sqlcipher_versions_are_refused(version: str | None) -> None:
    with pytest.raises(VaultError, match="kräver SQLCipher 4"):
        _check_cipher_version(_FakeVersion(version))


def test_lock_wipes_the_key_and_stops_new_connections(vault_dir: Path) -> None:
    unlocked = Vault(vault_dir).unlock(USER, PASSPHRASE)
    engine = unlocked.engine
    key = unlocked._key
    assert any(key)
    unlocked.lock()
    assert unlocked.locked
    assert key == bytearray(32)
    with pytest.raises(VaultError, match="Valvet är låst"):
        _ = unlocked.engine
    with pytest.raises(VaultError, match="Valvet är låst"):
        unlocked.derive_subkey(b"audit mac v1")
    # Even a caller that kept the old engine cannot open a connection any more.
    with pytest.raises(VaultError, match="Valvet är låst"):
        engine.connect()


def test_subkeys_differ_by_purpose_and_are_not_the_key(services: Services) -> None:
    vault = services.vault
    audit_key = vault.derive_subkey(b"audit mac v1")
    assert audit_key == vault.derive_subkey(b"audit mac v1")
    assert audit_key != vault.derive_subkey(b"something else")
    assert audit_key != bytes(vault._key)
