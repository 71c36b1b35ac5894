"""The groups network: which groups to draw, their current alliances and conflicts, and where.

Nodes are live groups (dissolved ones only on request) with their current member counts;
edges are relations in force today between two drawn groups. Large registers are cut to the
``limit`` most relevant groups — those in a current relation first, then by priority and size
— so the picture stays readable and the layout quick. Positions come from
``network_layout.force_layout`` so the lane, not the window, pays for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from app.models import Group, GroupRelation, Membership
from app.models.enums import GroupStatus, RelationKind
from app.services.db import Db
from app.services.members import person_live
from app.services.network_layout import force_layout


@dataclass(frozen=True)
class NetworkNode:
    id: str
    name: str
    status: GroupStatus
    priority: int | None
    members: int
    x: float
    y: float


@dataclass(frozen=True)
class NetworkEdge:
    id: str
    group_a_id: str
    group_b_id: str
    kind: RelationKind
    intensity: int
    since: date | None
    until: date | None


@dataclass(frozen=True)
class NetworkGraph:
    nodes: tuple[NetworkNode, ...]
    edges: tuple[NetworkEdge, ...]
    hidden: int  # groups that would qualify but were left out by the limit

    def node(self, group_id: str) -> NetworkNode | None:
        return next((n for n in self.nodes if n.id == group_id), None)


def _current(start: date | None, end: date | None, on: date) -> bool:
    return (start is None or start <= on) and (end is None or end >= on)


class NetworkService:
    def __init__(self, db: Db) -> None:
        self.db = db

    def graph(self, *, include_dissolved: bool = False, related_only: bool = False,
              limit: int | None = 300, seed: int = 1) -> NetworkGraph:
        today = date.today()
        with self.db.read() as s:
            stmt = select(Group.id, Group.name, Group.status, Group.priority).where(
                Group.deleted.is_(False))
            if not include_dissolved:
                stmt = stmt.where(Group.status != GroupStatus.DISSOLVED)
            groups = {gid: (name, status, priority)
                      for gid, name, status, priority in s.execute(stmt).all()}
            counts = dict(s.execute(
                select(Membership.group_id, func.count(Membership.id))
                .where(Membership.deleted.is_(False), person_live(),
                       Membership.valid_from.is_(None) | (Membership.valid_from <= today),
                       Membership.valid_to.is_(None) | (Membership.valid_to >= today))
                .group_by(Membership.group_id)).all())
            relations = [
                NetworkEdge(r.id, r.group_a_id, r.group_b_id, r.kind, r.intensity, r.since,
                            r.until)
                for r in s.execute(select(GroupRelation).where(
                    GroupRelation.deleted.is_(False))).scalars()
                if _current(r.since, r.until, today)
                and r.group_a_id in groups and r.group_b_id in groups]

        related = {e.group_a_id for e in relations} | {e.group_b_id for e in relations}
        candidates = [g for g in groups if g in related or not related_only]

        def relevance(gid: str) -> tuple[bool, int, int, str]:
            _name, _status, priority = groups[gid]
            return (gid not in related, priority if priority is not None else 10_000,
                    -int(counts.get(gid, 0)), gid)

        candidates.sort(key=relevance)
        shown = candidates if limit is None else candidates[:limit]
        shown.sort(key=lambda gid: (groups[gid][0].casefold(), gid))
        keep = set(shown)
        edges = tuple(e for e in relations if e.group_a_id in keep and e.group_b_id in keep)
        positions = force_layout(shown, [(e.group_a_id, e.group_b_id, e.intensity)
                                         for e in edges], seed=seed)
        nodes = tuple(NetworkNode(gid, groups[gid][0], groups[gid][1], groups[gid][2],
                                  int(counts.get(gid, 0)), *positions[gid]) for gid in shown)
        return NetworkGraph(nodes, edges, len(candidates) - len(shown))
