"""The person window's table models, without a window."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt

from app.models.enums import Confidence
from app.services.groups import MembershipDTO
from app.services.timeline import TimelineEntry, TimelineKind
from app.ui.table_models.memberships import MembershipsModel
from app.ui.table_models.timeline import TimelineModel

TODAY = date.today()


def _membership(name: str, start: date | None, end: date | None) -> MembershipDTO:
    return MembershipDTO(f"id-{name}", "p", "Åsa Öberg", f"g-{name}", name, "ledare", "polisen",
                         Confidence.HIGH, start, end, None)


def test_memberships_current_first_then_most_recently_ended() -> None:
    model = MembershipsModel()
    model.set_memberships([
        _membership("Gamla", date(2015, 1, 1), date(2016, 1, 1)),
        _membership("Nyss", date(2018, 1, 1), TODAY - timedelta(days=2)),
        _membership("Nu", date(2020, 1, 1), None),
        _membership("Snart", TODAY + timedelta(days=9), None),
    ])
    names = [model.data(model.index(r, model.GROUP)) for r in range(model.rowCount())]
    assert names == ["Nu", "Snart", "Nyss", "Gamla"]
    states = [model.data(model.index(r, model.STATE)) for r in range(model.rowCount())]
    assert states == ["Nuvarande", "Kommande", "Tidigare", "Tidigare"]
    assert model.data(model.index(0, model.CONFIDENCE)) == "Hög"
    assert model.data(model.index(0, model.FROM)) == "2020-01-01"
    assert model.data(model.index(0, model.TO)) == ""
    assert model.data(model.index(3, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert model.membership(2).group_id == "g-Nyss"
    model.clear()
    assert model.rowCount() == 0


def test_timeline_shows_the_time_only_where_it_is_known() -> None:
    model = TimelineModel()
    model.set_entries([
        TimelineEntry(datetime(2022, 3, 2, 22, 15), TimelineKind.INCIDENT, "Skjutning, Torget",
                      "Misstänkt", "incident", "i1"),
        TimelineEntry(datetime(2021, 6, 30), TimelineKind.MEMBERSHIP_ENDED, "Lämnade Norra",
                      "ledare\nsedan 2019", "group", "g1", has_time=False),
    ])
    assert model.rowCount() == 2 and model.columnCount() == 3
    assert model.data(model.index(0, model.WHEN)) == "2022-03-02 22:15"
    assert model.data(model.index(1, model.WHEN)) == "2021-06-30"
    assert model.data(model.index(1, model.DETAIL)) == "ledare sedan 2019"
    assert model.data(model.index(1, model.DETAIL),
                      Qt.ItemDataRole.ToolTipRole) == "ledare\nsedan 2019"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Vad"
    assert model.entry(0).record_id == "i1"
