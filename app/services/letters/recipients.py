"""Who gets a letter, and the little the letter needs to know about them.

Read straight from the models: a call-in's invitees by status, a notification's persons, one
person. Only names and current groups are loaded — never the personnummer, the address or
anything else a letter has no use for.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import (
    CallIn,
    CallInGroup,
    CallInInvitee,
    Group,
    Membership,
    Notification,
    NotificationPerson,
    Person,
)
from app.models.enums import InviteeStatus
from app.services.records import load_live

# Everyone who was actually invited, whatever came of it.
INVITED = (InviteeStatus.INVITED, InviteeStatus.ATTENDED, InviteeStatus.NO_SHOW,
           InviteeStatus.EXCUSED)


@dataclass(frozen=True)
class Recipient:
    person_id: str
    first_name: str
    last_name: str
    groups: tuple[str, ...]  # current groups, the call-in's own first

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def load_callin(s: Session, call_in_id: str) -> CallIn:
    return load_live(s, CallIn, call_in_id, _("Forumet finns inte (eller är borttaget)."))


def load_notification(s: Session, notification_id: str) -> Notification:
    return load_live(s, Notification, notification_id,
                     _("Det riktade samtalet finns inte (eller är borttaget)."))


def callin_recipients(s: Session, call_in_id: str, *, invitees: bool) -> list[Recipient]:
    """The attendees, or with ``invitees`` everyone invited (invited, attended, no-show,
    excused), in Swedish name order."""
    statuses = INVITED if invitees else (InviteeStatus.ATTENDED,)
    ids = s.execute(select(CallInInvitee.person_id).where(
        CallInInvitee.callin_id == call_in_id, CallInInvitee.deleted.is_(False),
        CallInInvitee.status.in_(statuses))).scalars().all()
    groups = s.execute(select(CallInGroup.group_id).where(
        CallInGroup.callin_id == call_in_id, CallInGroup.deleted.is_(False))).scalars().all()
    return _people(s, ids, set(groups))


def notification_recipients(s: Session, notification_id: str) -> list[Recipient]:
    ids = s.execute(select(NotificationPerson.person_id).where(
        NotificationPerson.notification_id == notification_id,
        NotificationPerson.deleted.is_(False))).scalars().all()
    return _people(s, ids, set())


def person_recipient(s: Session, person_id: str) -> Recipient:
    load_live(s, Person, person_id, _("Personen finns inte (eller är borttagen)."))
    return _people(s, [person_id], set())[0]


def _people(s: Session, ids: Iterable[str], preferred_groups: set[str]) -> list[Recipient]:
    wanted = sorted(set(ids))
    if not wanted:
        return []
    rows = s.execute(
        select(Person.id, Person.first_name, Person.last_name)
        .where(Person.id.in_(wanted), Person.deleted.is_(False))
        .order_by(Person.sort_name, Person.id)).all()
    groups = _current_groups(s, wanted, preferred_groups)
    return [Recipient(pid, first, last, groups.get(pid, ())) for pid, first, last in rows]


def _current_groups(s: Session, person_ids: list[str],
                    preferred: set[str]) -> dict[str, tuple[str, ...]]:
    today = date.today()
    rows = s.execute(
        select(Membership.person_id, Group.id, Group.name)
        .join(Group, Group.id == Membership.group_id)
        .where(Membership.person_id.in_(person_ids), Membership.deleted.is_(False),
               Group.deleted.is_(False),
               or_(Membership.valid_from.is_(None), Membership.valid_from <= today),
               or_(Membership.valid_to.is_(None), Membership.valid_to >= today))
        .order_by(Group.sort_name)).all()
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for pid, gid, name in rows:
        if (gid, name) not in found[pid]:
            found[pid].append((gid, name))
    out: dict[str, tuple[str, ...]] = {}
    for pid, pairs in found.items():
        # A call-in addresses certain groups: name those, unless the person is in none of them.
        chosen = [n for g, n in pairs if g in preferred] or [n for _g, n in pairs]
        out[pid] = tuple(chosen)
    return out
