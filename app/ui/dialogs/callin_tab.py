"""What the tabs of the call-in window share: the call-in they show, a message line, and
writes on the lane that tell everyone the call-in changed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.errors import ValidationError
from app.services.callin_dto import CallInDTO
from app.ui.crash import user_message
from app.ui.pages.base import PageContext
from app.ui.widgets.field_errors import error_label


def now_text() -> str:
    return datetime.now().strftime("%Y-%m-%d %H:%M")


def error_text(exc: BaseException) -> str:
    """A service's refusal in words: field errors as "label: reason", one per line."""
    if isinstance(exc, ValidationError) and exc.errors:
        return "\n".join(f"{e.label}: {e.reason}" if e.label else e.reason for e in exc.errors)
    return user_message(exc)


def table_view(model: Any, *, multi: bool = False) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setShowGrid(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


class CallInTab(QWidget):
    """Base of each tab. ``show_callin`` fills it; ``write`` runs a service call and, once it
    succeeded, announces the change (the window then reads the call-in again)."""

    changed = Signal(str)  # entity type written ("callin", "letter", …)
    open_record = Signal(str, str)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.callin: CallInDTO | None = None
        self.message = error_label()

    def show_callin(self, callin: CallInDTO) -> None:
        self.callin = callin

    def clear(self) -> None:
        self.callin = None
        self.tell("")

    def tell(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def write(self, fn: Callable[..., Any], *args: Any, entity: str = "callin",
              done: Callable[[Any], None] | None = None,
              failed: Callable[[BaseException], None] | None = None, **kwargs: Any) -> None:
        def call() -> Any:
            return fn(*args, **kwargs)

        def ok(result: Any) -> None:
            self.tell("")
            if done is not None:
                done(result)
            self.changed.emit(entity)

        self.context.runner.run(call, on_done=ok,
                                on_error=failed or (lambda exc: self.tell(error_text(exc))),
                                owner=self)
