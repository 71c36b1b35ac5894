"""The overview page (real widgets, inline lane) and its attention-list models (no window)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.models.enums import FrivardStatus, Gmi, IncidentType, RelationKind
from app.services.overview import ReviewDue
from app.services.session import Services
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.pages.overview import OverviewPage
from app.ui.table_models.attention import ReviewsDueModel
from app.ui.tasks import InlineRunner

TODAY = date.today()


PROCESS_CARDS = ("notified", "repeatedly", "doses", "next_callin")


def _page(qtbot: QtBot, services: Services, runner: InlineRunner,
          events: Events | None = None) -> OverviewPage:
    page = OverviewPage(PageContext(services, runner, events or Events(), QSettings()))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.activate()
    return page


def _world(services: Services) -> dict[str, str]:
    g, p = services.groups, services.people
    norra = g.create({"name": "Norra", "priority_review_date": TODAY - timedelta(days=3)}).id
    sodra = g.create({"name": "Södra"}).id
    ali = p.create({"first_name": "Ali", "last_name": "Zander",
                    "frivard_status": FrivardStatus.PAROLE,
                    "frivard_from": TODAY - timedelta(days=300),
                    "frivard_to": TODAY + timedelta(days=10)}).id
    asa = p.create({"first_name": "Åsa", "last_name": "Öberg"}).id
    g.add_membership({"person_id": ali, "group_id": norra})
    g.add_membership({"person_id": asa, "group_id": sodra})
    g.add_relation({"group_a_id": norra, "group_b_id": sodra, "kind": RelationKind.CONFLICT})
    now = datetime.combine(TODAY, datetime.min.time()) + timedelta(hours=1)
    shot = services.incidents.create({"occurred_at": now - timedelta(days=2),
                                      "type": IncidentType.SHOOTING, "injured": 2,
                                      "place": "Torget"}).id
    services.incidents.create({"occurred_at": now - timedelta(days=5),
                               "type": IncidentType.EXPLOSION, "gmi": Gmi.YES})
    return {"norra": norra, "ali": ali, "shot": shot}


def test_review_model_without_a_window() -> None:
    model = ReviewsDueModel()
    model.set_items([ReviewDue("g1", "Östra", date(2025, 1, 2), 1234)])
    assert (model.rowCount(), model.columnCount()) == (1, 3)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Grupp"
    cells = [model.data(model.index(0, c)) for c in range(3)]
    assert cells[:2] == ["Östra", "2025-01-02"]
    assert cells[2].replace("\u00a0", " ") in ("1 234", "1,234", "1234")  # the locale's way
    assert model.data(model.index(0, 2), Qt.ItemDataRole.TextAlignmentRole) & \
        Qt.AlignmentFlag.AlignRight
    assert model.data(model.index(0, 0), ReviewsDueModel.RECORD_ID_ROLE) == "g1"
    assert model.id_at(0) == "g1" and model.kind == "group"
    model.clear()
    assert model.rowCount() == 0


def test_empty_vault_says_there_is_nothing_to_do(qtbot: QtBot, services: Services,
                                                 runner: InlineRunner) -> None:
    page = _page(qtbot, services, runner)
    assert page.cards["groups"].number.text() == "0"
    assert page.cards["groups"].caption.text() == "aktiva grupper"
    for section in (page.reviews, page.frivard, page.uncoded):
        assert section.stack.currentWidget() is section.empty
        assert section.empty.text() == "Inget att göra här just nu"
    assert page.referrals.isHidden()  # no referrals at all: no empty list about them
    assert TODAY.isoformat() in page.period.text()


def test_cards_and_lists_show_the_register(qtbot: QtBot, services: Services,
                                           runner: InlineRunner) -> None:
    ids = _world(services)
    page = _page(qtbot, services, runner)
    texts = {k: (c.number.text(), c.caption.text()) for k, c in page.cards.items()
             if k not in PROCESS_CARDS}
    assert texts == {
        "groups": ("2", "aktiva grupper"),
        "people": ("2", "personer i aktiva grupper"),
        "shootings": ("1", "skjutning senaste 30 dagarna"),
        "explosions": ("1", "sprängning senaste 30 dagarna"),
        "harmed": ("0 / 2", "döda / skadade senaste 30 dagarna"),
        "conflicts": ("1", "pågående konflikt"),
    }
    assert page.reviews.heading.text() == "Prioriteringar att ompröva (1)"
    assert page.reviews.model.data(page.reviews.model.index(0, 0)) == "Norra"
    assert page.reviews.model.data(page.reviews.model.index(0, 2)) == "3"
    assert page.frivard.model.data(page.frivard.model.index(0, 0)) == "Ali Zander"
    assert page.frivard.model.data(page.frivard.model.index(0, 3)) == "10"
    assert page.uncoded.model.rowCount() == 1  # the explosion is coded
    assert page.uncoded.model.data(page.uncoded.model.index(0, 2)) == "Torget"
    assert page.uncoded.model.id_at(0) == ids["shot"]
    assert page.uncoded.stack.currentWidget() is page.uncoded.view
    assert page.uncoded.footnote.isHidden()


def test_double_click_and_enter_open_the_record(qtbot: QtBot, services: Services,
                                                runner: InlineRunner) -> None:
    ids = _world(services)
    page = _page(qtbot, services, runner)
    view = page.reviews.view
    rect = view.visualRect(page.reviews.model.index(0, 0))
    with qtbot.waitSignal(page.open_record) as opened:
        # The first click selects; the double-click opens, as in any table.
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == ["group", ids["norra"]]

    view = page.frivard.view
    view.setFocus()
    view.setCurrentIndex(page.frivard.model.index(0, 0))
    with qtbot.waitSignal(page.open_record) as opened:
        QTest.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == ["person", ids["ali"]]


def test_changes_elsewhere_reload_and_locking_clears(qtbot: QtBot, services: Services,
                                                     runner: InlineRunner) -> None:
    events = Events()
    page = _page(qtbot, services, runner, events)
    assert page.cards["shootings"].number.text() == "0"
    _world(services)
    events.changed("incident")
    assert page.cards["shootings"].number.text() == "1"
    assert page.uncoded.model.rowCount() == 1

    page.clear()
    assert all(card.number.text() == "–" for card in page.cards.values())
    assert page.reviews.model.rowCount() == page.frivard.model.rowCount() == 0
    assert page.uncoded.stack.currentWidget() is page.uncoded.empty
    assert page.period.text() == ""


def test_long_lists_say_how_many_are_not_shown(qtbot: QtBot, services: Services,
                                               runner: InlineRunner) -> None:
    for n in range(3):
        services.groups.create({"name": f"Grupp {n}",
                                "priority_review_date": TODAY - timedelta(days=n + 1)})
    page = _page(qtbot, services, runner)
    page.reviews.set_items(tuple(page.reviews.model._items[:2]), 3)
    assert page.reviews.footnote.isVisible()
    assert page.reviews.footnote.text() == "Visar de 2 första av 3."


def test_process_cards_show_doses_and_the_next_callin(qtbot: QtBot, services: Services,
                                                      runner: InlineRunner) -> None:
    from datetime import datetime

    from app.services.callin_dto import CallInPlan

    nora = services.people.create({"first_name": "Nora", "last_name": "Ek"}).id
    olle = services.people.create({"first_name": "Olle", "last_name": "Ek"}).id
    for people, days in (([nora, olle], 5), ([nora], 40)):
        services.notifications.create({
            "person_ids": people, "delivered_at": datetime.now() - timedelta(days=days),
            "trigger": "other", "setting": "home", "team": [("Anna", "police")],
            "message_parts": ["moral"]})
    services.callins.save_plan(CallInPlan(
        title="Forum vår", starts_at=datetime.combine(TODAY + timedelta(days=14),
                                                      datetime.min.time())))
    page = _page(qtbot, services, runner)
    assert page.cards["notified"].number.text() == "2"
    assert page.cards["repeatedly"].number.text() == "1"
    assert page.cards["doses"].number.text() == "3"
    assert page.cards["next_callin"].number.text() == (TODAY + timedelta(days=14)).isoformat()
    assert "Forum vår" in page.cards["next_callin"].caption.text()
