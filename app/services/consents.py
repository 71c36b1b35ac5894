"""Consents: what a person (or their guardian) agreed may be shared, with whom, what is
withheld and why, on which legal basis, and when it was given or withdrawn.

A referral step that hands the person's data to another organisation needs an active consent
of the same person (see ``referrals.py``). Withdrawing is one action: ``withdraw`` sets the
day in one transaction with its audit event, and from then on the consent covers nothing new
— a withdrawn consent cannot be cited for any further sharing step, whatever day that step
is dated — while the referrals that relied on it are flagged (``ReferralDTO.
consent_withdrawn``). A withdrawn consent is no longer edited: it is the record of what was
agreed. Consents are personal data: reads are logged like a person's, writes with field
names only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import FieldError, MottryckError, ValidationError
from app.i18n import Labels, _
from app.models import Consent, Person, Referral, ReferralEvent
from app.services import audit
from app.services.audit import Action
from app.services.db import Db
from app.services.records import add_row, load_live, tombstone, update_row
from app.services.validate import Checker

__all__ = ["CONSENT_FIELDS", "DEFAULT_LEGAL_BASIS", "ConsentDTO", "ConsentService",
           "consent_problem"]

ENTITY = "consent"

CONSENT_FIELDS = Labels({
    "person_id": _("person"),
    "given_by": _("lämnat av"),
    "purpose": _("ändamål"),
    "shared_with": _("delas med"),
    "withheld": _("undantas"),
    "withheld_reason": _("skäl till undantaget"),
    "legal_basis": _("rättslig grund"),
    "given_on": _("lämnat den"),
    "withdrawn_on": _("återkallat den"),
})
# The fields ``record`` and ``update`` take; withdrawn_on is set by ``withdraw`` only.
EDITABLE = ("given_by", "purpose", "shared_with", "withheld", "withheld_reason", "legal_basis",
            "given_on")

# Stored as data, in the words of Swedish law (offentlighets- och sekretesslagen 12 kap. 2 §),
# so it is not translated: an English screen still shows the basis the record was made on.
DEFAULT_LEGAL_BASIS = "Samtycke (OSL 12 kap. 2 §)"


@dataclass(frozen=True)
class ConsentDTO:
    id: str
    person_id: str
    person_name: str
    given_by: str | None
    purpose: str
    shared_with: str | None
    withheld: str | None
    withheld_reason: str | None
    legal_basis: str | None
    given_on: date | None
    withdrawn_on: date | None
    referrals: int  # live referrals that were sent on it
    created_at: datetime | None
    updated_at: datetime | None

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_on is not None

    def is_active(self, on: date | None = None) -> bool:
        """Given by ``on`` (today if not given) and not withdrawn."""
        on = on or date.today()
        return self.withdrawn_on is None and self.given_on is not None and self.given_on <= on


def consent_problem(consent: Consent | None, person_id: str, on: date) -> str | None:
    """Why ``consent`` cannot cover a sharing step for ``person_id`` dated ``on`` (a Swedish
    reason for the form), or None when it can."""
    if consent is None or consent.deleted:
        return _("samtycket finns inte (eller är borttaget)")
    if consent.person_id != person_id:
        return _("samtycket gäller en annan person")
    if consent.withdrawn_on is not None:
        return _("samtycket återkallades {day} och täcker inget nytt").format(
            day=consent.withdrawn_on.isoformat())
    if consent.given_on is None or consent.given_on > on:
        return _("samtycket lämnades {day}, efter stegets datum {on}").format(
            day=consent.given_on.isoformat() if consent.given_on else "?", on=on.isoformat())
    return None


def _unknown(values: Mapping[str, Any], allowed: Iterable[str]) -> None:
    unknown = set(values) - set(allowed)
    if unknown:
        raise ValidationError([FieldError(f, _("okänt fält")) for f in sorted(unknown)])


def clean_consent(values: Mapping[str, Any], today: date) -> dict[str, Any]:
    _unknown(values, EDITABLE)
    c, L = Checker(), CONSENT_FIELDS
    out: dict[str, Any] = {
        "given_by": c.text("given_by", L["given_by"], values.get("given_by"), required=True,
                           max_len=200),
        "purpose": c.text("purpose", L["purpose"], values.get("purpose"), required=True,
                          max_len=5000),
        "shared_with": c.text("shared_with", L["shared_with"], values.get("shared_with"),
                              max_len=2000),
        "withheld": c.text("withheld", L["withheld"], values.get("withheld"), max_len=5000),
        "withheld_reason": c.text("withheld_reason", L["withheld_reason"],
                                  values.get("withheld_reason"), max_len=5000),
        "legal_basis": c.text("legal_basis", L["legal_basis"],
                              values.get("legal_basis") or DEFAULT_LEGAL_BASIS, max_len=200),
        "given_on": c.date("given_on", L["given_on"], values.get("given_on"), required=True),
    }
    if out["withheld"] and not out["withheld_reason"] and not _failed(c, "withheld_reason"):
        c.fail("withheld_reason", L["withheld_reason"],
               _("måste fyllas i när något undantas"))
    if out["withheld_reason"] and not out["withheld"] and not _failed(c, "withheld"):
        c.fail("withheld_reason", L["withheld_reason"],
               _("anges bara när något undantas; skriv vad som undantas"))
    if out["given_on"] and out["given_on"] > today:
        c.fail("given_on", L["given_on"], _("kan inte ligga i framtiden"))
    c.done()
    return out


def _failed(c: Checker, field: str) -> bool:
    return any(e.field == field for e in c.errors)


def _name(person: Person) -> str:
    return f"{person.first_name} {person.last_name}"


class ConsentService:
    def __init__(self, db: Db) -> None:
        self.db = db

    @staticmethod
    def _load(s: Session, consent_id: str) -> tuple[Consent, Person]:
        missing = _("Samtycket finns inte (eller är borttaget).")
        consent = load_live(s, Consent, consent_id, missing)
        # A tombstoned person's consents go with them.
        return consent, load_live(s, Person, consent.person_id, missing)

    @staticmethod
    def _person(s: Session, person_id: str) -> Person:
        return load_live(s, Person, person_id, _("Personen finns inte (eller är borttagen)."))

    @staticmethod
    def _referral_counts(s: Session, ids: list[str]) -> dict[str, int]:
        if not ids:
            return {}
        rows = s.execute(select(Referral.consent_id, func.count(Referral.id))
                         .where(Referral.consent_id.in_(ids), Referral.deleted.is_(False))
                         .group_by(Referral.consent_id)).all()
        return {cid: int(n) for cid, n in rows if cid is not None}

    def _dtos(self, s: Session, rows: list[Consent], person: Person) -> list[ConsentDTO]:
        counts = self._referral_counts(s, [r.id for r in rows])
        return [ConsentDTO(
            id=r.id, person_id=r.person_id, person_name=_name(person), given_by=r.given_by,
            purpose=r.purpose, shared_with=r.shared_with, withheld=r.withheld,
            withheld_reason=r.withheld_reason, legal_basis=r.legal_basis, given_on=r.given_on,
            withdrawn_on=r.withdrawn_on, referrals=counts.get(r.id, 0),
            created_at=r.created_at, updated_at=r.updated_at) for r in rows]

    @staticmethod
    def _first_use(s: Session, consent_id: str) -> date | None:
        """The earliest day a referral step cited the consent."""
        return s.execute(select(func.min(ReferralEvent.on)).where(
            ReferralEvent.consent_id == consent_id,
            ReferralEvent.deleted.is_(False))).scalar_one()

    # ---- writes ------------------------------------------------------------------------
    def record(self, person_id: str, values: Mapping[str, Any], *,
               purpose: str | None = None) -> ConsentDTO:
        """Record a consent the person (or a guardian: ``given_by``) gave on ``given_on``.
        ``purpose`` and ``given_by`` are required; ``legal_basis`` defaults to consent under
        OSL 12:2; a ``withheld_reason`` is required when something is ``withheld``."""
        cleaned = clean_consent(values, date.today())
        with self.db.write() as s:
            person = self._person(s, person_id)
            row = add_row(s, Consent(person_id=person.id, **cleaned), ENTITY, purpose=purpose)
            return self._dtos(s, [row], person)[0]

    def update(self, consent_id: str, changes: Mapping[str, Any], *,
               purpose: str | None = None) -> ConsentDTO:
        """Correct a consent that has not been withdrawn; the rest keep their values. The
        day it was given cannot move past the first referral step that relied on it."""
        _unknown(changes, EDITABLE)
        with self.db.write() as s:
            row, person = self._load(s, consent_id)
            if row.withdrawn_on is not None:
                raise ValidationError(FieldError(
                    "withdrawn_on", _("samtycket är återkallat och ändras inte längre"),
                    CONSENT_FIELDS["withdrawn_on"]))
            cleaned = clean_consent({**{f: getattr(row, f) for f in EDITABLE}, **changes},
                                    date.today())
            used = self._first_use(s, row.id)
            if used is not None and cleaned["given_on"] > used:
                raise ValidationError(FieldError(
                    "given_on", _("en remiss skickades på samtycket {day}; det kan inte ha "
                                  "lämnats senare").format(day=used.isoformat()),
                    CONSENT_FIELDS["given_on"]))
            update_row(s, row, ENTITY, cleaned, purpose=purpose)
            return self._dtos(s, [row], person)[0]

    def withdraw(self, consent_id: str, on: date | str | None = None, *,
                 purpose: str | None = None) -> ConsentDTO:
        """The person withdrew the consent on ``on`` (today if not given): one transaction
        with its audit event. From then on it covers no new sharing step, and the referrals
        sent on it are flagged (their number is in the audit detail)."""
        c = Checker()
        day = c.date("withdrawn_on", CONSENT_FIELDS["withdrawn_on"], on or date.today(),
                     required=True)
        c.done()
        assert day is not None
        with self.db.write() as s:
            row, person = self._load(s, consent_id)
            label = CONSENT_FIELDS["withdrawn_on"]
            if row.withdrawn_on is not None:
                raise ValidationError(FieldError("withdrawn_on", _(
                    "samtycket är redan återkallat ({day})").format(
                    day=row.withdrawn_on.isoformat()), label))
            if day > date.today():
                raise ValidationError(FieldError("withdrawn_on",
                                                 _("kan inte ligga i framtiden"), label))
            if row.given_on is not None and day < row.given_on:
                raise ValidationError(FieldError("withdrawn_on", _(
                    "kan inte ligga före dagen samtycket lämnades ({day})").format(
                    day=row.given_on.isoformat()), label))
            row.withdrawn_on = day
            s.flush()
            flagged = self._referral_counts(s, [row.id]).get(row.id, 0)
            audit.record(s, Action.UPDATE, ENTITY, row.id, purpose=purpose,
                         detail={"fields": ["withdrawn_on"], "withdrawn": True,
                                 "referrals_flagged": flagged})
            return self._dtos(s, [row], person)[0]

    def delete(self, consent_id: str, *, purpose: str | None = None) -> None:
        """Tombstone a consent entered by mistake. Refused once a referral relied on it: it
        is then the record of why data was shared, so withdraw it instead."""
        with self.db.write() as s:
            row, _person = self._load(s, consent_id)
            cited = self._first_use(s, row.id) is not None
            if cited or self._referral_counts(s, [row.id]):
                raise MottryckError(_("En remiss har skickats på samtycket, så det kan inte "
                                      "tas bort. Återkalla det i stället."))
            tombstone(s, row, ENTITY, purpose=purpose)

    # ---- reads -------------------------------------------------------------------------
    def get(self, consent_id: str, *, purpose: str | None = None) -> ConsentDTO:
        """One consent; the consultation is logged."""
        with self.db.write() as s:
            row, person = self._load(s, consent_id)
            audit.record(s, Action.READ, ENTITY, row.id, purpose=purpose)
            return self._dtos(s, [row], person)[0]

    def list_for_person(self, person_id: str, *, log: bool = True,
                        purpose: str | None = None) -> list[ConsentDTO]:
        """The person's consents, the latest given first; logged as one READ (``log``)."""
        return self._for_person(person_id, None, log, purpose)

    def active_for_person(self, person_id: str, on: date | None = None, *, log: bool = True,
                          purpose: str | None = None) -> list[ConsentDTO]:
        """The consents that can cover a sharing step dated ``on`` (today if not given):
        given by then and not withdrawn — the choices a referral's sending step offers."""
        return self._for_person(person_id, on or date.today(), log, purpose)

    def _for_person(self, person_id: str, active_on: date | None, log: bool,
                    purpose: str | None) -> list[ConsentDTO]:
        stmt = select(Consent).where(Consent.person_id == person_id,
                                     Consent.deleted.is_(False))
        if active_on is not None:
            stmt = stmt.where(Consent.withdrawn_on.is_(None), Consent.given_on <= active_on)
        stmt = stmt.order_by(Consent.given_on.desc().nulls_last(), Consent.created_at.desc(),
                             Consent.id)
        with self.db.write() as s:
            person = self._person(s, person_id)
            out = self._dtos(s, list(s.execute(stmt).scalars()), person)
            if log and out:
                audit.record(s, Action.READ, "consent_list", person.id, purpose=purpose,
                             detail={"rows": len(out)})
        return out
