"""The `mottryck` command: the desktop app by default, subcommands for admin and scripts.

Every error reaches the user as one line on stderr and exit code 1 — never a traceback
(unexpected ones are written to the log folder instead).
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.errors import MottryckError
from app.i18n import _
from app.paths import default_vault_dir, log_dir


def _vault_arg(p: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    # Subcommands repeat these options with SUPPRESS defaults: a plain None default there
    # would overwrite "mottryck --vault DIR people list" and silently use the standard vault.
    p.add_argument("--vault", type=Path, default=default, metavar="DIR",
                   help=_("valvets mapp (standard: {d})").format(d=default_vault_dir()))
    p.add_argument("--user", default=default, metavar="NAMN",
                   help=_("användare i valvet (standard: valvets enda användare)"))
    p.add_argument("--passphrase-file", type=Path, default=default, metavar="FIL",
                   help=_("läs lösenfrasen från första raden i FIL i stället för att fråga"))


def build_parser() -> argparse.ArgumentParser:
    from app.cli import (
        bundle_cmds,
        callin_cmds,
        exchange_cmds,
        letter_cmds,
        people_cmds,
        referral_cmds,
        report_cmds,
        vault_cmds,
    )

    parser = argparse.ArgumentParser(
        prog="mottryck",
        description=_("Mottryck: krypterat register för Sluta skjut-arbetsgrupper. "
                      "Utan underkommando öppnas programmet."),
    )
    parser.add_argument("--version", action="version", version=f"mottryck {__version__}")
    _vault_arg(parser, None)
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO")
    vault_cmds.register(sub, _vault_arg)
    people_cmds.register(sub, _vault_arg)
    callin_cmds.register(sub, _vault_arg)
    letter_cmds.register(sub, _vault_arg)
    exchange_cmds.register(sub, _vault_arg)
    bundle_cmds.register(sub, _vault_arg)
    referral_cmds.register(sub, _vault_arg)
    report_cmds.register(sub, _vault_arg)
    return parser


def _log_unexpected(exc: BaseException) -> Path | None:
    """Log where it failed: frames and the exception type, never the message or values,
    which may quote personal data (a constraint error repeats the row it refused)."""
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "mottryck-cli.log"
        frames = "".join(traceback.format_tb(exc.__traceback__, limit=30))
        # An own handler rather than basicConfig, which does nothing once anything else has
        # configured logging; not propagated, so no root handler echoes frames to stderr.
        logger = logging.getLogger("mottryck.cli")
        logger.propagate = False
        handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
        try:
            logger.error("%s%s", frames, type(exc).__name__)
        finally:
            logger.removeHandler(handler)
            handler.close()
        return path
    except OSError:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from app.main import run_gui  # Qt is loaded only for the window

            return run_gui(args.vault, args.user, args.passphrase_file)
        return int(args.handler(args) or 0)
    except MottryckError as exc:
        print(f"mottryck: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"mottryck: {_('avbrutet')}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:
        where = _log_unexpected(exc)
        note = _(" (detaljer i {path})").format(path=where) if where else ""
        print(f"mottryck: {_('internt fel')}: {type(exc).__name__}{note}", file=sys.stderr)
        return 1
