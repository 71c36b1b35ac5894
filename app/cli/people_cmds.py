"""Subcommands over the register: importing and listing people."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli.output import FORMATS, write_records
from app.cli.prompt import CliError, progress_printer
from app.cli.vault_cmds import open_services
from app.errors import ImportRejected
from app.i18n import _, n_

PAGE = 1000
MAX_ROW_ERRORS_SHOWN = 200


def cmd_import_people(args: argparse.Namespace) -> int:
    from app.services.importing import import_people

    path = Path(args.file).expanduser()
    # Checked before unlocking: no pointless login, and a Swedish message rather than the
    # operating system's own wording.
    if not path.exists():
        raise CliError(_("Hittar inte filen {path}.").format(path=path))
    if not path.is_file():
        raise CliError(_("{path} är ingen fil.").format(path=path))
    services = open_services(args)
    try:
        summary = import_people(services, path, dry_run=args.dry_run,
                                progress=progress_printer(_("Läser in")))
    except ImportRejected as exc:
        # Every bad row on its own line, then the one-line summary that main() prints.
        for row in exc.rows[:MAX_ROW_ERRORS_SHOWN]:
            print(f"{path.name}: {row}", file=sys.stderr)
        if len(exc.rows) > MAX_ROW_ERRORS_SHOWN:
            print(_("… och {n} fel till").format(n=len(exc.rows) - MAX_ROW_ERRORS_SHOWN),
                  file=sys.stderr)
        raise
    finally:
        services.lock()
    if args.dry_run:
        print(_("Provläsning: {people} och {members} skulle läsas in; inget sparades.")
              .format(people=_count_people(summary.people),
                      members=_count_memberships(summary.memberships)))
    else:
        print(_("{people} och {members} inlästa.").format(
            people=_count_people(summary.people),
            members=_count_memberships(summary.memberships)))
    return 0


def _count_people(n: int) -> str:
    return n_("{n} person", "{n} personer", n).format(n=n)


def _count_memberships(n: int) -> str:
    return n_("{n} medlemskap", "{n} medlemskap", n).format(n=n)


def cmd_people_list(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 0:
        raise CliError(_("--limit kan inte vara negativt."))
    if args.show_personnummer and not (args.purpose or "").strip():
        # Revealing numbers is logged with a purpose; say so rather than leave it blank.
        args.purpose = _("visning av personnummer via kommandoraden")
    services = open_services(args)
    try:
        group_id = None
        if args.group:
            group = services.groups.find_by_name(args.group)
            if group is None:
                raise CliError(_("Ingen grupp heter {name}.").format(name=args.group))
            group_id = group.id
        records: list[dict[str, Any]] = []
        offset = 0
        wanted = args.limit
        while wanted is None or len(records) < wanted:
            size = PAGE if wanted is None else min(PAGE, wanted - len(records))
            page = services.people.search(args.search or "", group_id=group_id,
                                          frivard_status=args.status, limit=size,
                                          offset=offset, log=False)
            if not page:
                break
            ids = [p.id for p in page]
            groups = services.people.current_groups_for(ids)
            numbers = (services.people.reveal_many(ids, args.purpose)
                       if args.show_personnummer else {})
            for p in page:
                records.append({
                    "id": p.id, "last_name": p.last_name, "first_name": p.first_name,
                    "aliases": list(p.aliases),
                    "personnummer": numbers.get(p.id, p.personnummer_masked)
                    if args.show_personnummer else p.personnummer_masked,
                    "birth_date": p.birth_date.isoformat() if p.birth_date else None,
                    "frivard_status": p.frivard_status.value, "groups": groups.get(p.id, []),
                })
            offset += len(page)
            if len(page) < size:
                break
        services.people.log_listing(len(records), purpose=args.purpose)
    finally:
        services.lock()
    columns = [("last_name", _("Efternamn")), ("first_name", _("Förnamn")),
               ("personnummer", _("Personnummer")), ("birth_date", _("Född")),
               ("frivard_status", _("Frivård")), ("groups", _("Grupper")),
               ("aliases", _("Alias"))]
    if args.format == "csv" or args.format == "json":
        columns = [("id", "id"), *columns]
    write_records(records, columns, args.format)
    if args.format == "table":
        print(n_("{n} person", "{n} personer", len(records)).format(n=len(records)),
              file=sys.stderr)
    return 0


def register(sub: Any, vault_args: Callable[[argparse.ArgumentParser], None]) -> None:
    imp = sub.add_parser("import", help=_("läs in data från fil"))
    imp_sub = imp.add_subparsers(dest="import_command", metavar="VAD", required=True)
    p = imp_sub.add_parser("people", help=_("personer från .csv eller .xlsx (allt eller inget)"),
                           description=_("Läser in personer från .csv eller .xlsx. Om någon "
                                         "rad är felaktig läses ingenting in, och varje "
                                         "felaktig rad rapporteras med radnummer."))
    vault_args(p)
    p.add_argument("file", metavar="FIL")
    p.add_argument("--dry-run", action="store_true", help=_("kontrollera bara; spara inget"))
    p.set_defaults(handler=cmd_import_people)

    people = sub.add_parser("people", help=_("personer i registret"))
    people_sub = people.add_subparsers(dest="people_command", metavar="KOMMANDO", required=True)
    p = people_sub.add_parser("list", help=_("lista personer"))
    vault_args(p)
    p.add_argument("--search", default="", metavar="TEXT",
                   help=_("sök på namn, alias eller del av personnummer"))
    p.add_argument("--group", default=None, metavar="GRUPP", help=_("bara medlemmar i GRUPP"))
    p.add_argument("--status", default=None, metavar="STATUS",
                   choices=["none", "parole", "probation", "youth_supervision",
                            "intensive_supervision", "other"],
                   help=_("bara personer med denna frivårdsstatus"))
    p.add_argument("--limit", type=int, default=None, metavar="N", help=_("högst N rader"))
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--show-personnummer", action="store_true",
                   help=_("visa hela personnumret (loggas, med syfte)"))
    p.add_argument("--purpose", default=None, metavar="TEXT",
                   help=_("syftet med uppgifterna (loggas)"))
    p.set_defaults(handler=cmd_people_list)
