"""The overview: what the working group needs at a glance, counted and listed in SQL.

One read transaction answers every count and list, so the numbers agree with each other. The
lists are capped (``LIST_LIMIT``) and carry their full totals: the dashboard shows the most
urgent rows and says how many there are in all. Showing names of people is a consultation
under brottsdatalagen, so a load that lists people writes one audit event (ids and counts only).

The process numbers: people reached by the message in the last 12 months and how many of them
more than once (doses as ``doses.py`` defines them), and the next call-in being planned.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, func, literal_column, or_, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from app.models import CallIn, Group, GroupRelation, Incident, Person, Referral
from app.models.enums import (
    CallInStatus,
    FrivardStatus,
    Gmi,
    GroupStatus,
    IncidentType,
    RelationKind,
    ServiceType,
)
from app.services import audit
from app.services.audit import Action
from app.services.db import Db
from app.services.doses import count_doses
from app.services.referral_states import overdue_condition

WINDOW_DAYS = 30  # "the last 30 days" is today and the 29 days before it
LIST_LIMIT = 100
UPCOMING_CALLINS = (CallInStatus.DRAFT, CallInStatus.PLANNED)

# The "deleted" flag matches almost every row, yet without statistics SQLite walks its index
# and looks up each row; a unary plus keeps a term off an index (docs/benchmarks.md, Search).
_LIVE_INCIDENT = literal_column("+incident.deleted").is_(False)
_LIVE_PERSON = literal_column("+person.deleted").is_(False)
_LIVE_REFERRAL = literal_column("+referral.deleted").is_(False)

# Distinct people with a current membership in a live, active group. Read straight through
# the membership table (NOT INDEXED): walking ix_membership_person or ix_membership_group
# costs a row lookup per membership, 2-3x slower at 86,000 memberships.
_PEOPLE_IN_ACTIVE_GROUPS = sql_text("""
    SELECT count(DISTINCT m.person_id) FROM membership AS m NOT INDEXED
    WHERE m.deleted IS 0
      AND (m.valid_from IS NULL OR m.valid_from <= :today)
      AND (m.valid_to IS NULL OR m.valid_to >= :today)
      AND m.group_id IN (SELECT id FROM "group" WHERE deleted IS 0 AND status = :active)
      AND m.person_id NOT IN (SELECT id FROM person WHERE deleted IS 1)
