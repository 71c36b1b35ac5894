"""The audit log page, driven through real widgets: listing, filters, the chain check."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.services import audit_log
from app.services.audit import Action
from app.services.session import Services
from app.ui.events import Events
from app.ui.pages.audit import AuditPage
from app.ui.pages.base import PageContext
from app.ui.tasks import InlineRunner
from tests.conftest import USER


def _page(qtbot: QtBot, services: Services, runner: InlineRunner) -> AuditPage:
    page = AuditPage(PageContext(services, runner, Events(), QSettings()))
    qtbot.addWidget(page)
    page.resize(1000, 640)
    page.show()
    page.activate()
    return page


def _choose(combo: object, data: str) -> None:
    index = combo.findData(data)  # type: ignore[attr-defined]
    assert index >= 0
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def test_lists_events_newest_first_and_filters(qtbot: QtBot, services: Services,
                                               runner: InlineRunner) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Ek"})
    services.people.update(person.id, {"phone": "070-1234567"})
    group = services.groups.create({"name": "Norrgänget"})
    before = audit_log.count(services.db)
    page = _page(qtbot, services, runner)
    assert audit_log.count(services.db) == before  # looking at the log is not logged
    assert page.model.total == before
    assert page.count_label.text() == f"{before} händelser"
    assert page.model.data(page.model.index(0, page.model.ACTION)) == "Skapad"
    assert page.model.data(page.model.index(0, page.model.KIND)) == "Grupp"
    assert [page.user_filter.itemData(i) for i in range(page.user_filter.count())] == [
        None, USER]

    _choose(page.action_filter, Action.UPDATE.value)
    assert page.model.total == 1
    assert page.model.data(page.model.index(0, page.model.DETAIL)) == "fält: phone"
    page.action_filter.setCurrentIndex(0)

    qtbot.keyClicks(page.record_filter, person.id[:8])
    page.record_filter.returnPressed.emit()
    assert page.model.total == 2  # created and changed
    page.record_filter.clear()
    page.apply_filter()

    yesterday = date.today() - timedelta(days=1)
    page.period.set_period(None, yesterday)
    assert page.model.total == 0
    page.period.set_period(date.today(), yesterday)  # start after end: refused, unchanged
    assert not page.period.error_label.isHidden()
    assert page.model.total == 0
    page.period.set_period(date.today(), None)
    assert page.model.total == before

    opened: list[tuple[str, str]] = []
    page.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    page.view.activated.emit(page.model.index(0, 0))
    assert opened == [("group", group.id)]


def test_check_of_a_clean_chain_says_ok(qtbot: QtBot, services: Services,
                                        runner: InlineRunner) -> None:
    services.people.create({"first_name": "Bo", "last_name": "Ek"})
    page = _page(qtbot, services, runner)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    total = audit_log.count(services.db)
    assert page.verify_label.text() == f"Kedjan är hel: alla {total} händelser är oförändrade."
    assert page.verify_button.isEnabled() and page.busy.isHidden()


def test_check_names_the_tampered_event(qtbot: QtBot, services: Services,
                                        runner: InlineRunner) -> None:
    for name in ("Bo", "Cid", "Dan"):
        services.people.create({"first_name": name, "last_name": "Ek"})
    with services.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET user = 'mallory' WHERE seq = 3"))
    page = _page(qtbot, services, runner)
    page.verify_chain()
    assert page.verify_label.text().startswith("Kedjan är bruten vid händelse 3:")
    assert "händelse 3 har ändrats" in page.verify_label.text()


def test_lock_clears_everything(qtbot: QtBot, services: Services,
                                runner: InlineRunner) -> None:
    page = _page(qtbot, services, runner)
    qtbot.keyClicks(page.record_filter, "abc")
    page.verify_chain()
    page.clear()
    assert page.model.rowCount() == 0
    assert page.record_filter.text() == "" and page.verify_label.text() == ""
    assert page.user_filter.count() == 1
