"""The custom notification wizard's first steps: who and when (1), why (2), where and with
whom (3).

A step answers for some of the notification's fields: ``problems`` checks them before Next,
with each message under its field, and ``show_errors`` puts the service's messages there when
a save is refused. Going back keeps what was entered (``cleanupPage`` does nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.errors import FieldError
from app.models.enums import NotificationSetting, NotificationTrigger
from app.services.callin_dto import CallInSummary
from app.services.incidents import IncidentDTO
from app.services.notification_fields import FUTURE_SLACK, TeamMember, TeamRole
from app.services.people import PersonSummary
from app.ui.labels import (
    incident_type_label,
    notification_setting_label,
    notification_trigger_label,
    team_role_label,
)
from app.ui.pages.base import PageContext
from app.ui.table_models.notification_people import NamedPeopleModel
from app.ui.table_models.notification_team import TeamModel
from app.ui.widgets.field_errors import FieldErrors, error_label

DATE_FORMAT = "yyyy-MM-dd HH:mm"
SEARCH_DELAY_MS = 250
RECENT_DAYS = 365  # incidents offered as the trigger: the last year's
WITH_INCIDENT = (NotificationTrigger.INCIDENT, NotificationTrigger.CONFLICT)


class Step(QWizardPage):
    """One step. ``fields`` are the notification fields whose errors this step shows."""

    fields: tuple[str, ...] = ()
    edited = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.errors = FieldErrors(self)
        self.message = error_label()

    def problems(self) -> list[FieldError]:
        return []

    def show_errors(self, errors: list[FieldError]) -> None:
        rest = self.errors.show(errors)
        self.message.setText("\n".join(e.reason[:1].upper() + e.reason[1:] for e in rest))
        self.message.setVisible(bool(rest))

    def validatePage(self) -> bool:
        problems = self.problems()
        self.show_errors(problems)
        return not problems

    def cleanupPage(self) -> None:
        """Going back keeps what was entered on this step."""


def _list_view(model: NamedPeopleModel) -> QListView:
    view = QListView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return view


def _combo(items: list[tuple[str, str | None]]) -> QComboBox:
    combo = QComboBox()
    for text, data in items:
        combo.addItem(text, data)
    return combo


def _select(combo: QComboBox, data: str | None) -> None:
    combo.setCurrentIndex(max(combo.findData(data), 0))


class WhoStep(Step):
    fields = ("person_ids", "delivered_at")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Vem"))
        self.setSubTitle(self.tr("Vilka fick budskapet, och när? Sök på namn och lägg till."))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök person på namn"))
        self.search.setClearButtonEnabled(True)
        self.found = NamedPeopleModel(self)
        self.found_view = _list_view(self.found)
        self.found_view.activated.connect(self._add_index)
        self.add_button = QPushButton(self.tr("Lägg till →"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_selected)
        self.chosen = NamedPeopleModel(self)
        self.chosen_view = _list_view(self.chosen)
        self.remove_button = QPushButton(self.tr("Ta bort"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        self.when = QDateTimeEdit()
        self.when.setDisplayFormat(DATE_FORMAT)
        self.when.setCalendarPopup(True)
        self.when.setDateTime(QDateTime.currentDateTime())
        self.when.dateTimeChanged.connect(self.edited)

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Sökträffar")), 0, 0)
        grid.addWidget(QLabel(self.tr("&Personer som fick budskapet")), 0, 2)
        grid.addWidget(self.search, 1, 0)
        grid.addWidget(self.found_view, 2, 0)
        grid.addWidget(self.add_button, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.errors.wrap("person_ids", self.chosen_view), 1, 2, 2, 1)
        grid.addWidget(self.remove_button, 3, 2, Qt.AlignmentFlag.AlignRight)
        form = QFormLayout()
        form.addRow(self.tr("&Genomfört"), self.errors.wrap("delivered_at", self.when))
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.run_search)

    def run_search(self) -> None:
        self._debounce.stop()
        text = self.search.text().strip()
        if not text:
            self.found.set_people([])
            return
        people = self.context.services.people
        self.context.runner.run(lambda: people.search(text, limit=50),
                                on_done=self._found, on_error=self._failed, owner=self)

    def _found(self, people: list[PersonSummary]) -> None:
        self.found.set_people([(p.id, f"{p.first_name} {p.last_name}") for p in people])
        if people:
            self.found_view.setCurrentIndex(self.found.index(0))

    def _failed(self, exc: BaseException) -> None:
        self.show_errors([FieldError("", str(exc))])

    def _add_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.add_person(*self.found.person(index.row()))

    def add_selected(self) -> None:
        self._add_index(self.found_view.currentIndex())

    def add_person(self, person_id: str, name: str) -> None:
        if self.chosen.add(person_id, name):
            self.edited.emit()

    def remove_selected(self) -> None:
        index = self.chosen_view.currentIndex()
        if index.isValid():
            self.chosen.remove(index.row())
            self.edited.emit()

    def delivered_at(self) -> datetime:
        chosen = self.when.dateTime()
        day, clock = chosen.date(), chosen.time()
        return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())

    def problems(self) -> list[FieldError]:
        found = []
        if not self.chosen.rowCount():
            found.append(FieldError("person_ids", self.tr("Välj minst en person.")))
        if self.delivered_at() > datetime.now() + FUTURE_SLACK:
            found.append(FieldError("delivered_at", self.tr(
                "Tiden ligger i framtiden: ett riktat samtal registreras när det är gjort.")))
        return found


class WhyStep(Step):
    fields = ("trigger", "trigger_incident_id", "callin_id")

    def __init__(self, context: PageContext, person_ids: Callable[[], list[str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Varför"))
        self.setSubTitle(self.tr("Vad ledde till samtalet? Koppla gärna den utlösande "
                                 "händelsen eller den call-in som följs upp."))
        self._person_ids = person_ids
        self.trigger = _combo([(self.tr("Välj anledning…"), None)] + [
            (notification_trigger_label(t), t.value) for t in NotificationTrigger])
        self.incident = _combo([(self.tr("Ingen vald"), None)])
        self.callin = _combo([(self.tr("Ingen vald"), None)])
        self._incident_id: str | None = None
        self._callin_id: str | None = None
        self.trigger.currentIndexChanged.connect(self._trigger_changed)
        self.incident.activated.connect(self._remember)
        self.callin.activated.connect(self._remember)
        form = QFormLayout(self)
        form.addRow(self.tr("&Anledning"), self.errors.wrap("trigger", self.trigger))
        form.addRow(self.tr("Utlösande &händelse"),
                    self.errors.wrap("trigger_incident_id", self.incident))
        form.addRow(self.tr("&Call-in som följs upp"), self.errors.wrap("callin_id", self.callin))
        form.addRow(self.message)
        self._trigger_changed()

    def initializePage(self) -> None:
        """Offer the last year's incidents involving the people or their groups."""
        ids = list(self._person_ids())
        self.context.runner.run(_recent_incidents, self.context, ids,
                                on_done=self._incidents, owner=self)
        self.context.runner.run(self.context.services.callins.list, on_done=self._callins,
                                owner=self)

    def _incidents(self, incidents: list[IncidentDTO]) -> None:
        self._fill(self.incident, [(f"{i.occurred_at:%Y-%m-%d} {incident_type_label(i.type)}"
                                    + (f", {i.place}" if i.place else ""), i.id)
                                   for i in incidents], self._incident_id)

    def _callins(self, callins: list[CallInSummary]) -> None:
        self._fill(self.callin, [((f"{c.starts_at:%Y-%m-%d} " if c.starts_at else "")
                                  + (c.title or "–"), c.id) for c in callins], self._callin_id)

    def _fill(self, combo: QComboBox, items: list[tuple[str, str]], keep: str | None) -> None:
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, data in items:
            combo.addItem(text, data)
        if keep is not None and combo.findData(keep) < 0:
            combo.addItem(self.tr("(vald tidigare)"), keep)  # older than the offered ones
        _select(combo, keep)
        combo.blockSignals(False)

    def _remember(self) -> None:
        self._incident_id = self.incident.currentData()
        self._callin_id = self.callin.currentData()
        self.edited.emit()

    def _trigger_changed(self) -> None:
        trigger = self.trigger.currentData()
        self.incident.setEnabled(trigger in [t.value for t in WITH_INCIDENT])
        self.callin.setEnabled(trigger == NotificationTrigger.CALLIN_FOLLOW_UP.value)
        self.edited.emit()

    def apply(self, trigger: str | None, incident_id: str | None, callin_id: str | None) -> None:
        _select(self.trigger, trigger)
        self._incident_id, self._callin_id = incident_id, callin_id
        self._fill(self.incident, [], incident_id)
        self._fill(self.callin, [], callin_id)

    def values(self) -> dict[str, str | None]:
        return {"trigger": self.trigger.currentData(),
                "trigger_incident_id": self._incident_id if self.incident.isEnabled() else None,
                "callin_id": self._callin_id if self.callin.isEnabled() else None}

    def problems(self) -> list[FieldError]:
        if self.trigger.currentData() is None:
            return [FieldError("trigger", self.tr("Välj en anledning."))]
        return []


