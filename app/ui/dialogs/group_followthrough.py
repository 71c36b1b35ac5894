"""A group's "Ökat fokus" tab: its rounds of follow-through — coordinated action after the
group used violence — with the dialog that records or changes one and the one that ends one.

A round names its levers (traffic checks, probation conditions, seizures, tax checks, other),
the agencies taking part, start and end (an ended round needs a reason), how and when the
group was told that this was the answer to its violence, notes, and the group's incidents
that set it off. The service checks every value; a refused save shows each reason next to its
field and stores nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import FieldError
from app.models.enums import Lever
from app.services.followthrough import FollowThroughDTO, FollowThroughService
from app.services.incidents import IncidentService
from app.ui.crash import user_message
from app.ui.labels import date_text
from app.ui.pages.base import PageContext
from app.ui.table_models.followthrough import (
    IncidentChoice,
    RoundsModel,
    TriggerChoiceModel,
    lever_label,
)
from app.ui.widgets.dated_step import build_dated_step
from app.ui.widgets.field_errors import FieldErrors, error_label

INCIDENTS_MAX = 500  # a group's incidents to choose from; a group has tens, not hundreds
ENTITY = "enforcement_action"  # what writes here announce to other windows


def _choices(followthrough: FollowThroughService, incidents: IncidentService,
             group_id: str) -> tuple[list[IncidentChoice], list[str]]:
    """Runs on the lane: the group's incidents to tick and the agencies named in earlier
    rounds (any group's), to suggest while typing."""
    found = [IncidentChoice(i.id, i.occurred_at, i.type,
                            ", ".join(v for v in (i.place, i.area) if v))
             for i in incidents.search(group_id=group_id, limit=INCIDENTS_MAX)]
    agencies = sorted({a for r in followthrough.list(limit=2000) for a in r.agencies},
                      key=str.casefold)
    return found, agencies


def _parse_day(text: str) -> date | None:
    """A typed day, or None when the field is empty; ValueError for anything else."""
    text = text.strip()
    return date.fromisoformat(text) if text else None


def _table(model: Any) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft
                                                | Qt.AlignmentFlag.AlignVCenter)
    return view


