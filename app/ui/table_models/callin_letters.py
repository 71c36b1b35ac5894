"""The letters printed for one call-in: for whom, when, which template version, by whom."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.models.enums import LetterKind
from app.services.letters.service import LetterRecord
from app.ui.table_models.callins import datetime_text

AnyIndex = QModelIndex | QPersistentModelIndex


class PrintedLettersModel(QAbstractTableModel):
    PERSON, KIND, PRINTED, TEMPLATE, OUTPUT, BY = range(6)
    COLUMN_COUNT = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LetterRecord] = []
        self._names: dict[str, str] = {}

    def set_letters(self, letters: list[LetterRecord], names: dict[str, str]) -> None:
        """``names``: person id → name (the records hold ids only)."""
        self.beginResetModel()
        self._rows = list(letters)
        self._names = dict(names)
        self.endResetModel()

    def clear(self) -> None:
        self.set_letters([], {})

    def letter(self, row: int) -> LetterRecord:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Mottagare"), self.tr("Brev"), self.tr("Utskrivet"),
                  self.tr("Mall (version, språk)"), self.tr("Som"), self.tr("Av"))
        return titles[section] if 0 <= section < self.COLUMN_COUNT else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self._rows[index.row()]
        column = index.column()
        if column == self.PERSON:
            return self._names.get(r.person_id, self.tr("(borttagen person)"))
        if column == self.KIND:
            return (self.tr("Inbjudan") if r.kind is LetterKind.CALLIN_INVITATION
                    else self.tr("Brev till deltagare"))
        if column == self.PRINTED:
            # Stored as naive UTC; staff read local time.
            local = r.printed_at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
            return datetime_text(local)
        if column == self.TEMPLATE:
            return self.tr("%1, version %2, %3").replace("%1", r.template_name).replace(
                "%2", str(r.template_version)).replace("%3", r.language)
        if column == self.OUTPUT:
            return self.tr("Utskrift") if r.output == "printer" else self.tr("PDF")
        if column == self.BY:
            return r.printed_by
        return None
