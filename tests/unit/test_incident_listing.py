"""IncidentService listing: every sort order both ways, stable paging across equal keys, text
search on place and area, the listing's audit event, and changing one involved role."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.errors import NotFound, ValidationError
from app.models.enums import Gmi, GroupInvolvement, IncidentType, InvolvementRole
from app.services.audit import list_events
from app.services.incidents import SORT_KEYS, IncidentDTO
from app.services.session import Services

START = datetime(2024, 1, 1, 12, 0)
PLACES = ["Östra torget", "ängen", "Åby", "Zinkgatan", "Ekgatan", "éclair", None, "berga"]


def _make(services: Services) -> list[IncidentDTO]:
    """Eight incidents a day apart, with places in mixed case and Swedish letters, two
    incidents per type (so type and GMI have many ties), injured 0..3 twice over."""
    types = [IncidentType.SHOOTING, IncidentType.EXPLOSION, IncidentType.THREAT,
             IncidentType.ARSON]
    gmis = [Gmi.YES, Gmi.NO, Gmi.UNKNOWN]
    return [services.incidents.create({
        "occurred_at": START + timedelta(days=i), "type": types[i % 4], "place": place,
        "area": None if i % 2 else f"Område {i}", "gmi": gmis[i % 3], "injured": i % 4,
        "killed": 0,
    }) for i, place in enumerate(PLACES)]


def _places(rows: list[IncidentDTO]) -> list[str | None]:
    return [r.place for r in rows]


def test_default_order_is_newest_first(services: Services) -> None:
    made = _make(services)
    rows = services.incidents.search()
    assert [r.id for r in rows] == [m.id for m in reversed(made)]
    oldest = services.incidents.search(descending=False)
    assert [r.id for r in oldest] == [m.id for m in made]


def test_place_sorts_in_swedish_order_case_folded_blanks_last(services: Services) -> None:
    _make(services)
    up = _places(services.incidents.search(sort="place", descending=False))
    assert up == ["berga", "éclair", "Ekgatan", "Zinkgatan", "Åby", "ängen", "Östra torget",
                  None]
    down = _places(services.incidents.search(sort="place", descending=True))
    assert down == [*reversed(up[:-1]), None]


def test_type_and_gmi_follow_the_declared_order_with_newest_first_in_ties(
        services: Services) -> None:
    _make(services)
    rows = services.incidents.search(sort="type", descending=False)
    assert [r.type for r in rows] == [IncidentType.SHOOTING] * 2 + [IncidentType.EXPLOSION] * 2 \
        + [IncidentType.ARSON] * 2 + [IncidentType.THREAT] * 2
    assert rows[0].occurred_at > rows[1].occurred_at
    gmis = [r.gmi for r in services.incidents.search(sort="gmi", descending=True)]
    assert gmis == [Gmi.UNKNOWN] * 2 + [Gmi.NO] * 3 + [Gmi.YES] * 3


def test_numbers_and_area_sort(services: Services) -> None:
    _make(services)
    injured = [r.injured for r in services.incidents.search(sort="injured", descending=True)]
    assert injured == [3, 3, 2, 2, 1, 1, 0, 0]
    areas = [r.area for r in services.incidents.search(sort="area", descending=False)]
    assert areas == ["Område 0", "Område 2", "Område 4", "Område 6", None, None, None, None]


@pytest.mark.parametrize("sort", SORT_KEYS)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_in_every_order_neither_overlap_nor_skip(services: Services, sort: str,
                                                       descending: bool) -> None:
    made = _make(services)
    whole = services.incidents.search(sort=sort, descending=descending)
    paged = [r for offset in range(0, 8, 3) for r in services.incidents.search(
        sort=sort, descending=descending, limit=3, offset=offset)]
    assert [r.id for r in paged] == [r.id for r in whole]
    assert {r.id for r in paged} == {m.id for m in made}


def test_sort_keeps_filters(services: Services) -> None:
    _make(services)
    rows = services.incidents.search(type=IncidentType.SHOOTING, sort="place",
                                     descending=False)
    assert _places(rows) == ["Ekgatan", "Östra torget"]
    assert services.incidents.count(type=IncidentType.SHOOTING) == 2


def test_text_matches_place_or_area_folding_case_and_swedish_letters(
        services: Services) -> None:
    _make(services)
    assert _places(services.incidents.search(text="ÖSTRA")) == ["Östra torget"]
    assert _places(services.incidents.search(text="Äng")) == ["ängen"]
    assert services.incidents.count(text="område") == 4
    assert services.incidents.count(text="område 4") == 1  # every word must match
    assert services.incidents.count(text="100%") == 0  # a LIKE wildcard is taken literally
    assert services.incidents.count(text="_") == 0


def test_an_unknown_sort_is_refused(services: Services) -> None:
    with pytest.raises(ValidationError) as exc:
        services.incidents.search(sort="description")
    assert exc.value.errors[0].reason == "okänd sortering"


def test_a_listing_is_one_audit_event_without_content(services: Services) -> None:
    _make(services)
    before = len(list_events(services.db, limit=10_000))
    services.incidents.search(limit=3)  # paging is not logged by default
    assert len(list_events(services.db, limit=10_000)) == before
    services.incidents.search(limit=3, log=True)
    services.incidents.log_listing(8)
    events = list_events(services.db, limit=2)
    assert [(e.action, e.entity_type, e.entity_id, e.detail) for e in events] == [
        ("read", "incident_list", None, {"rows": 8}),
        ("read", "incident_list", None, {"rows": 3})]


def test_set_involvement_role_changes_one_link_and_logs_it(services: Services) -> None:
    group = services.groups.create({"name": "Norra"})
    person = services.people.create({"first_name": "Åsa", "last_name": "Ek"})
    other = services.people.create({"first_name": "Bo", "last_name": "Berg"})
    inc = services.incidents.create({
        "occurred_at": START, "type": "shooting", "groups": [group.id],
        "persons": [(person.id, "witness"), (other.id, "victim")]})
    changed = services.incidents.set_involvement_role(inc.id, "person", person.id, "suspect")
    assert {p.person_id: p.role for p in changed.persons} == {
        person.id: InvolvementRole.SUSPECT, other.id: InvolvementRole.VICTIM}
    event = list_events(services.db, limit=1)[0]
    assert (event.action, event.entity_type, event.entity_id, event.detail) == (
        "update", "incident", inc.id, {"fields": ["persons"]})
    changed = services.incidents.set_involvement_role(inc.id, "group", group.id,
                                                      GroupInvolvement.VICTIM_SIDE)
    assert changed.groups[0].involvement == GroupInvolvement.VICTIM_SIDE
    assert list_events(services.db, limit=1)[0].detail == {"fields": ["groups"]}
    count = len(list_events(services.db, limit=10_000))
    services.incidents.set_involvement_role(inc.id, "group", group.id, "victim_side")
    assert len(list_events(services.db, limit=10_000)) == count  # no change, no event


def test_set_involvement_role_refuses_bad_input_and_changes_nothing(
        services: Services) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Ek"})
    stranger = services.people.create({"first_name": "Bo", "last_name": "Berg"})
    inc = services.incidents.create({"occurred_at": START, "type": "threat",
                                     "persons": [(person.id, "witness")]})
    count = len(list_events(services.db, limit=10_000))
    with pytest.raises(ValidationError) as exc:
        services.incidents.set_involvement_role(inc.id, "person", person.id, "boss")
    assert exc.value.errors[0].field == "role"
    with pytest.raises(ValidationError):
        services.incidents.set_involvement_role(inc.id, "place", person.id, "victim")
    with pytest.raises(NotFound, match="inte inblandad"):
        services.incidents.set_involvement_role(inc.id, "person", stranger.id, "victim")
    services.people.delete(person.id)
    with pytest.raises(NotFound):
        services.incidents.set_involvement_role(inc.id, "person", person.id, "victim")
    services.incidents.delete(inc.id)
    with pytest.raises(NotFound):
        services.incidents.set_involvement_role(inc.id, "person", stranger.id, "victim")
    assert len(list_events(services.db, limit=10_000)) == count + 2  # the two deletes
