"""Where things live on disk: platformdirs locations, never the current directory."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "Mottryck"
APP_AUTHOR = "Mottryck"

_ROOT = Path(__file__).resolve().parent.parent


def default_vault_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "vault"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def resources_dir() -> Path:
    return _ROOT / "resources"


def migrations_dir() -> Path:
    return _ROOT / "migrations"