""")


@dataclass(frozen=True)
class ReviewDue:
    group_id: str
    name: str
    review_date: date
    days_overdue: int


@dataclass(frozen=True)
class FrivardEnding:
    person_id: str
    name: str
    status: FrivardStatus
    ends_on: date
    days_left: int


@dataclass(frozen=True)
class UncodedIncident:
    incident_id: str
    occurred_at: datetime
    type: IncidentType
    place: str | None


@dataclass(frozen=True)
class ReferralOverdue:
    referral_id: str
    person_id: str
    name: str
    service_type: ServiceType
    due_on: date
    days_overdue: int


@dataclass(frozen=True)
class UpcomingCallIn:
    callin_id: str
    title: str
    starts_at: datetime
    status: CallInStatus  # a draft is still being planned


@dataclass(frozen=True)
class OverviewDTO:
    today: date
    active_groups: int
    people_in_active_groups: int
    incidents: int  # the last WINDOW_DAYS days, every type
    shootings: int
    explosions: int
    killed: int
    injured: int
    current_conflicts: int
    reviews_due: tuple[ReviewDue, ...]
    reviews_due_total: int
    frivard_ending: tuple[FrivardEnding, ...]
    frivard_ending_total: int
    uncoded: tuple[UncodedIncident, ...]
    uncoded_total: int
    referrals_overdue: tuple[ReferralOverdue, ...]
    referrals_overdue_total: int
    # Doses (see doses.py) from ``doses_since`` through today: people reached, of whom more
    # than once, and the doses in all.
    doses_since: date | None = None
    people_notified: int = 0
    people_notified_repeatedly: int = 0
    doses: int = 0
    next_callin: UpcomingCallIn | None = None  # the first not yet held or cancelled, from today
    upcoming_callins: int = 0


def year_before(today: date) -> date:
    """The first day of "the last 12 months": the day after the same date a year earlier."""
    try:
        earlier = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        earlier = date(today.year - 1, 2, 28)
    return earlier + timedelta(days=1)


def _current(since: Any, until: Any, on: date) -> Any:
    return and_(or_(since.is_(None), since <= on), or_(until.is_(None), until >= on))


def _total_and_rows(s: Session, stmt: Any, limit: int) -> tuple[int, list[Any]]:
    """The first ``limit`` rows and how many there are in all, in one pass: the window count
    is taken before LIMIT applies, so the matching rows are read once, not twice."""
    rows = s.execute(stmt.add_columns(func.count().over().label("total")).limit(limit)).all()
    return (int(rows[0].total) if rows else 0), list(rows)


class OverviewService:
    def __init__(self, db: Db) -> None:
        self.db = db

    def summary(self, today: date | None = None, *, log: bool = True,
                limit: int = LIST_LIMIT) -> OverviewDTO:
        """Counts and attention lists as of ``today``; ``log`` records the people shown."""
        today = today or date.today()
        with self.db.read() as s:
            dto = self._summary(s, today, limit)
        shown = len(dto.frivard_ending) + len(dto.referrals_overdue)
        if log and shown:
            with self.db.write() as s:
                audit.record(s, Action.READ, "person_list", None,
                             detail={"rows": shown, "view": "overview"})
        return dto

    def _summary(self, s: Session, today: date, limit: int) -> OverviewDTO:
        start = datetime.combine(today - timedelta(days=WINDOW_DAYS - 1), time.min)
        end = datetime.combine(today + timedelta(days=1), time.min)
        in_window = and_(_LIVE_INCIDENT, Incident.occurred_at >= start,
                         Incident.occurred_at < end)

        active_groups = s.execute(select(func.count(Group.id)).where(
            Group.deleted.is_(False), Group.status == GroupStatus.ACTIVE)).scalar_one()
        people = s.execute(_PEOPLE_IN_ACTIVE_GROUPS, {
            "today": today.isoformat(), "active": GroupStatus.ACTIVE.value}).scalar_one()
        incidents, shootings, explosions, killed, injured = s.execute(
            select(func.count(Incident.id),
                   func.count(Incident.id).filter(Incident.type == IncidentType.SHOOTING),
                   func.count(Incident.id).filter(Incident.type == IncidentType.EXPLOSION),
                   func.coalesce(func.sum(Incident.killed), 0),
                   func.coalesce(func.sum(Incident.injured), 0))
            .where(in_window)).one()

        ga, gb = Group.__table__.alias("ga"), Group.__table__.alias("gb")
        conflicts = s.execute(
            select(func.count(GroupRelation.id))
            .join(ga, ga.c.id == GroupRelation.group_a_id)
            .join(gb, gb.c.id == GroupRelation.group_b_id)
            .where(GroupRelation.deleted.is_(False), GroupRelation.kind == RelationKind.CONFLICT,
                   ga.c.deleted.is_(False), gb.c.deleted.is_(False),
                   _current(GroupRelation.since, GroupRelation.until, today))).scalar_one()

        reviews_total, reviews = _total_and_rows(s, (
            select(Group.id, Group.name, Group.priority_review_date)
            .where(Group.deleted.is_(False), Group.status != GroupStatus.DISSOLVED,
                   Group.priority_review_date < today)
            .order_by(Group.priority_review_date, Group.sort_name)), limit)

        # Every status but "none" is listed by value so the planner can use the status index.
        supervised = [st for st in FrivardStatus if st is not FrivardStatus.NONE]
        frivard_total, frivard = _total_and_rows(s, (
            select(Person.id, Person.first_name, Person.last_name, Person.frivard_status,
                   Person.frivard_to)
            .where(Person.frivard_status.in_(supervised), _LIVE_PERSON,
                   Person.frivard_to >= today,
                   Person.frivard_to <= today + timedelta(days=WINDOW_DAYS))
            .order_by(Person.frivard_to, Person.sort_name)), limit)

        uncoded_total, uncoded = _total_and_rows(s, (
            select(Incident.id, Incident.occurred_at, Incident.type, Incident.place)
            .where(in_window, Incident.gmi == Gmi.UNKNOWN)
            .order_by(Incident.occurred_at.desc())), limit)

        referrals_total, referrals = _total_and_rows(s, (
            select(Referral.id, Referral.person_id, Person.first_name, Person.last_name,
                   Referral.service_type, Referral.due_on)
            .join(Person, Person.id == Referral.person_id)
            .where(_LIVE_REFERRAL, _LIVE_PERSON, overdue_condition(today))
            .order_by(Referral.due_on, Person.sort_name)), limit)

        since = year_before(today)
        doses = count_doses(s, since=since, until=today)
        upcoming_total, upcoming = _total_and_rows(s, (
            select(CallIn.id, CallIn.title, CallIn.starts_at, CallIn.status)
            .where(CallIn.deleted.is_(False), CallIn.status.in_(UPCOMING_CALLINS),
                   CallIn.starts_at >= datetime.combine(today, time.min))
            .order_by(CallIn.starts_at, CallIn.id)), 1)

        return OverviewDTO(
            today=today, active_groups=int(active_groups), people_in_active_groups=int(people),
            incidents=int(incidents), shootings=int(shootings), explosions=int(explosions),
            killed=int(killed), injured=int(injured), current_conflicts=int(conflicts),
            reviews_due=tuple(ReviewDue(r.id, r.name, r.priority_review_date,
                                        (today - r.priority_review_date).days) for r in reviews),
            reviews_due_total=reviews_total,
            frivard_ending=tuple(FrivardEnding(r.id, f"{r.first_name} {r.last_name}",
                                               r.frivard_status, r.frivard_to,
                                               (r.frivard_to - today).days) for r in frivard),
            frivard_ending_total=frivard_total,
            uncoded=tuple(UncodedIncident(r.id, r.occurred_at, r.type, r.place)
                          for r in uncoded),
            uncoded_total=uncoded_total,
            referrals_overdue=tuple(ReferralOverdue(r.id, r.person_id,
                                                    f"{r.first_name} {r.last_name}",
                                                    r.service_type, r.due_on,
                                                    (today - r.due_on).days) for r in referrals),
            referrals_overdue_total=referrals_total,
            doses_since=since, people_notified=doses.people,
            people_notified_repeatedly=doses.repeat_people, doses=doses.total,
            next_callin=(UpcomingCallIn(upcoming[0].id, upcoming[0].title, upcoming[0].starts_at,
                                        upcoming[0].status) if upcoming else None),
            upcoming_callins=upcoming_total,
        )
