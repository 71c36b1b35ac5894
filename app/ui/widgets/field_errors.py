"""Validation messages next to the field they are about.

A form wraps each input with ``FieldErrors.wrap(field, widget)`` and puts the returned
container in its layout: the input with a red line under it that stays hidden until a
service's ``ValidationError`` names that field. ``show`` puts every message in place, moves
the focus to the first bad field (in the order the fields were wrapped) and hands back the
errors no field claims, for a message at the top of the form.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from app.errors import FieldError, ValidationError
from app.ui.crash import user_message

ERROR_COLOUR = "#a4262c"


def error_label() -> QLabel:
    """A hidden red line of plain text, for a field's or a whole form's message."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.hide()
    return label


class FieldErrors(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._inputs: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}

    def wrap(self, field: str, widget: QWidget) -> QWidget:
        """``widget`` with its (hidden) error line below, ready for a form row."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        label = error_label()
        layout.addWidget(label)
        self.alias(field, widget, label)
        box.setFocusProxy(widget)
        return box

    def alias(self, field: str, widget: QWidget, label: QLabel | None = None) -> None:
        """Also route ``field``'s messages to ``widget`` (e.g. a date pair's second half)."""
        self._inputs[field] = widget
        if label is not None:
            self._labels[field] = label
        elif field not in self._labels:
            raise KeyError(field)

    def label(self, field: str) -> QLabel:
        return self._labels[field]

    def message(self, field: str) -> str:
        """The message shown for ``field`` ("" when none)."""
        label = self._labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear()
            label.hide()

    def show(self, errors: Iterable[FieldError]) -> list[FieldError]:
        self.clear()
        unclaimed: list[FieldError] = []
        shown: dict[str, list[str]] = {}
        for error in errors:
            if error.field in self._labels:
                shown.setdefault(error.field, []).append(error.reason)
            else:
                unclaimed.append(error)
        for field, reasons in shown.items():
            label = self._labels[field]
            text = "; ".join(dict.fromkeys(reasons))
            label.setText(text[:1].upper() + text[1:])
            label.show()
        first = next((f for f in self._inputs if f in shown), None)
        if first is not None:
            _focus(self._inputs[first])
        return unclaimed

    def show_failure(self, exc: BaseException, message: QLabel) -> None:
        """A save that failed: a field's message beside its field, anything else (a
        field-less error, or not a validation error at all) in ``message``."""
        if isinstance(exc, ValidationError):
            rest = self.show(exc.errors)
            if not rest:
                return
            message.setText("\n".join(str(e) for e in rest))
        else:
            message.setText(user_message(exc))
        message.show()


def _focus(widget: QWidget) -> None:
    """Focus a field even when it sits on a tab that is not showing or is scrolled away."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QTabWidget):
            for i in range(parent.count()):
                tab = parent.widget(i)
                if tab is not None and tab.isAncestorOf(widget):
                    parent.setCurrentIndex(i)
        elif isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
