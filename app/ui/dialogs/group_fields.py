"""Form fields with their validation message right below them, filled from a service's
``ValidationError`` (each ``FieldError.field`` names the widget it belongs to)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.errors import FieldError

ERROR_STYLE = "color: #a4262c;"


def error_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


class FieldErrors:
    """One message label per field; ``wrap`` puts a field and its label in one form cell."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}

    def wrap(self, field: str, widget: QWidget) -> QWidget:
        cell = QWidget()
        layout = QVBoxLayout(cell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        label = error_label()
        layout.addWidget(label)
        self.labels[field] = label
        self.widgets[field] = widget
        cell.setFocusProxy(widget)
        return cell

    def clear(self) -> None:
        for label in self.labels.values():
            label.clear()
            label.hide()

    def show(self, errors: list[FieldError]) -> list[FieldError]:
        """Show each error next to its field; returns those no field here can show."""
        self.clear()
        rest = []
        first: QWidget | None = None
        for error in errors:
            label = self.labels.get(error.field)
            if label is None:
                rest.append(error)
                continue
            text = error.reason[:1].upper() + error.reason[1:]
            label.setText(f"{label.text()}\n{text}" if label.text() else text)
            label.show()
            first = first or self.widgets[error.field]
        if first is not None:
            first.setFocus()
        return rest

    def message(self, field: str) -> str:
        label = self.labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""
