"""Doses: how often the message reached a person, counted in SQL.

What counts as a dose (DOMAIN.md, "Delivering the message"): the message itself delivered to
one person, face to face —

- each custom notification (riktat samtal) delivered to the person, and
- each call-in the person attended (invitee status ``attended``), dated at its start.

A call-in *invitation* is a notification too, but it summons the person rather than delivers
the message, and the call-in they then attend is already a dose: counting both would count one
call-in twice, and an invited no-show never heard the message. Invitations are therefore
reported beside the doses (``Doses.invitations``), never in ``total``.

A group's doses are those delivered to people who were members of the group on the day of
delivery (a membership without dates is current throughout). Tombstoned notifications,
invitees, call-ins, links and people never count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import case, exists, func, literal, literal_column, or_, select, union_all
from sqlalchemy.orm import Session

from app.models import CallIn, CallInInvitee, Membership, Notification, NotificationPerson, Person
from app.models.enums import InviteeStatus, NotificationKind

CUSTOM, CALLIN, INVITATION = "custom", "callin", "invitation"


@dataclass(frozen=True)
class Doses:
    custom: int  # custom notifications delivered
    callins_attended: int
    invitations: int  # call-in invitations delivered: shown beside the doses, not among them
    people: int  # distinct people with at least one dose
    repeat_people: int  # of whom more than one dose
    last_at: datetime | None  # the latest dose

    @property
    def total(self) -> int:
        return self.custom + self.callins_attended


def live(model: Any) -> Any:
    """``deleted`` is false, kept off the table's ``deleted`` index: almost every row matches
    it, yet without statistics SQLite prefers it to the id indexes and walks a whole table per
    row (a group's doses took minutes at 100,000 people; docs/benchmarks.md, "Search")."""
    return literal_column(f"+{model.__tablename__}.deleted").is_(False)


def members_ever(group_id: str) -> Any:
    """SQL: everyone with a membership row in the group (served by ix_membership_group);
    narrowing to these first keeps a group's counts from visiting every delivery."""
    return select(Membership.person_id).where(Membership.group_id == group_id)


def member_on(group_id: str, person_col: Any, at_col: Any) -> Any:
    """SQL: the person was a member of the group on the day of ``at_col`` (a datetime)."""
    day = func.date(at_col)
    return exists().where(
        Membership.person_id == person_col, Membership.group_id == group_id,
        live(Membership),
        or_(Membership.valid_from.is_(None), Membership.valid_from <= day),
        or_(Membership.valid_to.is_(None), Membership.valid_to >= day))


def window(since: date | None, until: date | None) -> tuple[datetime | None, datetime | None]:
    """Inclusive days as a half-open span of moments."""
    return (datetime.combine(since, time.min) if since else None,
            datetime.combine(until + timedelta(days=1), time.min) if until else None)


def _events(person_id: str | None, group_id: str | None, start: datetime | None,
            end: datetime | None) -> Any:
    """One row per delivery: (person_id, kind, at)."""
    live_person = NotificationPerson.person_id.not_in(
        select(Person.id).where(Person.deleted.is_(True)))
    notified = (
        select(NotificationPerson.person_id.label("person_id"),
               case((Notification.kind == NotificationKind.CUSTOM, literal(CUSTOM)),
                    else_=literal(INVITATION)).label("kind"),
               Notification.delivered_at.label("at"))
        .join(Notification, Notification.id == NotificationPerson.notification_id)
        .where(live(NotificationPerson), live(Notification),
               Notification.delivered_at.is_not(None), live_person))
    at = func.coalesce(CallIn.starts_at, CallInInvitee.updated_at)
    attended = (
        select(CallInInvitee.person_id.label("person_id"), literal(CALLIN).label("kind"),
               at.label("at"))
        .join(CallIn, CallIn.id == CallInInvitee.callin_id)
        .where(live(CallInInvitee), live(CallIn),
               CallInInvitee.status == InviteeStatus.ATTENDED,
               CallInInvitee.person_id.not_in(select(Person.id).where(Person.deleted.is_(True)))))
    branches = []
    for stmt, person_col, at_col in ((notified, NotificationPerson.person_id,
                                      Notification.delivered_at),
                                     (attended, CallInInvitee.person_id, at)):
        if person_id:
            stmt = stmt.where(person_col == person_id)
        if group_id:
            # Start from the group's members (ix_membership_group), then check the day.
            stmt = stmt.where(person_col.in_(members_ever(group_id)),
                              member_on(group_id, person_col, at_col))
        if start:
            stmt = stmt.where(at_col >= start)
        if end:
            stmt = stmt.where(at_col < end)
        branches.append(stmt)
    return union_all(*branches).subquery("dose_event")


def dose_events(start: datetime | None = None, end: datetime | None = None) -> Any:
    """Every delivery to anyone in ``[start, end)``, one row (person_id, kind, at) each, for
    counting doses some other way (the measures count them month by month) without defining
    a dose twice; ``kind`` is CUSTOM, CALLIN or INVITATION (not a dose)."""
    return _events(None, None, start, end)


def count_doses(s: Session, *, person_id: str | None = None, group_id: str | None = None,
                since: date | None = None, until: date | None = None) -> Doses:
    """Doses for one person, one group's members, or everybody, between inclusive days."""
    e = _events(person_id, group_id, *window(since, until))
    is_dose = e.c.kind != INVITATION
    per = (
        select(func.sum(case((e.c.kind == CUSTOM, 1), else_=0)).label("custom"),
               func.sum(case((e.c.kind == CALLIN, 1), else_=0)).label("callins"),
               func.sum(case((e.c.kind == INVITATION, 1), else_=0)).label("invitations"),
               func.max(case((is_dose, e.c.at))).label("last_at"))
        .group_by(e.c.person_id).subquery("per_person"))
    doses = per.c.custom + per.c.callins
    row = s.execute(select(
        func.coalesce(func.sum(per.c.custom), 0), func.coalesce(func.sum(per.c.callins), 0),
        func.coalesce(func.sum(per.c.invitations), 0),
        func.count().filter(doses > 0), func.count().filter(doses > 1),
        func.max(per.c.last_at))).one()
    last = row[5]
    if isinstance(last, str):  # an aggregate over a union loses the column's type
        last = datetime.fromisoformat(last)
    return Doses(int(row[0]), int(row[1]), int(row[2]), int(row[3]), int(row[4]), last)
