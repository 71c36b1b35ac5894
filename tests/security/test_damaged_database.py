"""A bit-flipped or truncated database is reported as the app's own error, never a raw driver
exception: either unlocking fails, or the first read of the damaged page does."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import cast

import pytest
from sqlalchemy import Table, text

from app.errors import CorruptVault, MottryckError
from app.models import Base, Person
from app.services.audit import verify
from app.services.bulk import insert_rows
from app.services.session import Services, open_vault
from tests.conftest import PASSPHRASE, USER

PAGE = 4096
PERSON = cast(Table, Person.__table__)


@pytest.fixture(scope="module")
def filled_vault(template_vault: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory,
                 ) -> Path:
    """A vault with a few hundred pages of people, checkpointed into the main file."""
    folder = tmp_path_factory.mktemp("damaged") / "source"
    shutil.copytree(template_vault[0], folder)
    services = open_vault(folder, USER, PASSPHRASE)
    with services.db.write() as s:
        insert_rows(s, PERSON, ({"first_name": f"Namn{i}", "last_name": "Efternamn",
                                 "notes": "anteckning " * 40} for i in range(2000)))
    services.lock()
    assert not (folder / "mottryck.db-wal").exists()
    return folder


@pytest.fixture
def copy(filled_vault: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "vault"
    shutil.copytree(filled_vault, dest)
    return dest


def read_everything(services: Services) -> None:
    """Everything a user could touch: every table, the audit chain, an integrity check."""
    with services.db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            conn.execute(text(f'SELECT * FROM "{table.name}"')).fetchall()
        conn.execute(text("SELECT * FROM person_fts")).fetchall()
        conn.rollback()
    services.vault.check_integrity()
    assert verify(services.db).ok
    services.people.search("", limit=5000)


def open_and_read(folder: Path) -> None:
    services = open_vault(folder, USER, PASSPHRASE)
    try:
        read_everything(services)
    finally:
        services.lock()


def flip(offset: Callable[[int], int]) -> Callable[[Path], None]:
    def mutate(path: Path) -> None:
        data = bytearray(path.read_bytes())
        data[offset(len(data))] ^= 0x04
        path.write_bytes(bytes(data))
    return mutate


def truncate(length: Callable[[int], int]) -> Callable[[Path], None]:
    def mutate(path: Path) -> None:
        data = path.read_bytes()
        path.write_bytes(data[:length(len(data))])
    return mutate


DAMAGE: dict[str, Callable[[Path], None]] = {
    "salt": flip(lambda n: 3),
    "first_page_header": flip(lambda n: 20),
    "first_page_body": flip(lambda n: 1000),
    "first_page_hmac": flip(lambda n: PAGE - 10),
    "second_page": flip(lambda n: PAGE + 200),
    "middle_page": flip(lambda n: (n // PAGE // 2) * PAGE + 1234),
    "last_page": flip(lambda n: n - 100),
    "truncated_half": truncate(lambda n: n // 2),
    "truncated_mid_page": truncate(lambda n: n - PAGE - 1000),
    "truncated_last_page": truncate(lambda n: n - PAGE),
    "truncated_to_header": truncate(lambda n: 100),
    "truncated_to_nothing": truncate(lambda n: 0),
}


def test_the_intact_copy_reads_cleanly(copy: Path) -> None:
    """Control for the cases below: nothing raises when nothing is damaged."""
    assert (copy / "mottryck.db").stat().st_size > 100 * PAGE
    open_and_read(copy)


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_damage_surfaces_as_a_mottryck_error(copy: Path, damage: Callable[[Path], None]) -> None:
    damage(copy / "mottryck.db")
    with pytest.raises(MottryckError) as info:
        open_and_read(copy)
    assert isinstance(info.value, CorruptVault)
    assert "skadat" in str(info.value) or "skadad" in str(info.value) or "tom" in str(info.value)


def test_damage_found_while_writing_rolls_back_and_reports(copy: Path) -> None:
    services = open_vault(copy, USER, PASSPHRASE)
    try:
        assert services.people.count() == 2000
        with services.db.engine.connect() as conn:
            # the table's root page: every statement on person reads it
            root = conn.exec_driver_sql(
                "SELECT rootpage FROM sqlite_master WHERE name = 'person'").scalar_one()
            conn.rollback()
        path = copy / "mottryck.db"
        data = bytearray(path.read_bytes())
        data[(root - 1) * PAGE + 500] ^= 0x10
        path.write_bytes(bytes(data))
        services.db.engine.dispose()  # drop cached pages: the next read comes from disk
        with pytest.raises(CorruptVault), services.db.write() as s:
            s.execute(text("UPDATE person SET notes = 'ny' WHERE deleted = 0"))
        with pytest.raises(CorruptVault):
            services.people.count()
    finally:
        services.lock()


def test_a_damaged_wal_is_reported_or_ignored_never_raw(copy: Path) -> None:
    """A WAL frame that fails its checksum ends the log there (SQLite's rule): the vault opens
    with the earlier commits, or reports damage, but never leaks a driver error."""
    services = open_vault(copy, USER, PASSPHRASE)
    services.people.create({"first_name": "Sist", "last_name": "Skriven"})
    wal = copy / "mottryck.db-wal"
    kept = wal.read_bytes()
    services.lock()
    wal.write_bytes(kept)  # as if the process had died before its checkpoint
    data = bytearray(kept)
    data[len(data) - 200] ^= 0x01
    wal.write_bytes(bytes(data))
    try:
        open_and_read(copy)
    except MottryckError:
        pass
    except Exception as exc:
        pytest.fail(f"raw error for a damaged WAL: {type(exc).__name__}: {exc}")

