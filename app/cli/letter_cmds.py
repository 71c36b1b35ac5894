"""`mottryck letters`: the letters for a call-in as one PDF, each recorded as printed."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli.prompt import CliError, progress_printer
from app.cli.vault_cmds import open_services
from app.errors import os_error_text
from app.i18n import _, n_
from app.vault.atomic import atomic_write_bytes


def cmd_letters(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()
    # Checked before unlocking, so a typo costs no login and no letters are recorded.
    if not out.parent.is_dir():
        raise CliError(_("Mappen {folder} finns inte.").format(folder=out.parent))
    if out.is_dir():
        raise CliError(_("{path} är en mapp; ange en fil, t.ex. brev.pdf.").format(path=out))
    total = [0]
    shown = progress_printer(_("Skriver brev"))

    def progress(done: int, count: int) -> None:
        total[0] = count
        if shown is not None:
            shown(done, count)

    def write(pdf: bytes) -> None:
        # Inside the transaction that records the letters: a file that cannot be written
        # leaves no record of letters nobody got.
        try:
            atomic_write_bytes(out, pdf)
        except OSError as exc:
            raise CliError(_("Kan inte skriva {path}: {reason}.").format(
                path=out, reason=os_error_text(exc))) from exc

    services = open_services(args)
    try:
        services.letters.print_callin(args.call_in, template=args.template,
                                      language=args.language, invitees=args.invitees,
                                      progress=progress, deliver=write)
    finally:
        services.lock()
    print(n_("{n} brev skrivet till {path}.", "{n} brev skrivna till {path}.", total[0])
          .format(n=total[0], path=out))
    return 0


def register(sub: Any, vault_args: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("letters", help=_("brev till deltagarna i en call-in som PDF"),
                       description=_("Skriver brev till alla som var på en call-in (eller med "
                                     "--invitees till alla inbjudna) i en PDF, ett brev per "
                                     "sida. Varje brev registreras som utskrivet."))
    vault_args(p)
    p.add_argument("--call-in", required=True, metavar="ID", help=_("id för call-in"))
    p.add_argument("--out", required=True, type=Path, metavar="FIL.pdf",
                   help=_("PDF-filen som skrivs"))
    p.add_argument("--template", default=None, metavar="NAMN",
                   help=_("brevmall (standard: forum, eller inbjudan med --invitees)"))
    p.add_argument("--language", choices=["sv", "en"], default="sv", help=_("brevets språk"))
    p.add_argument("--invitees", action="store_true",
                   help=_("alla inbjudna i stället för de närvarande"))
    p.set_defaults(handler=cmd_letters)
