"""Choose the groups a call-in addresses: every group with a tick box, saved in one action."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from app.services.callin_dto import CallInDTO
from app.services.groups import GroupDTO
from app.ui.dialogs.callin_tab import error_text
from app.ui.pages.base import PageContext
from app.ui.widgets.field_errors import error_label


class GroupsDialog(QDialog):
    def __init__(self, context: PageContext, callin: CallInDTO,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.callin = callin
        self.setWindowTitle(self.tr("Grupper för call-in"))
        self.resize(420, 480)
        self.model = QStandardItemModel(self)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filtrera på namn"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.view = QListView()
        self.view.setModel(self.model)
        self.message = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Kryssa i de grupper vars medlemmar call-in riktar "
                                        "sig till.")))
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        context.runner.run(context.services.groups.search, on_done=self._show,
                           on_error=lambda exc: self._tell(error_text(exc)), owner=self)

    def _show(self, groups: list[GroupDTO]) -> None:
        chosen = {g.group_id for g in self.callin.groups}
        self.model.clear()
        for group in groups:
            item = QStandardItem(group.name)
            item.setData(group.id, Qt.ItemDataRole.UserRole)
            item.setEditable(False)
            item.setCheckable(True)
            item.setCheckState(Qt.CheckState.Checked if group.id in chosen
                               else Qt.CheckState.Unchecked)
            self.model.appendRow(item)

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.model.rowCount()):
            name = self.model.item(row).text().casefold()
            self.view.setRowHidden(row, bool(needle) and needle not in name)

    def chosen_ids(self) -> list[str]:
        return [self.model.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(self.model.rowCount())
                if self.model.item(row).checkState() == Qt.CheckState.Checked]

    def set_chosen(self, group_ids: set[str]) -> None:
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            item.setCheckState(Qt.CheckState.Checked
                               if item.data(Qt.ItemDataRole.UserRole) in group_ids
                               else Qt.CheckState.Unchecked)

    def save(self) -> None:
        self.context.runner.run(self.context.services.callins.set_groups, self.callin.id,
                                self.chosen_ids(), on_done=lambda _r: self.accept(),
                                on_error=lambda exc: self._tell(error_text(exc)), owner=self)

    def _tell(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
