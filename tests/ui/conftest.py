"""Fixtures for widget tests: an inline runner, throwaway settings, people in bulk, and a log
folder inside the test's temp dir (error reports must never land in the real user profile)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.models import Person
from app.models.enums import FrivardStatus
from app.services import audit
from app.services.bulk import insert_rows
from app.services.session import Services
from app.ui import crash
from app.ui.controller import AppController
from app.ui.events import Events
from app.ui.tasks import InlineRunner


@pytest.fixture(autouse=True)
def log_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    folder = tmp_path / "logs"
    monkeypatch.setattr(crash, "log_dir", lambda: folder)
    return folder


@pytest.fixture
def runner() -> InlineRunner:
    return InlineRunner()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def add_people(services: Services, people: Iterable[tuple[str, str]], **extra: Any) -> int:
    """Insert (first, last) pairs in one transaction through the bulk path (fast)."""
    rows = [{"first_name": first, "last_name": last, "aliases": [],
             "frivard_status": FrivardStatus.NONE, **extra} for first, last in people]
    with services.db.write() as s:
        return insert_rows(s, Person.__table__, rows)


def numbered_people(n: int) -> list[tuple[str, str]]:
    return [(f"Förnamn{i:03d}", f"Efternamn{i:03d}") for i in range(n)]


def listing_events(services: Services) -> int:
    """How many people listings the audit log holds (each search is one)."""
    events = audit.list_events(services.db, action=audit.Action.READ, limit=10_000)
    return sum(1 for e in events if e.entity_type == "person_list")


class DeferredRunner(InlineRunner):
    """Holds tasks until the test releases them, to play out results arriving late."""

    def __init__(self) -> None:
        super().__init__()
        self.queued: list[Callable[[], None]] = []

    def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self.queued.append(lambda: InlineRunner.run(self, fn, *args, **kwargs))

    def release_all(self) -> None:
        while self.queued:
            self.queued.pop(0)()


@pytest.fixture
def deferred_runner() -> Iterator[DeferredRunner]:
    yield DeferredRunner()


@pytest.fixture
def controller(vault_dir: Path, runner: InlineRunner, settings: QSettings,
               qtbot: QtBot) -> Iterator[AppController]:
    """A real controller over a fresh test vault, torn down locked (pages may override it)."""
    ctl = AppController(vault_dir, runner, Events(), settings)
    yield ctl
    ctl.idle.stop()
    if ctl.window is not None:
        ctl.window.clear()
    for widget in (ctl.window, ctl.dialog):
        if widget is not None:
            widget.close()
    if ctl.services is not None:
        ctl.services.lock()
