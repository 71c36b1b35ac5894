"""The Riktade samtal register: its model without a window, the filters, the doses above the
list, opening a notification, and its letters in the preview (one page per person)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPdf import QPdfDocument
from pytestqt.qtbot import QtBot

from app.models.enums import MessagePart, NotificationKind, NotificationTrigger
from app.services.notifications import NotificationSummary, NotifiedPerson, TeamMember, TeamRole
from app.services.session import Services
from app.ui.dialogs.callin_letters import LetterChoiceDialog
from app.ui.dialogs.notification import NotificationWindow
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.pages.notifications import NotificationsPage
from app.ui.table_models.notifications import NotificationsModel
from app.ui.tasks import InlineRunner

TEAM = [{"name": "Anna", "role": "police"}]


@pytest.fixture
def context(services: Services, runner: InlineRunner, tmp_path: Path) -> PageContext:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    return PageContext(services, runner, Events(), settings)


def notify(services: Services, person_ids: list[str], days_ago: int,
           trigger: str = "other") -> str:
    return services.notifications.create({
        "person_ids": person_ids, "delivered_at": datetime.now() - timedelta(days=days_ago),
        "trigger": trigger, "setting": "home", "team": TEAM, "message_parts": ["moral"]}).id


@pytest.fixture
def people(services: Services) -> dict[str, str]:
    ids = {name: services.people.create({"first_name": name, "last_name": "Ek"}).id
           for name in ("Nora", "Olle", "Pia")}
    norra = services.groups.create({"name": "Norra"}).id
    services.groups.add_membership({"person_id": ids["Nora"], "group_id": norra})
    ids["norra"] = norra
    return ids


def summary(n: int, names: list[str], kind: NotificationKind = NotificationKind.CUSTOM,
            title: str | None = None, team: tuple[TeamMember, ...] = ()) -> NotificationSummary:
    return NotificationSummary(
        f"id{n}", kind, datetime(2025, 1, n, 10, 0), NotificationTrigger.RELEASE, None,
        "c1" if title else None, title, (MessagePart.MORAL,),
        tuple(NotifiedPerson(f"p{i}", name) for i, name in enumerate(names)), team)


def test_model_shows_the_team_with_roles(qtbot: QtBot) -> None:
    model = NotificationsModel()
    model.set_notifications([summary(1, ["Nora Ek"], team=(
        TeamMember("Karin Lund", TeamRole.POLICE), TeamMember("Omar Said", TeamRole.FRIVARD)))])
    team = model.index(0, NotificationsModel.TEAM)
    assert team.data() == "Karin Lund (Polis), Omar Said (Frivård)"
    assert team.data(Qt.ItemDataRole.ToolTipRole) == "Karin Lund (Polis)\nOmar Said (Frivård)"
    assert model.headerData(NotificationsModel.TEAM, Qt.Orientation.Horizontal) == "Team"
    message = model.index(0, NotificationsModel.MESSAGE)
    assert message.data(Qt.ItemDataRole.ToolTipRole) == "Moraliskt budskap"


def test_model_shows_and_sorts(qtbot: QtBot) -> None:
    model = NotificationsModel()
    model.set_notifications([summary(3, ["Nora Ek"]), summary(1, ["Olle Ek", "Pia Ek", "Bo A"]),
                             summary(2, ["Pia Ek"], NotificationKind.CALLIN_INVITATION,
                                     "Forum mars")])
    assert model.rowCount() == 3
    assert model.index(0, NotificationsModel.DATE).data() == "2025-01-03 10:00"
    assert model.index(1, NotificationsModel.PEOPLE).data() == "Olle Ek, Pia Ek och 1 till"
    assert model.index(2, NotificationsModel.TRIGGER).data() == "Forum mars"
    assert model.index(0, NotificationsModel.MESSAGE).data() == "Moraliskt budskap"
    model.sort(NotificationsModel.DATE, Qt.SortOrder.AscendingOrder)
    assert model.notification(0).id == "id1"
    model.sort(-1)
    assert model.notification(0).id == "id3"
    model.sort(NotificationsModel.DATE, Qt.SortOrder.AscendingOrder)
    model.set_notifications([summary(5, ["Pia Ek"]), summary(4, ["Olle Ek"])])
    assert [model.notification(r).id for r in range(2)] == ["id4", "id5"]  # sort kept


def test_page_lists_filters_and_shows_doses(qtbot: QtBot, context: PageContext,
                                            services: Services,
                                            people: dict[str, str]) -> None:
    notify(services, [people["Nora"], people["Olle"]], 2)
    notify(services, [people["Nora"]], 40, trigger="release")
    notify(services, [people["Pia"]], 400)
    page = NotificationsPage(context)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert page.model.rowCount() == 3
    assert page.cards["people"].number.text() == "3"
    assert page.cards["repeat"].number.text() == "1"
    assert page.cards["doses"].number.text() == "4"
    page.period.set_period(date.today() - timedelta(days=30), None)
    assert page.model.rowCount() == 1
    assert page.cards["doses"].number.text() == "2"
    page.period.set_period(None, None)
    page.group_filter.setCurrentIndex(page.group_filter.findData(people["norra"]))
    page.reload()
    assert page.model.rowCount() == 2
    assert page.cards["people"].number.text() == "1"
    page.group_filter.setCurrentIndex(0)
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("callin_invitation"))
    page.reload()
    assert page.model.rowCount() == 0
    assert page.stack.currentWidget() is page.empty
    page.kind_filter.setCurrentIndex(0)
    page.reload()
    qtbot.keyClicks(page.search, "Olle")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.count_label.text() == "1 samtal"


def test_empty_register_says_what_to_do(qtbot: QtBot, context: PageContext) -> None:
    page = NotificationsPage(context)
    qtbot.addWidget(page)
    page.activate()
    assert "Nytt riktat samtal" in page.empty.text()
    assert page.stack.currentWidget() is page.empty


def test_open_edit_button_state_and_delete(qtbot: QtBot, context: PageContext,
                                           services: Services, people: dict[str, str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    nid = notify(services, [people["Nora"]], 1)
    page = NotificationsPage(context)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    page.view.selectRow(0)
    page.open_selected()
    window = page.windows[nid]
    qtbot.addWidget(window)
    assert "Nora Ek" in window.body.text()
    assert window.edit_button.isEnabled()
    monkeypatch.setattr(NotificationWindow, "confirm_delete", lambda _self: False)
    window.delete()
    assert len(services.notifications.list()) == 1
    monkeypatch.setattr(NotificationWindow, "confirm_delete", lambda _self: True)
    window.delete()
    assert services.notifications.list() == []
    assert page.model.rowCount() == 0


def test_letters_preview_one_page_per_person(qtbot: QtBot, context: PageContext,
                                             services: Services, people: dict[str, str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    nid = notify(services, [people["Nora"], people["Olle"], people["Pia"]], 1)
    window = NotificationWindow(context, nid)
    qtbot.addWidget(window)
    monkeypatch.setattr(LetterChoiceDialog, "exec", lambda _self: 1)
    window.letters()
    assert window.preview is not None
    qtbot.addWidget(window.preview)
    document = window.preview.findChild(QPdfDocument)
    assert document is not None
    assert document.pageCount() == 3
    assert services.letters.printed(notification_id=nid) == []  # a preview records nothing


def test_search_asks_the_service_beyond_the_rows_listed(
        qtbot: QtBot, context: PageContext, services: Services, people: dict[str, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.ui.pages.notifications.LIST_LIMIT", 2)
    oldest = notify(services, [people["Olle"]], 30)
    for days in (2, 1):
        notify(services, [people["Pia"]], days)
    page = NotificationsPage(context)
    qtbot.addWidget(page)
    page.activate()
    assert page.model.rowCount() == 2 and page.model.row_of(oldest) < 0
    assert page.count_label.text() == "de 2 senaste"
    qtbot.keyClicks(page.search, "olle ek")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.notification(0).id == oldest
    page.search.clear()
    qtbot.keyClicks(page.search, "Ingen")
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty)
    assert "Inget samtal matchar ”Ingen”" in page.empty.text()
