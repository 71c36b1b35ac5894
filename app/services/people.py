"""People: create, read (audited), update, soft-delete, search (FTS5 in SQL) and reveal."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, column, exists, func, literal_column, or_, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session, aliased

from app.errors import FieldError, ValidationError
from app.i18n import Labels, _
from app.models import Group, Membership, Person
from app.models.enums import FrivardStatus, IdKind
from app.services import audit
from app.services.audit import Action
from app.services.db import Db
from app.services.identity import mask, parse_id_number
from app.services.members import membership_counts, tombstone_memberships
from app.services.records import add_row, load_live, tombstone, update_row
from app.services.search import fts_query
from app.services.validate import Checker

ENTITY = "person"

# Field name → what users read. Also the set of fields a caller may set.
PERSON_FIELDS: Mapping[str, str] = Labels({
    "first_name": _("förnamn"),
    "last_name": _("efternamn"),
    "aliases": _("alias"),
    "personnummer": _("personnummer"),
    "birth_date": _("födelsedatum"),
    "phone": _("telefon"),
    "email": _("e-post"),
    "address": _("adress"),
    "postal_code": _("postnummer"),
    "city": _("ort"),
    "frivard_status": _("frivårdsstatus"),
    "frivard_from": _("frivård från"),
    "frivard_to": _("frivård till"),
    "frivard_office": _("frivårdskontor"),
    "responsible_officer": _("ansvarig handläggare"),
    "notes": _("anteckningar"),
})


@dataclass(frozen=True)
class PersonDTO:
    id: str
    first_name: str
    last_name: str
    aliases: tuple[str, ...]
    personnummer_masked: str
    id_kind: IdKind | None
    birth_date: date | None
    phone: str | None
    email: str | None
    address: str | None
    postal_code: str | None
    city: str | None
    frivard_status: FrivardStatus
    frivard_from: date | None
    frivard_to: date | None
    frivard_office: str | None
    responsible_officer: str | None
    notes: str | None
    created_at: datetime
    updated_at: datetime

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class PersonSummary:
    id: str
    first_name: str
    last_name: str
    aliases: tuple[str, ...]
    personnummer_masked: str
    birth_date: date | None
    frivard_status: FrivardStatus


def to_dto(p: Person) -> PersonDTO:
    return PersonDTO(
        id=p.id, first_name=p.first_name, last_name=p.last_name, aliases=tuple(p.aliases or ()),
        personnummer_masked=mask(p.personnummer), id_kind=p.id_kind, birth_date=p.birth_date,
        phone=p.phone, email=p.email, address=p.address, postal_code=p.postal_code, city=p.city,
        frivard_status=p.frivard_status, frivard_from=p.frivard_from, frivard_to=p.frivard_to,
        frivard_office=p.frivard_office, responsible_officer=p.responsible_officer,
        notes=p.notes, created_at=p.created_at, updated_at=p.updated_at,
    )


def clean_person(values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate a full set of person fields; raises ValidationError naming every bad field."""
    unknown = set(values) - set(PERSON_FIELDS)
    if unknown:
        raise ValidationError([FieldError(f, _("okänt fält")) for f in sorted(unknown)])
    c = Checker()
    L = PERSON_FIELDS
    out: dict[str, Any] = {
        "first_name": c.text("first_name", L["first_name"], values.get("first_name"),
                             required=True, max_len=100),
        "last_name": c.text("last_name", L["last_name"], values.get("last_name"),
                            required=True, max_len=100),
        "aliases": c.names("aliases", L["aliases"], values.get("aliases")),
        "phone": c.phone("phone", L["phone"], values.get("phone")),
        "email": c.email("email", L["email"], values.get("email")),
        "address": c.text("address", L["address"], values.get("address")),
        "postal_code": c.postal_code("postal_code", L["postal_code"], values.get("postal_code")),
        "city": c.text("city", L["city"], values.get("city"), max_len=100),
        "frivard_status": c.enum("frivard_status", L["frivard_status"],
                                 values.get("frivard_status") or FrivardStatus.NONE,
                                 FrivardStatus),
        "frivard_from": c.date("frivard_from", L["frivard_from"], values.get("frivard_from")),
        "frivard_to": c.date("frivard_to", L["frivard_to"], values.get("frivard_to")),
        "frivard_office": c.text("frivard_office", L["frivard_office"],
                                 values.get("frivard_office"), max_len=100),
        "responsible_officer": c.text("responsible_officer", L["responsible_officer"],
                                      values.get("responsible_officer"), max_len=100),
        "notes": c.text("notes", L["notes"], values.get("notes"), max_len=20000),
        "birth_date": c.date("birth_date", L["birth_date"], values.get("birth_date")),
        "personnummer": None,
        "id_kind": None,
    }
    c.date_order("frivard_to", L["frivard_to"], out["frivard_from"], out["frivard_to"])
    raw_pnr = values.get("personnummer")
    if raw_pnr not in (None, ""):
        try:
            number = parse_id_number(str(raw_pnr))
        except ValidationError as exc:
            c.errors.extend(exc.errors)
        else:
            out["personnummer"], out["id_kind"] = number.digits, number.kind
            if out["birth_date"] and out["birth_date"] != number.birth_date:
                c.fail("birth_date", L["birth_date"], _("stämmer inte med personnumret"))
            out["birth_date"] = number.birth_date
    c.done()
    return out


