"""Shared fixtures: a template vault made once per run (real SQLCipher, real migrations, a
cheap test-only KDF), copied for every test that needs one."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt: tests are headless.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from app.services.session import Services, create_vault, open_vault
from app.vault.kdf import KdfParams

USER = "anna"
PASSPHRASE = "correct horse battery staple"
FAST_KDF = KdfParams.testing()


@pytest.fixture(scope="session")
def template_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("template") / "vault"
    services, recovery = create_vault(folder, USER, PASSPHRASE, kdf_params=FAST_KDF,
                                      unit_name="Testenheten")
    services.lock()
    return folder, recovery


@pytest.fixture
def vault_dir(template_vault: tuple[Path, str], tmp_path: Path) -> Path:
    """A fresh copy of the template vault folder (locked)."""
    dest = tmp_path / "vault"
    shutil.copytree(template_vault[0], dest)
    return dest


@pytest.fixture
def recovery_key(template_vault: tuple[Path, str]) -> str:
    return template_vault[1]


@pytest.fixture
def services(vault_dir: Path) -> Iterator[Services]:
    """The copied vault, unlocked as USER."""
    svc = open_vault(vault_dir, USER, PASSPHRASE)
    try:
        yield svc
    finally:
        svc.lock()


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path
