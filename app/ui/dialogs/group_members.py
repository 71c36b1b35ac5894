"""A group's members tab, and the small dialog that adds a member found by a person search."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.groups import MembershipDTO
from app.services.people import PersonSummary
from app.ui.crash import user_message
from app.ui.labels import date_text
from app.ui.pages.base import PageContext
from app.ui.table_models.group_members import GroupMembersModel, PersonPickModel
from app.ui.widgets.field_errors import FieldErrors, error_label

SEARCH_DELAY_MS = 250


def _view(model: GroupMembersModel | PersonPickModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


class MembersTab(QWidget):
    open_record = Signal(str, str)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.group_id: str | None = None
        self.model = GroupMembersModel(self)
        self.view = _view(self.model)
        self.view.activated.connect(self._open)
        self.view.selectionModel().selectionChanged.connect(self._selection)
        self.info = QLabel()
        self.show_former = QCheckBox(self.tr("Visa tidigare medlemmar"))
        self.show_former.toggled.connect(self._toggle_former)
        self.add_button = QPushButton(self.tr("Lägg till medlem…"))
        self.add_button.clicked.connect(self.add_member)
        self.end_button = QPushButton(self.tr("Avsluta medlemskap"))
        self.end_button.setToolTip(self.tr("Medlemskapet avslutas med i går som sista dag och "
                                           "visas sedan som tidigare."))
        self.end_button.clicked.connect(self.end_selected)
        self.end_button.setEnabled(False)
        self.message = error_label()
        top = QHBoxLayout()
        top.addWidget(self.info, 1)
        top.addWidget(self.show_former)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.end_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.dialog: AddMemberDialog | None = None

    def load(self, group_id: str) -> None:
        self.group_id = group_id
        groups = self._context.services.groups
        self._context.runner.run(lambda: groups.memberships(group_id=group_id),
                                 on_done=self._show, on_error=self._failed, owner=self)

    def _show(self, memberships: list[MembershipDTO]) -> None:
        self.model.set_memberships(memberships)
        self._update_info()
        self._selection()

    def _update_info(self) -> None:
        current, former = self.model.current_count(), self.model.former_count()
        text = self.tr("%1 nuvarande, %2 tidigare. Dubbelklicka för att öppna personen.")
        if not current and not former:
            text = self.tr("Inga medlemmar registrerade. Lägg till en med knappen nedan.")
        self.info.setText(text.replace("%1", str(current)).replace("%2", str(former)))

    def _toggle_former(self, show: bool) -> None:
        self.model.set_show_former(show)
        self._selection()

    def _selection(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        self.end_button.setEnabled(bool(rows) and self.model.membership(
            rows[0].row()).is_current())

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_record.emit("person", self.model.membership(index.row()).person_id)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(user_message(exc))
        self.message.show()

    def add_member(self) -> None:
        if self.group_id is None:
            return
        self.dialog = AddMemberDialog(self._context, self.group_id, self)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()

    def end_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        m = self.model.membership(rows[0].row())
        answer = QMessageBox.question(
            self, self.tr("Avsluta medlemskap"),
            self.tr("Avsluta medlemskapet för %1 i dag?").replace("%1", m.person_name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.message.hide()
        # Ended "yesterday": the person was a member until now and is former from today on.
        last_day = date.today() - timedelta(days=1)
        self._context.runner.run(self._context.services.groups.end_membership, m.id, last_day,
                                 on_done=lambda _m: self._context.events.changed("membership"),
                                 on_error=self._failed, owner=self)

    def clear(self) -> None:
        self.model.clear()
        if self.dialog is not None:
            self.dialog.close()


class AddMemberDialog(QDialog):
    def __init__(self, context: PageContext, group_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lägg till medlem"))
        self.resize(480, 460)
        self._context = context
        self.group_id = group_id
        self.errors = FieldErrors()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök person på namn, alias eller personnummer"))
        self.search.setClearButtonEnabled(True)
        self.people = PersonPickModel(self)
        self.view = _view(self.people)
        self.role = QLineEdit()
        self.role.setPlaceholderText(self.tr("t.ex. ledare, medlem, kringperson"))
        self.valid_from = QLineEdit(date_text(date.today()))
        self.valid_from.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))
        form = QFormLayout()
        form.addRow(self.tr("Person"), self.errors.wrap("person_id", self.search))
        form.addRow("", self.view)
        form.addRow(self.tr("Roll"), self.errors.wrap("role", self.role))
        form.addRow(self.tr("Från"), self.errors.wrap("valid_from", self.valid_from))
        self.message = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Lägg till"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.find_people)
        self.search.textChanged.connect(self._debounce.start)
        self.view.activated.connect(self.save)

    def find_people(self) -> None:
        self._debounce.stop()
        text = self.search.text().strip()
        if not text:
            self.people.set_people([])
            return
        self._context.runner.run(
            lambda: self._context.services.people.search(text, limit=50),
            on_done=self._found, on_error=self._failed, owner=self)

    def _found(self, people: list[PersonSummary]) -> None:
        self.people.set_people(people)
        if people:
            self.view.selectRow(0)

    def selected_person(self) -> str:
        rows = self.view.selectionModel().selectedRows()
        return self.people.person(rows[0].row()).id if rows else ""

    def save(self, *_args: object) -> None:
        values = {"person_id": self.selected_person(), "group_id": self.group_id,
                  "role": self.role.text(), "valid_from": self.valid_from.text().strip()}
        self.message.hide()
        self._context.runner.run(self._context.services.groups.add_membership, values,
                                 on_done=self._saved, on_error=self._failed)

    def _saved(self, _membership: MembershipDTO) -> None:
        self._context.events.changed("membership")
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.errors.show_failure(exc, self.message)
