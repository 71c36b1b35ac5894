"""Beside the template editor: the merge fields one can insert, and the problems found.

The merge fields come from the service with their meaning in the core's words (already
translated there); the problems are ``TemplateProblem``s from ``letters.check``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.services.letters.fields import MergeField, TemplateProblem

AnyIndex = QModelIndex | QPersistentModelIndex


class MergeFieldsModel(QAbstractListModel):
    """One row per field: ``{förnamn}`` and what it holds; ``TOKEN_ROLE`` is the text to
    insert."""

    TOKEN_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, fields: Sequence[MergeField] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fields = list(fields)

    def set_fields(self, fields: Sequence[MergeField]) -> None:
        self.beginResetModel()
        self._fields = list(fields)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._fields)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        field = self._fields[index.row()]
        token = "{" + field.name + "}"
        if role == self.TOKEN_ROLE:
            return token
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{token}\n{field.description}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("%1 – %2. Klicka eller tryck Retur för att infoga. "
                           "På engelska kan du också skriva {%3}.") \
                .replace("%1", token).replace("%2", field.description) \
                .replace("%3", field.alias)
        return None


class ProblemsModel(QAbstractListModel):
    """The problems in the body being edited, by line; ``LINE_ROLE`` is the 1-based line."""

    LINE_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems: list[TemplateProblem] = []

    def set_problems(self, problems: Sequence[TemplateProblem]) -> None:
        self.beginResetModel()
        self._problems = list(problems)
        self.endResetModel()

    def problems(self) -> list[TemplateProblem]:
        return list(self._problems)

    def lines(self) -> list[int]:
        return sorted({p.line for p in self._problems})

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        problem = self._problems[index.row()]
        if role == self.LINE_ROLE:
            return problem.line
        if role == Qt.ItemDataRole.DisplayRole:
            return str(problem)
        return None
