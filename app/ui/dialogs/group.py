"""One group in its own window: details (editable), members, relations, incidents, its rounds
of follow-through (ökat fokus) and its timeline.

A new group starts with only the details tab; the others open once it is saved. Every read
and write runs on the lane; other windows learn of changes through ``Events``. Closing with
unsaved details asks first, except when the vault locks: then the typed details are handed
over as a ``Draft`` (kept in the vault) and the dialog comes back with them after unlocking.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import GroupStatus
from app.services.doses import Doses
from app.services.drafts import Draft
from app.services.groups import GroupDTO, GroupService
from app.services.incidents import IncidentDTO
from app.ui.crash import user_message
from app.ui.dialogs.group_followthrough import FollowThroughTab
from app.ui.dialogs.group_members import MembersTab
from app.ui.dialogs.group_relations import RelationsTab
from app.ui.dialogs.group_timeline import GroupTimelineTab
from app.ui.dialogs.notification_doses import DosesLabel
from app.ui.events import concerns
from app.ui.labels import date_text, group_status_label
from app.ui.pages.base import PageContext
from app.ui.table_models.group_incidents import GroupIncidentsModel
from app.ui.widgets.field_errors import FieldErrors, error_label


def table_view(model: object) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


class DetailsTab(QWidget):
    saved = Signal(object)  # GroupDTO
    edited = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups: GroupService = context.services.groups
        self._context = context
        self.group_id: str | None = None
        self.errors = FieldErrors()
        self.name = QLineEdit()
        self.aliases = QLineEdit()
        self.aliases.setPlaceholderText(self.tr("Skilj flera med kommatecken"))
        self.area = QLineEdit()
        self.status = QComboBox()
        for status in GroupStatus:
            self.status.addItem(group_status_label(status), str(status))
        self.priority = QLineEdit()
        self.priority.setPlaceholderText(self.tr("1 är högst"))
        self.review = QLineEdit()
        self.review.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = [("name", self.tr("Namn"), self.name), ("aliases", self.tr("Alias"), self.aliases),
                ("area", self.tr("Område"), self.area), ("status", self.tr("Status"), self.status),
                ("priority", self.tr("Prioritet"), self.priority),
                ("priority_review_date", self.tr("Omprövas"), self.review),
                ("notes", self.tr("Anteckningar"), self.notes)]
        for field, label, widget in rows:
            form.addRow(label, self.errors.wrap(field, widget))
        self.message = error_label()
        self.save_button = QPushButton(self.tr("Spara"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Spara uppgifterna (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        for line in (self.name, self.aliases, self.area, self.priority, self.review):
            line.returnPressed.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addLayout(buttons)
        for line in (self.name, self.aliases, self.area, self.priority, self.review):
            line.textEdited.connect(self.edited)
        self.status.activated.connect(self.edited)
        self.notes.textChanged.connect(self.edited)
        self._baseline = self.state()

    def show_group(self, group: GroupDTO) -> None:
        self.group_id = group.id
        self.name.setText(group.name)
        self.aliases.setText(", ".join(group.aliases))
        self.area.setText(group.area or "")
        self.status.setCurrentIndex(max(0, self.status.findData(str(group.status))))
        self.priority.setText(str(group.priority) if group.priority is not None else "")
        self.review.setText(date_text(group.priority_review_date))
        self.notes.setPlainText(group.notes or "")
        self.errors.clear()
        self.message.hide()
        self._baseline = self.state()

    def state(self) -> dict[str, str]:
        return {k: str(v) for k, v in self.values().items()}

    def changes(self) -> dict[str, str]:
        """The fields that differ from what was shown last (or from the empty form)."""
        state = self.state()
        return {k: v for k, v in state.items() if v != self._baseline.get(k)}

    def restore_state(self, state: dict[str, str]) -> None:
        """Put typed texts back over the shown group; they count as unsaved changes."""
        lines = {"name": self.name, "aliases": self.aliases, "area": self.area,
                 "priority": self.priority, "priority_review_date": self.review}
        for field, text in state.items():
            if field in lines:
                lines[field].setText(text)
            elif field == "status" and self.status.findData(text) >= 0:
                self.status.setCurrentIndex(self.status.findData(text))
            elif field == "notes":
                self.notes.setPlainText(text)
        self.edited.emit()

    def clear_all(self) -> None:
        for line in (self.name, self.aliases, self.area, self.priority, self.review):
            line.clear()
        self.notes.clear()
        self.status.setCurrentIndex(0)
        self._baseline = self.state()

    def values(self) -> dict[str, object]:
        return {"name": self.name.text(), "aliases": self.aliases.text(),
                "area": self.area.text(), "status": self.status.currentData(),
                "priority": self.priority.text().strip(),
                "priority_review_date": self.review.text().strip(),
                "notes": self.notes.toPlainText()}

    def save(self) -> None:
        self.message.hide()
        values = self.values()
        if self.group_id is None:
            self._context.runner.run(self._groups.create, values, on_done=self._saved,
                                     on_error=self._failed)
        else:
            self._context.runner.run(self._groups.update, self.group_id, values,
                                     on_done=self._saved, on_error=self._failed)

    def _saved(self, group: GroupDTO) -> None:
        self.show_group(group)
        self._context.events.changed("group")
        self.saved.emit(group)

    def _failed(self, exc: BaseException) -> None:
        self.errors.show_failure(exc, self.message)


class IncidentsTab(QWidget):
    open_record = Signal(str, str)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.group_id: str | None = None
        self.model = GroupIncidentsModel(self)
        self.view = table_view(self.model)
        self.view.activated.connect(self._open)
        self.info = QLabel()
        self.info.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.view, 1)

    def load(self, group_id: str) -> None:
        self.group_id = group_id
        self._context.runner.run(
            lambda: self._context.services.incidents.search(group_id=group_id, limit=500),
            on_done=self._show, on_error=lambda e: self.info.setText(user_message(e)),
            owner=self)

    def _show(self, incidents: list[IncidentDTO]) -> None:
        self.model.set_incidents(incidents)
        self.info.setText(self.tr("Gruppen finns inte med i någon registrerad händelse.")
                          if not incidents else
                          self.tr("Dubbelklicka på en händelse för att öppna den."))

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_record.emit("incident", self.model.incident_id(index.row()))


class GroupDialog(QDialog):
    open_record = Signal(str, str)

    def __init__(self, context: PageContext, group_id: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.group_id = group_id
        self.setWindowTitle(self.tr("Ny grupp") if group_id is None else self.tr("Grupp"))
        self.resize(760, 540)
        self.heading = QLabel(self.tr("Ny grupp") if group_id is None else self.tr("Hämtar…"))
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.message = error_label()
        self.doses = DosesLabel()
        self.doses.hide()  # shown once the group's doses are counted
        self.details = DetailsTab(context)
        self.members = MembersTab(context)
        self.relations = RelationsTab(context)
        self.incidents = IncidentsTab(context)
        self.followthrough = FollowThroughTab(context)
        self.timeline = GroupTimelineTab(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.details, self.tr("Uppgifter"))
        self.tabs.addTab(self.members, self.tr("Medlemmar"))
        self.tabs.addTab(self.relations, self.tr("Relationer"))
        self.tabs.addTab(self.incidents, self.tr("Händelser"))
        self.tabs.addTab(self.followthrough, self.tr("Ökat fokus"))
        self.tabs.addTab(self.timeline, self.tr("Tidslinje"))
        for tab in (self.members, self.relations, self.incidents, self.followthrough,
                    self.timeline):
            tab.open_record.connect(self._open_record)
        self.details.saved.connect(self._saved)
        self.details.edited.connect(self._mark)
        self._group: GroupDTO | None = None
        self._pending_draft: Draft | None = None
        self._discarding = False
        self._close_after_save = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.doses)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        context.events.data_changed.connect(self._data_changed)
        self._enable_tabs()
        if group_id is not None:
            self.reload()
        self.details.name.setFocus()

    def _enable_tabs(self) -> None:
        for i in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(i, self.group_id is not None)

    def reload(self) -> None:
        if self.group_id is None:
            return
        self._context.runner.run(self._context.services.groups.get, self.group_id,
                                 on_done=self._show, on_error=self._failed)
        self.members.load(self.group_id)
        self.relations.load(self.group_id)
        self.incidents.load(self.group_id)
        self.followthrough.load(self.group_id)
        self._load_history(self.group_id)

    def _open_record(self, kind: str, record_id: str) -> None:
        """A round of follow-through opens on this window's own tab; the rest in the main
        window."""
        if kind == "enforcement_action":
            self.tabs.setCurrentWidget(self.followthrough)
            self.followthrough.show_round(record_id)
            return
        self.open_record.emit(kind, record_id)

    def _load_history(self, group_id: str) -> None:
        """The timeline and the members' doses (both follow memberships and deliveries)."""
        self.timeline.load(group_id)
        self._context.runner.run(self._context.services.notifications.doses_for_group,
                                 group_id, on_done=self._show_doses, owner=self)

    def _show_doses(self, doses: Doses) -> None:
        self.doses.show_doses(doses)
        self.doses.show()

    def _show(self, group: GroupDTO) -> None:
        self.details.show_group(group)
        self._title(group)
        self._apply_pending_draft()

    def _title(self, group: GroupDTO) -> None:
        self._group = group
        self.heading.setText(group.name)
        self._mark()

    def _mark(self) -> None:
        """The window title names the group and shows a star while details are unsaved."""
        name = self._group.name if self._group is not None else self.tr("Ny grupp")
        self.setWindowTitle(f"{name} *" if self.details.changes() else name)

    def _saved(self, group: GroupDTO) -> None:
        new = self.group_id is None
        self.group_id = group.id
        self._title(group)
        self._enable_tabs()
        if new:
            self.reload()
        if self._close_after_save:
            self._close_after_save = False
            self.close()

    def _failed(self, exc: BaseException) -> None:
        if self._pending_draft is not None:
            # Deleted while the vault was locked: keep what was typed, as a new group.
            self.group_id = None
            self._group = None
            self.heading.setText(self.tr("Ny grupp"))
            self._enable_tabs()
            self._apply_pending_draft(gone=True)
            return
        self.heading.setText(self.tr("Kan inte visa gruppen"))
        self.message.setText(user_message(exc))
        self.message.show()
        self.tabs.setEnabled(False)

    def _data_changed(self, entity_type: str) -> None:
        if self.group_id is None:
            return
        if concerns(entity_type, "membership", "person"):
            self.members.load(self.group_id)
        if concerns(entity_type, "group_relation", "group"):
            self.relations.load(self.group_id)
        if concerns(entity_type, "incident"):
            self.incidents.load(self.group_id)
        if concerns(entity_type, "incident", "enforcement_action"):
            self.followthrough.load(self.group_id)
        if concerns(entity_type, "membership", "incident", "notification", "callin",
                    "enforcement_action"):
            self._load_history(self.group_id)

    # ---- drafts across a lock ----------------------------------------------------------
    def draft(self) -> Draft | None:
        """The unsaved details, or None when nothing typed differs from the group."""
        if self._pending_draft is not None:
            return self._pending_draft  # restored but the group has not come back yet
        changes = self.details.changes()
        if not changes or not self.tabs.isEnabled():
            return None
        return Draft("group", self.group_id, changes)

    def restore_draft(self, draft: Draft) -> None:
        self._pending_draft = draft
        if self.group_id is None or self._group is not None:
            self._apply_pending_draft(gone=draft.record_gone)

    def _apply_pending_draft(self, gone: bool = False) -> None:
        draft, self._pending_draft = self._pending_draft, None
        if draft is None:
            return
        self.details.restore_state(draft.fields)
        self.tabs.setCurrentWidget(self.details)
        if gone:
            self.message.setText(self.tr(
                "Gruppen togs bort medan valvet var låst. Det du skrev visas här som en ny "
                "grupp: spara för att lägga till gruppen igen, eller stäng och kasta "
                "uppgifterna."))
            self.message.show()

    # ---- closing -----------------------------------------------------------------------
    def discard(self) -> None:
        """Close without asking and forget everything typed (the vault is locking)."""
        self._discarding = True
        self._pending_draft = None
        self.details.clear_all()
        self.followthrough.clear()
        self.timeline.clear()
        self.doses.clear()
        self.close()

    def reject(self) -> None:
        if self._discarding or not self.details.changes() or not self._ask_before_closing():
            return super().reject()
        return None

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._discarding and self.details.changes() and self._ask_before_closing():
            event.ignore()
            return
        self._discarding = True  # asked once: QDialog's close also passes through reject()
        super().closeEvent(event)

    def _ask_before_closing(self) -> bool:
        """True when the dialog must stay open (cancelled, or saving first)."""
        answer = QMessageBox.question(
            self, self.tr("Osparade ändringar"),
            self.tr("Spara ändringarna innan fönstret stängs?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            self._close_after_save = True
            self.details.save()
            return True
        if answer == QMessageBox.StandardButton.Cancel:
            return True
        self._discarding = True
        return False
