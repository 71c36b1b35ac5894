"""`mottryck report`: the working group's measures for a period as a PDF (and CSV files), for
a monthly script. The same report as the measures page exports; the export is logged."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from app.cli.prompt import CliError
from app.cli.vault_cmds import open_services
from app.i18n import _, n_
from app.services.measures import check_period


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(_("{option}: '{text}' är inget datum (skriv ÅÅÅÅ-MM-DD).").format(
            option=option, text=text)) from None


def cmd_report(args: argparse.Namespace) -> int:
    # Everything that can be checked is checked before unlocking: a typo costs no login.
    start, end = _day(args.start, "--from"), _day(args.end, "--to")
    if end < start:
        raise CliError(_("--to ({end}) är före --from ({start}).").format(
            end=end.isoformat(), start=start.isoformat()))
    check_period(start, end)
    out = Path(args.out).expanduser()
    if out.is_dir():
        raise CliError(_("{path} är en mapp; ange en fil, t.ex. rapport.pdf.").format(path=out))
    if not out.parent.is_dir():
        raise CliError(_("Mappen {folder} finns inte.").format(folder=out.parent))
    csv_dir = Path(args.csv_dir).expanduser() if args.csv_dir else None
    if csv_dir is not None and not csv_dir.is_dir():
        raise CliError(_("Mappen {folder} finns inte.").format(folder=csv_dir))

    services = open_services(args)
    try:
        measures = services.measures.compute(start, end)
        result = services.measures.export(measures, pdf=out, csv_dir=csv_dir)
    finally:
        services.lock()
    print(_("Rapporten för {start} – {end} är skriven: {path}").format(
        start=start.isoformat(), end=end.isoformat(), path=out))
    if csv_dir is not None:
        n = len(result.csv)
        print(n_("{n} CSV-fil i {folder}.", "{n} CSV-filer i {folder}.", n).format(
            n=n, folder=csv_dir))
    return 0


def register(sub: Any, vault_args: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("report", help=_("arbetsgruppens mått för en period som PDF"),
                       description=_("Skriver rapporten med arbetsgruppens mått (diagram och "
                                     "siffror månad för månad) för perioden som PDF, och med "
                                     "--csv-dir en CSV-fil per tabell. Bara antal, inga "
                                     "personuppgifter. Exporten loggas."))
    vault_args(p)
    p.add_argument("--from", dest="start", required=True, metavar="DATUM",
                   help=_("första dagen i perioden (ÅÅÅÅ-MM-DD)"))
    p.add_argument("--to", dest="end", required=True, metavar="DATUM",
                   help=_("sista dagen i perioden (ÅÅÅÅ-MM-DD)"))
    p.add_argument("--out", required=True, type=Path, metavar="FIL.pdf",
                   help=_("PDF-filen som skrivs"))
    p.add_argument("--csv-dir", type=Path, default=None, metavar="MAPP",
                   help=_("skriv också en CSV-fil per tabell i denna mapp"))
    p.set_defaults(handler=cmd_report)
