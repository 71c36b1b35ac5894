"""kill -9 in the middle of writing loses nothing committed; a full disk leaves the vault usable."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, cast

import pytest
from sqlalchemy import Table, event, text

from app.errors import VaultError
from app.models import Person
from app.services import bulk
from app.services.audit import count_events, verify
from app.services.bulk import insert_rows
from app.services.session import Services, open_vault
from tests.conftest import PASSPHRASE, USER

PERSON = cast(Table, Person.__table__)
ROOT = Path(__file__).resolve().parents[2]

# The writer commits one person per transaction and prints the id only after the commit;
# then it starts one big transaction that the kill should catch half-way.
WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from app.models import Person
    from app.services.bulk import insert_rows
    from app.services.session import open_vault

    folder, user, passfile, singles = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    services = open_vault(folder, user, Path(passfile).read_text("utf-8").rstrip("\\n"))
    for i in range(singles):
        person = services.people.create({"first_name": f"Skriven{i}", "last_name": "Nio"})
        print(person.id, flush=True)
    rows = ({"first_name": f"Stor{i}", "last_name": "Transaktion"} for i in range(10**7))
    with services.db.write() as s:
        print("big", flush=True)
        insert_rows(s, Person.__table__, rows)
    print("big committed", flush=True)
""")


def rows(services: Services, sql: str) -> list[Any]:
    with services.db.engine.connect() as conn:
        result = list(conn.execute(text(sql)).scalars())
        conn.rollback()
    return result


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [1, 25, "big"], ids=["first", "many", "in_big_write"])
def test_kill_9_mid_write_loses_nothing_committed(vault_dir: Path, passphrase_file: Path,
                                                  kill_after: int | str) -> None:
    singles = 40
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(vault_dir), USER, str(passphrase_file), str(singles)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )
    printed: list[str] = []
    try:
        assert child.stdout is not None
        for line in child.stdout:
            printed.append(line.strip())
            if len(printed) == kill_after or line.strip() == kill_after:
                break
        else:
            pytest.fail(f"writer ended early: {child.stderr.read() if child.stderr else ''}")
        os.kill(child.pid, signal.SIGKILL)
        rest, _err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    printed += rest.split()
    committed = [p for p in printed if p not in ("big", "committed")]
    assert committed and len(committed) <= singles
    assert "committed" not in printed  # the kill came before the big write finished
    assert (vault_dir / "mottryck.db-wal").exists()  # no clean shutdown, no checkpoint

    services = open_vault(vault_dir, USER, PASSPHRASE)
    try:
        stored = set(rows(services, "SELECT id FROM person WHERE last_name = 'Nio'"))
        assert set(committed) <= stored
        # the big transaction is all or nothing; it never finished, so nothing of it is there
        assert rows(services, "SELECT count(*) FROM person WHERE last_name = 'Transaktion'") \
            == [0]
        services.vault.check_integrity()
        result = verify(services.db)
        assert result.ok, result.reason
        # login + one create event per stored person, + the login of this check
        assert count_events(services.db) >= len(stored) + 2
    finally:
        services.lock()


# ---- full disk ---------------------------------------------------------------------------
def cap_pages(services: Services, extra_pages: int) -> None:
    """Make SQLite report a full disk (SQLITE_FULL) once the file would grow beyond its
    current size plus ``extra_pages``: the same error a really full disk gives."""
    with services.db.engine.connect() as conn:
        limit = int(conn.exec_driver_sql("PRAGMA page_count").scalar_one()) + extra_pages
        conn.rollback()

    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {limit}")

    event.listen(services.db.engine, "connect", on_connect)
    services.db.engine.dispose()  # pooled connections are replaced by capped ones


def snapshot(services: Services) -> tuple[int, int, list[Any]]:
    return (services.people.count(), count_events(services.db),
            rows(services, "SELECT value FROM vault_meta WHERE key = 'audit_head'"))


def test_full_disk_during_a_bulk_write_leaves_the_vault_usable(services: Services,
                                                                vault_dir: Path) -> None:
    services.people.create({"first_name": "Före", "last_name": "Full"})
    before = snapshot(services)
    cap_pages(services, 20)
    data = ({"first_name": f"P{i}", "last_name": "Många", "notes": "x" * 300}
            for i in range(50_000))
    with pytest.raises(VaultError, match="Disken är full"), services.db.write() as s:
        insert_rows(s, PERSON, data)
    assert snapshot(services) == before
    # small writes still fit, and the chain is whole
    services.people.create({"first_name": "Efter", "last_name": "Full"})
    assert verify(services.db).ok
    services.lock()

    again = open_vault(vault_dir, USER, PASSPHRASE)
    try:
        assert again.people.count() == before[0] + 1
        again.vault.check_integrity()
        assert verify(again.db).ok
    finally:
        again.lock()


def test_full_disk_during_a_single_create_changes_nothing(services: Services) -> None:
    before = snapshot(services)
    cap_pages(services, 0)
    with pytest.raises(VaultError, match="Disken är full"):
        services.people.create({"first_name": "Stor", "last_name": "Anteckning",
                                "notes": "y" * 19_000})
    assert snapshot(services) == before
    assert verify(services.db).ok


def test_operating_system_out_of_space_mid_transaction_rolls_back(
        services: Services, vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ENOSPC raised by Python code half-way through a write (after the first batch went in)."""
    before = snapshot(services)
    real_save_clock = bulk.save_clock

    def out_of_space(session: Any) -> None:
        real_save_clock(session)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bulk, "save_clock", out_of_space)
    with pytest.raises(OSError), services.db.write() as s:
        insert_rows(s, PERSON, ({"first_name": f"P{i}", "last_name": "Halv"}
                                for i in range(bulk.BATCH + 10)))
    monkeypatch.undo()
    assert snapshot(services) == before
    services.lock()
    again = open_vault(vault_dir, USER, PASSPHRASE)
    try:
        assert again.people.count() == before[0]
        assert verify(again.db).ok
    finally:
        again.lock()
