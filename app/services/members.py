"""Which memberships count, and what deleting a person or a group takes with it.

Rows are never removed, and a merge can pair a tombstone written on one laptop with a live row
written on another: laptop A deletes a person while laptop B adds a membership for them, and
after the exchange both hold a deleted person with a live membership. That state is right for
convergence, so every read that lists or counts memberships asks ``ends_live`` (or
``membership_counts``) rather than trusting the membership's own ``deleted`` flag alone.
A local deletion tombstones the dependants in the same transaction (``tombstone_memberships``,
``tombstone_relations``), so on one laptop the state arises only through a merge.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, and_, inspect, literal_column, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import AliasedInsp

from app.models import Group, GroupRelation, Membership, Person
from app.services.records import tombstone


def _tombstoned(model: type[Person] | type[Group]) -> Select[Any]:
    # Tombstones are few: ix_<table>_deleted finds them, and SQLite builds the list once per
    # statement, not once per membership as a join to the person or group would.
    return select(model.id).where(model.deleted.is_(True))


def person_live(m: Any = Membership) -> ColumnElement[bool]:
    """SQL: the membership's person is not tombstoned (``m``: Membership or an alias)."""
    return m.person_id.not_in(_tombstoned(Person))


def group_live(m: Any = Membership) -> ColumnElement[bool]:
    """SQL: the membership's group is not tombstoned (``m``: Membership or an alias)."""
    return m.group_id.not_in(_tombstoned(Group))


def ends_live(m: Any = Membership) -> ColumnElement[bool]:
    """SQL: both the person and the group of the membership are live. Callers add their own
    test of the membership's ``deleted`` (some keep it off its index on purpose)."""
    return and_(person_live(m), group_live(m))


def not_deleted(m: Any = Membership) -> ColumnElement[bool]:
    """SQL: the membership row is not tombstoned, kept off ix_membership_deleted: almost every
    row matches it, yet without statistics SQLite prefers it to the person and group indexes
    and walks every membership once per person or group asked about."""
    info = inspect(m)
    name = info.name if isinstance(info, AliasedInsp) else info.local_table.name
    return literal_column(f"+{name}.deleted").is_(False)


def membership_counts(m: Any = Membership) -> ColumnElement[bool]:
    """SQL: the membership is live and so are its person and group."""
    return and_(not_deleted(m), ends_live(m))


def tombstone_memberships(s: Session, *, person_id: str | None = None,
                          group_id: str | None = None, purpose: str | None = None) -> int:
    """Tombstone the live memberships of a person or a group being deleted, each with its
    own audit event in the caller's transaction; returns how many."""
    if (person_id is None) == (group_id is None):
        raise ValueError("name exactly one of person_id and group_id")
    stmt = select(Membership).where(not_deleted())
    stmt = stmt.where(Membership.person_id == person_id if person_id is not None
                      else Membership.group_id == group_id)
    rows = list(s.execute(stmt.order_by(Membership.id)).scalars())
    for m in rows:
        tombstone(s, m, "membership", purpose=purpose)
    return len(rows)


def tombstone_relations(s: Session, group_id: str, *, purpose: str | None = None) -> int:
    """Tombstone the live alliances and conflicts of a group being deleted (either side)."""
    rows = list(s.execute(
        select(GroupRelation)
        .where(literal_column("+group_relation.deleted").is_(False),  # as in not_deleted
               or_(GroupRelation.group_a_id == group_id, GroupRelation.group_b_id == group_id))
        .order_by(GroupRelation.id)).scalars())
    for rel in rows:
        tombstone(s, rel, "group_relation", purpose=purpose)
    return len(rows)
