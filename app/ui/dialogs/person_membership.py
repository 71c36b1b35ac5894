"""Adding or changing one of a person's memberships, and ending one on a chosen day.

Both dialogs save through the lane themselves and stay open with the messages next to their
fields when the service refuses; they close only once the change is stored.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import FieldError, ValidationError
from app.models.enums import Confidence
from app.services.groups import GroupDTO, GroupService, MembershipDTO
from app.ui.crash import user_message
from app.ui.labels import confidence_label, date_text
from app.ui.tasks import Runner
from app.ui.widgets.field_errors import ERROR_COLOUR, FieldErrors

MAX_GROUPS = 2000  # a working group follows tens of groups; this only bounds a damaged vault


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("Avbryt"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _message_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.hide()
    return label


class MembershipDialog(QDialog):
    """A new membership for ``person_id`` or a change to ``membership``."""

    def __init__(self, groups: GroupService, runner: Runner, person_id: str,
                 membership: MembershipDTO | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups = groups
        self._runner = runner
        self._person_id = person_id
        self._membership = membership
        self.saved: MembershipDTO | None = None
        self.setWindowTitle(self.tr("Ändra medlemskap") if membership
                            else self.tr("Nytt medlemskap"))
        self.setMinimumWidth(440)
        self.errors = FieldErrors(self)
        self.message = _message_label()

        self.group = QComboBox()
        self.group.setEditable(True)  # type to find a group among many
        self.group.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.group.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.role = QLineEdit()
        self.role.setPlaceholderText(self.tr("T.ex. ledare, medlem, kringperson"))
        self.valid_from = QLineEdit()
        self.valid_to = QLineEdit()
        for line in (self.valid_from, self.valid_to):
            line.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("T.ex. polisens lägesbild"))
        self.confidence = QComboBox()
        for level in Confidence:
            self.confidence.addItem(confidence_label(level), level.value)
        self.confidence.setCurrentIndex(self.confidence.findData(Confidence.MEDIUM.value))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Grupp *"), self.errors.wrap("group_id", self.group))
        form.addRow(self.tr("Roll"), self.errors.wrap("role", self.role))
        form.addRow(self.tr("Från"), self.errors.wrap("valid_from", self.valid_from))
        form.addRow(self.tr("Till"), self.errors.wrap("valid_to", self.valid_to))
        form.addRow(self.tr("Källa"), self.errors.wrap("source", self.source))
        form.addRow(self.tr("Tillförlitlighet"), self.errors.wrap("confidence", self.confidence))
        self.buttons = _buttons(self, self.tr("Spara"))
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setEnabled(False)  # until the groups are here

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        if membership is not None:
            self.role.setText(membership.role or "")
            self.valid_from.setText(date_text(membership.valid_from))
            self.valid_to.setText(date_text(membership.valid_to))
            self.source.setText(membership.source or "")
            self.confidence.setCurrentIndex(self.confidence.findData(membership.confidence))
        else:
            self.valid_from.setText(date.today().isoformat())
        runner.run(_all_groups, groups, on_done=self._show_groups, on_error=self._failed)

    def _show_groups(self, groups: list[GroupDTO]) -> None:
        self.group.clear()
        for g in groups:
            self.group.addItem(g.name, g.id)
        chosen = self._membership.group_id if self._membership else None
        self.group.setCurrentIndex(self.group.findData(chosen) if chosen else -1)
        if not groups:
            self.message.setText(self.tr("Det finns inga grupper ännu. Lägg först upp gruppen "
                                         "på sidan Grupper."))
            self.message.show()
            return
        self.save_button.setEnabled(True)

    def group_id(self) -> str:
        """The chosen group; typed text must name one exactly (any case)."""
        text = self.group.currentText().strip()
        index = self.group.findText(text, Qt.MatchFlag.MatchFixedString)
        return str(self.group.itemData(index)) if text and index >= 0 else ""

    def values(self) -> dict[str, Any]:
        return {"person_id": self._person_id, "group_id": self.group_id(),
                "role": self.role.text(), "valid_from": self.valid_from.text(),
                "valid_to": self.valid_to.text(), "source": self.source.text(),
                "confidence": self.confidence.currentData()}

    def accept(self) -> None:
        self.message.hide()
        values = self.values()
        if not values["group_id"]:
            self.errors.show([_group_missing(self)])
            return
        if self._membership is None:
            self._runner.run(self._groups.add_membership, values, on_done=self._saved,
                             on_error=self._failed)
        else:
            values.pop("person_id")
            self._runner.run(self._groups.update_membership, self._membership.id, values,
                             on_done=self._saved, on_error=self._failed)

    def _saved(self, membership: MembershipDTO) -> None:
        self.saved = membership
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        _show_failure(self.errors, self.message, exc)


class EndMembershipDialog(QDialog):
    """Ends a membership on a day (today unless the user says otherwise)."""

    def __init__(self, groups: GroupService, runner: Runner, membership: MembershipDTO,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups = groups
        self._runner = runner
        self._membership = membership
        self.saved: MembershipDTO | None = None
        self.setWindowTitle(self.tr("Avsluta medlemskap"))
        self.errors = FieldErrors(self)
        self.message = _message_label()
        intro = QLabel(self.tr("Sista dag som medlem i %1:").replace("%1", membership.group_name))
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.day = QLineEdit(date.today().isoformat())
        self.day.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(intro)
        layout.addWidget(self.errors.wrap("valid_to", self.day))
        layout.addWidget(_buttons(self, self.tr("Avsluta")))

    def accept(self) -> None:
        self.message.hide()
        self._runner.run(self._groups.update_membership, self._membership.id,
                         {"valid_to": self.day.text()}, on_done=self._saved,
                         on_error=self._failed)

    def _saved(self, membership: MembershipDTO) -> None:
        self.saved = membership
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        _show_failure(self.errors, self.message, exc)


def _all_groups(groups: GroupService) -> list[GroupDTO]:
    return groups.search("", limit=MAX_GROUPS)


def _group_missing(dialog: QDialog) -> FieldError:
    return FieldError("group_id", dialog.tr("Välj en grupp i listan"), "")


def _show_failure(errors: FieldErrors, message: QLabel, exc: BaseException) -> None:
    if isinstance(exc, ValidationError):
        left = errors.show(exc.errors)
        if not left:
            return
        message.setText("; ".join(f"{e.label}: {e.reason}" if e.label else e.reason
                                  for e in left))
    else:
        message.setText(user_message(exc))
    message.show()
