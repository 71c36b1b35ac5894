"""The incident form: when, what, where, GMI, counts, description, and who was involved.

New or existing (an existing one is read through the service, which logs the read). Saving
runs on the lane; the service checks every value and a refused save shows each reason next to
its field and stores nothing. The form is not modal, so a double-clicked group or person can
be looked at in the main window while the form stays open. Closing with unsaved changes asks
first, except when the vault locks: then the typed values (the involved lists included, as
they are saved with the form) are handed over as a ``Draft`` and come back after unlocking.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.models.enums import Gmi, IncidentType
from app.services.drafts import Draft
from app.services.groups import GroupService
from app.services.incidents import IncidentDTO, IncidentService
from app.services.people import PeopleService
from app.ui.crash import user_message
from app.ui.dialogs.incident_involvement import GroupsPanel, PersonsPanel
from app.ui.labels import gmi_label, incident_type_label
from app.ui.table_models.involvement import Involved
from app.ui.tasks import Runner

ERROR_STYLE = "color: #a4262c;"
WHEN_FORMAT = "yyyy-MM-dd HH:mm"


class IncidentDialog(QDialog):
    saved = Signal(str)  # incident id
    open_record = Signal(str, str)  # kind, id

    def __init__(self, incidents: IncidentService, groups: GroupService, people: PeopleService,
                 runner: Runner, incident_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._incidents = incidents
        self._runner = runner
        self.incident_id = incident_id
        self._loaded: IncidentDTO | None = None
        self.setWindowTitle(self.tr("Ny händelse") if incident_id is None
                            else self.tr("Händelse"))
        self.setMinimumSize(620, 520)
        self.errors: dict[str, QLabel] = {}

        self.when = QDateTimeEdit()
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        now = QDateTime.currentDateTime()
        self.when.setDateTime(now.addSecs(-now.time().second()))
        self.type = QComboBox()
        self.type.addItem(self.tr("Välj typ…"), None)
        for kind in IncidentType:
            self.type.addItem(incident_type_label(kind), kind.value)
        self.place = QLineEdit()
        self.place.setMaxLength(200)
        self.area = QLineEdit()
        self.area.setMaxLength(100)
        self.gmi = QComboBox()
        for code in (Gmi.UNKNOWN, Gmi.YES, Gmi.NO):
            self.gmi.addItem(gmi_label(code), code.value)
        self.gmi.setToolTip(self.tr("Gruppkoppling: var någon gruppmedlem inblandad?"))
        self.injured = QSpinBox()
        self.injured.setRange(0, 1000)
        self.killed = QSpinBox()
        self.killed.setRange(0, 1000)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(70)
        self.groups = GroupsPanel(groups, runner)
        self.persons = PersonsPanel(people, runner)
        for panel in (self.groups, self.persons):
            panel.open_record.connect(self.open_record)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        counts = QHBoxLayout()
        counts.addWidget(self.injured)
        counts.addSpacing(12)
        counts.addWidget(QLabel(self.tr("Döda:")))
        counts.addWidget(self.killed)
        counts.addStretch(1)
        counts_box = QWidget()
        counts_box.setLayout(counts)
        counts.setContentsMargins(0, 0, 0, 0)
        rows: list[tuple[str, str, QWidget]] = [
            ("occurred_at", self.tr("Tidpunkt"), self.when),
            ("type", self.tr("Typ"), self.type),
            ("place", self.tr("Plats"), self.place),
            ("area", self.tr("Område"), self.area),
            ("gmi", self.tr("GMI"), self.gmi),
            ("injured", self.tr("Skadade"), counts_box),
            ("description", self.tr("Beskrivning"), self.description),
        ]
        for key, label, widget in rows:
            form.addRow(label, self._with_error(key, widget))
        self.inputs: dict[str, QWidget] = {
            "occurred_at": self.when, "type": self.type, "place": self.place, "area": self.area,
            "gmi": self.gmi, "injured": self.injured, "killed": self.killed,
            "description": self.description, "groups": self.groups.chooser,
            "persons": self.persons.search}
        self.errors["killed"] = self.errors["injured"]  # one row holds both counts
        self.errors["groups"] = self.groups.error_label
        self.errors["persons"] = self.persons.error_label

        group_box = QGroupBox(self.tr("Inblandade grupper"))
        QVBoxLayout(group_box).addWidget(self.groups)
        person_box = QGroupBox(self.tr("Inblandade personer"))
        QVBoxLayout(person_box).addWidget(self.persons)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addLayout(form)
        inner.addWidget(group_box)
        inner.addWidget(person_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Spara"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.type.setFocus()
        self._pending_draft: Draft | None = None
        self._discarding = False
        self._baseline = self.state()
        for line in (self.place, self.area):
            line.textEdited.connect(self._mark)
        for combo in (self.type, self.gmi):
            combo.activated.connect(self._mark)
        for spin in (self.injured, self.killed):
            spin.valueChanged.connect(self._mark)
        self.when.dateTimeChanged.connect(self._mark)
        self.description.textChanged.connect(self._mark)
        for panel in (self.groups, self.persons):
            panel.edited.connect(self._mark)

        if incident_id is not None:
            self._set_enabled(False)
            runner.run(incidents.get, incident_id, on_done=self._show, on_error=self._load_failed,
                       owner=self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a picker adds what was picked; it must not also save the whole form.
        pickers = (self.groups.chooser_text, self.persons.search, self.persons.results)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                self.focusWidget() in pickers:
            event.accept()
            return
        super().keyPressEvent(event)

    def _with_error(self, key: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self.errors[key] = error
        return box

    def _set_enabled(self, enabled: bool) -> None:
        self.save_button.setEnabled(enabled)

    # ---- loading ---------------------------------------------------------------------------
    def _show(self, incident: IncidentDTO) -> None:
        self._loaded = incident
        self.setWindowTitle(self.tr("Händelse %1").replace(
            "%1", incident.occurred_at.strftime("%Y-%m-%d")))
        at = incident.occurred_at
        self.when.setDateTime(QDateTime(at.year, at.month, at.day, at.hour, at.minute, 0))
        self.type.setCurrentIndex(self.type.findData(incident.type.value))
        self.place.setText(incident.place or "")
        self.area.setText(incident.area or "")
        self.gmi.setCurrentIndex(self.gmi.findData(incident.gmi.value))
        self.injured.setValue(incident.injured)
        self.killed.setValue(incident.killed)
        self.description.setPlainText(incident.description or "")
        self.groups.model.set_rows([Involved(g.group_id, g.name, g.involvement.value)
                                    for g in incident.groups])
        self.persons.model.set_rows([Involved(p.person_id, p.name, p.role.value)
                                     for p in incident.persons])
        self._set_enabled(True)
        self._baseline = self.state()
        self._mark()
        self._apply_pending_draft()

    def _load_failed(self, exc: BaseException) -> None:
        if self._pending_draft is not None:
            # Deleted while the vault was locked: keep what was typed, as a new incident.
            self.incident_id = None
            self.setWindowTitle(self.tr("Ny händelse"))
            self._set_enabled(True)
            self._apply_pending_draft(gone=True)
            return
        self.message.setText(user_message(exc))
        self.message.show()

    # ---- saving ----------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        when = self.when.dateTime()
        d, t = when.date(), when.time()
        values: dict[str, Any] = {
            "occurred_at": datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()),
            "type": self.type.currentData(),
            "place": self.place.text(),
            "area": self.area.text(),
            "gmi": self.gmi.currentData(),
            "injured": self.injured.value(),
            "killed": self.killed.value(),
            "description": self.description.toPlainText(),
            "groups": self.groups.model.pairs(),
            "persons": self.persons.model.pairs(),
        }
        loaded = self._loaded
        if loaded is not None and \
                loaded.occurred_at.replace(second=0, microsecond=0) == values["occurred_at"]:
            # The form shows minutes: an untouched time keeps its stored seconds, so the
            # log does not name a change nobody made.
            values["occurred_at"] = loaded.occurred_at
        if loaded is not None:
            # Involvement that did not change is left out, so the log names only real changes.
            if values["groups"] == [(g.group_id, g.involvement.value) for g in loaded.groups]:
                del values["groups"]
            if values["persons"] == [(p.person_id, p.role.value) for p in loaded.persons]:
                del values["persons"]
        return values

    def save(self) -> None:
        self._clear_errors()
        self._set_enabled(False)
        if self.incident_id is None:
            self._runner.run(self._incidents.create, self.values(), on_done=self._saved,
                             on_error=self._save_failed, owner=self)
        else:
            self._runner.run(self._incidents.update, self.incident_id, self.values(),
                             on_done=self._saved, on_error=self._save_failed, owner=self)

    def _saved(self, incident: IncidentDTO) -> None:
        self.incident_id = incident.id
        self._baseline = self.state()
        self.saved.emit(incident.id)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._set_enabled(True)
        if not isinstance(exc, ValidationError):
            self.message.setText(user_message(exc))
            self.message.show()
            return
        first: QWidget | None = None  # the first refused field gets the focus
        for error in exc.errors:
            label = self.errors.get(error.field)
            if label is None:
                self.message.setText(str(error))
                self.message.show()
                continue
            reason = error.reason[:1].upper() + error.reason[1:]
            label.setText(f"{label.text()} {reason}".strip())
            label.show()
            first = first or self.inputs.get(error.field)
        if first is not None:
            first.setFocus()

    def _clear_errors(self) -> None:
        self.message.hide()
        for label in self.errors.values():
            label.hide()
            label.clear()

    # ---- drafts across a lock --------------------------------------------------------------
    def state(self) -> dict[str, str]:
        """Every field as text; the involved lists as JSON (id, name, role)."""
        def involved(panel: GroupsPanel | PersonsPanel) -> str:
            rows = [panel.model.item(i) for i in range(panel.model.rowCount())]
            return json.dumps([[r.id, r.name, r.role] for r in rows], ensure_ascii=False)

        return {"occurred_at": self.when.dateTime().toString(WHEN_FORMAT),
                "type": str(self.type.currentData() or ""), "place": self.place.text(),
                "area": self.area.text(), "gmi": str(self.gmi.currentData()),
                "injured": str(self.injured.value()), "killed": str(self.killed.value()),
                "description": self.description.toPlainText(),
                "groups": involved(self.groups), "persons": involved(self.persons)}

    def changes(self) -> dict[str, str]:
        state = self.state()
        return {k: v for k, v in state.items() if v != self._baseline.get(k)}

    def restore_state(self, state: dict[str, str]) -> None:
        """Put typed values back over the shown incident; they count as unsaved changes."""
        for field, text in state.items():
            if field == "occurred_at":
                when = QDateTime.fromString(text, WHEN_FORMAT)
                if when.isValid():
                    self.when.setDateTime(when)
            elif field in ("type", "gmi"):
                combo = self.type if field == "type" else self.gmi
                combo.setCurrentIndex(max(0, combo.findData(text or None)))
            elif field in ("place", "area"):
                (self.place if field == "place" else self.area).setText(text)
            elif field in ("injured", "killed") and text.isdigit():
                (self.injured if field == "injured" else self.killed).setValue(int(text))
            elif field == "description":
                self.description.setPlainText(text)
            elif field in ("groups", "persons"):
                panel = self.groups if field == "groups" else self.persons
                panel.model.set_rows([Involved(*row) for row in json.loads(text)])
        self._mark()

    def draft(self) -> Draft | None:
        """What is typed and not saved, or None when there is nothing to keep."""
        if self._pending_draft is not None:
            return self._pending_draft  # restored but the incident has not come back yet
        if self.incident_id is not None and self._loaded is None:
            return None  # still loading: nothing typed yet
        changes = self.changes()
        return Draft("incident", self.incident_id, changes) if changes else None

    def restore_draft(self, draft: Draft) -> None:
        self._pending_draft = draft
        if self.incident_id is None or self._loaded is not None:
            self._apply_pending_draft(gone=draft.record_gone)

    def _apply_pending_draft(self, gone: bool = False) -> None:
        draft, self._pending_draft = self._pending_draft, None
        if draft is None:
            return
        self.restore_state(draft.fields)
        if gone:
            self.message.setText(self.tr(
                "Händelsen togs bort medan valvet var låst. Det du skrev visas här som en ny "
                "händelse: spara för att lägga till händelsen igen, eller stäng och kasta "
                "uppgifterna."))
            self.message.show()

    def _mark(self) -> None:
        """A star in the title while something is unsaved."""
        title = self.windowTitle().removesuffix(" *")
        self.setWindowTitle(f"{title} *" if self.changes() else title)

    # ---- closing ---------------------------------------------------------------------------
    def discard(self) -> None:
        """Close without asking and forget everything typed (the vault is locking)."""
        self._discarding = True
        self._pending_draft = None
        for line in (self.place, self.area):
            line.clear()
        self.description.clear()
        self.groups.model.set_rows([])
        self.persons.model.set_rows([])
        self.close()

    def reject(self) -> None:
        if self._discarding or not self.changes() or not self._ask_before_closing():
            return super().reject()
        return None

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._discarding and self.changes() and self._ask_before_closing():
            event.ignore()
            return
        self._discarding = True  # asked once: QDialog's close also passes through reject()
        super().closeEvent(event)

    def _ask_before_closing(self) -> bool:
        """True when the form must stay open (cancelled, or saving first)."""
        answer = QMessageBox.question(
            self, self.tr("Osparade ändringar"),
            self.tr("Spara ändringarna innan fönstret stängs?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            self.save()
            return True
        if answer == QMessageBox.StandardButton.Cancel:
            return True
        self._discarding = True
        return False
