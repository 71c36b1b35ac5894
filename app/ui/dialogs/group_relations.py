"""A group's relations tab (allies and rivals) and the dialog that adds or edits one."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import NotFound
from app.models.enums import RelationKind
from app.services.groups import GroupDTO, GroupService, RelationDTO
from app.services.incidents import IncidentDTO, IncidentService
from app.ui.crash import user_message
from app.ui.labels import date_text, incident_type_label, relation_kind_label
from app.ui.pages.base import PageContext
from app.ui.table_models.relations import RelationsModel
from app.ui.widgets.field_errors import FieldErrors, error_label


def incident_text(inc: IncidentDTO) -> str:
    place = ", ".join(v for v in (inc.place, inc.area) if v)
    return " ".join(v for v in (date_text(inc.occurred_at.date()), incident_type_label(inc.type),
                                place) if v)


def _load(groups: GroupService, incidents: IncidentService,
          group_id: str) -> tuple[list[RelationDTO], dict[str, str]]:
    relations = groups.relations(group_id=group_id)
    triggers: dict[str, str] = {}
    for trigger_id in sorted({r.trigger_incident_id for r in relations
                              if r.trigger_incident_id}):
        try:
            triggers[trigger_id] = incident_text(incidents.get(trigger_id))
        except NotFound:
            continue
    return relations, triggers


def _choices(groups: GroupService, incidents: IncidentService,
             group_id: str) -> tuple[list[GroupDTO], list[IncidentDTO]]:
    others = [g for g in groups.search("", limit=10_000) if g.id != group_id]
    return others, incidents.search(group_id=group_id, limit=200)


class RelationsTab(QWidget):
    open_record = Signal(str, str)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.group_id: str | None = None
        self.model = RelationsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.activated.connect(self._open)
        self.view.selectionModel().selectionChanged.connect(self._selection)
        self.info = QLabel()
        self.message = error_label()
        self.add_button = QPushButton(self.tr("Ny relation…"))
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("Ändra…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.end_button = QPushButton(self.tr("Avsluta"))
        self.end_button.setToolTip(self.tr("Relationen avslutas med i går som sista dag."))
        self.end_button.clicked.connect(self.end_selected)
        self.remove_button = QPushButton(self.tr("Ta bort"))
        self.remove_button.setToolTip(self.tr("För relationer som registrerats av misstag."))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.end_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.dialog: RelationDialog | None = None
        self._selection()

    def load(self, group_id: str) -> None:
        self.group_id = group_id
        services = self._context.services
        self._context.runner.run(_load, services.groups, services.incidents, group_id,
                                 on_done=self._show, on_error=self._failed)

    def _show(self, result: tuple[list[RelationDTO], dict[str, str]]) -> None:
        assert self.group_id is not None
        relations, triggers = result
        self.model.set_relations(self.group_id, relations, triggers)
        self.info.setText(self.tr("Dubbelklicka för att öppna den andra gruppen.") if relations
                          else self.tr("Inga allianser eller konflikter registrerade."))
        self._selection()

    def selected(self) -> RelationDTO | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.view(rows[0].row()).relation if rows else None

    def _selection(self) -> None:
        relation = self.selected()
        for button in (self.edit_button, self.remove_button):
            button.setEnabled(relation is not None)
        self.end_button.setEnabled(relation is not None and self.model.is_current(relation))

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_record.emit("group", self.model.view(index.row()).other_id)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(user_message(exc))
        self.message.show()

    def _write(self, fn: Any, *args: Any) -> None:
        self.message.hide()
        self._context.runner.run(fn, *args, on_error=self._failed, owner=self,
                                 on_done=lambda _r: self._context.events.changed(
                                     "group_relation"))

    def add(self) -> None:
        self.edit(None)

    def edit_selected(self) -> None:
        relation = self.selected()
        if relation is not None:
            self.edit(relation)

    def edit(self, relation: RelationDTO | None) -> None:
        if self.group_id is None:
            return
        self.dialog = RelationDialog(self._context, self.group_id, relation, self)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()

    def end_selected(self) -> None:
        relation = self.selected()
        if relation is not None:
            self._write(self._context.services.groups.update_relation, relation.id,
                        {"until": date.today() - timedelta(days=1)})

    def remove_selected(self) -> None:
        relation = self.selected()
        if relation is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Ta bort relation"),
            self.tr("Ta bort relationen mellan %1 och %2? Använd ”Avsluta” om relationen "
                    "har upphört.").replace("%1", relation.group_a_name)
            .replace("%2", relation.group_b_name))
        if answer == QMessageBox.StandardButton.Yes:
            self._write(self._context.services.groups.delete_relation, relation.id)

    def clear(self) -> None:
        self.model.clear()
        if self.dialog is not None:
            self.dialog.close()


class RelationDialog(QDialog):
    def __init__(self, context: PageContext, group_id: str, relation: RelationDTO | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ny relation") if relation is None
                            else self.tr("Ändra relation"))
        self.setMinimumWidth(440)
        self._context = context
        self.group_id = group_id
        self.relation = relation
        self.errors = FieldErrors()
        self.other = QComboBox()
        self.other.setEditable(True)
        self.other.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.other.completer()
        if completer is not None:  # an editable combo box always has one
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.kind = QComboBox()
        for kind in (RelationKind.CONFLICT, RelationKind.ALLIANCE):
            self.kind.addItem(relation_kind_label(kind), str(kind))
        self.intensity = QSpinBox()
        self.intensity.setRange(1, 5)
        self.intensity.setToolTip(self.tr("1 = låg, 5 = mycket hög"))
        self.since = QLineEdit(date_text(date.today()) if relation is None else "")
        self.until = QLineEdit()
        for line in (self.since, self.until):
            line.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))
        self.trigger = QComboBox()
        self.trigger.addItem(self.tr("Ingen"), "")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Motpart"), self.errors.wrap("group_b_id", self.other))
        form.addRow(self.tr("Typ"), self.errors.wrap("kind", self.kind))
        form.addRow(self.tr("Intensitet"), self.errors.wrap("intensity", self.intensity))
        form.addRow(self.tr("Sedan"), self.errors.wrap("since", self.since))
        form.addRow(self.tr("Till"), self.errors.wrap("until", self.until))
        form.addRow(self.tr("Utlösande händelse"),
                    self.errors.wrap("trigger_incident_id", self.trigger))
        form.addRow(self.tr("Anteckningar"), self.errors.wrap("notes", self.notes))
        self.message = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Spara"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        if relation is not None:
            self.kind.setCurrentIndex(self.kind.findData(str(relation.kind)))
            self.intensity.setValue(relation.intensity)
            self.since.setText(date_text(relation.since))
            self.until.setText(date_text(relation.until))
            self.notes.setPlainText(relation.notes or "")
        services = context.services
        context.runner.run(_choices, services.groups, services.incidents, group_id,
                           on_done=self._fill, on_error=self._failed)

    def other_id(self) -> str:
        if self.relation is not None:
            mine = self.relation.group_a_id == self.group_id
            return self.relation.group_b_id if mine else self.relation.group_a_id
        index = self.other.findText(self.other.currentText().strip(),
                                    Qt.MatchFlag.MatchFixedString)
        return str(self.other.itemData(index)) if index >= 0 else ""

    def _fill(self, result: tuple[list[GroupDTO], list[IncidentDTO]]) -> None:
        others, incidents = result
        for group in others:
            self.other.addItem(group.name, group.id)
        self.other.setCurrentIndex(-1)
        if self.relation is not None:
            self.other.setCurrentIndex(self.other.findData(self.other_id()))
            self.other.setEnabled(False)  # the parties define the relation; add a new one
        for inc in incidents:
            self.trigger.addItem(incident_text(inc), inc.id)
        if self.relation is not None and self.relation.trigger_incident_id:
            found = self.trigger.findData(self.relation.trigger_incident_id)
            if found < 0:
                self.trigger.addItem(self.tr("Annan händelse"), self.relation.trigger_incident_id)
                found = self.trigger.count() - 1
            self.trigger.setCurrentIndex(found)

    def values(self) -> dict[str, Any]:
        return {"kind": self.kind.currentData(), "intensity": self.intensity.value(),
                "since": self.since.text().strip(), "until": self.until.text().strip(),
                "trigger_incident_id": self.trigger.currentData() or None,
                "notes": self.notes.toPlainText()}

    def save(self) -> None:
        groups = self._context.services.groups
        self.message.hide()
        if self.relation is None:
            values = {"group_a_id": self.group_id, "group_b_id": self.other_id(),
                      **self.values()}
            self._context.runner.run(groups.add_relation, values, on_done=self._saved,
                                     on_error=self._failed)
        else:
            self._context.runner.run(groups.update_relation, self.relation.id, self.values(),
                                     on_done=self._saved, on_error=self._failed)

    def _saved(self, _relation: RelationDTO) -> None:
        self._context.events.changed("group_relation")
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.errors.show_failure(exc, self.message)