class FollowThroughTab(QWidget):
    open_record = Signal(str, str)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.group_id: str | None = None
        self.model = RoundsModel(self)
        self.view = _table(self.model)
        header = self.view.horizontalHeader()
        for column in (RoundsModel.START, RoundsModel.END, RoundsModel.STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(RoundsModel.LEVERS, 220)
        header.resizeSection(RoundsModel.AGENCIES, 180)
        self.view.activated.connect(lambda _i: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(self._selection)
        self.model.modelReset.connect(self._selection)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = error_label()
        self.add_button = QPushButton(self.tr("Ny omgång…"))
        self.add_button.setToolTip(self.tr("Registrera ökat fokus mot gruppen efter våld"))
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("Ändra…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.end_button = QPushButton(self.tr("Avsluta…"))
        self.end_button.setToolTip(self.tr("Avsluta omgången: datum och anledning"))
        self.end_button.clicked.connect(self.end_selected)
        self.remove_button = QPushButton(self.tr("Ta bort"))
        self.remove_button.setToolTip(self.tr("För omgångar som registrerats av misstag."))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.end_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.dialog: RoundDialog | None = None
        self.ender: EndRoundDialog | None = None
        self._selection()

    # ---- loading ---------------------------------------------------------------------------
    def load(self, group_id: str) -> None:
        self.group_id = group_id
        self._context.runner.run(
            lambda: self._context.services.followthrough.list(group_id=group_id),
            on_done=self._show, on_error=self._failed, owner=self)

    def _show(self, rounds: list[FollowThroughDTO]) -> None:
        chosen = self.selected()
        self.model.set_rounds(rounds)
        if chosen is not None and (row := self.model.row_of(chosen.id)) >= 0:
            self.view.selectRow(row)
        running = self.model.running()
        if not rounds:
            self.info.setText(self.tr("Inget ökat fokus mot gruppen registrerat. När gruppen "
                                      "har använt våld: registrera en omgång med de åtgärder "
                                      "och myndigheter som svarar, och hur gruppen fick veta "
                                      "varför."))
        elif running:
            self.info.setText(self.tr("%1 pågående av %2 omgångar. Dubbelklicka för att ändra.")
                              .replace("%1", str(running)).replace("%2", str(len(rounds))))
        else:
            self.info.setText(self.tr("Ingen pågående omgång (%1 avslutade).")
                              .replace("%1", str(len(rounds))))
        self._selection()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(user_message(exc))
        self.message.show()

    # ---- selection -------------------------------------------------------------------------
    def selected(self) -> FollowThroughDTO | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.round(rows[0].row()) if rows else None

    def _selection(self, *_args: object) -> None:
        chosen = self.selected()
        for button in (self.edit_button, self.remove_button):
            button.setEnabled(chosen is not None)
        self.end_button.setEnabled(chosen is not None and not chosen.ended)
        self.detail.setText(self._detail(chosen) if chosen is not None else "")
        self.detail.setVisible(chosen is not None)

    def _detail(self, r: FollowThroughDTO) -> str:
        lines = [self.tr("Utlösande händelser: %1").replace(
            "%1", "; ".join(i.label for i in r.incidents) or self.tr("inga angivna"))]
        if r.end_reason:
            lines.append(self.tr("Anledning till avslut: %1").replace("%1", r.end_reason))
        if r.notes:
            lines.append(r.notes)
        return "\n".join(lines)

    def show_round(self, action_id: str) -> None:
        """Select a round (from the timeline) and open it."""
        row = self.model.row_of(action_id)
        if row >= 0:
            self.view.selectRow(row)
            self.edit(self.model.round(row))

    # ---- actions ---------------------------------------------------------------------------
    def add(self) -> RoundDialog | None:
        return self.edit(None)

    def edit_selected(self) -> RoundDialog | None:
        chosen = self.selected()
        return self.edit(chosen) if chosen is not None else None

    def edit(self, round_: FollowThroughDTO | None) -> RoundDialog | None:
        if self.group_id is None:
            return None
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = RoundDialog(self._context, self.group_id, round_, self)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.finished.connect(lambda _r: self._forget("dialog"))
        self.dialog.open()
        return self.dialog

    def end_selected(self) -> EndRoundDialog | None:
        chosen = self.selected()
        if chosen is None or chosen.ended:
            return None
        if self.ender is not None:
            self.ender.close()
        self.ender = EndRoundDialog(self._context, chosen, self)
        self.ender.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ender.finished.connect(lambda _r: self._forget("ender"))
        self.ender.open()
        return self.ender

    def _forget(self, name: str) -> None:
        if getattr(self, name) is self.sender():
            setattr(self, name, None)

    def remove_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Ta bort omgång"),
            self.tr("Ta bort omgången som startade %1? Använd ”Avsluta…” om den är över.")
            .replace("%1", date_text(chosen.started_on)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.message.hide()
        self._context.runner.run(self._context.services.followthrough.delete, chosen.id,
                                 on_done=lambda _r: self._context.events.changed(ENTITY),
                                 on_error=self._failed, owner=self)

    def clear(self) -> None:
        """The vault is locking: close the dialogs and forget the rows."""
        for dialog in (self.dialog, self.ender):
            if dialog is not None:
                dialog.discard()
        self.dialog = self.ender = None
        self.model.clear()
        self.detail.clear()
        self.info.clear()


class AgencyList(QWidget):
    """The agencies taking part: a list whose names can be edited in place, a field to add
    one (suggesting names used before) and a button to remove the chosen one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(self.tr("t.ex. Polisen, Kriminalvården, Skatteverket"))
        self.entry.installEventFilter(self)
        # Enter on a suggestion reaches the field past the filter: it adds as well.
        self.entry.returnPressed.connect(self.add_typed)
        self.add_button = QPushButton(self.tr("Lägg till"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_typed)
        self.remove_button = QPushButton(self.tr("Ta bort"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.entry, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in the field adds the agency and goes no further: it must not also press
        # the dialog's default button and save the whole round.
        if watched is self.entry and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.add_typed()
            return True
        return super().eventFilter(watched, event)

    def suggest(self, names: list[str]) -> None:
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.entry.setCompleter(completer)

    def set_names(self, names: list[str] | tuple[str, ...]) -> None:
        self.list.clear()
        for name in names:
            self._add(name)

    def _add(self, name: str) -> None:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)

    def add_typed(self) -> None:
        name = self.entry.text().strip()
        if name and name.casefold() not in (n.casefold() for n in self.names()):
            self._add(name)
        self.entry.clear()

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))

    def names(self) -> list[str]:
        """Every name in the list (an emptied one left out: the service sees what is kept)."""
        found = (self.list.item(n).text().strip() for n in range(self.list.count()))
        return [n for n in found if n]


class RoundDialog(QDialog):
    """A new round against the group, or changes to one."""

    def __init__(self, context: PageContext, group_id: str, round_: FollowThroughDTO | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.group_id = group_id
        self.round = round_
        self.setWindowTitle(self.tr("Ny omgång med ökat fokus") if round_ is None
                            else self.tr("Ökat fokus från %1").replace(
                                "%1", date_text(round_.started_on)))
        self.resize(640, 720)
        self.errors = FieldErrors(self)
        self.started_on = QLineEdit(date_text(date.today()) if round_ is None else "")
        self.ended_on = QLineEdit()
        self.communicated_on = QLineEdit()
        for line in (self.started_on, self.ended_on, self.communicated_on):
            line.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))
            line.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000-00-00MMMM"))
        self.end_reason = QLineEdit()
        self.end_reason.setPlaceholderText(self.tr("Krävs när omgången är avslutad"))
        self.levers: dict[Lever, QCheckBox] = {lv: QCheckBox(lever_label(lv)) for lv in Lever}
        lever_box = QWidget()
        grid = QGridLayout(lever_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for n, box in enumerate(self.levers.values()):
            grid.addWidget(box, n // 2, n % 2)
        self.agencies = AgencyList()
        self.communicated_how = QComboBox()
        self.communicated_how.setEditable(True)
        self.communicated_how.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.communicated_how.addItems(["", self.tr("Vid nästa call-in"),
                                        self.tr("I riktade samtal med medlemmarna"),
                                        self.tr("Brev till gruppens medlemmar")])
        line_edit = self.communicated_how.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("Hur gruppen fick veta att detta var svaret "
                                                 "på dess våld"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.incidents = TriggerChoiceModel(self)
        self.incident_view = _table(self.incidents)
        self.incident_view.setMinimumHeight(self.fontMetrics().lineSpacing() * 7)
        header = self.incident_view.horizontalHeader()
        for section in (TriggerChoiceModel.DATE, TriggerChoiceModel.TYPE):
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.ResizeToContents)
        self.incident_view.activated.connect(lambda i: self.incidents.toggle(i.row()))
        self.incident_note = QLabel()
        self.incident_note.setWordWrap(True)

        dates = QWidget()
        row = QHBoxLayout(dates)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.errors.wrap("started_on", self.started_on))
        row.addWidget(QLabel(self.tr("Avslutades")))
        row.addWidget(self.errors.wrap("ended_on", self.ended_on))
        row.addStretch(1)
        incidents_box = QWidget()
        column = QVBoxLayout(incidents_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.incident_view)
        column.addWidget(self.incident_note)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Startade"), dates)
        form.addRow(self.tr("Anledning till avslut"),
                    self.errors.wrap("end_reason", self.end_reason))
        form.addRow(self.tr("Åtgärder"), self.errors.wrap("levers", lever_box))
        form.addRow(self.tr("Myndigheter"), self.errors.wrap("agencies", self.agencies))
        form.addRow(self.tr("Utlösande händelser"),
                    self.errors.wrap("incident_ids", incidents_box))
        form.addRow(self.tr("Återkoppling"),
                    self.errors.wrap("communicated_how", self.communicated_how))
        form.addRow(self.tr("Återkopplat den"),
                    self.errors.wrap("communicated_on", self.communicated_on))
        form.addRow(self.tr("Anteckningar"), self.errors.wrap("notes", self.notes))
        content = QWidget()
        content.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        self.message = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Spara"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

        if round_ is not None:
            self.started_on.setText(date_text(round_.started_on))
            self.ended_on.setText(date_text(round_.ended_on))
            self.end_reason.setText(round_.end_reason or "")
            for lever, box in self.levers.items():
                box.setChecked(lever in round_.levers)
            self.agencies.set_names(round_.agencies)
            self.communicated_how.setEditText(round_.communicated_how or "")
            self.communicated_on.setText(date_text(round_.communicated_on))
            self.notes.setPlainText(round_.notes or "")
        self.save_button.setEnabled(False)  # until the incidents to choose from are here
        services = context.services
        context.runner.run(_choices, services.followthrough, services.incidents, group_id,
                           on_done=self._fill, on_error=self._failed, owner=self)

    def _fill(self, result: tuple[list[IncidentChoice], list[str]]) -> None:
        found, agencies = result
        chosen: set[str] = set()
        if self.round is not None:
            chosen = set(self.round.incident_ids)
            # An incident the round names that no longer lists the group stays choosable.
            known = {i.incident_id for i in found}
            found += [IncidentChoice(t.incident_id, t.occurred_at, t.type, t.place or "")
                      for t in self.round.incidents if t.incident_id not in known]
        self.incidents.set_incidents(found, chosen)
        self.incident_note.setText(
            self.tr("Bocka för de händelser som utlöste omgången.") if found else
            self.tr("Gruppen finns inte med i någon registrerad händelse ännu."))
        self.agencies.suggest(agencies)
        self.save_button.setEnabled(True)

    def values(self) -> dict[str, Any]:
        self.agencies.add_typed()  # a name typed but not added is meant to be kept
        return {
            "group_id": self.group_id,
            "started_on": self.started_on.text().strip(),
            "ended_on": self.ended_on.text().strip(),
            "end_reason": self.end_reason.text(),
            "levers": [lv.value for lv, box in self.levers.items() if box.isChecked()],
            "agencies": self.agencies.names(),
            "incident_ids": self.incidents.checked_ids(),
            "communicated_how": self.communicated_how.currentText(),
            "communicated_on": self.communicated_on.text().strip(),
            "notes": self.notes.toPlainText(),
        }

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        followthrough = self._context.services.followthrough
        self.errors.clear()
        self.message.hide()
        if self.round is None:
            self._context.runner.run(followthrough.create, self.values(), on_done=self._saved,
                                     on_error=self._failed, owner=self)
        else:
            self._context.runner.run(followthrough.update, self.round.id, self.values(),
                                     on_done=self._saved, on_error=self._failed, owner=self)

    def _saved(self, _round: FollowThroughDTO) -> None:
        self._context.events.changed(ENTITY)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.errors.show_failure(exc, self.message)

    def discard(self) -> None:
        """Close and forget what was typed (the vault is locking)."""
        for line in (self.started_on, self.ended_on, self.end_reason, self.communicated_on,
                     self.agencies.entry):
            line.clear()
        self.communicated_how.setEditText("")
        self.agencies.set_names([])
        self.notes.clear()
        self.incidents.clear()
        self.close()


class EndRoundDialog(QDialog):
    """End a running round: on which day and why, in one step."""

    def __init__(self, context: PageContext, round_: FollowThroughDTO,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.round = round_
        self.setWindowTitle(self.tr("Avsluta ökat fokus"))
        self.setMinimumWidth(440)
        self.errors = FieldErrors(self)
        intro = QLabel(self.tr("Omgången startade %1.").replace(
            "%1", date_text(round_.started_on)))
        step = build_dated_step(
            self, self.errors, intro=intro, day_label=self.tr("Avslutades"),
            day_field="ended_on", text_label=self.tr("Anledning"), text_field="end_reason",
            text_example=self.tr("t.ex. våldet upphörde, gruppen upplöst"),
            ok_text=self.tr("Avsluta"))
        self.ended_on, self.end_reason = step.day, step.text
        self.message, self.ok = step.message, step.ok

    def save(self) -> None:
        self.errors.clear()
        self.message.hide()
        try:
            day = _parse_day(self.ended_on.text())
        except ValueError:
            self.errors.show([FieldError("ended_on",
                                         self.tr("Ska vara ett datum som ÅÅÅÅ-MM-DD"))])
            return
        self._context.runner.run(self._context.services.followthrough.end, self.round.id,
                                 day, self.end_reason.text(), on_done=self._saved,
                                 on_error=self._failed, owner=self)

    def _saved(self, _round: FollowThroughDTO) -> None:
        self._context.events.changed(ENTITY)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.errors.show_failure(exc, self.message)

    def discard(self) -> None:
        self.ended_on.clear()
        self.end_reason.clear()
        self.close()
