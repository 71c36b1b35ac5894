"""The groups register as a listing: filtered by words and status, sorted and paged in SQL,
with each group's current members and current conflicts counted in the same query."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, column, func, select, union_all
from sqlalchemy import text as sql_text
from sqlalchemy.orm import aliased

from app.models import Group, GroupRelation, Membership
from app.models.enums import GroupStatus, RelationKind
from app.services.db import Db
from app.services.members import person_live
from app.services.search import fts_query

SORT_KEYS = ("name", "aliases", "area", "status", "priority", "review", "members", "conflicts")


@dataclass(frozen=True)
class GroupRow:
    id: str
    name: str
    aliases: tuple[str, ...]
    area: str | None
    status: GroupStatus
    priority: int | None
    priority_review_date: date | None
    current_members: int
    current_conflicts: int

    def review_overdue(self, today: date | None = None) -> bool:
        return self.priority_review_date is not None and \
            self.priority_review_date < (today or date.today())


def _is_current(start: Any, end: Any, on: date) -> Any:
    return (start.is_(None) | (start <= on)) & (end.is_(None) | (end >= on))


def _members(on: date) -> Any:
    """Current members per group, counted once for the whole listing (a per-row subquery
    re-ran for every group and made sorting by a count take seconds)."""
    return (select(Membership.group_id.label("group_id"),
                   func.count(Membership.id).label("n"))
            .where(Membership.deleted.is_(False), person_live(),
                   _is_current(Membership.valid_from, Membership.valid_to, on))
            .group_by(Membership.group_id).subquery())


def _conflicts(on: date) -> Any:
    """Current conflicts per group, either side. A conflict with a deleted group is no longer
    shown anywhere, so it is not counted."""
    a, b = aliased(Group), aliased(Group)
    live = (select(GroupRelation.group_a_id, GroupRelation.group_b_id)
            .join(a, a.id == GroupRelation.group_a_id)
            .join(b, b.id == GroupRelation.group_b_id)
            .where(GroupRelation.deleted.is_(False), a.deleted.is_(False), b.deleted.is_(False),
                   GroupRelation.kind == RelationKind.CONFLICT,
                   _is_current(GroupRelation.since, GroupRelation.until, on))
            .subquery())
    sides = union_all(select(live.c.group_a_id.label("group_id")),
                      select(live.c.group_b_id.label("group_id"))).subquery()
    return (select(sides.c.group_id, func.count().label("n"))
            .group_by(sides.c.group_id).subquery())


class GroupRegister:
    def __init__(self, db: Db) -> None:
        self.db = db

    @staticmethod
    def _filtered(stmt: Select[Any], text: str, status: GroupStatus | str | None) -> Any:
        stmt = stmt.where(Group.deleted.is_(False))
        query = fts_query(text)
        if query:
            stmt = stmt.where(Group.id.in_(
                sql_text("SELECT group_id FROM group_fts WHERE group_fts MATCH :q")
                .bindparams(q=query).columns(column("group_id"))))
        if status:
            stmt = stmt.where(Group.status == GroupStatus(status))
        return stmt

    def count(self, text: str = "", *, status: GroupStatus | str | None = None) -> int:
        stmt = self._filtered(select(func.count(Group.id)), text, status)
        with self.db.read() as s:
            return int(s.execute(stmt).scalar_one())

    def page(self, text: str = "", *, status: GroupStatus | str | None = None,
             sort: str = "name", descending: bool = False, limit: int = 100,
             offset: int = 0) -> list[GroupRow]:
        if sort not in SORT_KEYS:
            raise ValueError(f"unknown sort key {sort!r}")
        today = date.today()
        member_counts, conflict_counts = _members(today), _conflicts(today)
        members = func.coalesce(member_counts.c.n, 0)
        conflicts = func.coalesce(conflict_counts.c.n, 0)
        stmt = (select(Group, members, conflicts)
                .outerjoin(member_counts, member_counts.c.group_id == Group.id)
                .outerjoin(conflict_counts, conflict_counts.c.group_id == Group.id))
        stmt = self._filtered(stmt, text, status)
        key: Any = {
            "name": Group.sort_name, "aliases": func.json_extract(Group.aliases, "$[0]"),
            "area": Group.area, "status": Group.status, "priority": Group.priority,
            "review": Group.priority_review_date, "members": members, "conflicts": conflicts,
        }[sort]
        # Empty values last in both directions: a missing priority is not "most urgent".
        order = [key.is_(None), key.desc() if descending else key]
        stmt = stmt.order_by(*order, Group.sort_name, Group.id).limit(limit).offset(offset)
        with self.db.read() as s:
            return [GroupRow(g.id, g.name, tuple(g.aliases or ()), g.area, g.status, g.priority,
                             g.priority_review_date, int(n), int(c))
                    for g, n, c in s.execute(stmt).all()]
