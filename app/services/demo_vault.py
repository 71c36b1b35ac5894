"""The demo vault: invented people behind a passphrase everyone may know.

It lives next to the real vault's default folder, never inside it. Opening it the first time
creates it and fills it; a cancelled or failed fill removes the half-made vault again, so a
later attempt starts clean instead of opening an empty demo.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from app.i18n import _
from app.paths import default_vault_dir
from app.services.demo import fill_demo
from app.services.session import Services, create_vault, open_vault
from app.vault.kdf import KdfParams
from app.vault.vault import BACKOFF_NAME, DB_NAME, KEYSLOTS_NAME, Vault

DEMO_USER = "demo"
DEMO_PASSPHRASE = "mottryck-demo"  # shown on screen: the demo holds nothing secret
DEMO_PEOPLE = 2000

Progress = Callable[[int, int], None]


def demo_vault_dir() -> Path:
    return default_vault_dir().parent / "demo-vault"


def open_or_create_demo(folder: Path, cancel: Callable[[], bool] | None = None, *,
                        people: int = DEMO_PEOPLE, kdf_params: KdfParams | None = None,
                        progress: Progress | None = None) -> Services:
    """Open the demo vault in ``folder``, creating and filling it first if there is none.

    Raises ``Cancelled`` when ``cancel()`` turns true during the fill (nothing is left)."""
    folder = Path(folder)
    if Vault(folder).exists():
        return open_vault(folder, DEMO_USER, DEMO_PASSPHRASE)
    fresh = not folder.exists()
    services, _recovery = create_vault(folder, DEMO_USER, DEMO_PASSPHRASE,
                                       kdf_params=kdf_params, unit_name=_("Demoenheten"))
    try:
        fill_demo(services, people=people, progress=progress, cancel=cancel)
    except BaseException:
        services.lock()
        _remove_unfinished(folder, fresh)
        raise
    return services


def _remove_unfinished(folder: Path, fresh: bool) -> None:
    # Only the files a new vault consists of, key slots first so it never looks complete.
    for name in (KEYSLOTS_NAME, DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", BACKOFF_NAME):
        with contextlib.suppress(OSError):
            (folder / name).unlink()
    if fresh:
        with contextlib.suppress(OSError):
            folder.rmdir()  # fails, as it should, if anything else landed there
