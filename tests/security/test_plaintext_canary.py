"""No plaintext on disk: a canary person written, sorted, updated, deleted and vacuumed never
appears in the vault folder, the WAL, the shared-memory file or any temporary file."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from sqlalchemy import Table

from app.errors import WrongPassphrase
from app.models import Person
from app.services.bulk import insert_rows
from app.services.session import Services
from app.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, USER

CANARY_FIRST = "Zyxwvutsrq"
CANARY_LAST = "Canaryson"
CANARY_PNR = "19420315-4838"
CANARY_DIGITS = "194203154838"
CANARY_NOTE = "Qwertzuiop hemlig anteckning"
ROWS = 20_000
PERSON = cast(Table, Person.__table__)
# SQLite's own temp directory search order ends in these, whatever tempfile says.
TEMP_DIRS = sorted({Path(tempfile.gettempdir()), Path("/var/tmp"), Path("/tmp")})
HAS_PROC = Path("/proc/self/fd").is_dir()


def needles(*texts: str) -> list[bytes]:
    found = []
    for text in texts:
        found += [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]
    return found


CANARIES = needles(CANARY_FIRST, CANARY_LAST, CANARY_DIGITS, CANARY_NOTE, "9420315-4838")


def leaks(path: Path, patterns: list[bytes]) -> list[bytes]:
    try:
        data = path.read_bytes()
    except OSError:  # vanished or unreadable (another user's file): nothing of ours in it
        return []
    return [p for p in patterns if p in data]


def listing() -> dict[Path, float]:
    files: dict[Path, float] = {}
    for folder in TEMP_DIRS:
        for path in folder.glob("*"):
            if path.is_file():
                try:
                    files[path] = path.stat().st_mtime
                except OSError:
                    continue
    return files


def open_files() -> set[str]:
    links = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            links.add(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            continue
    return links


def temp_files_during(conn: Any, run: Callable[[], object]) -> set[str]:
    """Files SQLite holds open while ``run`` works: its temp files are unlinked at once on
    Unix, so a directory listing never shows them, but /proc/self/fd does. Files already
    open before (the test runner's own unlinked capture files) do not count."""
    already = open_files()
    seen: set[str] = set()

    def probe() -> int:
        seen.update(open_files())
        return 0

    conn.set_progress_handler(probe, 5000)
    try:
        run()
    finally:
        conn.set_progress_handler(None, 0)
    return {s for s in seen - already if "etilqs" in s or s.endswith("(deleted)")}


def filler(n: int) -> Iterator[dict[str, Any]]:
    for i in range(n):
        yield {"first_name": f"Förnamn{i:05d}", "last_name": f"Efternamn{i % 977}",
               "city": "Malmö", "notes": "vanlig anteckning " * 4}


# The sort below is on an expression no index covers, so SQLite builds a temp b-tree; with a
# tiny page cache it must spill, and with temp_store = MEMORY it spills to memory only.
SORT = ("SELECT id, first_name, last_name, notes FROM person "
        "ORDER BY substr(last_name || first_name, 2) || coalesce(notes, '') DESC")


@pytest.mark.skipif(not HAS_PROC, reason="needs /proc to see unlinked temp files")
def test_the_temp_file_detector_sees_a_spilling_sort(tmp_path: Path) -> None:
    """Control: the same sort on plain SQLite with temp_store = FILE does use a temp file."""
    conn = sqlite3.connect(tmp_path / "plain.db", isolation_level=None)
    try:
        conn.execute("PRAGMA temp_store = FILE")
        conn.execute("CREATE TABLE person (id, first_name, last_name, notes)")
        conn.executemany("INSERT INTO person VALUES (?, ?, ?, ?)",
                         [(i, r["first_name"], r["last_name"], r["notes"])
                          for i, r in enumerate(filler(ROWS // 4))])
        conn.execute("PRAGMA cache_size = 10")
        found = temp_files_during(conn, lambda: conn.execute(SORT).fetchall())
    finally:
        conn.close()
    assert any("etilqs" in f for f in found)


def test_no_canary_in_any_file_after_writes_sorts_and_vacuum(services: Services,
                                                             vault_dir: Path) -> None:
    before = listing()
    canary = services.people.create({
        "first_name": CANARY_FIRST, "last_name": CANARY_LAST, "personnummer": CANARY_PNR,
        "notes": CANARY_NOTE, "aliases": [f"{CANARY_FIRST}-alias"],
    })
    with services.db.write() as s:
        insert_rows(s, PERSON, filler(ROWS))
        insert_rows(s, PERSON, [{"first_name": f"{CANARY_FIRST}{i}",
                                           "last_name": CANARY_LAST} for i in range(50)])
    assert services.people.count() == ROWS + 51
    assert [p.id for p in services.people.search(CANARY_LAST, limit=1)]

    with services.db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        conn.exec_driver_sql("PRAGMA cache_size = 10")
        rows: list[Any] = []
        spilled = temp_files_during(raw, lambda: rows.extend(conn.exec_driver_sql(SORT)))
        conn.exec_driver_sql(f"PRAGMA cache_size = -{64 * 1024}")
        conn.rollback()
    assert len(rows) == ROWS + 51
    assert not spilled, spilled

    # While open: the WAL and shared-memory files hold the fresh pages; all encrypted.
    wal = vault_dir / "mottryck.db-wal"
    assert wal.exists() and wal.stat().st_size > 0
    for path in vault_dir.rglob("*"):
        if path.is_file():
            assert leaks(path, CANARIES) == [], path

    services.people.update(canary.id, {"notes": "ändrad"})
    services.people.delete(canary.id)
    with services.db.engine.connect() as conn:
        # the raw connection is in autocommit mode; VACUUM refuses to run in a transaction
        plain: Any = conn.connection.dbapi_connection
        plain.execute("VACUUM")
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    services.lock()

    files = [p for p in vault_dir.rglob("*") if p.is_file()]
    assert vault_dir / "mottryck.db" in files
    for path in files:
        assert leaks(path, CANARIES) == [], path
    after = listing()
    new_or_changed = [p for p, mtime in after.items() if before.get(p) != mtime]
    for path in new_or_changed:
        assert leaks(path, CANARIES) == [], path


def test_key_and_state_files_hold_no_passphrase(vault_dir: Path) -> None:
    wrong = "Zyxwvutsrq felskriven lösenfras"
    with pytest.raises(WrongPassphrase):
        Vault(vault_dir).unlock(USER, wrong)
    unlocked = Vault(vault_dir).unlock(USER, PASSPHRASE)
    unlocked.add_user("bertil", "Canaryson bertils lösenfras", kdf_params=FAST_KDF)
    unlocked.lock()
    with pytest.raises(WrongPassphrase):
        Vault(vault_dir).unlock(USER, wrong)
    secrets = needles(PASSPHRASE, wrong, "Canaryson bertils lösenfras")
    for name in ("keyslots.json", "unlock-state.json"):
        assert leaks(vault_dir / name, secrets) == [], name
