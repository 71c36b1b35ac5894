"""Small forms of the invitee pipeline: how and by whom an invitation was handed over, when
someone signed out, and adding a person with the reason they are invited. Each runs its
service call itself and stays open, with the message next to the field, when it is refused."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.people import PersonSummary
from app.ui.dialogs.callin_tab import error_text, now_text
from app.ui.labels import date_text
from app.ui.pages.base import PageContext
from app.ui.widgets.field_errors import FieldErrors, error_label

SEARCH_DELAY_MS = 250


class _Form(QDialog):
    """A form whose Save runs ``submit()`` on the lane; field errors land next to fields."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.errors = FieldErrors(self)
        self.form = QFormLayout()
        self.message = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.result_value: Any = None

    def finish_layout(self, intro: str | None = None) -> None:
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def submit(self) -> Any:
        raise TypeError(f"{type(self).__name__} must define submit()")

    def save(self) -> None:
        self.errors.clear()
        self.context.runner.run(self.submit, on_done=self._done, on_error=self.failed,
                                owner=self)

    def _done(self, value: Any) -> None:
        self.result_value = value
        self.accept()

    def failed(self, exc: BaseException) -> None:
        left = self.errors.show(exc.errors) if isinstance(exc, ValidationError) else []
        if isinstance(exc, ValidationError):
            text = "\n".join(f"{e.label}: {e.reason}" if e.label else e.reason for e in left)
        else:
            text = error_text(exc)
        self.message.setText(text)
        self.message.setVisible(bool(text))


class InviteDialog(_Form):
    """How and by whom the invitation was handed over (default: the current user, now)."""


    def __init__(self, context: PageContext, names: list[str],
                 submit: Callable[[str, str, str], Any], parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._submit = submit
        self.setWindowTitle(self.tr("Bjud in"))
        self.how = QComboBox()
        self.how.setEditable(True)
        self.how.addItems([self.tr("Brev via frivården"), self.tr("Personligen"),
                           self.tr("Via socialtjänsten"), self.tr("Via familjen"),
                           self.tr("Telefon")])
        self.by = QLineEdit(context.services.db.user)
        self.at = QLineEdit(now_text())
        self.at.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD TT:MM"))
        self.form.addRow(self.tr("Hur"), self.errors.wrap("how", self.how))
        self.form.addRow(self.tr("Av vem"), self.errors.wrap("by", self.by))
        self.form.addRow(self.tr("När"), self.errors.wrap("at", self.at))
        self.finish_layout(self.tr("Kallelse till: %1").replace("%1", ", ".join(names)))

    def submit(self) -> Any:
        return self._submit(self.how.currentText(), self.by.text(), self.at.text())


class SignOutDialog(_Form):
    def __init__(self, context: PageContext, names: list[str],
                 submit: Callable[[str], Any], parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._submit = submit
        self.setWindowTitle(self.tr("Signera ut"))
        self.at = QLineEdit(now_text())
        self.at.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD TT:MM"))
        self.form.addRow(self.tr("Tid"), self.errors.wrap("signed_out_at", self.at))
        self.finish_layout(self.tr("Utcheckning för: %1").replace("%1", ", ".join(names)))

    def submit(self) -> Any:
        return self._submit(self.at.text())


class AddInviteeDialog(_Form):
    """Find a person by name and give the reason they are invited."""

    def __init__(self, context: PageContext, call_in_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.call_in_id = call_in_id
        self.setWindowTitle(self.tr("Lägg till inbjuden"))
        self.resize(460, 480)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök på namn, alias eller personnummer"))
        self.search.setClearButtonEnabled(True)
        self.people = QStandardItemModel(self)
        self.list = QListView()
        self.list.setModel(self.people)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addWidget(self.list)
        self.form.addRow(self.tr("Person"), self.errors.wrap("person_id", box))
        self.form.addRow(self.tr("Skäl"), self.errors.wrap("reason", self.reason))
        self.finish_layout()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.search_people)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.search_people)
        self.search.setFocus()

    def search_people(self) -> None:
        self._debounce.stop()
        text = self.search.text().strip()
        if not text:
            self.people.clear()
            return
        people = self.context.services.people
        self.context.runner.run(lambda: people.search(text, limit=50),
                                on_done=self._show, on_error=self.failed, owner=self)

    def _show(self, found: list[PersonSummary]) -> None:
        self.people.clear()
        for person in found:
            born = date_text(person.birth_date)
            text = f"{person.first_name} {person.last_name}" + (f" ({born})" if born else "")
            item = QStandardItem(text)
            item.setData(person.id, Qt.ItemDataRole.UserRole)
            self.people.appendRow(item)
        if found:
            self.list.setCurrentIndex(self.people.index(0, 0))

    def chosen_id(self) -> str:
        index = self.list.currentIndex()
        return str(index.data(Qt.ItemDataRole.UserRole)) if index.isValid() else ""

    def submit(self) -> Any:
        return self.context.services.callins.add_invitee(
            self.call_in_id, self.chosen_id(), self.reason.toPlainText())
