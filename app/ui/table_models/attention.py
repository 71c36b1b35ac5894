"""The overview's short attention lists: what needs doing, most urgent first.

Each list is at most a hundred rows the service has already ordered, so the models hold them
all and are not sortable. Every row is one record the user can open (``record_id``, ``kind``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.services.overview import FrivardEnding, ReferralOverdue, ReviewDue, UncodedIncident
from app.ui.labels import date_text, frivard_label, incident_type_label, service_type_label
from app.ui.table_models.incidents import datetime_text

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    numeric: bool = False


def _number(n: int) -> str:
    return QLocale().toString(n)


class AttentionTableModel(QAbstractTableModel):
    """Rows of one attention list; subclasses name the columns and the record kind."""

    RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    kind = ""  # what open_record opens: "group", "person", "incident" or "referral"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Any] = []
        self._columns = self.columns()

    def columns(self) -> Sequence[Column]:
        raise TypeError(f"{type(self).__name__} must define columns()")

    def record_id(self, item: Any) -> str:
        raise TypeError(f"{type(self).__name__} must define record_id()")

    def set_items(self, items: Sequence[Any]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def clear(self) -> None:
        self.set_items(())

    def id_at(self, row: int) -> str:
        return self.record_id(self._items[row])

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            return side | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item, column = self._items[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            return side | Qt.AlignmentFlag.AlignVCenter
        if role == self.RECORD_ID_ROLE:
            return self.record_id(item)
        return None


class ReviewsDueModel(AttentionTableModel):
    kind = "group"

    def columns(self) -> Sequence[Column]:
        return (Column(self.tr("Grupp"), lambda r: r.name),
                Column(self.tr("Omprövas"), lambda r: date_text(r.review_date)),
                Column(self.tr("Dagar sedan"), lambda r: _number(r.days_overdue), numeric=True))

    def record_id(self, item: ReviewDue) -> str:
        return item.group_id


class FrivardEndingModel(AttentionTableModel):
    kind = "person"

    def columns(self) -> Sequence[Column]:
        return (Column(self.tr("Person"), lambda r: r.name),
                Column(self.tr("Frivård"), lambda r: frivard_label(r.status)),
                Column(self.tr("Upphör"), lambda r: date_text(r.ends_on)),
                Column(self.tr("Dagar kvar"), lambda r: _number(r.days_left), numeric=True))

    def record_id(self, item: FrivardEnding) -> str:
        return item.person_id


class UncodedModel(AttentionTableModel):
    kind = "incident"

    def columns(self) -> Sequence[Column]:
        return (Column(self.tr("Tidpunkt"), lambda r: datetime_text(r.occurred_at)),
                Column(self.tr("Typ"), lambda r: incident_type_label(r.type)),
                Column(self.tr("Plats"), lambda r: r.place or ""))

    def record_id(self, item: UncodedIncident) -> str:
        return item.incident_id


class ReferralsOverdueModel(AttentionTableModel):
    kind = "referral"  # opens the referral's window, where its next step is taken

    def columns(self) -> Sequence[Column]:
        return (Column(self.tr("Person"), lambda r: r.name),
                Column(self.tr("Insats"), lambda r: service_type_label(r.service_type)),
                Column(self.tr("Skulle vara klar"), lambda r: date_text(r.due_on)),
                Column(self.tr("Dagar sen"), lambda r: _number(r.days_overdue), numeric=True))

    def record_id(self, item: ReferralOverdue) -> str:
        return item.referral_id
