"""Reading call-ins: the listing, one call-in in full, its plan, and the wizard's candidates.

Every function takes an open session; the service decides whether the read is audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal_column, or_, select
from sqlalchemy.orm import Session

from app.models import (
    CallIn,
    CallInGroup,
    CallInInvitee,
    CallInSpeaker,
    Group,
    Membership,
    Notification,
    NotificationPerson,
    Person,
)
from app.models.enums import CallInStatus, FrivardStatus, InviteeStatus
from app.services.callin_dto import (
    CallInDTO,
    CallInPlan,
    CallInSummary,
    Candidate,
    GroupRef,
    InviteeDTO,
    LogisticsItem,
    PlannedInvitee,
    PlannedSpeaker,
    SpeakerDTO,
)
from app.services.callin_pipeline import invitation_times
from app.services.callin_words import LOGISTICS_ITEMS, logistics_key


def checklist(stored: Sequence[Any]) -> tuple[LogisticsItem, ...]:
    """The fixed items (ticked or not) in their order, then the free items staff added."""
    ticked = [logistics_key(str(item)) for item in stored or ()]
    fixed = tuple(LogisticsItem(key, LOGISTICS_ITEMS[key], key in ticked)
                  for key in LOGISTICS_ITEMS)
    free = tuple(LogisticsItem(item, item, True, fixed=False)
                 for item in dict.fromkeys(ticked) if item not in LOGISTICS_ITEMS)
    return fixed + free


def _groups(s: Session, callin_id: str) -> tuple[GroupRef, ...]:
    rows = s.execute(
        select(Group.id, Group.name).join(CallInGroup, CallInGroup.group_id == Group.id)
        .where(CallInGroup.callin_id == callin_id, CallInGroup.deleted.is_(False),
               Group.deleted.is_(False))
        .order_by(Group.sort_name)).all()
    return tuple(GroupRef(gid, name) for gid, name in rows)


def _speakers(s: Session, callin_id: str) -> tuple[SpeakerDTO, ...]:
    rows = s.execute(select(CallInSpeaker).where(
        CallInSpeaker.callin_id == callin_id, CallInSpeaker.deleted.is_(False))
        .order_by(CallInSpeaker.position, CallInSpeaker.created_at)).scalars().all()
    # Positions are shown 1, 2, 3 … whatever gaps removals left behind.
    return tuple(SpeakerDTO(r.id, n, r.role, r.name, r.minutes)
                 for n, r in enumerate(rows, start=1))


def _invitees(s: Session, callin_id: str) -> tuple[InviteeDTO, ...]:
    times = invitation_times(s, callin_id)
    rows = s.execute(
        select(CallInInvitee, Person.first_name, Person.last_name, Person.frivard_status)
        .join(Person, Person.id == CallInInvitee.person_id)
        .where(CallInInvitee.callin_id == callin_id, CallInInvitee.deleted.is_(False),
               Person.deleted.is_(False))  # a deleted person is hidden everywhere
        .order_by(Person.sort_name, Person.id)).all()
    return tuple(
        InviteeDTO(inv.id, inv.person_id, first, last, inv.status, inv.reason,
                   inv.invited_how, inv.invited_by, times.get(inv.person_id),
                   inv.signed_out_at, frivard)
        for inv, first, last, frivard in rows)


def invitee_dto(s: Session, invitee: CallInInvitee) -> InviteeDTO:
    return next(i for i in _invitees(s, invitee.callin_id) if i.id == invitee.id)


def callin_dto(s: Session, callin: CallIn) -> CallInDTO:
    return CallInDTO(
        id=callin.id, title=callin.title, starts_at=callin.starts_at, venue=callin.venue,
        security_plan=callin.security_plan, practical_notes=callin.practical_notes,
        status=callin.status, letter_template_version=callin.letter_template_version,
        groups=_groups(s, callin.id), speakers=_speakers(s, callin.id),
        invitees=_invitees(s, callin.id), logistics=checklist(callin.logistics),
        created_at=callin.created_at, updated_at=callin.updated_at)


def callin_plan(s: Session, callin: CallIn) -> CallInPlan:
    dto = callin_dto(s, callin)
    return CallInPlan(
        title=dto.title, starts_at=dto.starts_at, venue=dto.venue,
        security_plan=dto.security_plan, practical_notes=dto.practical_notes,
        group_ids=tuple(g.group_id for g in dto.groups),
        invitees=tuple(PlannedInvitee(i.person_id, i.reason, i.status) for i in dto.invitees),
        speakers=tuple(PlannedSpeaker(sp.role, sp.name, sp.minutes, sp.id)
                       for sp in dto.speakers),
        logistics=tuple(item.key for item in dto.logistics if item.done))


def summaries(s: Session, status: CallInStatus | None) -> list[CallInSummary]:
    """Every live call-in (of one status, if given): undated drafts first, then newest."""
    stmt = select(CallIn).where(CallIn.deleted.is_(False))
    if status is not None:
        stmt = stmt.where(CallIn.status == status)
    stmt = stmt.order_by(CallIn.starts_at.is_(None).desc(), CallIn.starts_at.desc(),
                         CallIn.created_at.desc())
    callins = s.execute(stmt).scalars().all()
    live = CallIn.deleted.is_(False)
    names: dict[str, list[str]] = {}
    for cid, name in s.execute(
            select(CallInGroup.callin_id, Group.name)
            .join(Group, Group.id == CallInGroup.group_id)
            .join(CallIn, CallIn.id == CallInGroup.callin_id)
            .where(live, CallInGroup.deleted.is_(False), Group.deleted.is_(False))
            .order_by(Group.sort_name)).all():
        names.setdefault(cid, []).append(name)
    counts: dict[str, dict[InviteeStatus, int]] = {}
    for cid, inv_status, n in s.execute(
            select(CallInInvitee.callin_id, CallInInvitee.status, func.count())
            .join(CallIn, CallIn.id == CallInInvitee.callin_id)
            .join(Person, Person.id == CallInInvitee.person_id)
            .where(live, CallInInvitee.deleted.is_(False), Person.deleted.is_(False))
            .group_by(CallInInvitee.callin_id, CallInInvitee.status)).all():
        counts.setdefault(cid, {})[InviteeStatus(inv_status)] = int(n)
    return [CallInSummary(c.id, c.title, c.starts_at, c.venue, c.status,
                          tuple(names.get(c.id, ())),
                          {st: counts.get(c.id, {}).get(st, 0) for st in InviteeStatus})
            for c in callins]


def _live(table: str) -> ColumnElement[bool]:
    """``deleted IS 0`` that SQLite cannot answer from ix_<table>_deleted: almost every row
    matches it, yet without statistics the planner would walk that index (every membership,
    invitee or notification in the register) rather than the person or group index."""
    return literal_column(f'+"{table}".deleted').is_(False)


def candidates(s: Session, group_ids: Sequence[str], on: date,
               exclude_callin_id: str | None) -> list[Candidate]:
    """Current members of the groups on ``on``; supervised first, then Swedish name order."""
    if not group_ids:
        return []
    member_now = and_(
        Membership.group_id.in_(list(group_ids)), _live("membership"),
        or_(Membership.valid_from.is_(None), Membership.valid_from <= on),
        or_(Membership.valid_to.is_(None), Membership.valid_to >= on))
    supervised = case((and_(
        Person.frivard_status != FrivardStatus.NONE,
        or_(Person.frivard_from.is_(None), Person.frivard_from <= on),
        or_(Person.frivard_to.is_(None), Person.frivard_to >= on)), 1), else_=0)
    other_callins = (
        select(func.count(func.distinct(CallInInvitee.callin_id)))
        .join(CallIn, CallIn.id == CallInInvitee.callin_id)
        .where(CallInInvitee.person_id == Person.id, _live("callin_invitee"),
               CallIn.deleted.is_(False), CallIn.status != CallInStatus.CANCELLED,
               CallIn.id != (exclude_callin_id or ""))
        .scalar_subquery())
    notifications = (
        select(func.count(NotificationPerson.id))
        .join(Notification, Notification.id == NotificationPerson.notification_id)
        .where(NotificationPerson.person_id == Person.id, _live("notification_person"),
               Notification.deleted.is_(False))
        .scalar_subquery())
    # IN, not a correlated EXISTS: SQLite then walks ix_membership_group for the few members
    # instead of testing every person in the register.
    in_live_group = Person.id.in_(
        select(Membership.person_id).join(Group, Group.id == Membership.group_id)
        .where(member_now, _live("group")))
    people = s.execute(
        select(Person.id, Person.first_name, Person.last_name, Person.frivard_status,
               Person.frivard_from, Person.frivard_to, Person.frivard_office,
               supervised.label("supervised"), other_callins.label("other_callins"),
               notifications.label("notifications"))
        .where(_live("person"), in_live_group)
        .order_by(supervised.desc(), Person.sort_name, Person.id)).all()
    links: dict[str, tuple[list[str], list[str]]] = {}
    for pid, name, role in s.execute(
            select(Membership.person_id, Group.name, Membership.role)
            .join(Group, Group.id == Membership.group_id)
            .join(Person, Person.id == Membership.person_id)
            .where(member_now, _live("group"), _live("person"))
            .order_by(Group.sort_name)).all():
        groups, roles = links.setdefault(pid, ([], []))
        if name not in groups:
            groups.append(name)
        if role and role not in roles:
            roles.append(role)
    return [Candidate(r.id, r.first_name, r.last_name, tuple(links.get(r.id, ([], []))[0]),
                      tuple(links.get(r.id, ([], []))[1]), r.frivard_status, r.frivard_from,
                      r.frivard_to, r.frivard_office, bool(r.supervised), int(r.other_callins),
                      int(r.notifications))
            for r in people]
