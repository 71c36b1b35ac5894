"""The call-in window's invitees: the pipeline (proposed → approved → invited → attended /
no-show / excused) as a table with counts per step, and the actions for the selected rows.

Each action is one service call per selected invitee (one audit event each). A step the
service refuses is reported with its reason and the name it concerns; the others go through.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import MottryckError
from app.models.enums import InviteeStatus
from app.services.callin_dto import CallInDTO, InviteeDTO
from app.ui.dialogs.callin_invitee_dialogs import AddInviteeDialog, InviteDialog, SignOutDialog
from app.ui.dialogs.callin_tab import CallInTab, error_text, table_view
from app.ui.icons import page_icon
from app.ui.labels import invitee_status_label
from app.ui.pages.base import PageContext
from app.ui.table_models.callin_invitees import InviteesModel

S = InviteeStatus
BACK = {S.APPROVED: S.PROPOSED, S.INVITED: S.APPROVED, S.ATTENDED: S.INVITED,
        S.NO_SHOW: S.INVITED, S.EXCUSED: S.INVITED}
Failures = list[tuple[str, BaseException]]


def for_each(fn: Callable[..., Any], invitees: list[InviteeDTO], *args: Any,
             **kwargs: Any) -> Failures:
    """Runs on the lane: ``fn(invitee.id, …)`` for each, collecting refusals by name."""
    failures: Failures = []
    for invitee in invitees:
        try:
            fn(invitee.id, *args, **kwargs)
        except MottryckError as exc:
            failures.append((invitee.name, exc))
    return failures


def back_each(set_status: Callable[..., Any], invitees: list[InviteeDTO]) -> Failures:
    failures: Failures = []
    for invitee in invitees:
        try:
            back = BACK.get(invitee.status)
            if back is not None:
                set_status(invitee.id, back)
        except MottryckError as exc:
            failures.append((invitee.name, exc))
    return failures


class InviteesTab(CallInTab):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = InviteesModel(self)
        self.view = table_view(self.model, multi=True)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in ((InviteesModel.NAME, 13 * em), (InviteesModel.GROUPS, 9 * em),
                              (InviteesModel.FRIVARD, 9 * em), (InviteesModel.REASON, 14 * em),
                              (InviteesModel.STATUS, 7 * em), (InviteesModel.INVITED, 16 * em)):
            self.view.horizontalHeader().resizeSection(column, width)
        self.view.doubleClicked.connect(self._open_person)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self._groups: dict[str, str] = {}  # person id → the call-in's groups they are in

        def button(text: str, action: Callable[[], None], tip: str = "") -> QPushButton:
            b = QPushButton(text)
            b.clicked.connect(action)
            if tip:
                b.setToolTip(tip)
            return b

        self.approve_button = button(self.tr("Godkänn"), lambda: self.set_status(S.APPROVED))
        self.invite_button = button(self.tr("Bjud in…"), self.invite,
                                    self.tr("Registrera att kallelsen lämnats: hur och av vem"))
        self.attended_button = button(self.tr("Kom"), lambda: self.set_status(S.ATTENDED))
        self.no_show_button = button(self.tr("Uteblev"), lambda: self.set_status(S.NO_SHOW))
        self.excused_button = button(self.tr("Förhinder"), lambda: self.set_status(S.EXCUSED))
        self.back_button = button(self.tr("Backa ett steg"), self.step_back,
                                  self.tr("Rätta ett misstag: tillbaka till föregående steg"))
        self.sign_out_button = button(self.tr("Signera ut…"), self.sign_out,
                                      self.tr("Registrera när deltagaren lämnade mötet"))
        self.undo_sign_out_button = button(self.tr("Ångra utcheckning"), self.undo_sign_out)
        self.reason_button = button(self.tr("Ändra skäl…"), self.change_reason)
        self.remove_button = button(self.tr("Ta bort…"), self.remove)
        self.remove_button.setIcon(page_icon("delete"))
        self.add_button = button(self.tr("Lägg till…"), self.add,
                                 self.tr("Bjud in en person till (sök på namn)"))
        self.add_button.setIcon(page_icon("add"))
        self.row_buttons = (self.approve_button, self.invite_button, self.attended_button,
                            self.no_show_button, self.excused_button, self.back_button,
                            self.sign_out_button, self.undo_sign_out_button,
                            self.reason_button, self.remove_button)
        QShortcut(QKeySequence.StandardKey.Delete, self.view, self.remove)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)

        grid = QGridLayout()
        pipeline = (self.approve_button, self.invite_button, self.attended_button,
                    self.no_show_button, self.excused_button, self.back_button)
        for n, b in enumerate(pipeline):
            grid.addWidget(b, 0, n)
        others = (self.sign_out_button, self.undo_sign_out_button, self.reason_button,
                  self.remove_button, self.add_button)
        for n, b in enumerate(others):
            grid.addWidget(b, 1, n)
        grid.setColumnStretch(len(pipeline), 1)
        top = QHBoxLayout()
        top.addWidget(self.counts, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        self._selection_changed()

    # ---- showing -------------------------------------------------------------------------
    def show_callin(self, callin: CallInDTO) -> None:
        chosen = {i.id for i in self.selected()}
        super().show_callin(callin)
        self.model.set_invitees(callin.invitees, self._groups)
        self._show_counts()
        for row, invitee in enumerate(callin.invitees):
            if invitee.id in chosen:
                self.view.selectionModel().select(
                    self.model.index(row, 0),
                    self.view.selectionModel().SelectionFlag.Select
                    | self.view.selectionModel().SelectionFlag.Rows)

    def set_groups(self, groups: dict[str, str]) -> None:
        self._groups = groups
        if self.callin is not None:
            chosen = {i.id for i in self.selected()}
            self.model.set_invitees(self.callin.invitees, groups)
            for row, invitee in enumerate(self.callin.invitees):
                if invitee.id in chosen:
                    self.view.selectRow(row)

    def _show_counts(self) -> None:
        counts = self.model.counts()
        total = sum(counts.values())
        parts = [f"{invitee_status_label(status)}: {n}" for status, n in counts.items()]
        self.counts.setText(self.tr("%1 inbjudna").replace("%1", str(total)) + " — "
                            + " · ".join(parts))

    def clear(self) -> None:
        super().clear()
        self._groups = {}
        self.model.clear()
        self.counts.clear()

    def selected(self) -> list[InviteeDTO]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.invitee(row) for row in rows]

    def _selection_changed(self) -> None:
        chosen = bool(self.view.selectionModel().selectedRows())
        for b in self.row_buttons:
            b.setEnabled(chosen)

    def _open_person(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_record.emit("person", self.model.invitee(index.row()).person_id)

    # ---- actions -------------------------------------------------------------------------
    def _run_each(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        chosen = self.selected()
        if chosen:
            self.write(for_each, fn, chosen, *args, done=self._report, **kwargs)

    def _report(self, failures: Failures) -> None:
        # ``write`` cleared the message; the refusals are told after the refresh starts.
        text = "\n".join(f"{name}: {error_text(exc)}" for name, exc in failures)
        self.tell(text)

    def set_status(self, status: InviteeStatus) -> None:
        self._run_each(self.context.services.callins.set_invitee_status, status)

    def step_back(self) -> None:
        chosen = self.selected()
        if chosen:
            self.write(back_each, self.context.services.callins.set_invitee_status, chosen,
                       done=self._report)

    def invite(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        callins = self.context.services.callins

        def submit(how: str, by: str, at: str) -> Failures:
            # One person: refusals go back to the form, next to the field they are about.
            when: Any = at or None  # the service reads the text, and names a bad one
            if len(chosen) == 1:
                callins.set_invitee_status(chosen[0].id, S.INVITED, how=how, by=by, at=when)
                return []
            return for_each(callins.set_invitee_status, chosen, S.INVITED, how=how, by=by,
                            at=when)

        dialog = InviteDialog(self.context, [i.name for i in chosen], submit, self)
        if dialog.exec():
            self._report(dialog.result_value or [])
            self.changed.emit("callin")

    def sign_out(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        callins = self.context.services.callins

        def submit(at: str) -> Failures:
            when: Any = at or None
            if len(chosen) == 1:
                callins.sign_out(chosen[0].id, when)
                return []
            return for_each(callins.sign_out, chosen, when)

        dialog = SignOutDialog(self.context, [i.name for i in chosen], submit, self)
        if dialog.exec():
            self._report(dialog.result_value or [])
            self.changed.emit("callin")

    def undo_sign_out(self) -> None:
        self._run_each(self.context.services.callins.undo_sign_out)

    def change_reason(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Ändra skäl"),
            self.tr("Varför bjuds %1 in?").replace("%1", ", ".join(i.name for i in chosen)),
            chosen[0].reason or "")
        if ok:
            self._run_each(self.context.services.callins.set_invitee_reason, text)

    def remove(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        answer = QMessageBox.question(
            self, self.tr("Ta bort inbjuden"),
            self.tr("Ta bort %1 från call-in? En registrerad kallelse dras tillbaka; "
                    "borttagningen loggas.").replace("%1", ", ".join(i.name for i in chosen)))
        if answer == QMessageBox.StandardButton.Yes:
            self._run_each(self.context.services.callins.remove_invitee)

    def add(self) -> None:
        if self.callin is None:
            return
        dialog = AddInviteeDialog(self.context, self.callin.id, self)
        if dialog.exec():
            self.changed.emit("callin")

