"""Groups register, group window (details, members, relations) and the network view."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.services.group_register import GroupRegister
from app.services.network import NetworkService
from app.services.session import Services
from app.ui.events import Events
from app.ui.pages.base import PageContext
from app.ui.pages.groups import GroupsPage
from app.ui.pages.network import NetworkPage
from app.ui.table_models.groups import OVERDUE, GroupsTableModel
from app.ui.tasks import InlineRunner
from app.ui.widgets.network import ALLIANCE, CONFLICT, NetworkScene, node_radius

TODAY = date.today()


@pytest.fixture
def context(services: Services, runner: InlineRunner, tmp_path: Path) -> PageContext:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    return PageContext(services, runner, Events(), settings)


def _groups(services: Services) -> dict[str, str]:
    g = services.groups
    ids = {name: g.create({"name": name, "priority": prio, "area": "Malmö"}).id
           for name, prio in (("Alfa", 2), ("Beta", 1), ("Gamma", None))}
    g.update(ids["Beta"], {"priority_review_date": TODAY - timedelta(days=1)})
    return ids


def test_table_model_sorts_in_sql_and_marks_overdue_reviews(services: Services,
                                                            runner: InlineRunner) -> None:
    _groups(services)
    model = GroupsTableModel(GroupRegister(services.db), runner, page_size=2)
    model.refresh()
    assert model.total == 3 and model.rowCount() == 2  # paged
    assert model.canFetchMore()
    model.fetchMore()
    names = [model.index(r, model.NAME).data() for r in range(model.rowCount())]
    assert names == ["Alfa", "Beta", "Gamma"]
    model.sort(model.PRIORITY, Qt.SortOrder.AscendingOrder)
    model.fetchMore()
    assert [model.index(r, 0).data() for r in range(3)] == ["Beta", "Alfa", "Gamma"]
    review = model.index(0, model.REVIEW)
    assert review.data() == (TODAY - timedelta(days=1)).isoformat()
    assert review.data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE
    assert model.index(1, model.REVIEW).data(Qt.ItemDataRole.ForegroundRole) is None
    model.set_filter("gam", None)
    assert model.total == 1 and model.index(0, 0).data() == "Gamma"
    model.clear()
    assert model.rowCount() == 0 and not model.canFetchMore()


def test_new_group_shows_validation_next_to_the_field(qtbot: QtBot, context: PageContext) -> None:
    page = GroupsPage(context)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.search.setFocus()
    page.activate()
    assert page.stack.currentWidget() is page.empty
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(page.dialogs) == 1
    dialog = page.dialogs[0]
    details = dialog.details
    qtbot.keyClicks(details.priority, "noll")
    details.save_button.click()
    assert details.errors.message("name") == "Måste fyllas i"
    assert "heltal" in details.errors.message("priority")
    assert GroupRegister(context.services.db).count() == 0
    assert not dialog.tabs.isTabEnabled(1)
    details.priority.clear()
    qtbot.keyClicks(details.name, "Norra Ligan")
    qtbot.keyClick(details.name, Qt.Key.Key_Return)
    assert details.errors.message("name") == ""
    assert dialog.group_id is not None and dialog.tabs.isTabEnabled(1)
    assert page.model.total == 1 and page.model.index(0, 0).data() == "Norra Ligan"
    # Renaming to a name taken by another group is refused beside the name field.
    context.services.groups.create({"name": "Södra"})
    details.name.setText("södra")
    details.save_button.click()
    assert "redan" in details.errors.message("name")
    assert context.services.groups.get(dialog.group_id).name == "Norra Ligan"


def test_members_tab_current_and_former(qtbot: QtBot, context: PageContext) -> None:
    s = context.services
    gid = s.groups.create({"name": "Alfa"}).id
    now = s.people.create({"first_name": "Nu", "last_name": "Medlem"}).id
    s.groups.add_membership({"person_id": now, "group_id": gid, "role": "ledare"})
    old = s.people.create({"first_name": "Förr", "last_name": "Medlem"}).id
    s.groups.add_membership({"person_id": old, "group_id": gid,
                             "valid_from": TODAY - timedelta(days=60),
                             "valid_to": TODAY - timedelta(days=5)})
    page = GroupsPage(context)
    qtbot.addWidget(page)
    dialog = page.open_group(gid)
    members = dialog.members
    assert members.model.rowCount() == 1
    assert members.model.index(0, 0).data() == "Nu Medlem"
    members.show_former.setChecked(True)
    assert members.model.rowCount() == 2
    assert members.model.index(1, members.model.STATE).data() == "Tidigare"
    opened: list[tuple[str, str]] = []
    page.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    members.view.activated.emit(members.model.index(0, 0))
    assert opened == [("person", now)]
    # Add a member through the person search.
    third = s.people.create({"first_name": "Ny", "last_name": "Kompis"}).id
    members.add_member()
    add = members.dialog
    assert add is not None
    add.save()  # nobody chosen yet
    assert add.errors.message("person_id")
    qtbot.keyClicks(add.search, "Kompis")
    add.find_people()
    add.save()
    assert {m.person_id for m in s.groups.memberships(group_id=gid, current_only=True)} == {
        now, third}
    assert members.model.current_count() == 2
    # End a membership: it moves to the former ones.
    members.view.selectRow(0)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        members.end_selected()
    assert members.model.current_count() == 1 and members.model.former_count() == 2


def test_relation_added_in_one_group_shows_in_both(qtbot: QtBot, context: PageContext) -> None:
    ids = _groups(context.services)
    page = GroupsPage(context)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    alfa = page.open_group(ids["Alfa"])
    beta = page.open_group(ids["Beta"])
    assert page.open_group(ids["Alfa"]) is alfa  # one window per group
    alfa.relations.edit(None)
    editor = alfa.relations.dialog
    assert editor is not None
    editor.save()
    assert editor.errors.message("group_b_id")  # no other group chosen
    editor.other.setCurrentText("Beta")
    editor.intensity.setValue(4)
    editor.until.setText("igår")
    editor.save()
    assert "datum" in editor.errors.message("until")
    editor.until.clear()
    editor.save()
    for dialog, other in ((alfa, "Beta"), (beta, "Alfa")):
        model = dialog.relations.model
        assert model.rowCount() == 1
        assert model.index(0, model.OTHER).data() == other
        assert model.index(0, model.KIND).data() == "Konflikt"
        assert model.index(0, model.INTENSITY).data() == "4"
    assert page.model.index(page.model.row_of(ids["Beta"]), GroupsTableModel.CONFLICTS).data() \
        == "1"
    opened: list[tuple[str, str]] = []
    page.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    beta.relations.view.activated.emit(beta.relations.model.index(0, 0))
    assert opened == [("group", ids["Alfa"])]


def test_delete_asks_and_soft_deletes(qtbot: QtBot, context: PageContext,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    ids = _groups(context.services)
    page = GroupsPage(context)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    page.view.selectRow(page.model.row_of(ids["Gamma"]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.delete_selected()
    assert page.model.total == 3
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_selected()
    assert page.model.total == 2 and page.model.row_of(ids["Gamma"]) == -1


def test_clear_on_lock_drops_rows_text_and_windows(qtbot: QtBot, context: PageContext) -> None:
    ids = _groups(context.services)
    page = GroupsPage(context)
    qtbot.addWidget(page)
    page.activate()
    qtbot.keyClicks(page.search, "Alfa")
    page.load()
    dialog = page.open_group(ids["Alfa"])
    network = NetworkPage(context)
    qtbot.addWidget(network)
    network.activate()
    assert network.scene.nodes
    page.clear()
    network.clear()
    assert page.model.rowCount() == 0 and page.search.text() == ""
    assert page.dialogs == [] and not dialog.isVisible()
    assert network.graph is None and not network.scene.items()


def test_network_scene_nodes_edges_and_click(qtbot: QtBot, context: PageContext) -> None:
    s = context.services
    ids = _groups(s)
    s.groups.create({"name": "Borta", "status": "dissolved"})
    p = s.people.create({"first_name": "A", "last_name": "B"}).id
    s.groups.add_membership({"person_id": p, "group_id": ids["Alfa"]})
    s.groups.add_relation({"group_a_id": ids["Alfa"], "group_b_id": ids["Beta"],
                           "kind": "conflict", "intensity": 5})
    s.groups.add_relation({"group_a_id": ids["Alfa"], "group_b_id": ids["Gamma"],
                           "kind": "alliance", "intensity": 1})
    page = NetworkPage(context)
    qtbot.addWidget(page)
    page.activate()
    scene = page.scene
    assert len(scene.nodes) == 3 and len(scene.edges) == 2  # the dissolved group is hidden
    alfa = scene.nodes[ids["Alfa"]]
    assert alfa.rect().width() == 2 * node_radius(1) > scene.nodes[ids["Beta"]].rect().width()
    colours = {e.edge.kind.value: e.pen().color() for e in scene.edges}
    assert colours == {"conflict": QColor(CONFLICT), "alliance": QColor(ALLIANCE)}
    widths = {e.edge.intensity: e.pen().widthF() for e in scene.edges}
    assert widths[5] > widths[1]
    alfa.set_highlighted(True)
    assert all(e.pen().widthF() > widths[e.edge.intensity] for e in alfa.edges)
    alfa.set_highlighted(False)
    page.dissolved.setChecked(True)
    assert len(page.scene.nodes) == 4
    opened: list[tuple[str, str]] = []
    page.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    page.resize(800, 600)
    page.show()
    qtbot.waitExposed(page)
    node = page.scene.nodes[ids["Beta"]]
    point = page.view.mapFromScene(node.scenePos() + QPointF(0, 0))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened == [("group", ids["Beta"])]


def test_network_scene_shows_a_service_graph(qtbot: QtBot, services: Services) -> None:
    ids = _groups(services)
    services.groups.add_relation({"group_a_id": ids["Alfa"], "group_b_id": ids["Beta"],
                                  "kind": "alliance"})
    scene = NetworkScene()
    scene.show_graph(NetworkService(services.db).graph())
    assert set(scene.nodes) == set(ids.values()) and len(scene.edges) == 1
    assert "Beta" in scene.edges[0].toolTip()
    scene.clear_graph()
    assert not scene.items()
