"""Which rows of each table go into a bundle: the chosen groups' share, and ``since``.

With groups chosen, the scope is those groups (G) and everyone who has a membership row in
them (P, a membership since ended included, so its tombstone reaches the partner). From there:

- incidents (I): involving a group in G or a person in P, or the trigger of a notification
  that goes out (below);
- call-ins (C): addressing a group in G or inviting a person in P, or named by a notification
  that goes out;
- notifications (N): those delivered to a person in P;
- link rows only where both ends are in scope (an ``incident_person`` row for a person outside
  P stays home, and so on); group relations only between two groups in G, and only when the
  incident that triggered them (if any) goes out too;
- per-person rows (consent, referral, helpline contact, letter) for people in P, a referral
  only if its consent goes out (and its steps with it), a letter only if its call-in and
  notification go out;
- enforcement actions against a group in G;
- service providers and letter templates whole: directories without personal data (what a
  partner receives of them at all is its profile's business).

So no record names a row the receiver cannot hold. ``since`` keeps, in every table, the rows
written on or after that day (the row clock moves on every write).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, and_, func, or_, select, true, union
from sqlalchemy.orm import Session

from app.errors import MottryckError
from app.exchange.hlc import Stamp
from app.exchange.records import TABLES
from app.i18n import _


@dataclass(frozen=True)
class Scope:
    """The ids in scope per kind, each as a subquery (so a scope of tens of thousands of
    people never meets SQLite's limit on bound values); no groups means the whole register."""

    groups: Any = None
    people: Any = None
    incidents: Any = None
    callins: Any = None
    notifications: Any = None
    actions: Any = None
    consents: Any = None


def since_stamp(since: date) -> str:
    midnight = datetime(since.year, since.month, since.day, tzinfo=UTC)
    return str(Stamp(int(midnight.timestamp() * 1000), 0))


def group_scope(s: Session, names: Sequence[str]) -> Scope:
    """The scope of the named groups (names compared case-insensitively)."""
    if not names:
        return Scope()
    t = TABLES
    rows = s.execute(select(t["group"].c.id, t["group"].c.name).where(
        t["group"].c.deleted.is_(False))).all()
    by_name = {name.casefold(): gid for gid, name in rows}
    missing = [g for g in names if g.casefold() not in by_name]
    if missing:
        raise MottryckError(_("Okänd grupp: {names}.").format(names=", ".join(missing)))
    g = sorted({by_name[n.casefold()] for n in names})
    member = t["membership"].c
    p = select(member.person_id).where(member.group_id.in_(g))
    notify, note = t["notification_person"].c, t["notification"].c
    n = select(notify.notification_id).where(notify.person_id.in_(p))
    i = union(
        select(t["incident_group"].c.incident_id).where(t["incident_group"].c.group_id.in_(g)),
        select(t["incident_person"].c.incident_id).where(
            t["incident_person"].c.person_id.in_(p)),
        select(note.trigger_incident_id).where(note.id.in_(n),
                                               note.trigger_incident_id.is_not(None)))
    c = union(
        select(t["callin_group"].c.callin_id).where(t["callin_group"].c.group_id.in_(g)),
        select(t["callin_invitee"].c.callin_id).where(t["callin_invitee"].c.person_id.in_(p)),
        select(note.callin_id).where(note.id.in_(n), note.callin_id.is_not(None)))
    action = t["enforcement_action"].c
    a = select(action.id).where(action.group_id.in_(g))
    k = select(t["consent"].c.id).where(t["consent"].c.person_id.in_(p))
    return Scope(g, p, i, c, n, a, k)


def _optional(column: Any, ids: Any) -> ColumnElement[bool]:
    """A nullable reference: empty, or to a row in scope."""
    return or_(column.is_(None), column.in_(ids))


def _referrals(sc: Scope) -> Select[Any]:
    ref = TABLES["referral"].c
    return select(ref.id).where(ref.person_id.in_(sc.people),
                                _optional(ref.consent_id, sc.consents))


def _condition(table: Table, sc: Scope) -> ColumnElement[bool]:
    """The rows of ``table`` in scope ``sc`` (one chosen by groups)."""
    c = table.c
    g, p, i, calls, notes = sc.groups, sc.people, sc.incidents, sc.callins, sc.notifications
    rules: dict[str, Any] = {
        "person": lambda: c.id.in_(p),
        "group": lambda: c.id.in_(g),
        "membership": lambda: c.group_id.in_(g),
        "group_relation": lambda: and_(c.group_a_id.in_(g), c.group_b_id.in_(g),
                                       _optional(c.trigger_incident_id, i)),
        "incident": lambda: c.id.in_(i),
        "incident_group": lambda: and_(c.incident_id.in_(i), c.group_id.in_(g)),
        "incident_person": lambda: and_(c.incident_id.in_(i), c.person_id.in_(p)),
        "enforcement_action": lambda: c.id.in_(sc.actions),
        "enforcement_incident": lambda: and_(c.action_id.in_(sc.actions),
                                             c.incident_id.in_(i)),
        "callin": lambda: c.id.in_(calls),
        "callin_group": lambda: and_(c.callin_id.in_(calls), c.group_id.in_(g)),
        "callin_invitee": lambda: and_(c.callin_id.in_(calls), c.person_id.in_(p)),
        "callin_speaker": lambda: c.callin_id.in_(calls),
        "notification": lambda: c.id.in_(notes),
        "notification_person": lambda: and_(c.notification_id.in_(notes),
                                            c.person_id.in_(p)),
        "referral": lambda: and_(c.person_id.in_(p), _optional(c.consent_id, sc.consents)),
        # A step goes with its referral, and names a consent only if that goes too.
        "referral_event": lambda: and_(c.referral_id.in_(_referrals(sc)),
                                       _optional(c.consent_id, sc.consents)),
        "letter": lambda: and_(c.person_id.in_(p), _optional(c.callin_id, calls),
                               _optional(c.notification_id, notes)),
        "consent": lambda: c.person_id.in_(p),
        "helpline_contact": lambda: c.person_id.in_(p),
        "service_provider": true,
        "letter_template": true,
    }
    if table.name not in rules:
        # A table added later goes out only once its scope rule is written here.
        raise ValueError(f"no group scope rule for table {table.name}")
    condition: ColumnElement[bool] = rules[table.name]()
    return condition


def scoped_select(table: Table, scope: Scope, floor: str | None) -> Select[Any]:
    stmt = select(table)
    if floor is not None:
        stmt = stmt.where(table.c.hlc >= floor)
    if scope.groups is not None:
        stmt = stmt.where(_condition(table, scope))
    return stmt


def count_rows(s: Session, table: Table, scope: Scope, floor: str | None) -> int:
    stmt = scoped_select(table, scope, floor)
    return int(s.execute(select(func.count()).select_from(stmt.subquery())).scalar_one())


def scoped_rows(s: Session, table: Table, scope: Scope,
                floor: str | None) -> Iterator[dict[str, Any]]:
    """The rows in scope, fetched in batches rather than all at once."""
    result = s.execute(scoped_select(table, scope, floor).execution_options(yield_per=2000))
    for row in result.mappings():
        yield dict(row)
