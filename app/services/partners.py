"""Partners: the units we send bundles to and accept bundles from, with their pinned keys and
what each may receive (its minimisation profile).

Without a signing key we can send to a partner but never accept a bundle from it; a revoked
partner can do neither. A partner's unit id (from its ``mottryck keys show``) is what bundle
manifests name as sender (the indexed ``partner.unit_id`` column).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import FieldError, NotFound, ValidationError
from app.exchange.fingerprint import unit_fingerprint
from app.exchange.profiles import Profile, clean_profile, default_profile
from app.i18n import Labels, _
from app.models import Partner
from app.models.enums import PartnerKind
from app.services.db import Db
from app.services.records import add_row, load_live, tombstone, update_row
from app.services.unit_keys import (
    BadKey,
    parse_age_recipient,
    parse_signing_public_key,
    signing_key_text,
    unit_keys,
)
from app.services.validate import Checker

ENTITY = "partner"

PARTNER_FIELDS = Labels({
    "name": _("namn"), "kind": _("typ av partner"), "age_recipient": _("age-mottagare"),
    "signing_key": _("signeringsnyckel"), "unit_id": _("enhets-id"),
    "notes": _("anteckningar"), "profile": _("vad som får lämnas ut"),
})
KIND_LABELS = Labels({
    "team": _("arbetsgruppen (kollega)"), "police": _("polisen"),
    "frivard": _("frivården"), "social": _("socialtjänsten"), "civil": _("civilsamhället"),
})


@dataclass(frozen=True)
class PartnerDTO:
    id: str
    name: str
    kind: PartnerKind
    age_recipient: str | None
    signing_public_key: str | None  # base64 of the raw 32-byte Ed25519 public key
    unit_id: str | None
    notes: str | None
    revoked: bool
    profile: Profile
    # Over both public keys; None until both are known (compare it with the partner's own).
    fingerprint: str | None
    created_at: datetime | None

    @property
    def can_receive(self) -> bool:
        return can_receive(self)

    @property
    def can_send_to_us(self) -> bool:
        return can_send_to_us(self)


def can_receive(partner: PartnerDTO) -> bool:
    """Whether we may write a bundle for this partner."""
    return not partner.revoked and bool(partner.age_recipient)


def can_send_to_us(partner: PartnerDTO) -> bool:
    """Whether a bundle signed by this partner may be accepted: its key is pinned, it is not
    revoked, and we know its unit id (the manifest names the sender by it)."""
    return not partner.revoked and bool(partner.signing_public_key) and bool(partner.unit_id)


def _dto(row: Partner) -> PartnerDTO:
    print_ = None
    if row.age_recipient and row.signing_key:
        print_ = unit_fingerprint(parse_signing_public_key(row.signing_key), row.age_recipient)
    return PartnerDTO(
        id=row.id, name=row.name, kind=PartnerKind(row.kind), age_recipient=row.age_recipient,
        signing_public_key=row.signing_key, unit_id=row.unit_id, notes=row.notes,
        revoked=bool(row.revoked),
        profile=Profile.from_json(PartnerKind(row.kind), dict(row.profile or {})),
        fingerprint=print_, created_at=row.created_at)


class PartnerService:
    def __init__(self, db: Db) -> None:
        self.db = db

    # ---- reading ------------------------------------------------------------------------
    def list(self, *, include_revoked: bool = True) -> list[PartnerDTO]:
        """Live partners by name (revoked ones too unless asked not to)."""
        with self.db.read() as s:
            rows = s.execute(select(Partner).where(Partner.deleted.is_(False))).scalars()
            found = [_dto(r) for r in rows if include_revoked or not r.revoked]
        return sorted(found, key=lambda p: (p.name.casefold(), p.id))

    def get(self, partner_id: str) -> PartnerDTO:
        with self.db.read() as s:
            return _dto(self._load(s, partner_id))

    def find(self, name_or_id: str) -> PartnerDTO:
        """By id or by name (case ignored): how the command line names a partner."""
        wanted = (name_or_id or "").strip()
        for partner in self.list():
            if partner.id == wanted or partner.name.casefold() == wanted.casefold():
                return partner
        raise NotFound(_("Ingen partner heter {name}.").format(name=wanted))

    def by_unit(self, unit_id: str) -> PartnerDTO | None:
        """The partner with this unit id (a bundle's sender), a non-revoked one first."""
        matches = [p for p in self.list() if p.unit_id == unit_id]
        matches.sort(key=lambda p: p.revoked)
        return matches[0] if matches else None

    # ---- writing ------------------------------------------------------------------------
    def add(self, values: Mapping[str, Any]) -> PartnerDTO:
        """``values``: name, kind, age_recipient (required); signing_key, unit_id, notes and
        profile (record type → fields; the kind's default if left out) optional."""
        _unknown(values)
        c, L = Checker(), PARTNER_FIELDS
        name = c.text("name", L["name"], values.get("name"), required=True, max_len=200)
        kind = c.enum("kind", L["kind"], values.get("kind"), PartnerKind)
        recipient = _key(c, "age_recipient", values.get("age_recipient"), required=True)
        signing = _key(c, "signing_key", values.get("signing_key"))
        unit_id = _unit_id(c, values.get("unit_id"))
        notes = c.text("notes", L["notes"], values.get("notes"), max_len=20000)
        c.done()
        assert kind is not None and name is not None
        profile = _profile(kind, values.get("profile"))
        with self.db.write() as s:
            self._check_unique(s, None, name=name, age_recipient=recipient,
                               signing_key=signing, unit_id=unit_id)
            row = Partner(name=name, kind=kind, age_recipient=recipient, signing_key=signing,
                          unit_id=unit_id, profile=profile.to_json(), revoked=False,
                          notes=notes)
            add_row(s, row, ENTITY)
            return _dto(row)

    def update(self, partner_id: str, values: Mapping[str, Any]) -> PartnerDTO:
        """Change name, notes, unit_id, profile (record type → fields), age_recipient or
        signing_key (None forgets it), all in one transaction; fields left out stay."""
        _unknown(values, allowed=("name", "notes", "unit_id", "profile", "age_recipient",
                                  "signing_key"))
        c, L = Checker(), PARTNER_FIELDS
        cleaned: dict[str, Any] = {}
        if "name" in values:
            cleaned["name"] = c.text("name", L["name"], values["name"], required=True)
        if "notes" in values:
            cleaned["notes"] = c.text("notes", L["notes"], values["notes"], max_len=20000)
        if "age_recipient" in values:
            cleaned["age_recipient"] = _key(c, "age_recipient", values["age_recipient"],
                                            required=True)
        if "signing_key" in values:
            cleaned["signing_key"] = _key(c, "signing_key", values["signing_key"])
        unit_id = _unit_id(c, values.get("unit_id")) if "unit_id" in values else None
        c.done()
        with self.db.write() as s:
            row = self._load(s, partner_id)
            current = _dto(row)
            profile = (_profile(current.kind, values["profile"]) if "profile" in values
                       else current.profile)
            new_unit = unit_id if "unit_id" in values else current.unit_id
            self._check_unique(s, row.id, name=cleaned.get("name"), unit_id=new_unit,
                               age_recipient=cleaned.get("age_recipient"),
                               signing_key=cleaned.get("signing_key"))
            cleaned["unit_id"] = new_unit
            cleaned["profile"] = profile.to_json()
            update_row(s, row, ENTITY, cleaned)
            return _dto(row)

    def reset_profile(self, partner_id: str) -> PartnerDTO:
        """Back to the default profile of the partner's kind."""
        kind = self.get(partner_id).kind
        return self.update(partner_id, {"profile": default_profile(kind).to_json()["records"]})

    def set_signing_key(self, partner_id: str, key: str | None) -> PartnerDTO:
        """Pin (or replace, or with None forget) the partner's signing key."""
        c = Checker()
        signing = _key(c, "signing_key", key)
        c.done()
        with self.db.write() as s:
            row = self._load(s, partner_id)
            self._check_unique(s, row.id, signing_key=signing)
            update_row(s, row, ENTITY, {"signing_key": signing})
            return _dto(row)

    def set_age_recipient(self, partner_id: str, recipient: str) -> PartnerDTO:
        c = Checker()
        cleaned = _key(c, "age_recipient", recipient, required=True)
        c.done()
        with self.db.write() as s:
            row = self._load(s, partner_id)
            self._check_unique(s, row.id, age_recipient=cleaned)
            update_row(s, row, ENTITY, {"age_recipient": cleaned})
            return _dto(row)

    def revoke(self, partner_id: str, *, purpose: str | None = None) -> PartnerDTO:
        """Stop sending to and accepting from this partner (kept for the register)."""
        with self.db.write() as s:
            row = self._load(s, partner_id)
            update_row(s, row, ENTITY, {"revoked": True}, purpose=purpose)
            return _dto(row)

    def delete(self, partner_id: str, *, purpose: str | None = None) -> None:
        with self.db.write() as s:
            tombstone(s, self._load(s, partner_id), ENTITY, purpose=purpose)

    # ---- helpers ------------------------------------------------------------------------
    @staticmethod
    def _load(s: Session, partner_id: str) -> Partner:
        return load_live(s, Partner, partner_id, _("Partnern finns inte (eller är borttagen)."))

    def _check_unique(self, s: Session, own_id: str | None, *, name: str | None = None,
                      age_recipient: str | None = None, signing_key: str | None = None,
                      unit_id: str | None = None) -> None:
        """Refuse a partner that would be confused with another, or with this unit itself."""
        ours = unit_keys(self.db)
        errors: list[FieldError] = []
        L = PARTNER_FIELDS
        mine = {"age_recipient": ours.age_recipient, "signing_key": ours.signing_public_key,
                "unit_id": ours.unit_id}
        given = {"age_recipient": age_recipient, "signing_key": signing_key, "unit_id": unit_id}
        for key, value in given.items():
            if value and value == mine[key]:
                errors.append(FieldError(key, _("är den här enhetens egen"), L[key]))
        rows = s.execute(select(Partner).where(Partner.deleted.is_(False))).scalars()
        for other in (_dto(r) for r in rows if r.id != own_id):
            if name and other.name.casefold() == name.casefold():
                errors.append(FieldError("name", _("en annan partner heter så"), L["name"]))
            if other.revoked:
                continue  # a revoked partner's keys may come back under a new entry
            theirs = {"age_recipient": other.age_recipient,
                      "signing_key": other.signing_public_key, "unit_id": other.unit_id}
            for key, value in given.items():
                if value and value == theirs[key]:
                    errors.append(FieldError(key, _("används redan av partnern {name}").format(
                        name=other.name), L[key]))
        if errors:
            raise ValidationError(errors)


def _unknown(values: Mapping[str, Any], allowed: Iterable[str] = PARTNER_FIELDS) -> None:
    unknown = set(values) - set(allowed)
    if unknown:
        raise ValidationError([FieldError(f, _("okänt fält")) for f in sorted(unknown)])


def _key(c: Checker, field: str, value: Any, *, required: bool = False) -> str | None:
    label = PARTNER_FIELDS[field]
    text = c.text(field, label, value, required=required, max_len=200)
    if text is None:
        return None
    try:
        if field == "age_recipient":
            return parse_age_recipient(text)
        return signing_key_text(parse_signing_public_key(text))
    except BadKey as exc:
        c.fail(field, label, str(exc))
        return None


def _unit_id(c: Checker, value: Any) -> str | None:
    label = PARTNER_FIELDS["unit_id"]
    text = c.text("unit_id", label, value, max_len=60)
    if text is None:
        return None
    try:
        return str(uuid.UUID(text))
    except ValueError:
        c.fail("unit_id", label, _("ska vara ett enhets-id som det visas av 'mottryck keys "
                                    "show' (ett UUID)"))
        return None


def _profile(kind: PartnerKind, records: Any) -> Profile:
    if records is None:
        return default_profile(kind)
    if isinstance(records, Profile):
        records = records.to_json()["records"]
    if not isinstance(records, Mapping) or not all(
            isinstance(v, list | tuple | set | frozenset) for v in records.values()):
        raise ValidationError(FieldError("profile", _("ska ange fält per posttyp"),
                                         PARTNER_FIELDS["profile"]))
    return clean_profile(kind, records)
