"""Incidents (the incident review): type, time, place, GMI, and who was involved."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, func, literal, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.errors import FieldError, NotFound, ValidationError
from app.i18n import Labels, _
from app.models import Group, Incident, IncidentGroup, IncidentPerson, Person
from app.models.enums import Gmi, GroupInvolvement, IncidentType, InvolvementRole
from app.services import audit
from app.services.audit import Action
from app.services.db import Db
from app.services.records import load_live, tombstone, update_row
from app.services.validate import Checker

# Listing orders the register offers, by key; each is completed by time (newest first) and
# id, so that a page boundary never falls between equal rows differently on two fetches.
SORT_KEYS = ("occurred_at", "type", "place", "area", "gmi", "injured", "killed")
INVOLVED_KINDS = ("person", "group")

INCIDENT_FIELDS = Labels({
    "occurred_at": _("tidpunkt"), "type": _("typ"), "place": _("plats"), "area": _("område"),
    "gmi": _("gruppkoppling (GMI)"), "injured": _("skadade"), "killed": _("döda"),
    "description": _("beskrivning"), "groups": _("inblandade grupper"),
    "persons": _("inblandade personer"),
})


@dataclass(frozen=True)
class InvolvedGroup:
    group_id: str
    name: str
    involvement: GroupInvolvement


@dataclass(frozen=True)
class InvolvedPerson:
    person_id: str
    name: str
    role: InvolvementRole


@dataclass(frozen=True)
class IncidentDTO:
    id: str
    occurred_at: datetime
    type: IncidentType
    place: str | None
    area: str | None
    gmi: Gmi
    injured: int
    killed: int
    description: str | None
    groups: tuple[InvolvedGroup, ...] = ()
    persons: tuple[InvolvedPerson, ...] = ()


def _pairs(c: Checker, field: str, label: str, value: Any, enum_cls: Any,
           default: Any) -> list[tuple[str, Any]]:
    """``[(id, role)]`` from ids, (id, role) pairs or {"id":…, "role":…} dicts."""
    out: list[tuple[str, Any]] = []
    ident: Any
    for item in value or ():
        if isinstance(item, str):
            ident, role = item, default
        elif isinstance(item, Mapping):
            ident, role = item.get("id"), item.get("role") or default
        elif isinstance(item, Sequence) and len(item) == 2:
            ident, role = item
        else:
            c.fail(field, label, _("ogiltig uppgift"))
            continue
        checked = c.enum(field, label, role, enum_cls)
        if ident and checked is not None and ident not in [i for i, _r in out]:
            out.append((str(ident), checked))
    return out


def _sync_links(s: Session, model: type[IncidentGroup] | type[IncidentPerson], incident_id: str,
                key: str, role_field: str, wanted: list[tuple[str, Any]]) -> None:
    """Make the incident's link rows match ``wanted`` [(id, role)]. Removed links are
    tombstoned and re-added ones revived rather than deleted and inserted, so a merge with
    another vault sees the removal and no duplicate row appears."""
    existing: dict[str, Any] = {getattr(r, key): r for r in s.execute(
        select(model).where(model.incident_id == incident_id)).scalars()}
    roles = dict(wanted)
    for other_id, row in existing.items():
        if other_id not in roles:
            row.deleted = True
    for other_id, role in roles.items():
        found = existing.get(other_id)
        if found is None:
            s.add(model(incident_id=incident_id, **{key: other_id, role_field: role}))
        else:
            setattr(found, role_field, role)
            found.deleted = False


def _fold(column: Any) -> ColumnElement[Any]:
    """A Swedish-ordered, case-folded text for SQL: SQLite's lower() folds ASCII only, and
    å, ä, ö sort after z in that order (as ``swedish_sort_key`` does for names). Incidents
    are few enough that computing this per row costs nothing noticeable."""
    expr = func.lower(column)
    for letters, into in (("åÅ", "{"), ("äÄæÆ", "|"), ("öÖøØ", "}"), ("éÉèÈ", "e"),
                          ("üÜ", "y")):
        for letter in letters:
            expr = func.replace(expr, letter, into)
    return expr


def _ordinal(column: Any, enum_cls: Any) -> ColumnElement[Any]:
    """An enum in the order it is declared (and offered in the filters), not by its code."""
    return case({member.value: i for i, member in enumerate(enum_cls)}, value=column,
                else_=len(enum_cls))


def _order(sort: str, descending: bool) -> list[Any]:
    if sort not in SORT_KEYS:
        raise ValidationError([FieldError("sort", _("okänd sortering"))])
    keys: dict[str, Any] = {
        "type": _ordinal(Incident.type, IncidentType), "gmi": _ordinal(Incident.gmi, Gmi),
        "place": _fold(Incident.place), "area": _fold(Incident.area),
        "injured": Incident.injured, "killed": Incident.killed,
    }
    order: list[Any] = []
    if sort in keys:
        key = keys[sort]
        # Empty places and areas last either way: a blank first row looks like an error.
        order.append(key.desc().nulls_last() if descending else key.asc().nulls_last())
    first_desc = descending if sort == "occurred_at" else True
    order.append(Incident.occurred_at.desc() if first_desc else Incident.occurred_at.asc())
    order.append(Incident.id.desc() if first_desc else Incident.id.asc())
    return order


class IncidentService:
    def __init__(self, db: Db) -> None:
        self.db = db

    def _clean(self, s: Session, values: Mapping[str, Any]) -> dict[str, Any]:
        unknown = set(values) - set(INCIDENT_FIELDS)
        if unknown:
            raise ValidationError([FieldError(f, _("okänt fält")) for f in sorted(unknown)])
        c, L = Checker(), INCIDENT_FIELDS
        out: dict[str, Any] = {
            "occurred_at": c.datetime("occurred_at", L["occurred_at"], values.get("occurred_at"),
                                      required=True),
            "type": c.enum("type", L["type"], values.get("type"), IncidentType),
            "place": c.text("place", L["place"], values.get("place")),
            "area": c.text("area", L["area"], values.get("area"), max_len=100),
            "gmi": c.enum("gmi", L["gmi"], values.get("gmi") or Gmi.UNKNOWN, Gmi),
            "injured": c.integer("injured", L["injured"], values.get("injured") or 0, minimum=0,
                                 maximum=1000),
            "killed": c.integer("killed", L["killed"], values.get("killed") or 0, minimum=0,
                                maximum=1000),
            "description": c.text("description", L["description"], values.get("description"),
                                  max_len=20000),
        }
        # A day's slack for clock and time-zone differences; incidents are in the past.
        if out["occurred_at"] and out["occurred_at"] > datetime.now() + timedelta(days=1):
            c.fail("occurred_at", L["occurred_at"], _("ligger i framtiden"))
        groups = _pairs(c, "groups", L["groups"], values.get("groups"), GroupInvolvement,
                        GroupInvolvement.UNKNOWN)
        persons = _pairs(c, "persons", L["persons"], values.get("persons"), InvolvementRole,
                         InvolvementRole.OTHER)
        for gid, _role in groups:
            g = s.get(Group, gid)
            if g is None or g.deleted:
                c.fail("groups", L["groups"], _("gruppen finns inte"))
        for pid, _role in persons:
            p = s.get(Person, pid)
            if p is None or p.deleted:
                c.fail("persons", L["persons"], _("personen finns inte"))
        c.done()
        out["groups"], out["persons"] = groups, persons
        return out

    @staticmethod
    def _load(s: Session, incident_id: str) -> Incident:
        return load_live(s, Incident, incident_id, _("Händelsen finns inte (eller är borttagen)."))

    @staticmethod
    def _set_involvement(s: Session, inc: Incident, groups: list[tuple[str, Any]],
                         persons: list[tuple[str, Any]]) -> None:
        _sync_links(s, IncidentGroup, inc.id, "group_id", "involvement", groups)
        _sync_links(s, IncidentPerson, inc.id, "person_id", "role", persons)

    def _dto(self, s: Session, inc: Incident) -> IncidentDTO:
        groups = tuple(InvolvedGroup(g.id, g.name, ig.involvement) for ig, g in s.execute(
            select(IncidentGroup, Group).join(Group, Group.id == IncidentGroup.group_id)
            .where(IncidentGroup.incident_id == inc.id, IncidentGroup.deleted.is_(False),
                   Group.deleted.is_(False))
            .order_by(Group.sort_name)).all())
        persons = tuple(InvolvedPerson(p.id, f"{p.first_name} {p.last_name}", ip.role)
                        for ip, p in s.execute(
            select(IncidentPerson, Person).join(Person, Person.id == IncidentPerson.person_id)
            .where(IncidentPerson.incident_id == inc.id, IncidentPerson.deleted.is_(False),
                   Person.deleted.is_(False))  # a deleted person is hidden everywhere
            .order_by(Person.sort_name)).all())
        return IncidentDTO(inc.id, inc.occurred_at, inc.type, inc.place, inc.area, inc.gmi,
                           inc.injured, inc.killed, inc.description, groups, persons)

    def create(self, values: Mapping[str, Any]) -> IncidentDTO:
        with self.db.write() as s:
            cleaned = self._clean(s, values)
            groups, persons = cleaned.pop("groups"), cleaned.pop("persons")
            inc = Incident(**cleaned)
            s.add(inc)
            s.flush()
            self._set_involvement(s, inc, groups, persons)
            s.flush()
            audit.record(s, Action.CREATE, "incident", inc.id,
                         detail={"groups": len(groups), "persons": len(persons)})
            return self._dto(s, inc)

    def update(self, incident_id: str, changes: Mapping[str, Any]) -> IncidentDTO:
        with self.db.write() as s:
            inc = self._load(s, incident_id)
            current = self._dto(s, inc)
            base: dict[str, Any] = {f: getattr(inc, f) for f in INCIDENT_FIELDS
                                    if f not in ("groups", "persons")}
            base["groups"] = [(g.group_id, g.involvement) for g in current.groups]
            base["persons"] = [(p.person_id, p.role) for p in current.persons]
            cleaned = self._clean(s, {**base, **changes})
            groups, persons = cleaned.pop("groups"), cleaned.pop("persons")
            involvement = [f for f in ("groups", "persons") if f in changes]
            if involvement:
                self._set_involvement(s, inc, groups, persons)
            update_row(s, inc, "incident", cleaned, also_changed=involvement)
            return self._dto(s, inc)

    def delete(self, incident_id: str) -> None:
        with self.db.write() as s:
            tombstone(s, self._load(s, incident_id), "incident")

    def get(self, incident_id: str) -> IncidentDTO:
        with self.db.write() as s:
            inc = self._load(s, incident_id)
            audit.record(s, Action.READ, "incident", inc.id)
            return self._dto(s, inc)

    def _filtered(self, stmt: Any, type: IncidentType | str | None, since: datetime | None,
                  until: datetime | None, group_id: str | None, person_id: str | None,
                  gmi: Gmi | str | None, text: str = "") -> Any:
        stmt = stmt.where(Incident.deleted.is_(False))
        for word in text.split():
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            folded = _fold(literal(f"%{escaped}%"))
            stmt = stmt.where(or_(_fold(Incident.place).like(folded, escape="\\"),
                                  _fold(Incident.area).like(folded, escape="\\")))
        if type:
            stmt = stmt.where(Incident.type == IncidentType(type))
        if since:
            stmt = stmt.where(Incident.occurred_at >= since)
        if until:
            stmt = stmt.where(Incident.occurred_at < until)
        if gmi:
            stmt = stmt.where(Incident.gmi == Gmi(gmi))
        if group_id:
            stmt = stmt.where(Incident.id.in_(select(IncidentGroup.incident_id).where(
                IncidentGroup.group_id == group_id, IncidentGroup.deleted.is_(False))))
        if person_id:
            stmt = stmt.where(Incident.id.in_(select(IncidentPerson.incident_id).where(
                IncidentPerson.person_id == person_id, IncidentPerson.deleted.is_(False))))
        return stmt

    def search(self, *, type: IncidentType | str | None = None, since: datetime | None = None,
               until: datetime | None = None, group_id: str | None = None,
               person_id: str | None = None, gmi: Gmi | str | None = None, text: str = "",
               sort: str = "occurred_at", descending: bool = True, limit: int = 200,
               offset: int = 0, log: bool = False) -> list[IncidentDTO]:
        """One page, newest first unless ``sort`` (one of ``SORT_KEYS``) says otherwise.
        ``text`` matches place or area, every word. Involved groups are included; involved
        people only via ``get``.

        ``log`` writes one audit event for the listing: callers that fetch page after page of
        one view (the register's lazy table) call ``log_listing`` once instead.
        """
        order = _order(sort, descending)
        stmt = self._filtered(select(Incident), type, since, until, group_id, person_id, gmi,
                              text)
        stmt = stmt.order_by(*order).limit(limit).offset(offset)
        with self.db.read() as s:
            out = []
            for inc in s.execute(stmt).scalars().all():
                dto = self._dto(s, inc)
                out.append(IncidentDTO(dto.id, dto.occurred_at, dto.type, dto.place, dto.area,
                                       dto.gmi, dto.injured, dto.killed, dto.description,
                                       dto.groups, ()))
        if log:
            self.log_listing(len(out))
        return out

    def count(self, *, type: IncidentType | str | None = None, since: datetime | None = None,
              until: datetime | None = None, group_id: str | None = None,
              person_id: str | None = None, gmi: Gmi | str | None = None,
              text: str = "") -> int:
        stmt = self._filtered(select(func.count(Incident.id)), type, since, until, group_id,
                              person_id, gmi, text)
        with self.db.read() as s:
            return int(s.execute(stmt).scalar_one())

    def log_listing(self, shown: int, purpose: str | None = None) -> None:
        """One audit event for one consultation of the register (a count, no content)."""
        with self.db.write() as s:
            audit.record(s, Action.READ, "incident_list", None, purpose=purpose,
                         detail={"rows": shown})

    def set_involvement_role(self, incident_id: str, kind: str, other_id: str,
                             role: InvolvementRole | GroupInvolvement | str) -> IncidentDTO:
        """Change how one involved person (``kind`` "person": victim, suspect …) or group
        ("group": perpetrator or victim side) took part, keeping the link row: the change
        merges with other vaults as an edit rather than as a removal and a new link."""
        if kind not in INVOLVED_KINDS:
            raise ValidationError([FieldError("kind", _("okänt slag av inblandning"))])
        field = "persons" if kind == "person" else "groups"
        model: type[IncidentPerson] | type[IncidentGroup]
        other: type[Person] | type[Group]
        enum_cls: type[InvolvementRole] | type[GroupInvolvement]
        if kind == "person":
            model, key, role_field, enum_cls, other = (
                IncidentPerson, IncidentPerson.person_id, "role", InvolvementRole, Person)
        else:
            model, key, role_field, enum_cls, other = (
                IncidentGroup, IncidentGroup.group_id, "involvement", GroupInvolvement, Group)
        c = Checker()
        label = _("roll") if kind == "person" else _("inblandning")
        checked = c.enum("role", label, role, enum_cls)
        c.done()
        with self.db.write() as s:
            inc = self._load(s, incident_id)
            link = s.execute(select(model).where(
                model.incident_id == inc.id, key == other_id,
                model.deleted.is_(False))).scalar_one_or_none()
            alive = s.execute(select(other.id).where(
                other.id == other_id, other.deleted.is_(False))).first()
            if link is None or alive is None:  # a deleted person or group is hidden everywhere
                raise NotFound(_("Personen är inte inblandad i händelsen.") if kind == "person"
                               else _("Gruppen är inte inblandad i händelsen."))
            if getattr(link, role_field) != checked:
                setattr(link, role_field, checked)
                s.flush()
                audit.record(s, Action.UPDATE, "incident", inc.id, detail={"fields": [field]})
            return self._dto(s, inc)
