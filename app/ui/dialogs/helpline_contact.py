"""A help-line contact, typed while the caller is still on the line: the time is now, the
channel the phone and the caller anonymous until they give a name; what they asked about, what
was offered and the follow-up promised, with its day.

New or existing (an existing one is read through the service, which logs the read). A refused
save shows each reason next to its field and stores nothing. Closing with unsaved text asks
first, except when the vault locks: then the typed values are handed over as a ``Draft`` and
the form comes back with them after unlocking. ``FollowedUpDialog`` marks a promised follow-up
as done.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import FieldError, ValidationError
from app.models.enums import HelplineChannel
from app.services.drafts import Draft
from app.services.helpline import HelplineContactDTO
from app.ui.crash import user_message
from app.ui.labels import date_text
from app.ui.pages.base import PageContext
from app.ui.table_models.helpline import channel_label
from app.ui.widgets.dated_step import build_dated_step
from app.ui.widgets.field_errors import FieldErrors, error_label

WHEN_FORMAT = "yyyy-MM-dd HH:mm"
DRAFT_KIND = "helpline_contact"


def _text_box(lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    height = box.fontMetrics().lineSpacing() * lines + 12
    box.setMinimumHeight(height)
    box.setMaximumHeight(height * 2)
    return box


class HelplineContactDialog(QDialog):
    saved = Signal(str)  # contact id
    open_record = Signal(str, str)  # kind, id

    def __init__(self, context: PageContext, contact_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._helpline = context.services.helpline
        self.contact_id = contact_id
        self._loaded: HelplineContactDTO | None = None
        self.setWindowTitle(self.tr("Ny kontakt") if contact_id is None else self.tr("Kontakt"))
        self.setMinimumWidth(560)
        self.errors = FieldErrors(self)

        self.when = QDateTimeEdit()
        self.when.setDisplayFormat(WHEN_FORMAT)
        self.when.setCalendarPopup(True)
        now = QDateTime.currentDateTime()
        self.when.setDateTime(now.addSecs(-now.time().second()))
        self.channel = QComboBox()
        for channel in HelplineChannel:
            self.channel.addItem(channel_label(channel), channel.value)
        self.anonymous = QCheckBox(self.tr("Anonym – uppgav inget namn"))
        self.anonymous.setChecked(True)
        self.anonymous.toggled.connect(self._anonymous_toggled)
        self.caller_name = QLineEdit()
        self.caller_name.setMaxLength(200)
        self.caller_name.setPlaceholderText(self.tr("Det namn som uppgavs (kan vara ett förnamn)"))
        self.caller_name.setEnabled(False)
        self.linked = QLabel()
        self.linked.setTextFormat(Qt.TextFormat.PlainText)
        self.open_person = QPushButton(self.tr("Visa person"))
        self.open_person.setAutoDefault(False)
        self.open_person.clicked.connect(self._open_person)
        linked_row = QWidget()
        linked_layout = QHBoxLayout(linked_row)
        linked_layout.setContentsMargins(0, 0, 0, 0)
        linked_layout.addWidget(self.linked, 1)
        linked_layout.addWidget(self.open_person)
        self.asked = _text_box(3)
        self.offered = _text_box(3)
        self.follow_up = _text_box(2)
        self.follow_up_on = QLineEdit()
        self.follow_up_on.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))
        self.follow_up_on.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000-00-00MMMM"))
        self.tomorrow = QPushButton(self.tr("I morgon"))
        self.in_a_week = QPushButton(self.tr("Om en vecka"))
        for button, days in ((self.tomorrow, 1), (self.in_a_week, 7)):
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, d=days: self._follow_up_in(d))
        day_row = QWidget()
        day_layout = QHBoxLayout(day_row)
        day_layout.setContentsMargins(0, 0, 0, 0)
        day_layout.addWidget(self.follow_up_on)
        day_layout.addWidget(self.tomorrow)
        day_layout.addWidget(self.in_a_week)
        day_layout.addStretch(1)
        self.handled_by = QLineEdit(context.services.user if contact_id is None else "")
        self.handled_by.setMaxLength(100)

        when_row = QWidget()
        when_layout = QHBoxLayout(when_row)
        when_layout.setContentsMargins(0, 0, 0, 0)
        when_layout.addWidget(self.errors.wrap("contacted_at", self.when))
        when_layout.addWidget(QLabel(self.tr("Kanal")))
        when_layout.addWidget(self.errors.wrap("channel", self.channel), 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Tidpunkt"), when_row)
        form.addRow("", self.errors.wrap("anonymous", self.anonymous))
        form.addRow(self.tr("Namn"), self.errors.wrap("caller_name", self.caller_name))
        self.linked_box = self.errors.wrap("person_id", linked_row)
        form.addRow(self.tr("Kopplad till"), self.linked_box)
        form.addRow(self.tr("Frågade om"), self.errors.wrap("asked", self.asked))
        form.addRow(self.tr("Erbjöds"), self.errors.wrap("offered", self.offered))
        form.addRow(self.tr("Uppföljning"), self.errors.wrap("follow_up", self.follow_up))
        form.addRow(self.tr("Följs upp den"), self.errors.wrap("follow_up_on", day_row))
        self.errors.alias("follow_up_on", self.follow_up_on)
        form.addRow(self.tr("Togs emot av"), self.errors.wrap("handled_by", self.handled_by))
        self._form = form
        form.setRowVisible(self.linked_box, False)

        self.message = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Spara"))
        self.save_button.setToolTip(self.tr("Spara kontakten (Ctrl+S)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form, 1)
        layout.addWidget(self.buttons)

        self._pending_draft: Draft | None = None
        self._discarding = False
        self._baseline = self.state()
        for line in (self.caller_name, self.follow_up_on, self.handled_by):
            line.textChanged.connect(self._mark)
        for box in (self.asked, self.offered, self.follow_up):
            box.textChanged.connect(self._mark)
        self.channel.currentIndexChanged.connect(self._mark)
        self.anonymous.toggled.connect(self._mark)
        self.when.dateTimeChanged.connect(self._mark)
        self.asked.setFocus()  # on the phone, what they ask comes first

        if contact_id is not None:
            self.save_button.setEnabled(False)
            context.runner.run(self._helpline.get, contact_id, on_done=self._show,
                               on_error=self._load_failed, owner=self)

    # ---- fields ----------------------------------------------------------------------------
    def _anonymous_toggled(self, anonymous: bool) -> None:
        self.caller_name.setEnabled(not anonymous)
        if not anonymous and self.isVisible():
            self.caller_name.setFocus()

    def _follow_up_in(self, days: int) -> None:
        start = self.when.date()
        day = date(start.year(), start.month(), start.day()) + timedelta(days=days)
        self.follow_up_on.setText(date_text(day))

    def _open_person(self) -> None:
        if self._loaded is not None and self._loaded.person_id:
            self.open_record.emit("person", self._loaded.person_id)

    # ---- loading ---------------------------------------------------------------------------
    def _show(self, contact: HelplineContactDTO) -> None:
        self._loaded = contact
        self.contact_id = contact.id
        self.setWindowTitle(self.tr("Kontakt %1").replace(
            "%1", contact.contacted_at.strftime("%Y-%m-%d %H:%M")))
        at = contact.contacted_at
        self.when.setDateTime(QDateTime(at.year, at.month, at.day, at.hour, at.minute, 0))
        self.channel.setCurrentIndex(max(0, self.channel.findData(contact.channel.value)))
        self.anonymous.setChecked(contact.anonymous)
        self.caller_name.setText(contact.caller_name or "")
        self._show_link(contact)
        self.asked.setPlainText(contact.asked or "")
        self.offered.setPlainText(contact.offered or "")
        self.follow_up.setPlainText(contact.follow_up or "")
        self.follow_up_on.setText(date_text(contact.follow_up_on))
        self.handled_by.setText(contact.handled_by or "")
        self.save_button.setEnabled(True)
        self._baseline = self.state()
        self._mark()
        self._apply_pending_draft()

    def _show_link(self, contact: HelplineContactDTO) -> None:
        linked = contact.person_id is not None
        self._form.setRowVisible(self.linked_box, linked)
        self.linked.setText(contact.person_name or self.tr("(personen är borttagen)"))
        self.open_person.setEnabled(contact.person_name is not None)
        # A linked contact is not anonymous; the link is undone on the list, not here.
        self.anonymous.setEnabled(not linked)
        self.anonymous.setToolTip(self.tr("Ta bort kopplingen till personen först.")
                                  if linked else "")

    def _load_failed(self, exc: BaseException) -> None:
        if self._pending_draft is not None:
            # Deleted while the vault was locked: keep what was typed, as a new contact.
            self.contact_id = None
            self.setWindowTitle(self.tr("Ny kontakt"))
            self.save_button.setEnabled(True)
            self._apply_pending_draft(gone=True)
            return
        self.message.setText(user_message(exc))
        self.message.show()

    # ---- saving ----------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        when = self.when.dateTime()
        d, t = when.date(), when.time()
        contacted_at = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
        loaded = self._loaded
        if loaded is not None and \
                loaded.contacted_at.replace(second=0, microsecond=0) == contacted_at:
            # The form shows minutes: an untouched time keeps its stored seconds.
            contacted_at = loaded.contacted_at
        anonymous = self.anonymous.isChecked()
        return {
            "contacted_at": contacted_at,
            "channel": self.channel.currentData(),
            "anonymous": anonymous,
            "caller_name": None if anonymous else self.caller_name.text(),
            "asked": self.asked.toPlainText(),
            "offered": self.offered.toPlainText(),
            "follow_up": self.follow_up.toPlainText(),
            "follow_up_on": self.follow_up_on.text().strip(),
            "handled_by": self.handled_by.text(),
        }

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.errors.clear()
        self.message.hide()
        self.save_button.setEnabled(False)
        if self.contact_id is None:
            self._context.runner.run(self._helpline.create, self.values(),
                                     on_done=self._saved, on_error=self._save_failed,
                                     owner=self)
        else:
            self._context.runner.run(self._helpline.update, self.contact_id, self.values(),
                                     on_done=self._saved, on_error=self._save_failed,
                                     owner=self)

    def _saved(self, contact: HelplineContactDTO) -> None:
        self.contact_id = contact.id
        self._baseline = self.state()
        self._discarding = True  # saved: closing must not ask
        self.saved.emit(contact.id)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(exc, ValidationError):
            self.message.setText(user_message(exc))
            self.message.show()
            return
        rest = self.errors.show(exc.errors)
        if rest:
            self.message.setText("\n".join(str(e) for e in rest))
            self.message.show()

    # ---- drafts across a lock --------------------------------------------------------------
    def state(self) -> dict[str, str]:
        return {"contacted_at": self.when.dateTime().toString(WHEN_FORMAT),
                "channel": str(self.channel.currentData()),
                "anonymous": "1" if self.anonymous.isChecked() else "0",
                "caller_name": self.caller_name.text(), "asked": self.asked.toPlainText(),
                "offered": self.offered.toPlainText(), "follow_up": self.follow_up.toPlainText(),
                "follow_up_on": self.follow_up_on.text(), "handled_by": self.handled_by.text()}

    def changes(self) -> dict[str, str]:
        state = self.state()
        return {k: v for k, v in state.items() if v != self._baseline.get(k)}

    def restore_state(self, state: dict[str, str]) -> None:
        """Put typed values back over the shown contact; they count as unsaved changes."""
        lines = {"caller_name": self.caller_name, "follow_up_on": self.follow_up_on,
                 "handled_by": self.handled_by}
        boxes = {"asked": self.asked, "offered": self.offered, "follow_up": self.follow_up}
        for field, text in state.items():
            if field == "contacted_at":
                when = QDateTime.fromString(text, WHEN_FORMAT)
                if when.isValid():
                    self.when.setDateTime(when)
            elif field == "channel":
                self.channel.setCurrentIndex(max(0, self.channel.findData(text)))
            elif field == "anonymous" and self.anonymous.isEnabled():
                self.anonymous.setChecked(text == "1")
            elif field in lines:
                lines[field].setText(text)
            elif field in boxes:
                boxes[field].setPlainText(text)
        self._mark()

    def draft(self) -> Draft | None:
        """What is typed and not saved, or None when there is nothing to keep."""
        if self._pending_draft is not None:
            return self._pending_draft  # restored but the contact has not come back yet
        if self.contact_id is not None and self._loaded is None:
            return None  # still loading: nothing typed yet
        changes = self.changes()
        return Draft(DRAFT_KIND, self.contact_id, changes) if changes else None

    def restore_draft(self, draft: Draft) -> None:
        self._pending_draft = draft
        if self.contact_id is None or self._loaded is not None:
            self._apply_pending_draft(gone=draft.record_gone)

    def _apply_pending_draft(self, gone: bool = False) -> None:
        draft, self._pending_draft = self._pending_draft, None
        if draft is None:
            return
        self.restore_state(draft.fields)
        if gone:
            self.message.setText(self.tr(
                "Kontakten togs bort medan valvet var låst. Det du skrev visas här som en ny "
                "kontakt: spara för att lägga till den igen, eller stäng och kasta "
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
        for line in (self.caller_name, self.follow_up_on, self.handled_by):
            line.clear()
        for box in (self.asked, self.offered, self.follow_up):
            box.clear()
        self.linked.clear()
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
            self.tr("Spara kontakten innan fönstret stängs?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            self.save()
            return True
        if answer == QMessageBox.StandardButton.Cancel:
            return True
        self._discarding = True
        return False


class FollowedUpDialog(QDialog):
    """The promised follow-up is done: on which day, and a note for the contact."""

    followed_up = Signal(object)  # HelplineContactDTO

    def __init__(self, context: PageContext, contact: HelplineContactDTO,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.contact_id = contact.id
        self.setWindowTitle(self.tr("Uppföljning gjord"))
        self.setMinimumWidth(420)
        self.errors = FieldErrors(self)
        intro = QLabel(self.tr("Planerad till %1. Dagen tas bort från kontakten och en rad "
                               "om när och av vem läggs till uppföljningen.")
                       .replace("%1", date_text(contact.follow_up_on)))
        intro.setWordWrap(True)
        step = build_dated_step(
            self, self.errors, intro=intro, day_label=self.tr("Gjord den"),
            day_field="follow_up_on", text_label=self.tr("Anteckning"), text_field="follow_up",
            text_example=self.tr("t.ex. ringde upp, bokade möte"),
            ok_text=self.tr("Markera som gjord"))
        self.day, self.note = step.day, step.text
        self.message, self.ok = step.message, step.ok

    def save(self) -> None:
        self.errors.clear()
        self.message.hide()
        text = self.day.text().strip()
        try:
            day = date.fromisoformat(text)
        except ValueError:
            self.errors.show([FieldError("follow_up_on",
                                         self.tr("Ska vara ett datum som ÅÅÅÅ-MM-DD"))])
            return
        helpline = self._context.services.helpline
        self._context.runner.run(partial(helpline.mark_followed_up, on=day),
                                 self.contact_id, self.note.text(),
                                 on_done=self._saved, on_error=self._failed, owner=self)

    def _saved(self, contact: HelplineContactDTO) -> None:
        self.followed_up.emit(contact)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.errors.show_failure(exc, self.message)

    def clear(self) -> None:
        self.day.clear()
        self.note.clear()
        self.close()
