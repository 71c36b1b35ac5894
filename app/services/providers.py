"""Service providers: the catalogue of who offers which help to leave (support talks, housing,
work, …), with contact details, kept by staff.

A provider that no longer takes referrals is archived rather than deleted: it stays on the
referrals that name it and is left out of new ones. Deleting is for a provider entered by
mistake, and is refused while an open referral names it (those would lose their recipient).
Providers are organisations, not people, so reading the catalogue is not logged; every write
is, with field names only.
"""

from __future__ import annotations

import builtins
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import FieldError, MottryckError, ValidationError
from app.i18n import Labels, _, n_
from app.models import Referral, ServiceProvider
from app.models.enums import ServiceType
from app.services.db import Db
from app.services.records import add_row, load_live, tombstone, update_row
from app.services.referral_states import OPEN
from app.services.validate import Checker

__all__ = ["PROVIDER_FIELDS", "ProviderDTO", "ServiceProviderService", "clean_provider",
           "provider_names"]

ENTITY = "service_provider"

# Field name → what users read; also the fields a caller may set.
PROVIDER_FIELDS = Labels({
    "name": _("namn"),
    "service_types": _("insatser"),
    "contact_person": _("kontaktperson"),
    "phone": _("telefon"),
    "email": _("e-post"),
    "address": _("adress"),
    "area": _("område"),
    "offers": _("vad som erbjuds"),
    "notes": _("anteckningar"),
})


@dataclass(frozen=True)
class ProviderDTO:
    id: str
    name: str
    service_types: tuple[ServiceType, ...]  # in the order of ServiceType
    contact_person: str | None
    phone: str | None
    email: str | None
    address: str | None
    area: str | None
    offers: str | None
    notes: str | None
    archived: bool
    open_referrals: int  # open referrals naming it: deleting is refused while any are
    created_at: datetime | None

    def offers_service(self, service_type: ServiceType | str) -> bool:
        return ServiceType(service_type) in self.service_types


def _unknown(values: Mapping[str, Any], allowed: Iterable[str]) -> None:
    unknown = set(values) - set(allowed)
    if unknown:
        raise ValidationError([FieldError(f, _("okänt fält")) for f in sorted(unknown)])


def _service_types(c: Checker, value: Any) -> list[str]:
    """Known ServiceType codes, at least one, each once, in the enum's order. A text with
    codes separated by , or ; is read too (the command line and imports write that)."""
    field, label = "service_types", PROVIDER_FIELDS["service_types"]
    if value is None or value == "":
        items: list[Any] = []
    elif isinstance(value, str | ServiceType):
        items = re.split(r"[;,]", str(value))
    elif isinstance(value, list | tuple | set | frozenset):
        items = list(value)
    else:
        c.fail(field, label, _("ska vara en lista med insatser"))
        return []
    chosen: set[ServiceType] = set()
    for item in items:
        if isinstance(item, str) and not item.strip():
            continue
        kind = c.enum(field, label, item.strip() if isinstance(item, str) else item,
                      ServiceType)
        if kind is not None:
            chosen.add(kind)
    if not chosen and not any(e.field == field for e in c.errors):
        c.fail(field, label, _("välj minst en insats"))
    return [t.value for t in ServiceType if t in chosen]


def clean_provider(values: Mapping[str, Any]) -> dict[str, Any]:
    """The checked, normalised fields of a provider, or ``ValidationError`` naming each bad
    field."""
    _unknown(values, PROVIDER_FIELDS)
    c, L = Checker(), PROVIDER_FIELDS
    out: dict[str, Any] = {
        "name": c.text("name", L["name"], values.get("name"), required=True, max_len=200),
        "service_types": _service_types(c, values.get("service_types")),
        "contact_person": c.text("contact_person", L["contact_person"],
                                 values.get("contact_person"), max_len=200),
        "phone": c.phone("phone", L["phone"], values.get("phone")),
        "email": c.email("email", L["email"], values.get("email")),
        "address": c.text("address", L["address"], values.get("address"), max_len=500),
        "area": c.text("area", L["area"], values.get("area"), max_len=200),
        "offers": c.text("offers", L["offers"], values.get("offers"), max_len=5000),
        "notes": c.text("notes", L["notes"], values.get("notes"), max_len=20000),
    }
    c.done()
    return out


def _fold(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "").casefold()


def _dto(row: ServiceProvider, open_referrals: int) -> ProviderDTO:
    known = {t.value for t in ServiceType}
    stored = {str(t) for t in (row.service_types or ())}
    return ProviderDTO(
        id=row.id, name=row.name,
        service_types=tuple(t for t in ServiceType if t.value in stored & known),
        contact_person=row.contact_person, phone=row.phone, email=row.email,
        address=row.address, area=row.area, offers=row.offers, notes=row.notes,
        archived=bool(row.archived), open_referrals=open_referrals, created_at=row.created_at)


def _open_counts(s: Session, ids: builtins.list[str] | None = None) -> dict[str, int]:
    """Open, live referrals per provider (all providers, or those in ``ids``)."""
    stmt = (select(Referral.provider_id, func.count(Referral.id))
            .where(Referral.deleted.is_(False), Referral.status.in_(OPEN),
                   Referral.provider_id.is_not(None))
            .group_by(Referral.provider_id))
    if ids is not None:
        stmt = stmt.where(Referral.provider_id.in_(ids))
    return {pid: int(n) for pid, n in s.execute(stmt).all() if pid is not None}


