"""What the help-to-leave dialogs share: refusals shown next to their fields, a date line,
and the OK / Avbryt row."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton

from app.errors import ValidationError
from app.ui.crash import user_message
from app.ui.labels import date_text
from app.ui.widgets.field_errors import FieldErrors

translate = QCoreApplication.translate  # the name lupdate looks for


def show_refusal(errors: FieldErrors, message: QLabel, exc: BaseException) -> None:
    """The service's messages next to their fields; the rest (or any other error) on top."""
    if isinstance(exc, ValidationError):
        left = errors.show(exc.errors)
        if not left:
            return
        message.setText("; ".join(f"{e.label}: {e.reason}" if e.label else e.reason
                                  for e in left))
    else:
        message.setText(user_message(exc))
    message.show()


def date_line(value: date | None = None) -> QLineEdit:
    """A date typed as ÅÅÅÅ-MM-DD (the service reads and checks it)."""
    line = QLineEdit(date_text(value))
    line.setPlaceholderText(translate("support", "ÅÅÅÅ-MM-DD"))
    line.setMaximumWidth(line.fontMetrics().horizontalAdvance("2026-12-31") * 2)
    return line


def ok_cancel(dialog: QDialog, ok_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    """The dialog's buttons; OK runs ``dialog.accept`` (which saves through the lane)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("support", "Avbryt"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok
