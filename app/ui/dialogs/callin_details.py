"""The call-in window's first tab: title, date and time, venue, security plan and practical
notes (saved together, errors next to their fields), the groups it addresses, and its status:
mark as held, cancel, reinstate, delete."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.models.enums import CallInStatus
from app.services.callin_dto import CallInDTO
from app.services.callin_pipeline import CALLIN_MOVES
from app.ui.dialogs.callin_groups import GroupsDialog
from app.ui.dialogs.callin_tab import CallInTab, error_text
from app.ui.icons import page_icon
from app.ui.labels import callin_status_label
from app.ui.pages.base import PageContext
from app.ui.table_models.callins import datetime_text
from app.ui.widgets.field_errors import FieldErrors

TEXT_FIELDS = ("title", "starts_at", "venue", "security_plan", "practical_notes")


class DetailsTab(CallInTab):
    deleted = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.errors = FieldErrors(self)
        self.title_edit = QLineEdit()
        self.starts_edit = QLineEdit()
        self.starts_edit.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD TT:MM"))
        self.venue_edit = QLineEdit()
        self.security_edit = QPlainTextEdit()
        self.notes_edit = QPlainTextEdit()
        for edit in (self.security_edit, self.notes_edit):
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(60)
            edit.setMaximumHeight(110)
        self._inputs: dict[str, QLineEdit | QPlainTextEdit] = {
            "title": self.title_edit, "starts_at": self.starts_edit, "venue": self.venue_edit,
            "security_plan": self.security_edit, "practical_notes": self.notes_edit}
        form = QFormLayout()
        labels = {"title": self.tr("Rubrik"), "starts_at": self.tr("Datum och tid"),
                  "venue": self.tr("Plats"), "security_plan": self.tr("Säkerhetsplan"),
                  "practical_notes": self.tr("Praktiska anteckningar")}
        for field in TEXT_FIELDS:
            form.addRow(labels[field], self.errors.wrap(field, self._inputs[field]))
        self.save_button = QPushButton(self.tr("Spara uppgifter"))
        self.save_button.setToolTip(self.tr("Spara rubrik, tid, plats och anteckningar"))
        self.save_button.clicked.connect(self.save)
        save_row = QHBoxLayout()
        save_row.addWidget(self.message, 1)
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)

        self.groups_label = QLabel()
        self.groups_label.setWordWrap(True)
        self.groups_button = QPushButton(self.tr("Ändra grupper…"))
        self.groups_button.clicked.connect(self.edit_groups)
        groups_row = QHBoxLayout()
        groups_row.addWidget(self.groups_label, 1)
        groups_row.addWidget(self.groups_button)
        self.groups_box = QGroupBox(self.tr("Grupper som call-in riktar sig till"))
        self.groups_box.setLayout(groups_row)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.held_button = QPushButton(self.tr("Markera som genomförd"))
        self.held_button.clicked.connect(lambda: self.set_status(CallInStatus.HELD))
        self.cancel_button = QPushButton(self.tr("Ställ in"))
        self.cancel_button.clicked.connect(self.cancel)
        self.planned_button = QPushButton(self.tr("Återställ till planerad"))
        self.planned_button.clicked.connect(lambda: self.set_status(CallInStatus.PLANNED))
        self.delete_button = QPushButton(page_icon("delete"), self.tr("Ta bort…"))
        self.delete_button.clicked.connect(self.delete)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        for button in (self.held_button, self.cancel_button, self.planned_button,
                       self.delete_button):
            status_row.addWidget(button)
        status_box = QGroupBox(self.tr("Status"))
        status_box.setLayout(status_row)

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addLayout(form)
        column.addLayout(save_row)
        column.addWidget(self.groups_box)
        column.addWidget(status_box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # ---- showing -------------------------------------------------------------------------
    def shown_values(self, callin: CallInDTO) -> dict[str, str]:
        return {"title": callin.title or "", "starts_at": datetime_text(callin.starts_at),
                "venue": callin.venue or "", "security_plan": callin.security_plan or "",
                "practical_notes": callin.practical_notes or ""}

    def values(self) -> dict[str, str]:
        return {f: w.text() if isinstance(w, QLineEdit) else w.toPlainText()
                for f, w in self._inputs.items()}

    def dirty(self) -> bool:
        return self.callin is not None and self.values() != self.shown_values(self.callin)

    def changes(self) -> dict[str, str]:
        """The fields typed and not saved (what a lock keeps as a draft)."""
        if self.callin is None:
            return {}
        shown = self.shown_values(self.callin)
        return {f: v for f, v in self.values().items() if v != shown[f]}

    def restore_changes(self, changes: dict[str, str]) -> None:
        """Typed values back over the shown call-in; they stay unsaved."""
        for field, text in changes.items():
            widget = self._inputs.get(field)
            if isinstance(widget, QLineEdit):
                widget.setText(text)
            elif widget is not None:
                widget.setPlainText(text)

    def show_callin(self, callin: CallInDTO) -> None:
        keep = self.callin is not None and self.dirty()
        super().show_callin(callin)
        if not keep:  # what someone is typing survives a refresh after another tab's write
            for field, text in self.shown_values(callin).items():
                widget = self._inputs[field]
                if isinstance(widget, QLineEdit):
                    widget.setText(text)
                else:
                    widget.setPlainText(text)
        names = ", ".join(g.name for g in callin.groups)
        self.groups_label.setText(names or self.tr("Inga grupper valda ännu."))
        status = callin.status
        moves = CALLIN_MOVES[status]
        self.held_button.setVisible(CallInStatus.HELD in moves)
        self.cancel_button.setVisible(CallInStatus.CANCELLED in moves)
        self.planned_button.setVisible(CallInStatus.PLANNED in moves)
        texts = {
            CallInStatus.DRAFT: self.tr("Utkast: planeringen är inte slutförd. Fortsätt "
                                        "planera från listan över call-ins."),
            CallInStatus.PLANNED: self.tr("Planerad. Markera den som genomförd efter mötet."),
            CallInStatus.HELD: self.tr("Genomförd."),
            CallInStatus.CANCELLED: self.tr("Inställd. Den kan återställas till planerad."),
        }
        self.status_label.setText(texts.get(status, callin_status_label(status)))

    def clear(self) -> None:
        super().clear()
        for widget in self._inputs.values():
            widget.clear()
        self.errors.clear()
        self.groups_label.clear()

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Osparade uppgifter"),
            self.tr("Uppgifterna om call-in är ändrade men inte sparade. Stäng ändå?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    # ---- actions -------------------------------------------------------------------------
    def save(self) -> None:
        if self.callin is None:
            return
        shown = self.shown_values(self.callin)
        changes: dict[str, Any] = {f: v for f, v in self.values().items() if v != shown[f]}
        self.errors.clear()
        if not changes:
            self.tell("")
            return
        self.write(self.context.services.callins.update_details, self.callin.id, changes,
                   done=lambda _r: self._saved(), failed=self._save_failed)

    def _saved(self) -> None:
        self.callin = None  # let the refresh overwrite the form with what was stored

    def _save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            left = self.errors.show(exc.errors)
            self.tell("\n".join(f"{e.label}: {e.reason}" for e in left))
        else:
            self.tell(error_text(exc))

    def edit_groups(self) -> None:
        if self.callin is None:
            return
        dialog = GroupsDialog(self.context, self.callin, self)
        if dialog.exec():
            self.changed.emit("callin")

    def set_status(self, status: CallInStatus) -> None:
        if self.callin is not None:
            self.write(self.context.services.callins.set_status, self.callin.id, status)

    def cancel(self) -> None:
        if self.callin is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Ställ in call-in"),
            self.tr("Ställa in ”%1”? Den kan återställas till planerad senare.").replace(
                "%1", self.callin.title))
        if answer == QMessageBox.StandardButton.Yes:
            self.set_status(CallInStatus.CANCELLED)

    def delete(self) -> None:
        if self.callin is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Ta bort call-in"),
            self.tr("Ta bort ”%1” med program och inbjudna? Kallelser som registrerats dras "
                    "tillbaka; borttagningen loggas.").replace("%1", self.callin.title))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.write(self.context.services.callins.delete, self.callin.id,
                   done=lambda _r: self.deleted.emit())
