"""One call-in in a window of its own: details and status, programme, invitees, logistics
and letters, each a tab.

Non-modal, one window per call-in (the call-ins page keeps track and closes them when the
vault locks). Opening reads the call-in on the lane — ``get`` logs the consultation, as it
names the people invited — together with which of its groups each invitee belongs to. Every
change is one service call; after it the window reads the call-in again (not logged: the
opening was) and the other screens are told. Only the details tab holds typed text between
saves: a lock keeps it as a draft.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.services.callin_dto import CallInDTO
from app.services.drafts import Draft
from app.ui.dialogs.callin_details import DetailsTab
from app.ui.dialogs.callin_invitees import InviteesTab
from app.ui.dialogs.callin_letters import LettersTab
from app.ui.dialogs.callin_logistics import LogisticsTab
from app.ui.dialogs.callin_programme import ProgrammeTab
from app.ui.dialogs.callin_tab import CallInTab, error_text
from app.ui.events import concerns
from app.ui.labels import callin_status_label
from app.ui.pages.base import PageContext
from app.ui.table_models.callins import datetime_text
from app.ui.widgets.field_errors import error_label

Loaded = tuple[CallInDTO, dict[str, str]]


def load_callin(context: PageContext, call_in_id: str, log: bool = True) -> Loaded:
    """Runs on the lane: the read (audited when the window opens, not on its refreshes), then
    which of the call-in's groups each person is a current member of (for the invitee
    table)."""
    callin = context.services.callins.get(call_in_id, log=log)
    groups: dict[str, list[str]] = {}
    for ref in callin.groups:
        for m in context.services.groups.memberships(group_id=ref.group_id, current_only=True):
            groups.setdefault(m.person_id, []).append(ref.name)
    return callin, {pid: ", ".join(names) for pid, names in groups.items()}


class CallInWindow(QWidget):
    open_record = Signal(str, str)
    status_message = Signal(str)

    def __init__(self, context: PageContext, call_in_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = context
        self.call_in_id = call_in_id
        self.callin: CallInDTO | None = None
        self._discarding = False
        self._pending: Draft | None = None  # typed details waiting for the call-in to be read
        self.resize(1080, 680)
        self.setMinimumSize(820, 520)
        self.setWindowTitle(self.tr("Call-in"))

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.subheading = QLabel()
        self.subheading.setTextFormat(Qt.TextFormat.PlainText)
        self.message = error_label()

        self.details = DetailsTab(context)
        self.programme = ProgrammeTab(context)
        self.invitees = InviteesTab(context)
        self.logistics = LogisticsTab(context)
        self.letters = LettersTab(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.details, self.tr("Uppgifter"))
        self.tabs.addTab(self.programme, self.tr("Program"))
        self.tabs.addTab(self.invitees, self.tr("Inbjudna"))
        self.tabs.addTab(self.logistics, self.tr("Logistik"))
        self.tabs.addTab(self.letters, self.tr("Brev"))
        for tab in self.all_tabs():
            tab.changed.connect(self._changed)
            tab.open_record.connect(self.open_record)
        self.details.deleted.connect(self._deleted)

        self.close_button = QPushButton(self.tr("Stäng"))
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        context.events.data_changed.connect(self._data_changed)
        self.reload()

    def all_tabs(self) -> tuple[CallInTab, ...]:
        return (self.details, self.programme, self.invitees, self.logistics, self.letters)

    # ---- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        # One READ in the log per opening; reading again after a change names nothing new.
        self.context.runner.run(load_callin, self.context, self.call_in_id,
                                self.callin is None, on_done=self._show,
                                on_error=self._failed, owner=self)

    def _show(self, loaded: Loaded) -> None:
        callin, groups = loaded
        self.callin = callin
        self.message.hide()
        title = callin.title or self.tr("(utan rubrik)")
        self.setWindowTitle(self.tr("Call-in: %1").replace("%1", title))
        self.heading.setText(title)
        when = datetime_text(callin.starts_at) or self.tr("datum ej bestämt")
        self.subheading.setText(" · ".join(
            part for part in (when, callin.venue or "", callin_status_label(callin.status))
            if part))
        for tab in self.all_tabs():
            tab.show_callin(callin)
        self.invitees.set_groups(groups)
        if self._pending is not None:
            draft, self._pending = self._pending, None
            self.restore_draft(draft)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(error_text(exc))
        self.message.show()

    def _changed(self, entity: str) -> None:
        # The event reaches this window too (``_data_changed``), which reads the call-in again.
        self.context.events.changed(entity)

    def _data_changed(self, entity: str) -> None:
        if not self._discarding and concerns(entity, "callin", "person", "group",
                                              "membership", "letter"):
            self.reload()

    def _deleted(self) -> None:
        self.status_message.emit(self.tr("Call-in har tagits bort"))
        self.discard()

    # ---- drafts across a lock --------------------------------------------------------------
    def draft(self) -> Draft | None:
        """The details typed and not saved, or None."""
        if self._pending is not None:
            return self._pending
        changes = self.details.changes()
        return Draft("callin", self.call_in_id, changes) if changes else None

    def restore_draft(self, draft: Draft) -> None:
        if self.callin is None:
            self._pending = draft  # applied once the call-in is read
            return
        self.details.restore_changes(draft.fields)
        self.tabs.setCurrentWidget(self.details)

    # ---- closing -------------------------------------------------------------------------
    def discard(self) -> None:
        """Close without asking and forget everything shown (the vault is locking)."""
        self._pending = None
        self._discarding = True
        for tab in self.all_tabs():
            tab.clear()
        self.callin = None
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._discarding and self.details.dirty() and not self.details.confirm_discard():
            event.ignore()
            return
        with contextlib.suppress(RuntimeError, TypeError):
            self.context.events.data_changed.disconnect(self._data_changed)
        super().closeEvent(event)
