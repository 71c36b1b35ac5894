"""The incident and audit table models, without a window: paging, filters, words for codes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from app.models.enums import Gmi, IncidentType
from app.services.audit import Action
from app.services.audit_log import AuditFilter
from app.services.session import Services
from app.ui.table_models.audit import AuditTableModel
from app.ui.table_models.incidents import IncidentFilter, IncidentTableModel
from app.ui.tasks import InlineRunner
from tests.ui.conftest import DeferredRunner

NOW = datetime.now().replace(second=0, microsecond=0)


def _incidents(services: Services, n: int) -> str:
    """``n`` incidents a day apart (newest yesterday); every third a shooting with GMI yes
    involving one group. Returns the group's id."""
    group = services.groups.create({"name": "Norrgänget"})
    for i in range(n):
        shooting = i % 3 == 0
        services.incidents.create({
            "occurred_at": NOW - timedelta(days=i + 1),
            "type": IncidentType.SHOOTING if shooting else IncidentType.THREAT,
            "place": f"Gata {i}", "gmi": Gmi.YES if shooting else Gmi.NO,
            "injured": i, "groups": [group.id] if shooting else [],
        })
    return group.id


def test_pages_load_as_the_view_scrolls(services: Services) -> None:
    _incidents(services, 25)
    model = IncidentTableModel(services.incidents, InlineRunner(), page_size=10)
    counts: list[int] = []
    model.count_changed.connect(counts.append)
    model.reload()
    assert counts == [25]
    assert model.rowCount() == 10
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 25
    assert not model.canFetchMore()
    times = [model.row_at(r).occurred_at for r in range(25)]
    assert times == sorted(times, reverse=True)  # newest first
    assert model.data(model.index(0, model.PLACE)) == "Gata 0"
    assert model.data(model.index(0, model.TYPE)) == "Skjutning"
    assert model.data(model.index(0, model.GMI)) == "Ja"
    assert model.data(model.index(0, model.GROUPS)) == "Norrgänget"
    assert model.data(model.index(1, model.TYPE)) == "Olaga hot"
    assert model.data(model.index(0, model.WHEN)) == (NOW - timedelta(days=1)).strftime(
        "%Y-%m-%d %H:%M")


def test_filters_narrow_the_listing_in_sql(services: Services) -> None:
    group_id = _incidents(services, 12)
    model = IncidentTableModel(services.incidents, InlineRunner(), page_size=5)
    model.set_filter(IncidentFilter(type=IncidentType.SHOOTING))
    assert model.total == 4
    model.set_filter(IncidentFilter(gmi=Gmi.NO))
    assert model.total == 8
    model.set_filter(IncidentFilter(group_id=group_id))
    assert model.total == 4
    # The last 3 days: incidents 1, 2 and 3 days ago; the "until" day counts whole.
    today = date.today()
    model.set_filter(IncidentFilter(since=today - timedelta(days=3), until=today))
    assert model.total == 3
    model.set_filter(IncidentFilter(until=today - timedelta(days=12)))
    assert model.total == 1


def test_a_late_answer_for_an_old_filter_is_dropped(services: Services) -> None:
    _incidents(services, 6)
    runner = DeferredRunner()
    model = IncidentTableModel(services.incidents, runner)
    model.set_filter(IncidentFilter())
    model.set_filter(IncidentFilter(type=IncidentType.SHOOTING))
    runner.release_all()
    assert model.total == 2 and model.rowCount() == 2


def test_clear_forgets_rows_and_reads_no_more(services: Services) -> None:
    _incidents(services, 3)
    runner = InlineRunner()
    model = IncidentTableModel(services.incidents, runner)
    model.reload()
    model.clear()
    calls = runner.calls
    model.reload()
    assert model.rowCount() == 0 and runner.calls == calls


def test_audit_model_shows_words_and_filters(services: Services) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Ek"})
    services.people.update(person.id, {"phone": "070-1234567"})
    model = AuditTableModel(services.db, InlineRunner(), page_size=2)
    model.reload()
    assert model.rowCount() == 2 and model.total > 2
    newest = model.row_at(0)
    assert newest.action == Action.UPDATE
    assert model.data(model.index(0, model.ACTION)) == "Ändrad"
    assert model.data(model.index(0, model.KIND)) == "Person"
    assert model.data(model.index(0, model.DETAIL)) == "fält: phone"
    assert model.record_at(0) == ("person", person.id)
    model.set_filter(AuditFilter(action=Action.CREATE, entity_id=person.id))
    assert model.total == 1
    assert model.data(model.index(0, model.ACTION)) == "Skapad"


def test_audit_entries_of_referrals_open_their_records(
        services: Services) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Ek"})
    referral = services.referrals.create(person.id, "work")
    model = AuditTableModel(services.db, InlineRunner(), page_size=5)
    model.reload()
    assert model.record_at(0) == ("referral", referral.id)
    assert model.data(model.index(0, model.KIND)) == "Remiss"
