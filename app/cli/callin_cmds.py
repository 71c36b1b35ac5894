"""`mottryck callins list|show`: call-ins, their programme and their invitees.

No personnummer is ever printed here: the call-in service does not read them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from typing import Any

from app.cli.output import FORMATS, write_records
from app.cli.vault_cmds import open_services
from app.i18n import _, n_
from app.models.enums import CallInStatus, InviteeStatus
from app.services.callin_dto import CallInDTO
from app.services.callin_words import (
    callin_status_word,
    invitee_status_word,
    speaker_role_word,
)


def _when(value: datetime | None) -> str | None:
    return value.strftime("%Y-%m-%d %H:%M") if value else None


def cmd_callins_list(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        rows = services.callins.list(status=args.status, search=args.search)
    finally:
        services.lock()
    machine = args.format != "table"
    records: list[dict[str, Any]] = []
    for r in rows:
        record: dict[str, Any] = {
            "id": r.id, "starts_at": _when(r.starts_at), "title": r.title, "venue": r.venue,
            "status": r.status.value if machine else callin_status_word(r.status),
            "groups": list(r.groups), "invitees": r.invitees_total,
        }
        for status in InviteeStatus:
            record[status.value] = r.counts[status]
        records.append(record)
    counts = [(s.value, invitee_status_word(s)) for s in InviteeStatus]
    columns = [("starts_at", _("Datum")), ("title", _("Rubrik")), ("venue", _("Plats")),
               ("status", _("Status")), ("groups", _("Grupper")),
               ("invitees", _("Inbjudna")), *counts]
    if machine:
        columns = [("id", "id"), *columns]
    write_records(records, columns, args.format)
    if args.format == "table":
        print(n_("{n} call-in", "{n} call-ins", len(records)).format(n=len(records)),
              file=sys.stderr)
    return 0


def _speaker_records(dto: CallInDTO, machine: bool) -> list[dict[str, Any]]:
    return [{"position": s.position,
             "role": s.role.value if machine else speaker_role_word(s.role),
             "name": s.name, "minutes": s.minutes} for s in dto.speakers]


def _invitee_records(dto: CallInDTO, machine: bool) -> list[dict[str, Any]]:
    return [{"id": i.id, "person_id": i.person_id, "last_name": i.last_name,
             "first_name": i.first_name,
             "status": i.status.value if machine else invitee_status_word(i.status),
             "reason": i.reason, "invited_how": i.invited_how, "invited_by": i.invited_by,
             "invited_at": _when(i.invited_at), "signed_out_at": _when(i.signed_out_at)}
            for i in dto.invitees]


def cmd_callins_show(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        dto = services.callins.get(args.id)
    finally:
        services.lock()
    machine = args.format != "table"
    speakers, invitees = _speaker_records(dto, machine), _invitee_records(dto, machine)
    if args.format == "json":
        import json

        json.dump({
            "id": dto.id, "title": dto.title, "starts_at": _when(dto.starts_at),
            "venue": dto.venue, "status": dto.status.value,
            "security_plan": dto.security_plan, "practical_notes": dto.practical_notes,
            "groups": [g.name for g in dto.groups],
            "logistics": [{"key": i.key, "label": i.label, "done": i.done}
                          for i in dto.logistics],
            "programme": speakers, "invitees": invitees,
        }, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if args.format == "csv":
        # One table: the programme's slots, then the invitees, told apart by "part".
        rows = [{"part": "speaker", **s} for s in speakers]
        rows += [{"part": "invitee", **i} for i in invitees]
        keys = ["part", "position", "role", "name", "minutes", "id", "person_id", "last_name",
                "first_name", "status", "reason", "invited_how", "invited_by", "invited_at",
                "signed_out_at"]
        write_records(rows, [(k, k) for k in keys], "csv")
        return 0
    _print_table(dto, speakers, invitees)
    return 0


def _print_table(dto: CallInDTO, speakers: list[dict[str, Any]],
                 invitees: list[dict[str, Any]]) -> None:
    print(dto.title or _("(utan rubrik)"))
    print(_("Datum: {when}   Plats: {venue}   Status: {status}").format(
        when=_when(dto.starts_at) or "–", venue=dto.venue or "–",
        status=callin_status_word(dto.status)))
    print(_("Grupper: {names}").format(names=", ".join(g.name for g in dto.groups) or "–"))
    done = [i.label for i in dto.logistics if i.done]
    print(_("Logistik: {items}").format(items=", ".join(done) or "–"))
    print()
    print(_("Program ({minutes} minuter)").format(minutes=dto.total_minutes))
    write_records(speakers, [("position", _("Nr")), ("role", _("Roll")), ("name", _("Namn")),
                             ("minutes", _("Minuter"))], "table")
    print()
    print(_("Inbjudna"))
    write_records(invitees, [("last_name", _("Efternamn")), ("first_name", _("Förnamn")),
                             ("status", _("Status")), ("invited_how", _("Kallad hur")),
                             ("invited_by", _("Kallad av")), ("signed_out_at", _("Utcheckad")),
                             ("reason", _("Motivering"))], "table")


def register(sub: Any, vault_args: Callable[[argparse.ArgumentParser], None]) -> None:
    callins = sub.add_parser("callins", help=_("call-ins (forum)"))
    callins_sub = callins.add_subparsers(dest="callins_command", metavar="KOMMANDO",
                                         required=True)
    p = callins_sub.add_parser("list", help=_("lista call-ins, nyaste först"))
    vault_args(p)
    p.add_argument("--status", default=None, choices=[s.value for s in CallInStatus],
                   help=_("bara call-ins med denna status"))
    p.add_argument("--search", default=None, metavar="TEXT",
                   help=_("sök i rubrik, plats och gruppnamn"))
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(handler=cmd_callins_list)

    p = callins_sub.add_parser(
        "show", help=_("visa en call-in: program och inbjudna med status"),
        description=_("Visar en call-in med program och inbjudna. Som csv blir det en tabell "
                      "där kolumnen part skiljer talare (speaker) från inbjudna (invitee)."))
    vault_args(p)
    p.add_argument("id", metavar="ID")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(handler=cmd_callins_show)
