"""Subcommands for bundles: export one to a partner, import (or preview) one from a partner.

An export is a disclosure: the legal basis is required and the export lands in the register.
A refused bundle is one line with its reason and exit code 1; nothing has been written then.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

from app.cli.output import write_records
from app.cli.vault_cmds import open_services
from app.errors import BundleRejected, MottryckError
from app.exchange.profile_words import RECORD_LABELS
from app.i18n import _, n_
from app.services.bundles import ImportPreview


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' är inget datum (skriv ÅÅÅÅ-MM-DD)").format(text=text)) from None


def _table_label(table: str) -> str:
    return RECORD_LABELS.get(table, table)


def cmd_bundle_export(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        partner = services.partners.find(args.to)
        result = services.bundles.export(
            partner.id, args.out, legal_basis=args.legal_basis, purpose=args.purpose,
            basis_note=args.basis_note, groups=args.group or (), since=args.since)
    finally:
        services.lock()
    print(_("Bunten till {name} är skriven: {path}").format(name=partner.name,
                                                             path=result.path))
    print(_("Bunt-id: {id}").format(id=result.bundle_id))
    print(_("Löpnummer: {n}").format(n=result.sequence))
    rows = [{"table": _table_label(t), "records": n} for t, n in sorted(result.counts.items())]
    rows.append({"table": _("Totalt"), "records": sum(result.counts.values())})
    write_records(rows, [("table", _("Posttyp")), ("records", _("Poster"))], "table")
    return 0


def _print_preview(preview: ImportPreview) -> None:
    print(_("Bunt {id} från {name}, löpnummer {n}").format(
        id=preview.bundle_id, name=preview.partner_name, n=preview.sequence))
    print(_("Rättslig grund: {basis}").format(basis=preview.legal_basis))
    if preview.purpose:
        print(_("Ändamål: {purpose}").format(purpose=preview.purpose))
    records: list[dict[str, Any]] = [
        {"table": _table_label(t.table), "new": t.new, "changed": t.changed,
         "unchanged": t.unchanged, "conflicts": t.conflicts} for t in preview.tables]
    write_records(records, [("table", _("Posttyp")), ("new", _("Nya")),
                            ("changed", _("Ändrade")), ("unchanged", _("Oförändrade")),
                            ("conflicts", _("Att granska"))], "table")


def cmd_bundle_import(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        try:
            preview = services.bundles.import_bundle(args.file, dry_run=args.dry_run)
        except BundleRejected as exc:
            raise MottryckError(_("Bunten togs inte emot: {reason}").format(
                reason=str(exc))) from exc
        waiting = services.reviews.count_open()
    finally:
        services.lock()
    _print_preview(preview)
    if preview.applied:
        print(_("Inläst: {n} nya eller ändrade poster.").format(n=preview.total_changes))
    else:
        print(_("Inget skrevs (provkörning)."))
    conflicts = sum(t.conflicts for t in preview.tables)
    if preview.applied and waiting:
        print(n_("{n} skillnad väntar på granskning.", "{n} skillnader väntar på granskning.",
                 waiting).format(n=waiting))
    elif conflicts:
        print(n_("{n} skillnad skulle läggas för granskning.",
                 "{n} skillnader skulle läggas för granskning.", conflicts).format(n=conflicts))
    return 0


def register(sub: Any, vault_args: Callable[[argparse.ArgumentParser], None]) -> None:
    bundle = sub.add_parser("bundle", help=_("krypterade buntar till och från partner"))
    bundle_sub = bundle.add_subparsers(dest="bundle_command", metavar="KOMMANDO", required=True)

    p = bundle_sub.add_parser(
        "export", help=_("skriv en bunt till en partner"),
        description=_("Skriver en krypterad och signerad bunt med det partnern får ta emot "
                      "enligt sin profil. Utlämnandet förs in i registret över utlämnanden."))
    vault_args(p)
    p.add_argument("--to", required=True, metavar="PARTNER", help=_("partnerns namn eller id"))
    p.add_argument("--out", required=True, metavar="FIL", help=_("buntfilen som skrivs"))
    p.add_argument("--legal-basis", required=True, metavar="TEXT",
                   help=_("rättslig grund för utlämnandet"))
    p.add_argument("--purpose", default=None, metavar="TEXT", help=_("ändamål"))
    p.add_argument("--basis-note", default=None, metavar="TEXT",
                   help=_("intresseavvägning eller hänvisning till samtycke"))
    p.add_argument("--group", action="append", metavar="NAMN",
                   help=_("bara gruppens medlemmar och det som rör dem (kan upprepas)"))
    p.add_argument("--since", type=_day, default=None, metavar="ÅÅÅÅ-MM-DD",
                   help=_("bara poster ändrade från och med dagen"))
    p.set_defaults(handler=cmd_bundle_export)

    p = bundle_sub.add_parser(
        "import", help=_("läs in en bunt från en partner"),
        description=_("Kontrollerar bunten (avsändare, signatur, att den inte lästs in förut) "
                      "och läser in den i en enda transaktion; --dry-run visar bara vad som "
                      "skulle ändras."))
    vault_args(p)
    p.add_argument("file", metavar="FIL")
    p.add_argument("--dry-run", action="store_true", help=_("visa ändringarna, skriv inget"))
    p.set_defaults(handler=cmd_bundle_import)
