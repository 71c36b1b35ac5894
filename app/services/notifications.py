"""Notifications: custom notifications (riktade samtal) recorded by staff, and the call-in
invitations the call-in service records, listed together; and the doses they add up to
(what counts, and why: ``doses.py``) per person, per group and for a period.

A custom notification is ``Notification(kind=custom)`` with one ``NotificationPerson`` row per
person who received it. Invitations (``kind=callin_invitation``) are created, changed and
withdrawn by the call-in service, so ``update`` and ``delete`` here refuse them; ``get`` and
``list`` show both kinds. Every write and every consultation is audited with ids, counts and
field names only.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import column, or_, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session, aliased

from app.errors import FieldError, ValidationError
from app.i18n import _
from app.models import CallIn, Group, Notification, NotificationPerson, Person
from app.models.enums import MessagePart, NotificationKind, NotificationSetting, NotificationTrigger
from app.services import audit
from app.services.audit import Action
from app.services.db import Db
from app.services.doses import Doses, count_doses, live, member_on, members_ever
from app.services.notification_fields import (
    NOTIFICATION_FIELDS,
    TeamMember,
    TeamRole,
    clean_notification,
    stored_parts,
    stored_team,
)
from app.services.records import load_live, tombstone, update_row
from app.services.search import fts_query

__all__ = ["NOTIFICATION_FIELDS", "Doses", "NotificationDTO", "NotificationService",
           "NotificationSummary", "NotifiedPerson", "TeamMember", "TeamRole",
           "clean_notification"]

ENTITY = "notification"


@dataclass(frozen=True)
class NotifiedPerson:
    person_id: str
    name: str


@dataclass(frozen=True)
class NotificationDTO:
    id: str
    kind: NotificationKind
    delivered_at: datetime | None
    trigger: NotificationTrigger
    trigger_incident_id: str | None
    callin_id: str | None
    setting: NotificationSetting | None
    team: tuple[TeamMember, ...]
    message_parts: tuple[MessagePart, ...]
    legal_assessment: str | None
    help_offered: str | None
    reaction: str | None
    next_step: str | None
    persons: tuple[NotifiedPerson, ...]  # in Swedish name order; deleted people left out
    created_at: datetime
    updated_at: datetime

    @property
    def person_ids(self) -> tuple[str, ...]:
        return tuple(p.person_id for p in self.persons)


@dataclass(frozen=True)
class NotificationSummary:
    id: str
    kind: NotificationKind
    delivered_at: datetime | None
    trigger: NotificationTrigger
    setting: NotificationSetting | None
    callin_id: str | None
    callin_title: str | None
    message_parts: tuple[MessagePart, ...]
    persons: tuple[NotifiedPerson, ...]
    team: tuple[TeamMember, ...] = ()  # who delivered it (a custom notification's team)


def _day_start(value: date | datetime) -> datetime:
    return value if isinstance(value, datetime) else datetime.combine(value, time.min)


def _people_matching(query: str) -> Any:
    """Ids of people whose names (or aliases) match an FTS query, from the people index."""
    return sql_text("SELECT person_id FROM person_fts WHERE person_fts MATCH :q").bindparams(
        q=query).columns(column("person_id"))


class NotificationService:
    def __init__(self, db: Db) -> None:
        self.db = db

    @staticmethod
    def _load(s: Session, notification_id: str) -> Notification:
        return load_live(s, Notification, notification_id,
                         _("Samtalet finns inte (eller är borttaget)."))

    @classmethod
    def _load_custom(cls, s: Session, notification_id: str) -> Notification:
        row = cls._load(s, notification_id)
        if row.kind is not NotificationKind.CUSTOM:
            raise ValidationError(FieldError(
                "kind", _("en kallelse ändras eller tas bort på sin call-in"), _("slag")))
        return row

    @staticmethod
    def _persons(s: Session, ids: list[str]) -> dict[str, tuple[NotifiedPerson, ...]]:
        """Live people per notification, in Swedish name order, in one query."""
        out: dict[str, list[NotifiedPerson]] = {i: [] for i in ids}
        if not ids:
            return {}
        rows = s.execute(
            select(NotificationPerson.notification_id, Person.id, Person.first_name,
                   Person.last_name)
            .join(Person, Person.id == NotificationPerson.person_id)
            .where(NotificationPerson.notification_id.in_(ids),
                   NotificationPerson.deleted.is_(False), Person.deleted.is_(False))
            .order_by(Person.sort_name, Person.id)).all()
        for nid, pid, first, last in rows:
            out[nid].append(NotifiedPerson(pid, f"{first} {last}"))
        return {k: tuple(v) for k, v in out.items()}

    def _dto(self, s: Session, n: Notification) -> NotificationDTO:
        return NotificationDTO(
            id=n.id, kind=n.kind, delivered_at=n.delivered_at, trigger=n.trigger,
            trigger_incident_id=n.trigger_incident_id, callin_id=n.callin_id, setting=n.setting,
            team=stored_team(n.team), message_parts=stored_parts(n.message_parts),
            legal_assessment=n.legal_assessment, help_offered=n.help_offered,
            reaction=n.reaction, next_step=n.next_step,
            persons=self._persons(s, [n.id])[n.id], created_at=n.created_at,
            updated_at=n.updated_at)

    @staticmethod
    def _sync_persons(s: Session, notification_id: str, wanted: list[str]) -> bool:
        """Tombstone removed people and revive re-added ones (a merge sees the removal and
        no duplicate row appears). True if anything changed."""
        rows = {r.person_id: r for r in s.execute(select(NotificationPerson).where(
            NotificationPerson.notification_id == notification_id)).scalars()}
        changed = False
        for pid, row in rows.items():
            if pid not in wanted and not row.deleted:
                row.deleted, changed = True, True
        for pid in wanted:
            found = rows.get(pid)
            if found is None:
                s.add(NotificationPerson(notification_id=notification_id, person_id=pid))
                changed = True
            elif found.deleted:
                found.deleted, changed = False, True
        return changed

    # ---- writes ------------------------------------------------------------------------
    def create(self, values: Mapping[str, Any], *, purpose: str | None = None) -> NotificationDTO:
        """Record a custom notification delivered to one or more people."""
        with self.db.write() as s:
            cleaned = clean_notification(s, values)
            person_ids = cleaned.pop("person_ids")
            row = Notification(kind=NotificationKind.CUSTOM, **cleaned)
            s.add(row)
            s.flush()
            self._sync_persons(s, row.id, person_ids)
            s.flush()
            audit.record(s, Action.CREATE, ENTITY, row.id, purpose=purpose,
                         detail={"kind": row.kind.value, "persons": len(person_ids)})
            return self._dto(s, row)

    def update(self, notification_id: str, changes: Mapping[str, Any], *,
               purpose: str | None = None) -> NotificationDTO:
        """Change some fields of a custom notification; the rest keep their values."""
        with self.db.write() as s:
            row = self._load_custom(s, notification_id)
            current = self._dto(s, row)
            base: dict[str, Any] = {f: getattr(row, f) for f in NOTIFICATION_FIELDS
                                    if f != "person_ids"}
            base["person_ids"] = list(current.person_ids)
            cleaned = clean_notification(s, {**base, **changes})
            person_ids = cleaned.pop("person_ids")
            moved = self._sync_persons(s, row.id, person_ids)
            update_row(s, row, ENTITY, cleaned, purpose=purpose,
                       also_changed=["person_ids"] if moved else [])
            return self._dto(s, row)

    def delete(self, notification_id: str, *, purpose: str | None = None) -> None:
        """Soft delete: the notification stops counting as a dose and leaves the timelines."""
        with self.db.write() as s:
            tombstone(s, self._load_custom(s, notification_id), ENTITY, purpose=purpose)

    # ---- reads -------------------------------------------------------------------------
    def get(self, notification_id: str, *, purpose: str | None = None) -> NotificationDTO:
        """One notification of either kind, with its people; the consultation is logged."""
        with self.db.write() as s:
            row = self._load(s, notification_id)
            audit.record(s, Action.READ, ENTITY, row.id, purpose=purpose)
            return self._dto(s, row)

    def list(self, person_id: str | None = None, group_id: str | None = None,
             kind: NotificationKind | str | None = None, since: date | datetime | None = None,
             until: date | datetime | None = None, *, search: str | None = None,
             limit: int = 500, offset: int = 0, log: bool = True) -> list[NotificationSummary]:
        """Notifications of both kinds, newest first. ``since`` and ``until`` are inclusive
        days (a datetime ``until`` is exclusive); ``group_id`` keeps the ones delivered to a
        person who was a member of the group on the day; ``search`` keeps the ones delivered
        to a person whose name matches every typed word (the people's name index) or
        summoning to a call-in whose title holds every word. The listing names people, so it
        is logged as one READ (``log``) with the number of rows."""
        stmt = select(Notification, CallIn.title).outerjoin(
            CallIn, CallIn.id == Notification.callin_id).where(Notification.deleted.is_(False))
        if kind:
            stmt = stmt.where(Notification.kind == NotificationKind(kind))
        if since:
            stmt = stmt.where(Notification.delivered_at >= _day_start(since))
        if until:
            end = until if isinstance(until, datetime) else _day_start(until + timedelta(days=1))
            stmt = stmt.where(Notification.delivered_at < end)
        if person_id or group_id:
            # The matching notifications' ids first, walking the person or membership index;
            # an EXISTS per notification would visit every delivery.
            n2 = aliased(Notification)
            ids = (select(NotificationPerson.notification_id)
                   .join(n2, n2.id == NotificationPerson.notification_id)
                   .where(live(NotificationPerson)))
            if person_id:
                ids = ids.where(NotificationPerson.person_id == person_id)
            if group_id:
                ids = ids.where(NotificationPerson.person_id.in_(members_ever(group_id)),
                                member_on(group_id, NotificationPerson.person_id,
                                          n2.delivered_at))
            stmt = stmt.where(Notification.id.in_(ids))
        with self.db.read() as s:
            if search and search.strip():
                stmt = stmt.where(self._matching(s, search))
            stmt = stmt.order_by(Notification.delivered_at.desc().nulls_last(),
                                 Notification.created_at.desc(), Notification.id)
            rows = s.execute(stmt.limit(limit).offset(offset)).all()
            persons = self._persons(s, [n.id for n, _title in rows])
            out = [NotificationSummary(n.id, n.kind, n.delivered_at, n.trigger, n.setting,
                                       n.callin_id, title, stored_parts(n.message_parts),
                                       persons[n.id], stored_team(n.team))
                   for n, title in rows]
        if log and out:
            with self.db.write() as s:
                audit.record(s, Action.READ, "notification_list", None,
                             detail={"rows": len(out)})
        return out

    @staticmethod
    def _matching(s: Session, search: str) -> Any:
        """The condition for ``list``'s ``search``: a named person matches, or the call-in's
        title does. Titles are folded in Python (SQLite's LIKE folds no å, ä, ö); there are
        tens of call-ins, not thousands."""
        words = search.casefold().split()
        callin_ids = [cid for cid, title in s.execute(
            select(CallIn.id, CallIn.title).where(CallIn.deleted.is_(False))).all()
            if all(w in (title or "").casefold() for w in words)]
        query = fts_query(search)
        # A deleted person may linger in the name index; the list never shows them.
        named = (select(NotificationPerson.notification_id)
                 .join(Person, Person.id == NotificationPerson.person_id)
                 .where(live(NotificationPerson), Person.deleted.is_(False),
                        Person.id.in_(_people_matching(query)))
                 if query else None)
        found = [Notification.callin_id.in_(callin_ids)]
        if named is not None:
            found.append(Notification.id.in_(named))
        return or_(*found)

    def live_people(self, person_ids: Sequence[str]) -> builtins.list[str]:
        """Those of ``person_ids`` who are still in the register (not deleted), in the
        given order; reads ids only, so nothing is logged."""
        if not person_ids:
            return []
        with self.db.read() as s:
            alive = set(s.execute(select(Person.id).where(
                Person.id.in_(person_ids), Person.deleted.is_(False))).scalars())
        return [pid for pid in person_ids if pid in alive]

    # ---- doses -------------------------------------------------------------------------
    def doses_for_person(self, person_id: str, *, since: date | None = None,
                         until: date | None = None) -> Doses:
        """The person's doses (see ``doses.py``), optionally between inclusive days."""
        with self.db.read() as s:
            load_live(s, Person, person_id, _("Personen finns inte (eller är borttagen)."))
            return count_doses(s, person_id=person_id, since=since, until=until)

    def doses_for_group(self, group_id: str, *, since: date | None = None,
                        until: date | None = None) -> Doses:
        """Doses delivered to people who were members of the group on the day."""
        with self.db.read() as s:
            load_live(s, Group, group_id, _("Gruppen finns inte (eller är borttagen)."))
            return count_doses(s, group_id=group_id, since=since, until=until)

    def dose_summary(self, since: date | None = None, until: date | None = None) -> Doses:
        """Everybody's doses between inclusive days: people reached, reached more than once,
        doses in all (the overview's process numbers)."""
        with self.db.read() as s:
            return count_doses(s, since=since, until=until)
