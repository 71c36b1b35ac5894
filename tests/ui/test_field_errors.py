"""A failed save in a dialog: each field's message beside its field, the rest in the
dialog's message line."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.errors import FieldError, MottryckError, ValidationError
from app.ui.widgets.field_errors import FieldErrors, error_label


def _dialog(qtbot: QtBot) -> tuple[QWidget, FieldErrors, QLineEdit]:
    host = QWidget()
    qtbot.addWidget(host)
    errors = FieldErrors(host)
    name = QLineEdit()
    errors.wrap("name", name).setParent(host)
    return host, errors, name


def test_a_fields_message_stays_beside_it(qtbot: QtBot) -> None:
    _host, errors, _name = _dialog(qtbot)
    message = error_label()
    errors.show_failure(ValidationError(FieldError("name", "saknas", "namn")), message)
    assert errors.message("name") == "Saknas"
    assert message.isHidden()


def test_the_rest_goes_to_the_message_line(qtbot: QtBot) -> None:
    _host, errors, _name = _dialog(qtbot)
    message = error_label()
    errors.show_failure(ValidationError([FieldError("name", "saknas", "namn"),
                                         FieldError("other", "fel", "annat")]), message)
    assert errors.message("name") == "Saknas"
    assert not message.isHidden() and "fel" in message.text()
    errors.show_failure(MottryckError("Valvet är låst."), message)
    assert message.text() == "Valvet är låst." and not message.isHidden()
    assert errors.message("name") == "Saknas"  # a failure without fields leaves them