class PeopleService:
    def __init__(self, db: Db) -> None:
        self.db = db

    # ---- helpers -----------------------------------------------------------------------
    @staticmethod
    def _load(s: Session, person_id: str) -> Person:
        return load_live(s, Person, person_id, _("Personen finns inte (eller är borttagen)."))

    @staticmethod
    def _check_unique_pnr(s: Session, digits: str | None, own_id: str | None = None) -> None:
        if not digits:
            return
        stmt = select(Person.id).where(Person.personnummer == digits)
        if own_id:
            stmt = stmt.where(Person.id != own_id)
        if s.execute(stmt).first():
            raise ValidationError(FieldError("personnummer", _("finns redan hos en annan person"),
                                             PERSON_FIELDS["personnummer"]))

    # ---- writes ------------------------------------------------------------------------
    def create(self, values: Mapping[str, Any], *, purpose: str | None = None) -> PersonDTO:
        cleaned = clean_person(values)
        with self.db.write() as s:
            self._check_unique_pnr(s, cleaned["personnummer"])
            person = add_row(s, Person(**cleaned), ENTITY, purpose=purpose)
            return to_dto(person)

    def update(self, person_id: str, changes: Mapping[str, Any], *,
               purpose: str | None = None) -> PersonDTO:
        with self.db.write() as s:
            person = self._load(s, person_id)
            current = {f: getattr(person, f) for f in PERSON_FIELDS}
            # The stored number is kept unless the caller sends a new one.
            merged = {**current, **changes}
            if person.personnummer and changes.get("personnummer") and "birth_date" not in changes:
                # The stored birth date came from the old number; the new number decides.
                merged["birth_date"] = None
            cleaned = clean_person(merged)
            if "personnummer" not in changes:
                cleaned["personnummer"], cleaned["id_kind"] = person.personnummer, person.id_kind
            self._check_unique_pnr(s, cleaned["personnummer"], person.id)
            update_row(s, person, ENTITY, cleaned, purpose=purpose)
            return to_dto(person)

    def delete(self, person_id: str, *, purpose: str | None = None) -> None:
        """Soft delete (tombstone): the row stays so other vaults learn of the deletion. The
        person's memberships go with them, in the same transaction."""
        with self.db.write() as s:
            person = self._load(s, person_id)
            tombstone_memberships(s, person_id=person.id, purpose=purpose)
            tombstone(s, person, ENTITY, purpose=purpose)

    # ---- reads -------------------------------------------------------------------------
    def get(self, person_id: str, *, purpose: str | None = None) -> PersonDTO:
        """Read one person record; the consultation is logged (brottsdatalagen)."""
        with self.db.write() as s:
            person = self._load(s, person_id)
            audit.record(s, Action.READ, ENTITY, person.id, purpose=purpose)
            return to_dto(person)

    def reveal_personnummer(self, person_id: str, purpose: str) -> str:
        """The full number, for a stated purpose only; logged as its own event."""
        if not purpose or not purpose.strip():
            raise ValidationError(FieldError("purpose", _("ange varför numret behöver visas"),
                                             _("syfte")))
        with self.db.write() as s:
            person = self._load(s, person_id)
            audit.record(s, Action.REVEAL, ENTITY, person.id, purpose=purpose.strip(),
                         detail={"field": "personnummer"})
            digits = person.personnummer or ""
        return f"{digits[:8]}-{digits[8:]}" if digits else ""

    def _filtered(self, stmt: Select[Any], text: str, group_id: str | None,
                  frivard_status: FrivardStatus | str | None, active_only: bool,
                  former_only: bool = False) -> Select[Any]:
        query = fts_query(text)
        if query:
            stmt = stmt.where(_NOT_DELETED, Person.id.in_(_fts_ids(query)))
        else:
            stmt = stmt.where(Person.deleted.is_(False))  # served by ix_person_listing
        if frivard_status:
            stmt = stmt.where(Person.frivard_status == FrivardStatus(frivard_status))
        if group_id or active_only:
            today = date.today()
            cond = [membership_counts()]
            if group_id:
                cond.append(Membership.group_id == group_id)
            if active_only:
                cond += [or_(Membership.valid_to.is_(None), Membership.valid_to >= today),
                         or_(Membership.valid_from.is_(None), Membership.valid_from <= today)]
            if group_id:
                # IN, not a correlated EXISTS: the group's members are found once through
                # ix_membership_group instead of once per person in the register.
                stmt = stmt.where(Person.id.in_(select(Membership.person_id).where(*cond)))
            else:
                # Per person through ix_membership_person: a page in name order stops early.
                stmt = stmt.where(exists().where(Membership.person_id == Person.id, *cond))
        if former_only:
            # A membership (in the chosen group, if any) has ended and none is current; one
            # that has not started yet makes nobody a former member.
            today = date.today()
            had = [Membership.person_id == Person.id, membership_counts(),
                   Membership.valid_to < today]
            if group_id:
                had.append(Membership.group_id == group_id)
            now = aliased(Membership, name="now_membership")
            stmt = stmt.where(exists().where(and_(*had)), ~exists().where(
                now.person_id == Person.id, membership_counts(now),
                or_(now.valid_to.is_(None), now.valid_to >= today),
                or_(now.valid_from.is_(None), now.valid_from <= today)))
        return stmt

    def search(self, text: str = "", *, group_id: str | None = None,
               frivard_status: FrivardStatus | str | None = None, active_only: bool = False,
               former_only: bool = False, limit: int = 100, offset: int = 0,
               descending: bool = False, log: bool = True) -> list[PersonSummary]:
        """One page of people, in Swedish name order; filtering and paging happen in SQL.

        ``log`` writes one audit event for the listing (ids only): callers that fetch page
        after page of one view (the UI's lazy table) log the view once, not every page.
        """
        # Both keys in one direction, so the listing index serves either order.
        order = ((Person.sort_name.desc(), Person.id.desc()) if descending
                 else (Person.sort_name, Person.id))
        stmt = self._filtered(
            select(Person.id, Person.first_name, Person.last_name, Person.aliases,
                   Person.personnummer, Person.birth_date, Person.frivard_status),
            text, group_id, frivard_status, active_only, former_only,
        ).order_by(*order).limit(limit).offset(offset)
        with self.db.read() as s:
            rows = s.execute(stmt).all()
        result = [PersonSummary(r.id, r.first_name, r.last_name, tuple(r.aliases or ()),
                                mask(r.personnummer), r.birth_date, r.frivard_status)
                  for r in rows]
        if log:
            self.log_listing(len(result))
        return result

    def count(self, text: str = "", *, group_id: str | None = None,
              frivard_status: FrivardStatus | str | None = None, active_only: bool = False,
              former_only: bool = False) -> int:
        stmt = self._filtered(select(func.count(Person.id)), text, group_id, frivard_status,
                              active_only, former_only)
        with self.db.read() as s:
            return int(s.execute(stmt).scalar_one())

    def log_listing(self, shown: int, purpose: str | None = None) -> None:
        with self.db.write() as s:
            audit.record(s, Action.READ, "person_list", None, purpose=purpose,
                         detail={"rows": shown})

    def current_groups_for(self, person_ids: list[str]) -> dict[str, list[str]]:
        """Current group names for a page of people, in one query."""
        if not person_ids:
            return {}
        today = date.today()
        stmt = (
            select(Membership.person_id, Group.name)
            .join(Group, Group.id == Membership.group_id)
            .where(Membership.person_id.in_(person_ids), Membership.deleted.is_(False),
                   Group.deleted.is_(False),
                   or_(Membership.valid_from.is_(None), Membership.valid_from <= today),
                   or_(Membership.valid_to.is_(None), Membership.valid_to >= today))
            .order_by(Group.sort_name)
        )
        out: dict[str, list[str]] = {pid: [] for pid in person_ids}
        with self.db.read() as s:
            for pid, name in s.execute(stmt).all():
                if name not in out[pid]:
                    out[pid].append(name)
        return out

    def reveal_many(self, person_ids: list[str], purpose: str) -> dict[str, str]:
        """Full numbers for a listing; one REVEAL event per person, all in one transaction."""
        if not purpose or not purpose.strip():
            raise ValidationError(FieldError("purpose", _("ange varför numren behöver visas"),
                                             _("syfte")))
        out: dict[str, str] = {}
        with self.db.write() as s:
            rows = s.execute(select(Person.id, Person.personnummer).where(
                Person.id.in_(person_ids), Person.deleted.is_(False))).all()
            for pid, digits in rows:
                if digits:
                    audit.record(s, Action.REVEAL, ENTITY, pid, purpose=purpose.strip(),
                                 detail={"field": "personnummer"})
                    out[pid] = f"{digits[:8]}-{digits[8:]}"
        return out

    def current_groups(self, person_id: str) -> list[str]:
        """Names of the groups the person belongs to today (same rule as the listing)."""
        return self.current_groups_for([person_id]).get(person_id, [])


# The unary plus keeps SQLite from using ix_person_deleted here: almost every row matches it,
# yet without statistics the planner prefers it to the FTS hits, scanning all people (≈60 ms at
# 100,000 even when nothing matches). See docs/benchmarks.md, "Search".
_NOT_DELETED = literal_column("+person.deleted").is_(False)


def _fts_ids(query: str) -> Any:
    return sql_text("SELECT person_id FROM person_fts WHERE person_fts MATCH :q").bindparams(
        q=query).columns(column("person_id"))
