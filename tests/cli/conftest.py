"""Fixtures for the command line: run ``app.cli.main`` in-process and a vault with people."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.cli import main
from app.services import audit
from app.services.session import open_vault
from app.vault.kdf import KdfParams
from tests.conftest import PASSPHRASE, USER

# Seeded people: (first, last, personnummer as typed, full number as the CLI prints it).
PEOPLE = [
    ("Åsa", "Öberg", "811218-9876", "19811218-9876"),
    ("Olle", "Andersson", "19900101-0017", "19900101-0017"),
    ("Bo", "Ek", "19750505-1230", "19750505-1230"),
    ("Lina", "Zetterlund", None, None),
]
GROUP = "Norra gänget"
GROUP_MEMBERS = ("Öberg", "Ek")


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


Run = Callable[..., Result]


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests have no TTY: make that explicit so a missing --passphrase-file fails, not hangs."""
    monkeypatch.setattr("sys.stdin", io.StringIO(""))


@pytest.fixture
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """New key slots (user add) use the cheap test KDF instead of calibrating the real one."""
    monkeypatch.setattr("app.vault.vault.calibrate", KdfParams.testing)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    def call(*argv: str | Path) -> Result:
        capsys.readouterr()  # drop anything printed before this command
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return call


def secret_file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


def audit_actions(vault: Path, passphrase: str = PASSPHRASE) -> list[tuple[str, str | None]]:
    """(action, entity_type) of every audit event, oldest first (opening adds a login)."""
    services = open_vault(vault, USER, passphrase)
    try:
        events = audit.list_events(services.db, limit=100_000)
    finally:
        services.lock()
    return [(e.action, e.entity_type) for e in reversed(events)]


@pytest.fixture
def seeded(vault_dir: Path) -> Path:
    """The test vault with four people, one group and two memberships (then locked)."""
    services = open_vault(vault_dir, USER, PASSPHRASE)
    try:
        ids = {}
        for first, last, pnr, _full in PEOPLE:
            values = {"first_name": first, "last_name": last}
            if pnr:
                values["personnummer"] = pnr
            ids[last] = services.people.create(values).id
        group = services.groups.create({"name": GROUP})
        for last in GROUP_MEMBERS:
            services.groups.add_membership({"person_id": ids[last], "group_id": group.id})
    finally:
        services.lock()
    return vault_dir
