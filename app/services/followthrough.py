"""Follow-through (ökat fokus): a round of coordinated action against a group that used
violence — which incidents triggered it, which levers (traffic checks, probation conditions,
seizures, tax checks…) and agencies, when it started and ended and why, and how and when the
group was told that this was the answer to its violence (often at the next call-in).

A round is ``EnforcementAction`` with one ``EnforcementIncident`` row per triggering incident.
Replacing the incidents tombstones the links that go and revives the ones that come back, in
the same transaction as the round's other changes, so a merge sees the removal. Writes and
``get`` are audited with ids and field names only.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.errors import FieldError, ValidationError
from app.i18n import Labels, _
from app.models import EnforcementAction, EnforcementIncident, Group, Incident
from app.models.enums import IncidentType, Lever
from app.services import audit
from app.services.audit import Action
from app.services.db import Db
from app.services.records import load_live, tombstone, update_row
from app.services.timeline_words import incident_word
from app.services.validate import Checker

__all__ = ["FOLLOW_THROUGH_FIELDS", "FollowThroughDTO", "FollowThroughService",
           "TriggeringIncident", "clean_round"]

ENTITY = "enforcement_action"

# Field name → what users read. Also the set of fields a caller may set.
FOLLOW_THROUGH_FIELDS: Mapping[str, str] = Labels({
    "group_id": _("grupp"),
    "incident_ids": _("utlösande händelser"),
    "levers": _("åtgärder"),
    "agencies": _("myndigheter"),
    "started_on": _("startade"),
    "ended_on": _("avslutades"),
    "end_reason": _("anledning till avslut"),
    "communicated_how": _("hur gruppen fick veta"),
    "communicated_on": _("återkopplat den"),
    "notes": _("anteckningar"),
})


@dataclass(frozen=True)
class TriggeringIncident:
    incident_id: str
    occurred_at: datetime
    type: IncidentType
    place: str | None

    @property
    def label(self) -> str:
        """"2026-03-02 Skjutning, Torget": how a list of triggering incidents shows one."""
        what = incident_word(self.type)
        if self.place:
            what = f"{what}, {self.place}"
        return f"{self.occurred_at.date().isoformat()} {what}"


@dataclass(frozen=True)
class FollowThroughDTO:
    id: str
    group_id: str
    group_name: str
    levers: tuple[Lever, ...]  # in the order of ``Lever``
    agencies: tuple[str, ...]
    started_on: date | None  # always set for a round recorded here
    ended_on: date | None
    end_reason: str | None
    communicated_how: str | None
    communicated_on: date | None
    notes: str | None
    incidents: tuple[TriggeringIncident, ...]  # oldest first; deleted incidents left out
    created_at: datetime
    updated_at: datetime

    @property
    def incident_ids(self) -> tuple[str, ...]:
        return tuple(i.incident_id for i in self.incidents)

    @property
    def ended(self) -> bool:
        return self.ended_on is not None

    def is_active(self, on: date | None = None) -> bool:
        day = on or date.today()
        return (self.started_on is not None and self.started_on <= day
                and (self.ended_on is None or self.ended_on >= day))


def _unknown(values: Mapping[str, Any]) -> None:
    unknown = set(values) - set(FOLLOW_THROUGH_FIELDS)
    if unknown:
        raise ValidationError([FieldError(f, _("okänt fält")) for f in sorted(unknown)])


def _items(value: Any) -> list[Any]:
    """A list from a list, a tuple or one value (a form may send a single choice)."""
    if value is None or value == "":
        return []
    if isinstance(value, str) or not isinstance(value, Iterable):
        return [value]
    return list(value)


def _agencies(value: Any) -> Any:
    """A text stays text (``Checker.names`` splits it at ; and ,); anything else a list."""
    return value if isinstance(value, str) else _items(value)


def _clean_levers(c: Checker, value: Any) -> list[str]:
    label = FOLLOW_THROUGH_FIELDS["levers"]
    before = len(c.errors)
    chosen = {lever for item in _items(value)
              if (lever := c.enum("levers", label, item, Lever)) is not None}
    if not chosen and len(c.errors) == before:
        c.fail("levers", label, _("välj minst en åtgärd"))
    return [lv.value for lv in Lever if lv in chosen]


def _clean_incident_ids(s: Session, c: Checker, value: Any) -> list[str]:
    label = FOLLOW_THROUGH_FIELDS["incident_ids"]
    ids: list[str] = []
    for item in _items(value):
        if not isinstance(item, str) or not item.strip():
            c.fail("incident_ids", label, _("ogiltig uppgift"))
        elif item.strip() not in ids:
            ids.append(item.strip())
    if ids:
        live = set(s.execute(select(Incident.id).where(
            Incident.id.in_(ids), Incident.deleted.is_(False))).scalars())
        if set(ids) - live:
            c.fail("incident_ids", label, _("händelsen finns inte (eller är borttagen)"))
    return ids


def clean_round(s: Session, values: Mapping[str, Any],
                today: date | None = None) -> dict[str, Any]:
    """Validate a full set of round fields against the register; raises ValidationError
    naming every bad field. ``incident_ids`` comes back as a list of ids to link."""
    _unknown(values)
    c, L = Checker(), FOLLOW_THROUGH_FIELDS
    out: dict[str, Any] = {
        "group_id": c.text("group_id", L["group_id"], values.get("group_id"), required=True,
                           max_len=36),
        "incident_ids": _clean_incident_ids(s, c, values.get("incident_ids")),
        "levers": _clean_levers(c, values.get("levers")),
        "agencies": c.names("agencies", L["agencies"], _agencies(values.get("agencies")),
                            max_len=100),
        "started_on": c.date("started_on", L["started_on"], values.get("started_on"),
                             required=True),
        "ended_on": c.date("ended_on", L["ended_on"], values.get("ended_on")),
        "end_reason": c.text("end_reason", L["end_reason"], values.get("end_reason"),
                             max_len=2000),
        "communicated_how": c.text("communicated_how", L["communicated_how"],
                                   values.get("communicated_how"), max_len=2000),
        "communicated_on": c.date("communicated_on", L["communicated_on"],
                                  values.get("communicated_on")),
        "notes": c.text("notes", L["notes"], values.get("notes"), max_len=20000),
    }
    if out["group_id"]:
        group = s.get(Group, out["group_id"])
        if group is None or group.deleted:
            c.fail("group_id", L["group_id"], _("gruppen finns inte (eller är borttagen)"))
    started, ended = out["started_on"], out["ended_on"]
    day = today or date.today()
    c.date_order("ended_on", L["ended_on"], started, ended)
    if ended and ended > day:
        c.fail("ended_on", L["ended_on"], _("ligger i framtiden"))
    if ended and not out["end_reason"]:
        c.fail("end_reason", L["end_reason"], _("måste fyllas i när omgången har avslutats"))
    if out["end_reason"] and not ended:
        c.fail("end_reason", L["end_reason"], _("anges bara när omgången har avslutats"))
    told = out["communicated_on"]
    c.date_order("communicated_on", L["communicated_on"], started, told)
    if told and told > day:
        c.fail("communicated_on", L["communicated_on"], _("ligger i framtiden"))
    c.done()
    return out


class FollowThroughService:
    def __init__(self, db: Db) -> None:
        self.db = db

    @staticmethod
    def _load(s: Session, action_id: str) -> EnforcementAction:
        return load_live(s, EnforcementAction, action_id,
                         _("Omgången med ökat fokus finns inte (eller är borttagen)."))

    @staticmethod
    def _incidents(s: Session, action_ids: builtins.list[str],
                   ) -> dict[str, tuple[TriggeringIncident, ...]]:
        """Live triggering incidents per round, oldest first, in one query."""
        out: dict[str, builtins.list[TriggeringIncident]] = {a: [] for a in action_ids}
        if not action_ids:
            return {}
        for aid, iid, at, kind, place in s.execute(
                select(EnforcementIncident.action_id, Incident.id, Incident.occurred_at,
                       Incident.type, Incident.place)
                .join(Incident, Incident.id == EnforcementIncident.incident_id)
                .where(EnforcementIncident.action_id.in_(action_ids),
                       EnforcementIncident.deleted.is_(False), Incident.deleted.is_(False))
                .order_by(Incident.occurred_at, Incident.id)).all():
            out[aid].append(TriggeringIncident(iid, at, kind, place))
        return {k: tuple(v) for k, v in out.items()}

    @staticmethod
    def _dto(row: EnforcementAction, group_name: str,
             incidents: tuple[TriggeringIncident, ...]) -> FollowThroughDTO:
        known = {lv.value for lv in Lever}
        return FollowThroughDTO(
            id=row.id, group_id=row.group_id, group_name=group_name,
            levers=tuple(Lever(v) for v in row.levers or () if v in known),
            agencies=tuple(str(a) for a in row.agencies or ()),
            started_on=row.started_on, ended_on=row.ended_on, end_reason=row.end_reason,
            communicated_how=row.communicated_how, communicated_on=row.communicated_on,
            notes=row.notes, incidents=incidents, created_at=row.created_at,
            updated_at=row.updated_at)

    def _one(self, s: Session, row: EnforcementAction) -> FollowThroughDTO:
        group = s.get(Group, row.group_id)
        return self._dto(row, group.name if group else "", self._incidents(s, [row.id])[row.id])

    @staticmethod
    def _sync_incidents(s: Session, action_id: str, wanted: builtins.list[str]) -> bool:
        """Tombstone removed links and revive re-added ones (no duplicate row appears when
        merging). True if anything changed."""
        rows = {r.incident_id: r for r in s.execute(select(EnforcementIncident).where(
            EnforcementIncident.action_id == action_id)).scalars()}
        changed = False
        for iid, row in rows.items():
            if iid not in wanted and not row.deleted:
                row.deleted, changed = True, True
        for iid in wanted:
            found = rows.get(iid)
            if found is None:
                s.add(EnforcementIncident(action_id=action_id, incident_id=iid))
                changed = True
            elif found.deleted:
                found.deleted, changed = False, True
        s.flush()
        return changed

    @staticmethod
    def _current(row: EnforcementAction, s: Session) -> dict[str, Any]:
        values: dict[str, Any] = {f: getattr(row, f) for f in FOLLOW_THROUGH_FIELDS
                                  if f != "incident_ids"}
        values["incident_ids"] = list(s.execute(
            select(EnforcementIncident.incident_id)
            .join(Incident, Incident.id == EnforcementIncident.incident_id)
            .where(EnforcementIncident.action_id == row.id,
                   EnforcementIncident.deleted.is_(False), Incident.deleted.is_(False))
        ).scalars())
        return values

    # ---- writes ------------------------------------------------------------------------
    def create(self, values: Mapping[str, Any], *,
               purpose: str | None = None) -> FollowThroughDTO:
        """Start a round against a live group. Required: ``group_id``, ``started_on`` and at
        least one lever; ``incident_ids`` are the triggering incidents (each must exist)."""
        with self.db.write() as s:
            cleaned = clean_round(s, values)
            incident_ids = cleaned.pop("incident_ids")
            row = EnforcementAction(**cleaned)
            s.add(row)
            s.flush()
            self._sync_incidents(s, row.id, incident_ids)
            audit.record(s, Action.CREATE, ENTITY, row.id, purpose=purpose,
                         detail={"group_id": row.group_id, "incidents": len(incident_ids)})
            return self._one(s, row)

    def update(self, action_id: str, changes: Mapping[str, Any], *,
               purpose: str | None = None) -> FollowThroughDTO:
        """Change some fields; the rest keep their values. ``incident_ids``, when given,
        replaces the whole list of triggering incidents in the same transaction."""
        _unknown(changes)
        with self.db.write() as s:
            row = self._load(s, action_id)
            cleaned = clean_round(s, {**self._current(row, s), **changes})
            incident_ids = cleaned.pop("incident_ids")
            moved = self._sync_incidents(s, row.id, incident_ids)
            update_row(s, row, ENTITY, cleaned, purpose=purpose,
                       also_changed=["incident_ids"] if moved else [])
            return self._one(s, row)

    def end(self, action_id: str, on: date | None, reason: str | None, *,
            purpose: str | None = None) -> FollowThroughDTO:
        """End a running round on ``on`` (not before its start, not in the future) for
        ``reason`` (required). An ended round is changed with ``update``."""
        with self.db.write() as s:
            row = self._load(s, action_id)
            if row.ended_on is not None:
                raise ValidationError(FieldError(
                    "ended_on", _("omgången är redan avslutad"),
                    FOLLOW_THROUGH_FIELDS["ended_on"]))
            if on is None:
                raise ValidationError(FieldError(
                    "ended_on", _("måste fyllas i"), FOLLOW_THROUGH_FIELDS["ended_on"]))
            cleaned = clean_round(s, {**self._current(row, s), "ended_on": on,
                                      "end_reason": reason})
            cleaned.pop("incident_ids")
            update_row(s, row, ENTITY, cleaned, purpose=purpose)
            return self._one(s, row)

    def delete(self, action_id: str, *, purpose: str | None = None) -> None:
        """Soft delete the round with its incident links, in one transaction."""
        with self.db.write() as s:
            row = self._load(s, action_id)
            links = s.execute(select(EnforcementIncident).where(
                EnforcementIncident.action_id == row.id,
                EnforcementIncident.deleted.is_(False))).scalars().all()
            for link in links:
                link.deleted = True
            tombstone(s, row, ENTITY, purpose=purpose)

    # ---- reads -------------------------------------------------------------------------
    def get(self, action_id: str, *, purpose: str | None = None) -> FollowThroughDTO:
        """One round with its triggering incidents; the consultation is logged."""
        with self.db.write() as s:
            row = self._load(s, action_id)
            audit.record(s, Action.READ, ENTITY, row.id, purpose=purpose)
            return self._one(s, row)

    # Last in the class: from here on ``list`` names this method, not the builtin.
    def list(self, group_id: str | None = None, active_on: date | None = None, *,
             since: date | None = None, until: date | None = None, limit: int = 500,
             offset: int = 0) -> builtins.list[FollowThroughDTO]:
        """Rounds of live groups, newest start first. ``active_on`` keeps the rounds running
        on that day; ``since``/``until`` (inclusive days) keep the rounds that ran at some
        time in the period. Group-level records without people, so nothing is logged (as
        the group register's search)."""
        stmt = (select(EnforcementAction, Group.name)
                .join(Group, Group.id == EnforcementAction.group_id)
                .where(EnforcementAction.deleted.is_(False), Group.deleted.is_(False)))
        if group_id:
            stmt = stmt.where(EnforcementAction.group_id == group_id)
        if active_on:
            stmt = stmt.where(EnforcementAction.started_on <= active_on,
                              or_(EnforcementAction.ended_on.is_(None),
                                  EnforcementAction.ended_on >= active_on))
        if until:
            stmt = stmt.where(EnforcementAction.started_on <= until)
        if since:
            stmt = stmt.where(or_(EnforcementAction.ended_on.is_(None),
                                  EnforcementAction.ended_on >= since))
        stmt = (stmt.order_by(EnforcementAction.started_on.desc().nulls_last(),
                              EnforcementAction.created_at.desc(), EnforcementAction.id)
                .limit(limit).offset(offset))
        with self.db.read() as s:
            rows = s.execute(stmt).all()
            incidents = self._incidents(s, [r.id for r, _name in rows])
            return [self._dto(r, name, incidents[r.id]) for r, name in rows]
