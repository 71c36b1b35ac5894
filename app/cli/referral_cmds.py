"""`mottryck referrals list`: the referral register, for a script or a quick look.

The listing names people, so it is logged as one consultation (as `people list` is). No
personnummer is read here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

from app.cli.output import FORMATS, write_records
from app.cli.prompt import CliError
from app.cli.vault_cmds import open_services
from app.i18n import _, n_
from app.models.enums import ReferralStatus
from app.services.timeline_words import referral_word, service_word


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _status(text: str | None) -> ReferralStatus | None:
    """The --status value as a status; checked before the vault is unlocked."""
    if text is None:
        return None
    try:
        return ReferralStatus(text.strip().lower())
    except ValueError:
        raise CliError(_("Okänd status {status}. Möjliga: {allowed}.").format(
            status=text, allowed=", ".join(s.value for s in ReferralStatus))) from None


def _flags(consent_withdrawn: bool, overridden: bool) -> list[str]:
    flags = []
    if consent_withdrawn:
        flags.append(_("samtycket återkallat"))
    if overridden:
        flags.append(_("skickad utan samtycke"))
    return flags


def cmd_referrals_list(args: argparse.Namespace) -> int:
    status = _status(args.status)
    services = open_services(args)
    try:
        rows = services.referrals.list(status=status, overdue_only=args.overdue,
                                       purpose=args.purpose)
    finally:
        services.lock()
    machine = args.format != "table"
    records: list[dict[str, Any]] = []
    for r in rows:
        record: dict[str, Any] = {
            "id": r.id, "proposed_on": _day(r.proposed_on), "person_id": r.person_id,
            "person": r.person_name,
            "service_type": r.service_type.value if machine else service_word(r.service_type),
            "provider_id": r.provider_id, "provider": r.provider_name,
            "status": r.status.value if machine else referral_word(r.status),
            "status_changed_on": _day(r.status_changed_on), "due_on": _day(r.due_on),
            "responsible_officer": r.responsible_officer,
        }
        if machine:
            record.update(consent_id=r.consent_id, consent_withdrawn=r.consent_withdrawn,
                          overridden=r.overridden, overdue=r.is_overdue())
        else:
            record["flags"] = _flags(r.consent_withdrawn, r.overridden)
            if r.is_overdue():
                record["flags"].insert(0, _("försenad"))
        records.append(record)
    columns = [("proposed_on", _("Föreslagen")), ("person", _("Person")),
               ("service_type", _("Insats")), ("provider", _("Verksamhet")),
               ("status", _("Status")), ("status_changed_on", _("Sedan")),
               ("due_on", _("Följs upp")), ("responsible_officer", _("Ansvarig"))]
    if machine:
        columns = [("id", "id"), ("person_id", "person_id"), *columns,
                   ("provider_id", "provider_id"), ("consent_id", "consent_id"),
                   ("consent_withdrawn", "consent_withdrawn"), ("overridden", "overridden"),
                   ("overdue", "overdue")]
    else:
        columns.append(("flags", _("Obs")))
    write_records(records, columns, args.format)
    if args.format == "table":
        print(n_("{n} remiss", "{n} remisser", len(records)).format(n=len(records)),
              file=sys.stderr)
    return 0


def register(sub: Any, vault_args: Callable[[argparse.ArgumentParser], None]) -> None:
    referrals = sub.add_parser("referrals", help=_("remisser till stöd för att lämna"))
    referrals_sub = referrals.add_subparsers(dest="referrals_command", metavar="KOMMANDO",
                                             required=True)
    p = referrals_sub.add_parser("list", help=_("lista remisser"),
                                 description=_("Listar remisserna, den senast föreslagna "
                                               "först. Listan loggas som en läsning."))
    vault_args(p)
    # Not argparse choices: a wrong status gets the app's own one-line message and exit 1.
    p.add_argument("--status", default=None, metavar="STATUS",
                   help=_("bara remisser med denna status ({allowed})").format(
                       allowed=", ".join(s.value for s in ReferralStatus)))
    p.add_argument("--overdue", action="store_true",
                   help=_("bara pågående remisser vars uppföljningsdatum har passerat"))
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--purpose", default=None, metavar="TEXT",
                   help=_("syftet med uppgifterna (loggas)"))
    p.set_defaults(handler=cmd_referrals_list)
