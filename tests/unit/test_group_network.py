"""The groups register listing (counts, sorting, filters) and the network graph and layout."""

from __future__ import annotations

from datetime import date, timedelta

from app.models.enums import GroupStatus, RelationKind
from app.services.group_register import GroupRegister
from app.services.network import NetworkService
from app.services.network_layout import force_layout
from app.services.session import Services

TODAY = date.today()


def _world(services: Services) -> dict[str, str]:
    g = services.groups
    ids = {
        "Alfa": g.create({"name": "Alfa", "area": "Norr", "priority": 2}).id,
        "Beta": g.create({"name": "Beta", "aliases": ["B-laget"], "priority": 1,
                          "priority_review_date": TODAY - timedelta(days=3)}).id,
        "Gamma": g.create({"name": "Gamma", "status": "dormant"}).id,
        "Delta": g.create({"name": "Delta", "status": "dissolved"}).id,
    }
    for i in range(3):
        p = services.people.create({"first_name": f"P{i}", "last_name": "Test"}).id
        g.add_membership({"person_id": p, "group_id": ids["Alfa"]})
    former = services.people.create({"first_name": "Före", "last_name": "Detta"}).id
    g.add_membership({"person_id": former, "group_id": ids["Beta"],
                      "valid_from": TODAY - timedelta(days=100),
                      "valid_to": TODAY - timedelta(days=10)})
    g.add_relation({"group_a_id": ids["Alfa"], "group_b_id": ids["Beta"], "kind": "conflict",
                    "intensity": 4, "since": TODAY - timedelta(days=30)})
    g.add_relation({"group_a_id": ids["Gamma"], "group_b_id": ids["Alfa"], "kind": "alliance",
                    "intensity": 2})
    g.add_relation({"group_a_id": ids["Delta"], "group_b_id": ids["Beta"], "kind": "conflict"})
    g.add_relation({"group_a_id": ids["Gamma"], "group_b_id": ids["Beta"], "kind": "conflict",
                    "until": TODAY - timedelta(days=1)})
    return ids


def test_register_counts_members_and_current_conflicts(services: Services) -> None:
    _world(services)
    rows = {r.name: r for r in GroupRegister(services.db).page()}
    assert [r.current_members for r in rows.values()] == [3, 0, 0, 0]  # Alfa Beta Delta Gamma
    assert rows["Alfa"].current_conflicts == 1
    assert rows["Beta"].current_conflicts == 2  # Alfa and Delta; the ended one with Gamma not
    assert rows["Gamma"].current_conflicts == 0
    assert rows["Beta"].review_overdue() and not rows["Alfa"].review_overdue()


def test_register_sorts_filters_and_pages_in_sql(services: Services) -> None:
    _world(services)
    reg = GroupRegister(services.db)
    assert [r.name for r in reg.page(sort="priority")] == ["Beta", "Alfa", "Delta", "Gamma"]
    assert [r.name for r in reg.page(sort="priority", descending=True)][:2] == ["Alfa", "Beta"]
    assert reg.page(sort="members", descending=True)[0].name == "Alfa"
    assert reg.page(sort="conflicts", descending=True)[0].name == "Beta"
    assert [r.name for r in reg.page(status="dormant")] == ["Gamma"]
    assert reg.count(status=GroupStatus.DISSOLVED) == 1
    assert [r.name for r in reg.page("b-lag")] == ["Beta"]
    assert reg.count("b-lag") == 1
    assert [r.name for r in reg.page(limit=2, offset=2)] == ["Delta", "Gamma"]


def test_network_hides_dissolved_and_ended_relations(services: Services) -> None:
    ids = _world(services)
    graph = NetworkService(services.db).graph()
    assert {n.name for n in graph.nodes} == {"Alfa", "Beta", "Gamma"}
    kinds = sorted((e.kind, e.intensity) for e in graph.edges)
    assert kinds == [(RelationKind.ALLIANCE, 2), (RelationKind.CONFLICT, 4)]
    node = graph.node(ids["Alfa"])
    assert node is not None and node.members == 3
    with_dissolved = NetworkService(services.db).graph(include_dissolved=True)
    assert len(with_dissolved.nodes) == 4 and len(with_dissolved.edges) == 3


def test_network_limit_keeps_related_groups_first(services: Services) -> None:
    ids = _world(services)
    for i in range(5):
        services.groups.create({"name": f"Ensam {i}", "priority": 1})
    graph = NetworkService(services.db).graph(limit=3)
    assert {n.id for n in graph.nodes} == {ids["Alfa"], ids["Beta"], ids["Gamma"]}
    assert graph.hidden == 5
    assert len(NetworkService(services.db).graph(related_only=True).nodes) == 3


def test_layout_is_deterministic_and_spreads_nodes() -> None:
    nodes = [f"g{i}" for i in range(40)]
    edges = [(f"g{i}", f"g{i + 1}", 3.0) for i in range(39)]
    first = force_layout(nodes, edges, seed=7)
    assert first == force_layout(nodes, edges, seed=7)
    assert first != force_layout(nodes, edges, seed=8)
    points = list(first.values())
    closest = min(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5
                  for i, a in enumerate(points) for b in points[i + 1:])
    assert closest > 10
    linked = [((first[a][0] - first[b][0]) ** 2 + (first[a][1] - first[b][1]) ** 2) ** 0.5
              for a, b, _w in edges]
    spread = max(abs(x) for x, _y in points)
    assert sum(linked) / len(linked) < spread  # neighbours end up nearer than the far edge
    assert force_layout([], []) == {}
