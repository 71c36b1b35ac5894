"""Passphrases for the command line: from a file (first line) or an interactive prompt."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from app.errors import MottryckError
from app.i18n import _


class CliError(MottryckError):
    """A usage problem found by the command line itself."""


def read_secret_file(path: Path) -> str:
    try:
        text = Path(path).expanduser().read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise CliError(_("Hittar inte lösenfrasfilen {path}.").format(path=path)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(_("Kan inte läsa lösenfrasfilen {path}.").format(path=path)) from exc
    line = text.splitlines()[0] if text else ""
    if not line:
        raise CliError(_("Lösenfrasfilen {path} är tom.").format(path=path))
    return line


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def ask_secret(prompt: str, file: Path | None) -> str:
    if file is not None:
        return read_secret_file(file)
    if not _interactive():
        raise CliError(_("Ingen terminal att fråga i: ange --passphrase-file."))
    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt) as exc:
        raise CliError(_("Avbrutet.")) from exc


def ask_new_secret(file: Path | None) -> str:
    """A new passphrase: from the file, or typed twice."""
    if file is not None:
        return read_secret_file(file)
    first = ask_secret(_("Ny lösenfras: "), None)
    second = ask_secret(_("Upprepa lösenfrasen: "), None)
    if first != second:
        raise CliError(_("Lösenfraserna är inte likadana."))
    return first


def progress_printer(label: str):  # type: ignore[no-untyped-def]
    """A progress callback that redraws one line on a terminal and stays silent otherwise."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        pct = int(100 * done / total) if total else 100
        sys.stderr.write(f"\r{label} {pct:3d} %")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show
