"""The two "who was involved" panels of the incident form: groups picked from a chooser, people
found by a search, each with a role; change the role in place (button or F2), remove with a
button or Delete; double-click to open. Like every field of the form, a change is saved with
the form (and logged then), or dropped with it."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import GroupInvolvement, InvolvementRole
from app.services.groups import GroupDTO, GroupService
from app.services.people import PeopleService, PersonSummary
from app.ui.crash import user_message
from app.ui.labels import group_involvement_label, involvement_role_label
from app.ui.table_models.involvement import (
    Involved,
    InvolvementModel,
    PersonChoiceModel,
)
from app.ui.tasks import Runner

SEARCH_DELAY_MS = 250
SEARCH_LIMIT = 30
GROUPS_MAX = 5000


def _table(model: InvolvementModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setShowGrid(False)
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    view.setMinimumHeight(96)
    return view


class RoleDialog(QDialog):
    """Choose another role for one involved person or group."""

    def __init__(self, title: str, label: str, name: str, choices: list[tuple[str, str]],
                 current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.combo = QComboBox()
        for code, text in choices:
            self.combo.addItem(text, code)
        self.combo.setCurrentIndex(max(self.combo.findData(current), 0))
        self.combo.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 16)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Ändra"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Namn:"), QLabel(name))
        form.addRow(label, self.combo)
        form.addRow(buttons)
        self.combo.setFocus()

    def role(self) -> str:
        return str(self.combo.currentData())


class InvolvedPanel(QWidget):
    """A list of involved records with change-role and remove buttons; subclasses add the
    picker and the roles to choose from."""

    open_record = Signal(str, str)  # kind, id
    edited = Signal()

    kind = ""

    def __init__(self, model: InvolvementModel, roles: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.roles = roles
        self.change_title, self.change_label = self.tr("Ändra roll"), self.tr("Ny roll:")
        self.role_dialog: RoleDialog | None = None
        self.view = _table(model)
        self.view.doubleClicked.connect(self._open)
        self.change_button = QPushButton(self.tr("Ändra roll…"))
        self.change_button.setToolTip(self.tr("Ändra rollen för den markerade (F2)"))
        self.change_button.setAutoDefault(False)
        self.change_button.setEnabled(False)
        self.change_button.clicked.connect(self.change_role_selected)
        change = QShortcut(QKeySequence(Qt.Key.Key_F2), self.view)
        change.setContext(Qt.ShortcutContext.WidgetShortcut)
        change.activated.connect(self.change_role_selected)
        self.remove_button = QPushButton(self.tr("Ta bort ur listan"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_selected)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #a4262c;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.picker = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.picker)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.change_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)

    def _selection_changed(self) -> None:
        has = self.view.selectionModel().hasSelection()
        self.remove_button.setEnabled(has)
        self.change_button.setEnabled(has)

    def change_role_selected(self) -> None:
        """Ask for another role for the selected row; the row keeps its place in the list."""
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().hasSelection():
            return
        item = self.model.item(index.row())
        dialog = RoleDialog(self.change_title, self.change_label, item.name, self.roles,
                            item.role, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._role_chosen(item, dialog.role()))
        dialog.finished.connect(self._role_dialog_closed)
        self.role_dialog = dialog
        dialog.open()

    def _role_chosen(self, item: Involved, role: str) -> None:
        if self.model.add(Involved(item.id, item.name, role)):
            self.edited.emit()
        self.view.setFocus()

    def _role_dialog_closed(self) -> None:
        self.role_dialog = None

    def remove_selected(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.remove(index.row())
            self._selection_changed()
            self.edited.emit()

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_record.emit(self.kind, self.model.item(index.row()).id)

    def _role_combo(self, roles: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        for code, text in roles:
            combo.addItem(text, code)
        return combo


class GroupsPanel(InvolvedPanel):
    kind = "group"

    def __init__(self, groups: GroupService, runner: Runner,
                 parent: QWidget | None = None) -> None:
        model = InvolvementModel(self.tr("Grupp"), self.tr("Inblandning"),
                                 group_involvement_label)
        super().__init__(model, [(g.value, group_involvement_label(g))
                                 for g in GroupInvolvement], parent)
        model.setParent(self)
        self.change_button.setText(self.tr("Ändra inblandning…"))
        self.change_button.setToolTip(self.tr("Ändra inblandningen för den markerade (F2)"))
        self.change_title = self.tr("Ändra inblandning")
        self.change_label = self.tr("Ny inblandning:")
        self.chooser = QComboBox()
        self.chooser.setEditable(True)
        self.chooser.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.chooser_text = QLineEdit()
        self.chooser_text.setPlaceholderText(self.tr("Välj grupp…"))
        self.chooser.setLineEdit(self.chooser_text)
        completer = QCompleter(self.chooser.model(), self.chooser)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.chooser.setCompleter(completer)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.chooser.setMinimumWidth(200)
        self.role = self._role_combo(self.roles)
        self.role.setCurrentIndex(self.role.findData(GroupInvolvement.UNKNOWN.value))
        self.add_button = QPushButton(self.tr("Lägg till grupp"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_chosen)
        self.chooser_text.returnPressed.connect(self.add_chosen)
        self.picker.addWidget(self.chooser, 1)
        self.picker.addWidget(self.role)
        self.picker.addWidget(self.add_button)
        runner.run(partial(groups.search, "", limit=GROUPS_MAX), on_done=self._fill_chooser,
                   on_error=self._failed)

    def _fill_chooser(self, groups: list[GroupDTO]) -> None:
        self.chooser.clear()
        for group in groups:
            self.chooser.addItem(group.name, group.id)
        self.chooser.setCurrentIndex(-1)

    def _failed(self, exc: BaseException) -> None:
        self.error_label.setText(user_message(exc))
        self.error_label.show()

    def add_chosen(self) -> None:
        text = self.chooser.currentText().strip()
        index = self.chooser.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            self.error_label.setText(self.tr("Välj en grupp i listan.") if not text else
                                     self.tr("Det finns ingen grupp som heter ”%1”.")
                                     .replace("%1", text))
            self.error_label.show()
            return
        self.error_label.hide()
        self.model.add(Involved(str(self.chooser.itemData(index)), self.chooser.itemText(index),
                                str(self.role.currentData())))
        self.chooser.setCurrentIndex(-1)
        self.edited.emit()


class PersonsPanel(InvolvedPanel):
    kind = "person"

    def __init__(self, people: PeopleService, runner: Runner,
                 parent: QWidget | None = None) -> None:
        model = InvolvementModel(self.tr("Person"), self.tr("Roll"), involvement_role_label)
        super().__init__(model, [(r.value, involvement_role_label(r))
                                 for r in InvolvementRole], parent)
        model.setParent(self)
        self._people = people
        self._runner = runner
        self._generation = 0
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök person på namn, alias eller personnummer"))
        self.search.setClearButtonEnabled(True)
        self.role = self._role_combo(self.roles)
        self.role.setCurrentIndex(self.role.findData(InvolvementRole.OTHER.value))
        self.add_button = QPushButton(self.tr("Lägg till person"))
        self.add_button.setAutoDefault(False)
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.add_chosen)
        self.picker.addWidget(self.search, 1)
        self.picker.addWidget(self.role)
        self.picker.addWidget(self.add_button)
        self.found = PersonChoiceModel(self)
        self.results = QListView()
        self.results.setModel(self.found)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setMaximumHeight(self.fontMetrics().height() * 6)
        self.results.hide()
        self.results.activated.connect(self.add_chosen)
        self.results.selectionModel().currentChanged.connect(self._result_changed)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.results)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.search_now)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.search_now)

    def search_now(self) -> None:
        """Look the typed text up (each search is a logged listing of people)."""
        self._debounce.stop()
        text = self.search.text().strip()
        self._generation += 1
        generation = self._generation
        if not text:
            self.found.set_people([])
            self.results.hide()
            return

        def done(people: list[PersonSummary]) -> None:
            if generation != self._generation:
                return
            self.found.set_people(people)
            self.results.setVisible(True)
            if people:
                self.error_label.hide()
                self.results.setCurrentIndex(self.found.index(0))
            else:
                self.error_label.setText(self.tr("Ingen person matchar ”%1”.").replace("%1",
                                                                                      text))
                self.error_label.show()

        self._runner.run(_search, self._people, text, on_done=done, on_error=self._failed,
                         owner=self)

    def _failed(self, exc: BaseException) -> None:
        self.error_label.setText(user_message(exc))
        self.error_label.show()

    def _result_changed(self, current: QModelIndex) -> None:
        self.add_button.setEnabled(current.isValid())

    def add_chosen(self) -> None:
        index = self.results.currentIndex()
        if not index.isValid():
            return
        person = self.found.person(index.row())
        self.model.add(Involved(person.id, f"{person.first_name} {person.last_name}",
                                str(self.role.currentData())))
        self.search.clear()
        self.edited.emit()


def _search(people: PeopleService, text: str) -> list[PersonSummary]:
    return people.search(text, limit=SEARCH_LIMIT)
