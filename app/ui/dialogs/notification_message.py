"""The custom notification wizard's later steps: the message delivered (4) and the outcome
(5). Ticking the legal part enables the individual legal assessment, which is only said with
that part."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QPlainTextEdit, QVBoxLayout, QWidget

from app.errors import FieldError
from app.models.enums import MessagePart
from app.ui.dialogs.notification_steps import Step
from app.ui.labels import message_part_label
from app.ui.pages.base import PageContext


def _text_edit(height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    return edit


class MessageStep(Step):
    fields = ("message_parts", "legal_assessment", "help_offered")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Budskapet"))
        self.setSubTitle(self.tr("Vilka delar av budskapet framfördes?"))
        self.parts = {part: QCheckBox(message_part_label(part)) for part in MessagePart}
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        for check in self.parts.values():
            check.toggled.connect(self._parts_changed)
            column.addWidget(check)
        self.legal = _text_edit()
        self.legal.setToolTip(self.tr("Vad rättsligt står på spel för just den här personen; "
                                      "fylls i när rättsliga konsekvenser ingick"))
        self.help = _text_edit()
        for edit in (self.legal, self.help):
            edit.textChanged.connect(self.edited)
        form = QFormLayout(self)
        form.addRow(self.tr("Delar"), self.errors.wrap("message_parts", box))
        form.addRow(self.tr("Individuell &rättslig bedömning"),
                    self.errors.wrap("legal_assessment", self.legal))
        form.addRow(self.tr("&Erbjuden hjälp"), self.errors.wrap("help_offered", self.help))
        form.addRow(self.message)
        self._parts_changed()

    def _parts_changed(self) -> None:
        # The assessment is the legal part said to this person: only with that part.
        self.legal.setEnabled(self.parts[MessagePart.LEGAL_EXPOSURE].isChecked())
        self.edited.emit()

    def chosen(self) -> list[str]:
        return [p.value for p, check in self.parts.items() if check.isChecked()]

    def problems(self) -> list[FieldError]:
        if not self.chosen():
            return [FieldError("message_parts", self.tr("Välj minst en del av budskapet."))]
        return []


class OutcomeStep(Step):
    fields = ("reaction", "next_step")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Utfall"))
        self.setSubTitle(self.tr("Hur togs budskapet emot, och vad händer härnäst?"))
        self.reaction = _text_edit(90)
        self.next_step = _text_edit(90)
        for edit in (self.reaction, self.next_step):
            edit.textChanged.connect(self.edited)
        form = QFormLayout(self)
        form.addRow(self.tr("&Reaktion"), self.errors.wrap("reaction", self.reaction))
        form.addRow(self.tr("&Nästa steg"), self.errors.wrap("next_step", self.next_step))
        form.addRow(self.message)
