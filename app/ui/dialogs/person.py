"""One person in a window of their own: the editable record, memberships and timeline.

Non-modal, one window per person (the people page keeps track). Opening reads the person on
the lane — ``get`` writes the READ audit event for the consultation — together with the
memberships and the timeline. Saving sends only the changed fields; the service's field errors
appear next to their fields and nothing is stored. Closing with unsaved changes asks first,
except when the vault locks: then the unsaved texts are handed over as a ``Draft`` (kept in
the vault) and dropped from the screen; after unlocking the window comes back with them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.drafts import Draft
from app.services.groups import MembershipDTO
from app.services.people import PersonDTO
from app.services.timeline import TimelineEntry, TimelineService
from app.ui.crash import user_message
from app.ui.dialogs.notification_doses import DosesLabel
from app.ui.dialogs.notification_wizard import NotificationWizard
from app.ui.dialogs.person_form import PersonForm
from app.ui.dialogs.person_memberships import MembershipsTab
from app.ui.dialogs.person_reveal import RevealPurposeDialog
from app.ui.dialogs.person_support import SupportTab
from app.ui.events import concerns
from app.ui.icons import page_icon
from app.ui.pages.base import PageContext
from app.ui.table_models.timeline import TimelineModel
from app.ui.widgets.field_errors import ERROR_COLOUR

Loaded = tuple[PersonDTO, list[MembershipDTO], list[TimelineEntry]]


def _load(context: PageContext, person_id: str) -> Loaded:
    """Runs on the lane: the audited read, then what belongs to the person."""
    person = context.services.people.get(person_id)
    return (person, *_related(context, person_id))


def _related(context: PageContext, person_id: str) -> tuple[list[MembershipDTO],
                                                             list[TimelineEntry]]:
    return (context.services.groups.memberships(person_id=person_id),
            TimelineService(context.services.db).for_person(person_id))


class PersonWindow(QWidget):
    open_record = Signal(str, str)
    status_message = Signal(str)
    person_saved = Signal(str)  # the id, also after creating

    def __init__(self, context: PageContext, person_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = context
        self.person: PersonDTO | None = None
        self.person_id = person_id
        self._discarding = False
        self._close_after_save = False
        self._pending_draft: Draft | None = None
        self.reveal_dialog: RevealPurposeDialog | None = None
        self.resize(1000, 640)
        self.setMinimumSize(760, 480)

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message.hide()
        self.doses = DosesLabel()
        self.doses.hide()  # a new person has none

        self.form = PersonForm()
        self.form.reveal_requested.connect(self.reveal)
        self.form.edited.connect(self._update_title)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.memberships = MembershipsTab(context.services.groups, context.runner,
                                          context.events)
        self.memberships.open_group.connect(lambda gid: self.open_record.emit("group", gid))
        self.timeline_model = TimelineModel(self)
        self.timeline = _timeline_view(self.timeline_model)
        self.timeline.doubleClicked.connect(self._open_entry)
        self.timeline_empty = QLabel(self.tr("Inget registrerat om personen ännu: medlemskap, "
                                             "händelser, call-ins och insatser visas här."))
        self.timeline_empty.setWordWrap(True)
        self.timeline_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.timeline_stack = QStackedWidget()
        self.timeline_stack.addWidget(self.timeline)
        self.timeline_stack.addWidget(self.timeline_empty)

        self.support = SupportTab(context)
        self.support.open_record.connect(self.open_record)

        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, self.tr("Uppgifter"))
        self.tabs.addTab(self.memberships, self.tr("Medlemskap"))
        self.tabs.addTab(self.timeline_stack, self.tr("Tidslinje"))
        self.tabs.addTab(self.support, self.tr("Stöd"))

        self.delete_button = QPushButton(page_icon("delete"), self.tr("Ta bort person…"))
        self.delete_button.clicked.connect(self.delete)
        self.save_button = QPushButton(self.tr("Spara"))
        self.save_button.setToolTip(self.tr("Spara (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Stäng"))
        self.close_button.clicked.connect(self.close)
        self.notify_button = QPushButton(self.tr("Nytt riktat samtal…"))
        self.notify_button.setToolTip(self.tr("Registrera ett riktat samtal med personen"))
        self.notify_button.setEnabled(False)
        self.notify_button.clicked.connect(self.new_notification)
        self.notification_wizard: NotificationWizard | None = None
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.notify_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.doses)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        context.events.data_changed.connect(self._data_changed)
        if person_id is None:
            self._show_new()
        else:
            self.heading.setText(self.tr("Hämtar…"))
            self._set_enabled(False)
            self.reload()

    # ---- loading -----------------------------------------------------------------------
    def reload(self) -> None:
        if self.person_id is not None:
            self.context.runner.run(_load, self.context, self.person_id, on_done=self._show,
                                    on_error=self._load_failed)

    def _data_changed(self, entity_type: str) -> None:
        """Memberships or incidents changed (here or elsewhere): refresh what hangs on the
        person without reading the record again (that would log another consultation)."""
        if self.person is None or not concerns(entity_type, "membership", "group", "incident",
                                               "notification", "callin", "referral",
                                               "consent"):
            return
        person_id = self.person.id
        self._load_doses(person_id)
        self.context.runner.run(_related, self.context, person_id,
                                on_done=lambda r: self._show_related(person_id, *r),
                                on_error=lambda exc: self._show_message(user_message(exc)),
                                owner=self)

    def _show_related(self, person_id: str, memberships: list[MembershipDTO],
                      timeline: list[TimelineEntry]) -> None:
        if self.person is None or self.person.id != person_id:
            return
        self.memberships.show_memberships(person_id, memberships)
        self.timeline_model.set_entries(timeline)
        self.timeline_stack.setCurrentWidget(self.timeline if timeline else self.timeline_empty)

    def _load_doses(self, person_id: str) -> None:
        self.context.runner.run(self.context.services.notifications.doses_for_person,
                                person_id, on_done=self._show_doses, owner=self)

    def _show_doses(self, doses: Any) -> None:
        self.doses.show_doses(doses)
        self.doses.show()
        self.notify_button.setEnabled(self.person is not None)

    def new_notification(self) -> None:
        """The custom notification wizard with this person already chosen."""
        if self.person is None:
            return
        wizard = self.notification_wizard
        if wizard is not None and shiboken6.isValid(wizard) and wizard.isVisible():
            wizard.raise_()
            return
        wizard = NotificationWizard(self.context, people=[(self.person.id,
                                                           self.person.full_name)], parent=self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.notification_wizard = wizard
        wizard.show()

    def _show_new(self) -> None:
        self.heading.setText(self.tr("Ny person"))
        self.setWindowTitle(self.tr("Ny person"))
        self.form.fill(None)
        self.delete_button.setEnabled(False)
        for tab in (1, 2, 3):
            self.tabs.setTabEnabled(tab, False)
        self.form.first_field().setFocus()

    def _show(self, loaded: Loaded) -> None:
        person, memberships, timeline = loaded
        self._show_person(person)
        self._load_doses(person.id)
        self.memberships.show_memberships(person.id, memberships)
        self.timeline_model.set_entries(timeline)
        self.timeline_stack.setCurrentWidget(self.timeline if timeline else self.timeline_empty)

    def _show_person(self, person: PersonDTO) -> None:
        self.person, self.person_id = person, person.id
        self.form.fill(person)
        self._set_enabled(True)
        self.delete_button.setEnabled(True)
        for tab in (1, 2, 3):
            self.tabs.setTabEnabled(tab, True)
        self.support.set_person(person.id, person.full_name)
        self._update_title()
        self._apply_pending_draft()

    def _set_enabled(self, enabled: bool) -> None:
        self.form.setEnabled(enabled)
        self.save_button.setEnabled(enabled)

    def _update_title(self) -> None:
        if self.person is None:
            title = self.tr("Ny person")
            self.setWindowTitle(f"{title} *" if self.form.is_dirty() else title)
            return
        name = self.person.full_name
        self.heading.setText(name)
        self.setWindowTitle(f"{name} *" if self.form.is_dirty() else name)

    def _load_failed(self, exc: BaseException) -> None:
        if self._pending_draft is not None:
            # Deleted while the vault was locked: what was typed must still not be lost.
            self._pending_draft = replace(self._pending_draft, record_gone=True)
            self.person_id = None
            self._set_enabled(True)
            self._show_new()
            self._apply_pending_draft()
            return
        self.heading.setText(self.tr("Kan inte visa personen"))
        self._show_message(user_message(exc))
        self.tabs.hide()
        self.delete_button.setEnabled(False)
        self.save_button.setEnabled(False)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # ---- saving ------------------------------------------------------------------------
    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.message.hide()
        self.form.errors.clear()
        people = self.context.services.people
        if self.person is None:
            self.context.runner.run(people.create, self.form.values(), on_done=self._saved,
                                    on_error=self._save_failed)
            return
        changes = self.form.changes()
        if not changes:
            self.status_message.emit(self.tr("Inget att spara"))
            self._close_if_asked()
            return
        self.context.runner.run(people.update, self.person.id, changes, on_done=self._saved,
                                on_error=self._save_failed)

    def _saved(self, person: PersonDTO) -> None:
        created = self.person is None
        self._show_person(person)
        self.context.events.changed("person")
        self.person_saved.emit(person.id)
        self.status_message.emit(
            (self.tr("%1 har lagts till") if created else self.tr("%1 har sparats"))
            .replace("%1", person.full_name))
        if created:
            self.memberships.show_memberships(person.id, [])
            self.timeline_stack.setCurrentWidget(self.timeline_empty)
        self._close_if_asked()

    def _close_if_asked(self) -> None:
        if self._close_after_save:
            self._close_after_save = False
            self.close()

    def _save_failed(self, exc: BaseException) -> None:
        self._close_after_save = False
        if isinstance(exc, ValidationError):
            self.tabs.setCurrentIndex(0)
            left = self.form.errors.show(exc.errors)
            if left:
                self._show_message("; ".join(f"{e.label}: {e.reason}" if e.label else e.reason
                                             for e in left))
            return
        self._show_message(user_message(exc))

    # ---- reveal and delete ---------------------------------------------------------------
    def reveal(self) -> None:
        if self.person is None:
            return
        dialog = RevealPurposeDialog(self.person.full_name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._reveal_with(dialog.text()))
        self.reveal_dialog = dialog
        dialog.open()

    def _reveal_with(self, purpose: str) -> None:
        if self.person is None:
            return
        self.context.runner.run(self.context.services.people.reveal_personnummer,
                                self.person.id, purpose, on_done=self.form.show_revealed,
                                on_error=lambda exc: self._show_message(user_message(exc)),
                                owner=self)

    def delete(self) -> None:
        if self.person is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Ta bort person"),
            self.tr("Ta bort %1 ur registret? Personen försvinner ur listor och sökningar; "
                    "borttagningen loggas.").replace("%1", self.person.full_name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        name = self.person.full_name
        self.context.runner.run(self.context.services.people.delete, self.person.id,
                                on_done=lambda _r: self._deleted(name),
                                on_error=lambda exc: self._show_message(user_message(exc)),
                                owner=self)

    def _deleted(self, name: str) -> None:
        self.context.events.changed("person")
        self.status_message.emit(self.tr("%1 har tagits bort").replace("%1", name))
        self.discard()

    # ---- drafts across a lock ------------------------------------------------------------
    def draft(self) -> Draft | None:
        """What is typed and not saved, or None when there is nothing to keep."""
        if self._pending_draft is not None:
            return self._pending_draft  # restored but the record has not come back yet
        if not self.form.isEnabled() or not self._unsaved():
            return None
        state = self.form.draft_state()
        if not state:
            return None
        return Draft("person", self.person.id if self.person is not None else None, state)

    def restore_draft(self, draft: Draft) -> None:
        """Show the texts of ``draft`` over the record (once it is read) as unsaved changes."""
        self._pending_draft = draft
        if self.person is not None or self.person_id is None:
            self._apply_pending_draft()

    def _apply_pending_draft(self) -> None:
        draft, self._pending_draft = self._pending_draft, None
        if draft is None:
            return
        self.form.restore_state(draft.fields)
        self._update_title()
        if draft.record_gone:
            self._show_message(self.tr(
                "Personen togs bort medan valvet var låst. Det du skrev visas här som en ny "
                "person: spara för att lägga till personen igen, eller stäng och kasta "
                "uppgifterna."))

    # ---- closing -----------------------------------------------------------------------
    def discard(self) -> None:
        """Close without asking and forget everything typed (deleted person, vault locking)."""
        self._discarding = True
        self._pending_draft = None
        self.memberships.clear()
        self.support.clear()
        self.timeline_model.clear()
        self.form.clear_all()
        self.doses.clear()
        if self.notification_wizard is not None and shiboken6.isValid(self.notification_wizard):
            self.notification_wizard.discard()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._discarding and self.form.isEnabled() and self._unsaved():
            answer = QMessageBox.question(
                self, self.tr("Osparade ändringar"),
                self.tr("Spara ändringarna innan fönstret stängs?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save:
                event.ignore()
                self._close_after_save = True
                self.save()
                return
        super().closeEvent(event)

    def _unsaved(self) -> bool:
        return self.form.is_dirty()  # a new person's form compares with the empty form

    def _open_entry(self, index: Any) -> None:
        entry = self.timeline_model.entry(index.row())
        if entry.record_kind == "consent" and entry.record_id:
            self.tabs.setCurrentWidget(self.support)  # consents are kept on that tab
            self.support.select_consent(entry.record_id)
        elif entry.record_kind in ("group", "incident", "person", "callin", "notification",
                                   "referral", "helpline_contact") and entry.record_id:
            self.open_record.emit(entry.record_kind, entry.record_id)


def _timeline_view(model: TimelineModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(TimelineModel.WHEN, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(TimelineModel.TITLE, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(TimelineModel.TITLE, 360)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view
