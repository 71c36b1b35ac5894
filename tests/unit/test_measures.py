"""The measures from a hand-made register (tests/unit/measures_fixtures.py), whose right
answers are written here month by month: January 10–31, February, March 1–20 2025."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError
from app.services.measures import (
    MAX_MONTHS,
    Measures,
    Month,
    Style,
    check_period,
    months_between,
)
from app.services.session import Services
from tests.unit.measures_fixtures import END, START, build

# key: (January, February, March, total for the period)
EXPECTED = {
    "gmi_shootings": (2, 1, 0, 3),
    "shootings": (3, 1, 0, 4),
    "gmi_explosions": (0, 1, 0, 1),
    "explosions": (0, 2, 0, 2),
    "gmi_killings": (0, 2, 0, 2),
    "killings": (1, 2, 1, 4),
    "gmi_harm": (1, 1, 0, 2),
    "harm": (2, 1, 0, 3),
    "people_notified": (2, 1, 2, 3),  # distinct people: P1 and P2, P3, P1 and P3
    "repeat_people": (1, 2, 2, 3),  # P1; P2 (at the call-in) and P3; P1 and P3
    "doses": (2, 3, 2, 7),
    "callins_held": (0, 1, 1, 2),
    "invited": (0, 3, 0, 3),
    "attended": (0, 1, 0, 1),
    "rounds_started": (1, 1, 0, 2),
    "rounds_active": (2, 3, 2, 3),  # three different rounds were active in the period
    "referrals_made": (2, 2, 1, 5),
    "referrals_accepted": (1, 1, 1, 3),
    "referrals_completed": (0, 0, 3, 3),
    "helpline_contacts": (2, 1, 1, 4),
    "helpline_anonymous": (1, 1, 0, 2),
}
SHARES = {  # percent: (January, February, March, total); None where there is nothing to share
    "gmi_harm_share": (50.0, 100.0, None, 200 / 3),
    "harm_share": (200 / 3, 100.0, None, 75.0),
    "attendance_share": (None, 100 / 3, None, 100 / 3),
    "anonymous_share": (50.0, 100.0, 0.0, 50.0),
}


@pytest.fixture
def measures(services: Services) -> Measures:
    build(services)
    return services.measures.compute(START, END)


def test_every_count_month_by_month_and_in_total(measures: Measures) -> None:
    got = {key: (*measures.series(key).values, measures.series(key).total) for key in EXPECTED}
    assert got == EXPECTED


def test_shares_month_by_month_and_of_the_totals(measures: Measures) -> None:
    for key, expected in SHARES.items():
        series = measures.series(key)
        assert series.percent
        got = (*series.values, series.total)
        assert got == pytest.approx(expected, nan_ok=False), key


def test_the_months_are_clipped_to_the_period(measures: Measures) -> None:
    assert measures.months == (Month(date(2025, 1, 10), date(2025, 1, 31)),
                               Month(date(2025, 2, 1), date(2025, 2, 28)),
                               Month(date(2025, 3, 1), date(2025, 3, 20)))
    assert [m.label for m in measures.months] == ["2025-01 (10–31)", "2025-02",
                                                  "2025-03 (1–20)"]
    assert [m.partial for m in measures.months] == [True, False, True]


def test_a_period_of_one_day_counts_that_day_only(services: Services) -> None:
    build(services)
    m = services.measures.compute(date(2025, 3, 20), date(2025, 3, 20))
    assert m.months == (Month(date(2025, 3, 20), date(2025, 3, 20)),)
    assert m.series("killings").values == (1,)  # the homicide at 23:30 on the last day
    assert m.series("referrals_made").total == 1
    assert m.series("referrals_completed").total == 1
    assert m.series("helpline_contacts").total == 1
    assert m.series("rounds_active").values == (1,)  # only the open-ended round


def test_an_empty_register_gives_zeros_and_no_shares(services: Services) -> None:
    m = services.measures.compute(date(2024, 1, 1), date(2024, 12, 31))
    assert len(m.months) == 12
    for group in m.groups:
        for s in group.series:
            if s.percent:
                assert s.values == (None,) * 12 and s.total is None
            else:
                assert s.values == (0,) * 12 and s.total == 0


def test_each_group_charts_one_scale_and_names_everything(measures: Measures) -> None:
    assert [g.key for g in measures.groups] == [
        "shootings", "explosions", "killings", "harm", "message", "callins", "attendance",
        "rounds", "referrals", "helpline"]
    for group in measures.groups:
        assert group.title and group.note
        assert group.charted, group.key
        assert len({s.percent for s in group.charted}) == 1, group.key
        for s in group.series:
            assert s.title and s.unit and len(s.values) == 3
    assert measures.series("attendance_share").style is Style.TABLE
    assert measures.group("harm").percent and not measures.group("shootings").percent


def test_values_as_the_table_shows_them(measures: Measures) -> None:
    share = measures.series("gmi_harm_share")
    assert [share.text(v) for v in share.values] == ["50 %", "100 %", "–"]
    assert share.text(share.total) == "67 %"
    assert measures.series("doses").text(7) == "7"


def test_months_between_clips_both_ends_and_crosses_years() -> None:
    months = months_between(date(2024, 12, 31), date(2025, 2, 1))
    assert [(m.start, m.end) for m in months] == [
        (date(2024, 12, 31), date(2024, 12, 31)), (date(2025, 1, 1), date(2025, 1, 31)),
        (date(2025, 2, 1), date(2025, 2, 1))]
    leap = months_between(date(2024, 2, 1), date(2024, 2, 29))
    assert leap == (Month(date(2024, 2, 1), date(2024, 2, 29)),) and not leap[0].partial


@pytest.mark.parametrize(("start", "end", "field"), [
    (date(2025, 3, 1), date(2025, 2, 28), "end"),
    (date(2015, 1, 1), date(2025, 1, 1), "end"),  # 121 months
    (date(9999, 12, 1), date(9999, 12, 31), "end"),
])
def test_a_bad_period_is_refused_naming_the_field(start: date, end: date, field: str) -> None:
    with pytest.raises(ValidationError) as err:
        check_period(start, end)
    assert [e.field for e in err.value.errors] == [field]


def test_the_longest_period_is_allowed(services: Services) -> None:
    m = services.measures.compute(date(2015, 1, 1), date(2024, 12, 31))
    assert len(m.months) == MAX_MONTHS


def test_computing_writes_nothing(services: Services) -> None:
    from app.services import audit

    before = len(audit.list_events(services.db, limit=10_000))
    services.measures.compute(START, END)
    assert len(audit.list_events(services.db, limit=10_000)) == before
