"""The body of a one-step dialog that records something done on a day, with a short text:
ending a follow-through round (day and reason), marking a help-line follow-up done (day and
note). One layout, so such steps look and behave alike: an intro, the day (today by default),
the text with an example, the field errors beside them, a message line, and OK/Cancel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from app.ui.labels import date_text
from app.ui.widgets.field_errors import FieldErrors, error_label

translate = QCoreApplication.translate  # the name lupdate looks for


@dataclass(frozen=True)
class DatedStep:
    day: QLineEdit
    text: QLineEdit
    message: QLabel
    ok: QPushButton


def build_dated_step(dialog: QDialog, errors: FieldErrors, *, intro: QLabel,
                     day_label: str, day_field: str, text_label: str, text_field: str,
                     text_example: str, ok_text: str) -> DatedStep:
    """Lay the step out in ``dialog``; OK calls ``dialog.save`` (the dialog checks and
    saves), Cancel rejects. ``day_field``/``text_field`` name the fields for ``errors``."""
    day = QLineEdit(date_text(date.today()))
    day.setPlaceholderText(translate("dated_step", "ÅÅÅÅ-MM-DD"))
    text = QLineEdit()
    text.setPlaceholderText(text_example)
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.addRow(day_label, errors.wrap(day_field, day))
    form.addRow(text_label, errors.wrap(text_field, text))
    message = error_label()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(translate("dated_step", "Avbryt"))
    buttons.accepted.connect(dialog.save)  # type: ignore[attr-defined]
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(intro)
    layout.addLayout(form)
    layout.addWidget(message)
    layout.addWidget(buttons)
    text.setFocus()
    return DatedStep(day, text, message, ok)
