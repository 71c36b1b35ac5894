"""Subcommands for exchanging bundles with partners: this unit's keys and the partner list."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from app.cli.output import FORMATS, write_records
from app.cli.vault_cmds import open_services
from app.i18n import _
from app.models.enums import PartnerKind
from app.services.partners import KIND_LABELS, PartnerDTO


def cmd_keys_show(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        keys = services.unit.keys()
    finally:
        services.lock()
    if args.format == "json":
        print(json.dumps({"unit_id": keys.unit_id, "age_recipient": keys.age_recipient,
                          "signing_public_key": keys.signing_public_key,
                          "fingerprint": keys.fingerprint}, indent=2))
        return 0
    rows = [(_("Enhet"), keys.unit_name or "—"), (_("Enhets-id"), keys.unit_id),
            (_("Age-mottagare"), keys.age_recipient),
            (_("Signeringsnyckel"), keys.signing_public_key),
            (_("Fingeravtryck"), keys.fingerprint)]
    width = max(len(label) for label, _value in rows)
    for label, value in rows:
        print(f"{label + ':':<{width + 1}} {value}")
    print()
    print(_("Ge enhets-id och nycklarna till partnern; läs fingeravtrycket för varandra i "
            "telefon för att kontrollera dem."))
    return 0


def cmd_partner_add(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        partner = services.partners.add({
            "name": args.name, "kind": args.kind, "age_recipient": args.age_recipient,
            "signing_key": args.signing_key, "unit_id": args.unit_id, "notes": args.notes})
    finally:
        services.lock()
    print(_("Partnern {name} är tillagd ({kind}).").format(
        name=partner.name, kind=KIND_LABELS[partner.kind.value]))
    if partner.fingerprint:
        print(_("Fingeravtryck: {fp} (jämför med partnerns eget)").format(
            fp=partner.fingerprint))
    if not partner.can_send_to_us:
        print(_("Buntar från partnern tas inte emot förrän dess signeringsnyckel och "
                "enhets-id är angivna."))
    return 0


def _partner_record(p: PartnerDTO) -> dict[str, Any]:
    return {
        "id": p.id, "name": p.name, "kind": p.kind.value, "unit_id": p.unit_id,
        "age_recipient": p.age_recipient, "signing_public_key": p.signing_public_key,
        "fingerprint": p.fingerprint, "can_receive": p.can_receive,
        "can_send_to_us": p.can_send_to_us, "revoked": p.revoked,
        "record_types": list(p.profile.record_types),
    }


def _yes_no(value: bool) -> str:
    return _("ja") if value else _("nej")


def cmd_partner_list(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        partners = services.partners.list(include_revoked=not args.active)
    finally:
        services.lock()
    records = [_partner_record(p) for p in partners]
    if args.format == "table":
        for record, partner in zip(records, partners, strict=True):
            record["kind"] = KIND_LABELS[partner.kind.value]
            record["can_receive"] = _yes_no(partner.can_receive)
            record["can_send_to_us"] = _yes_no(partner.can_send_to_us)
            record["revoked"] = _yes_no(partner.revoked)
        columns = [("name", _("Namn")), ("kind", _("Typ")), ("fingerprint", _("Fingeravtryck")),
                   ("can_receive", _("Tar emot")), ("can_send_to_us", _("Kan skicka till oss")),
                   ("revoked", _("Spärrad"))]
    else:
        columns = [(key, key) for key in records[0]] if records else [
            (key, key) for key in ("id", "name", "kind")]
    write_records(records, columns, args.format)
    return 0


def register(sub: Any, vault_args: Callable[[argparse.ArgumentParser], None]) -> None:
    keys = sub.add_parser("keys", help=_("enhetens nycklar för buntar"))
    keys_sub = keys.add_subparsers(dest="keys_command", metavar="KOMMANDO", required=True)
    p = keys_sub.add_parser("show", help=_("visa enhets-id, publika nycklar och fingeravtryck"))
    vault_args(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=cmd_keys_show)

    partner = sub.add_parser("partner", help=_("partner som buntar skickas till och tas emot "
                                               "från"))
    partner_sub = partner.add_subparsers(dest="partner_command", metavar="KOMMANDO",
                                         required=True)
    p = partner_sub.add_parser(
        "add", help=_("lägg till en partner"),
        description=_("Lägger till en partner. Typen avgör vad som får lämnas ut som "
                      "standard; utan signeringsnyckel kan vi skicka till partnern men aldrig ta "
                      "emot buntar från den."))
    vault_args(p)
    p.add_argument("--name", required=True, metavar="NAMN")
    p.add_argument("--kind", required=True, choices=[k.value for k in PartnerKind])
    p.add_argument("--age-recipient", required=True, metavar="AGE1…",
                   help=_("partnerns age-mottagare (från dess 'mottryck keys show')"))
    p.add_argument("--signing-key", default=None, metavar="NYCKEL",
                   help=_("partnerns publika signeringsnyckel (base64)"))
    p.add_argument("--unit-id", default=None, metavar="ID", help=_("partnerns enhets-id"))
    p.add_argument("--notes", default=None, metavar="TEXT")
    p.set_defaults(handler=cmd_partner_add)

    p = partner_sub.add_parser("list", help=_("lista partner"))
    vault_args(p)
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--active", action="store_true", help=_("utan spärrade partner"))
    p.set_defaults(handler=cmd_partner_list)