def _recent_incidents(context: PageContext, person_ids: list[str]) -> list[IncidentDTO]:
    """Runs on the lane: the last year's incidents involving the people or their groups,
    newest first."""
    since = datetime.now() - timedelta(days=RECENT_DAYS)
    incidents = context.services.incidents
    found: dict[str, IncidentDTO] = {}
    group_ids: set[str] = set()
    for pid in person_ids:
        for i in incidents.search(person_id=pid, since=since, limit=50):
            found[i.id] = i
        group_ids.update(m.group_id for m in context.services.groups.memberships(person_id=pid))
    for gid in sorted(group_ids):
        for i in incidents.search(group_id=gid, since=since, limit=50):
            found[i.id] = i
    return sorted(found.values(), key=lambda i: i.occurred_at, reverse=True)


class WhereStep(Step):
    fields = ("setting", "team")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Var och vilka"))
        self.setSubTitle(self.tr("Var samtalet hölls och vilka som framförde budskapet."))
        self.setting = _combo([(self.tr("Välj plats…"), None)] + [
            (notification_setting_label(s), s.value) for s in NotificationSetting])
        self.setting.currentIndexChanged.connect(self.edited)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Namn"))
        self.name.returnPressed.connect(self.add_member)
        self.role = _combo([(team_role_label(r), r.value) for r in TeamRole])
        self.add_button = QPushButton(self.tr("Lägg till"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_member)
        self.team = TeamModel(self)
        self.team_view = QTableView()
        self.team_view.setModel(self.team)
        self.team_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.team_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.team_view.verticalHeader().hide()
        self.team_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.remove_button = QPushButton(self.tr("Ta bort"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.addWidget(self.name, 2)
        row.addWidget(self.role, 1)
        row.addWidget(self.add_button)
        team = QVBoxLayout()
        team.addLayout(row)
        team.addWidget(self.errors.wrap("team", self.team_view))
        team.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        form = QFormLayout(self)
        form.addRow(self.tr("&Plats"), self.errors.wrap("setting", self.setting))
        form.addRow(self.tr("&Team"), team)
        form.addRow(self.message)

    def add_member(self) -> None:
        name = self.name.text().strip()
        if name:
            self.team.add(TeamMember(name, TeamRole(self.role.currentData())))
            self.name.clear()
            self.edited.emit()

    def remove_selected(self) -> None:
        rows = self.team_view.selectionModel().selectedRows()
        if rows:
            self.team.remove(rows[0].row())
            self.edited.emit()

    def problems(self) -> list[FieldError]:
        self.add_member()  # a name typed but not added yet counts
        found = []
        if self.setting.currentData() is None:
            found.append(FieldError("setting", self.tr("Välj var samtalet hölls.")))
        if not self.team.rowCount():
            found.append(FieldError("team", self.tr(
                "Lägg till minst en person som deltog (namn och roll).")))
        return found