class ServiceProviderService:
    def __init__(self, db: Db) -> None:
        self.db = db

    @staticmethod
    def _load(s: Session, provider_id: str) -> ServiceProvider:
        return load_live(s, ServiceProvider, provider_id,
                         _("Verksamheten finns inte (eller är borttagen)."))

    @staticmethod
    def _check_unique(s: Session, name: str, area: str | None, own_id: str | None) -> None:
        """No two live providers with the same name in the same area (case ignored): the
        same name in two cities is two providers."""
        rows = s.execute(select(ServiceProvider.id, ServiceProvider.name, ServiceProvider.area)
                         .where(ServiceProvider.deleted.is_(False))).all()
        if any(pid != own_id and _fold(n) == _fold(name) and _fold(a) == _fold(area)
               for pid, n, a in rows):
            raise ValidationError(FieldError(
                "name", _("det finns redan en verksamhet med det namnet i samma område"),
                PROVIDER_FIELDS["name"]))

    # ---- reading -----------------------------------------------------------------------
    def list(self, service_type: ServiceType | str | None = None, *,
             include_archived: bool = False, search: str = "") -> builtins.list[ProviderDTO]:
        """Live providers by name: those offering ``service_type`` if given, archived ones
        only if asked, and with ``search`` those whose name or area holds every typed word
        (case ignored). Providers are few, so the filtering is done here, where å, ä and ö
        fold as they should (SQLite's LIKE folds ASCII only)."""
        wanted = ServiceType(service_type) if service_type else None
        words = _fold(search).split()
        with self.db.read() as s:
            rows = s.execute(select(ServiceProvider).where(
                ServiceProvider.deleted.is_(False))).scalars().all()
            counts = _open_counts(s)
            found = [_dto(r, counts.get(r.id, 0)) for r in rows
                     if (include_archived or not r.archived)]
        found = [p for p in found
                 if (wanted is None or wanted in p.service_types)
                 and all(w in f"{_fold(p.name)} {_fold(p.area)}" for w in words)]
        return sorted(found, key=lambda p: (_fold(p.name), _fold(p.area), p.id))

    def get(self, provider_id: str) -> ProviderDTO:
        with self.db.read() as s:
            row = self._load(s, provider_id)
            return _dto(row, _open_counts(s, [row.id]).get(row.id, 0))

    # ---- writing -----------------------------------------------------------------------
    def create(self, values: Mapping[str, Any], *, purpose: str | None = None) -> ProviderDTO:
        cleaned = clean_provider(values)
        with self.db.write() as s:
            self._check_unique(s, cleaned["name"], cleaned["area"], None)
            row = add_row(s, ServiceProvider(**cleaned, archived=False), ENTITY,
                          purpose=purpose)
            return _dto(row, 0)

    def update(self, provider_id: str, changes: Mapping[str, Any], *,
               purpose: str | None = None) -> ProviderDTO:
        """Change some fields; the rest keep their values."""
        _unknown(changes, PROVIDER_FIELDS)
        with self.db.write() as s:
            row = self._load(s, provider_id)
            current = {f: getattr(row, f) for f in PROVIDER_FIELDS}
            cleaned = clean_provider({**current, **changes})
            self._check_unique(s, cleaned["name"], cleaned["area"], row.id)
            update_row(s, row, ENTITY, cleaned, purpose=purpose)
            return _dto(row, _open_counts(s, [row.id]).get(row.id, 0))

    def archive(self, provider_id: str, *, purpose: str | None = None) -> ProviderDTO:
        """No longer offered: kept for the referrals that name it, left out of new ones."""
        return self._set_archived(provider_id, True, purpose)

    def unarchive(self, provider_id: str, *, purpose: str | None = None) -> ProviderDTO:
        return self._set_archived(provider_id, False, purpose)

    def _set_archived(self, provider_id: str, archived: bool,
                      purpose: str | None) -> ProviderDTO:
        with self.db.write() as s:
            row = self._load(s, provider_id)
            update_row(s, row, ENTITY, {"archived": archived}, purpose=purpose)
            return _dto(row, _open_counts(s, [row.id]).get(row.id, 0))

    def delete(self, provider_id: str, *, purpose: str | None = None) -> None:
        """Tombstone a provider entered by mistake. Refused while open referrals name it:
        archive it instead. Closed referrals keep its id and still show its name."""
        with self.db.write() as s:
            row = self._load(s, provider_id)
            n = _open_counts(s, [row.id]).get(row.id, 0)
            if n:
                raise MottryckError(n_(
                    "{n} pågående remiss går till verksamheten, så den kan inte tas bort. "
                    "Arkivera den i stället: den finns då kvar för remisserna men väljs "
                    "inte i nya.",
                    "{n} pågående remisser går till verksamheten, så den kan inte tas bort. "
                    "Arkivera den i stället: den finns då kvar för remisserna men väljs "
                    "inte i nya.", n).format(n=n))
            tombstone(s, row, ENTITY, purpose=purpose)


def provider_names(s: Session, ids: Iterable[str | None]) -> dict[str, tuple[str, bool]]:
    """Name and archived flag per provider id, tombstoned ones included: a closed referral
    still names the provider it went to."""
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    rows = s.execute(select(ServiceProvider.id, ServiceProvider.name, ServiceProvider.archived)
                     .where(ServiceProvider.id.in_(wanted))).all()
    return {pid: (name, bool(archived)) for pid, name, archived in rows}
