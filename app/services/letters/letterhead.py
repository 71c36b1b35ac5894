"""The letterhead: who the letter is from, whom to call, and who signs it.

Stored as JSON under one ``vault_meta`` key, so it travels with the vault and needs no table.
Nothing here is about a recipient; it is the working group's public face.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from app.errors import FieldError, ValidationError
from app.i18n import Labels, _
from app.services.letters.redact import looks_like_id_number
from app.services.validate import Checker

META_KEY = "letterhead"
MAX_PARTNERS = 6
MAX_SIGNATORIES = 4

LETTERHEAD_FIELDS: Mapping[str, str] = Labels({
    "partners": _("samverkansparter"),
    "place": _("ort"),
    "contact_person": _("kontaktperson"),
    "phone": _("telefon"),
    "opening_hours": _("öppettider"),
    "signatories": _("underskrifter"),
    "return_address": _("returadress"),
})


@dataclass(frozen=True)
class Signatory:
    name: str
    title: str = ""
    organisation: str = ""


@dataclass(frozen=True)
class Letterhead:
    partners: tuple[str, ...] = ()  # names in the header, e.g. "Polisen", "Kriminalvården"
    place: str = ""  # printed before the date: "Malmö, 14 april 2026"
    contact_person: str = ""
    phone: str = ""
    opening_hours: str = ""
    signatories: tuple[Signatory, ...] = ()
    return_address: str = ""  # may hold line breaks; printed in the footer

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> Letterhead:
        if not text:
            return cls()
        data = json.loads(text)
        return cls(
            partners=tuple(data.get("partners") or ()),
            place=data.get("place") or "",
            contact_person=data.get("contact_person") or "",
            phone=data.get("phone") or "",
            opening_hours=data.get("opening_hours") or "",
            signatories=tuple(Signatory(**s) for s in data.get("signatories") or ()),
            return_address=data.get("return_address") or "",
        )

    def missing_for_print(self) -> list[FieldError]:
        """What a printed letter cannot do without: a sender, the help contact, a signature."""
        L = LETTERHEAD_FIELDS
        need = _("måste fyllas i innan brev skrivs ut (Inställningar → Brevhuvud)")
        missing = [FieldError(f, need, L[f])
                   for f in ("partners", "contact_person", "phone", "signatories")
                   if not getattr(self, f)]
        return missing


def clean_letterhead(values: Mapping[str, Any]) -> Letterhead:
    """Validate every field at once; raises ValidationError naming each bad one."""
    unknown = set(values) - set(LETTERHEAD_FIELDS)
    if unknown:
        raise ValidationError([FieldError(f, _("okänt fält")) for f in sorted(unknown)])
    c = Checker()
    L = LETTERHEAD_FIELDS
    partners = c.names("partners", L["partners"], _lines(values.get("partners")), max_len=100)
    if len(partners) > MAX_PARTNERS:
        c.fail("partners", L["partners"], _("högst {n} namn").format(n=MAX_PARTNERS))
    phone = c.phone("phone", L["phone"], values.get("phone"))
    if phone and looks_like_id_number(phone):
        c.fail("phone", L["phone"], _("skriv numret med mellanrum eller bindestreck, t.ex. "
                                      "070-123 45 67 (tio siffror i följd liknar ett "
                                      "personnummer och tas bort från brev)"))
    signatories = _signatories(c, values.get("signatories"))
    head = Letterhead(
        partners=tuple(partners),
        place=c.text("place", L["place"], values.get("place"), max_len=100) or "",
        contact_person=c.text("contact_person", L["contact_person"],
                              values.get("contact_person"), max_len=100) or "",
        phone=phone or "",
        opening_hours=c.text("opening_hours", L["opening_hours"], values.get("opening_hours"),
                             max_len=200) or "",
        signatories=signatories,
        return_address=c.text("return_address", L["return_address"],
                              values.get("return_address"), max_len=300) or "",
    )
    for field in ("place", "contact_person", "opening_hours", "return_address"):
        if looks_like_id_number(getattr(head, field)):
            c.fail(field, L[field], _("får inte innehålla något som liknar ett personnummer"))
    c.done()
    return head


def _lines(value: Any) -> Any:
    # Partner names may come one per line from a text box; commas inside a name are kept.
    if isinstance(value, str):
        return [line for line in value.splitlines() if line.strip()]
    return value


def _signatories(c: Checker, value: Any) -> tuple[Signatory, ...]:
    label = LETTERHEAD_FIELDS["signatories"]
    if value in (None, ""):
        return ()
    if isinstance(value, Mapping) or not isinstance(value, Sequence) or isinstance(value, str):
        c.fail("signatories", label, _("ska vara en lista med namn, titel och organisation"))
        return ()
    if len(value) > MAX_SIGNATORIES:
        c.fail("signatories", label, _("högst {n} underskrifter").format(n=MAX_SIGNATORIES))
        return ()
    out: list[Signatory] = []
    for n, item in enumerate(value, start=1):
        data = asdict(item) if isinstance(item, Signatory) else item
        if not isinstance(data, Mapping) or set(data) - {"name", "title", "organisation"}:
            c.fail("signatories", label, _("underskrift {n}: ska ha namn, titel och "
                                           "organisation").format(n=n))
            continue
        where = _("underskrift {n}").format(n=n)
        name = c.text("signatories", f"{label}, {where}, " + _("namn"), data.get("name"),
                      required=True, max_len=100)
        title = c.text("signatories", f"{label}, {where}, " + _("titel"), data.get("title"),
                       max_len=100)
        org = c.text("signatories", f"{label}, {where}, " + _("organisation"),
                     data.get("organisation"), max_len=100)
        if name:
            out.append(Signatory(name, title or "", org or ""))
    return tuple(out)
