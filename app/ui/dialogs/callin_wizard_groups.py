"""Step 2 of the call-in wizard: the groups the call-in addresses (at least one).

A plan kept while the vault was locked may name a group deleted meanwhile: once the list of
groups is known such a group is unticked and the step says which it was (``dropped``)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import FieldError
from app.services.callin_dto import CallInPlan
from app.services.groups import GroupDTO
from app.ui.crash import user_message
from app.ui.dialogs.callin_wizard_details import PlanPage
from app.ui.pages.base import PageContext
from app.ui.table_models.group_choice import GroupChoiceModel

GROUPS_MAX = 1000


class GroupsPage(PlanPage):
    fields = ("groups",)
    dropped = Signal()  # ticked groups that no longer exist were unticked

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Grupper"))
        self.setSubTitle(self.tr("Vilka grupper riktar sig mötet till? Deras nuvarande "
                                 "medlemmar blir förslag i nästa steg."))
        self.model = GroupChoiceModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök grupp på namn eller område"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(self._toggle)
        self.chosen = QLabel()
        self.chosen.setWordWrap(True)
        self.empty = QLabel(self.tr("Det finns inga grupper i registret än. Lägg upp "
                                    "grupperna under Grupper först."))
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.gone = QLabel()
        self.gone.setWordWrap(True)
        self.gone.setStyleSheet("color: #8a5a00;")
        self.gone.hide()
        self._listed: set[str] | None = None  # ids in the loaded list (None: not known)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.chosen)
        layout.addWidget(self.gone)
        layout.addWidget(self.message)
        self.model.checked_changed.connect(self._show_chosen)
        self.model.checked_changed.connect(self.edited)
        self._show_chosen()

    def load(self) -> None:
        self.context.runner.run(lambda: self.context.services.groups.search("", limit=GROUPS_MAX),
                                on_done=self._loaded, on_error=self._failed, owner=self)

    def _loaded(self, groups: list[GroupDTO]) -> None:
        self.model.set_groups(groups)
        self.empty.setVisible(not groups)
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # A capped list may leave groups out: then nothing can be said to be missing.
        self._listed = {g.id for g in groups} if len(groups) < GROUPS_MAX else None
        self._drop_missing()

    def _drop_missing(self) -> None:
        if self._listed is None:
            return
        pairs = list(zip(self.model.checked_ids(), self.model.checked_names(), strict=True))
        missing = [name or self.tr("(namn okänt)") for gid, name in pairs
                   if gid not in self._listed]
        if not missing:
            return
        self.model.set_checked([gid for gid, _name in pairs if gid in self._listed])
        self.gone.setText(self.tr("Borttagen sedan planen skrevs, och inte längre vald: %1")
                          .replace("%1", ", ".join(missing)))
        self.gone.show()
        self.dropped.emit()

    def _failed(self, exc: BaseException) -> None:
        self.show_errors([FieldError("groups", user_message(exc))])

    def _toggle(self, index: QModelIndex) -> None:
        """Enter or a double click ticks or unticks the row (as the space bar does)."""
        self.model.toggle(self.proxy.mapToSource(index).row())

    def _show_chosen(self) -> None:
        names = self.model.checked_names()
        self.chosen.setText(self.tr("Valda: %1").replace("%1", ", ".join(names)) if names
                            else self.tr("Ingen grupp vald än: bocka i en eller flera."))
        if names:
            self.show_errors([])

    def apply(self, plan: CallInPlan, names: dict[str, str]) -> None:
        self.model.set_checked(list(plan.group_ids), names)
        self._drop_missing()

    def group_ids(self) -> tuple[str, ...]:
        return self.model.checked_ids()

    def problems(self) -> list[FieldError]:
        if not self.model.checked_ids():
            return [FieldError("groups", self.tr("Välj minst en grupp."))]
        return []

    def clear(self) -> None:
        super().clear()
        self.search.clear()
        self.model.clear()
        self.gone.clear()
        self.gone.hide()
