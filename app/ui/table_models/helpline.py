"""The help-line register: when, channel, who called (anonymous, the name given or the linked
person), what was asked, the follow-up day and who took the contact.

The service lists a period's contacts newest first, filtered in SQL; a year holds hundreds,
so the rows come in one lane job and the header sorts them in memory. A follow-up whose day
has come is drawn in red. ``HelplineDueModel`` is Översikt's list of those follow-ups.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.models.enums import HelplineChannel
from app.services.helpline import HelplineContactDTO
from app.services.timeline_words import channel_word
from app.ui.labels import date_text
from app.ui.table_models.attention import AttentionTableModel, Column
from app.ui.table_models.sorted_list import SortedListModel

AnyIndex = QModelIndex | QPersistentModelIndex
DUE = QColor("#a4262c")
ANONYMOUS = QColor("#6b6b6b")
SHORT = 80  # characters of the question shown in the list; the tooltip has all of it


def channel_label(channel: HelplineChannel | str | None) -> str:
    """The channel as a list or a chooser shows it ("Telefon")."""
    if not channel:
        return ""
    word = channel_word(HelplineChannel(channel))
    return word[:1].upper() + word[1:]


def short_text(text: str | None, limit: int = SHORT) -> str:
    """The first line of ``text``, cut at ``limit`` characters with an ellipsis."""
    line = (text or "").strip().split("\n", 1)[0]
    more = len(line) > limit or "\n" in (text or "").strip()
    return (line[:limit].rstrip() + "…") if more else line


class HelplineModel(SortedListModel[HelplineContactDTO]):
    WHEN, CHANNEL, CALLER, ASKED, FOLLOW_UP, HANDLED_BY = range(6)
    COLUMN_COUNT = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def listed(self) -> None:
        self.today = date.today()

    def set_contacts(self, rows: list[HelplineContactDTO]) -> None:
        self.set_rows(rows)

    def contact(self, row: int) -> HelplineContactDTO:
        return self.row_item(row)

    def is_due(self, contact: HelplineContactDTO) -> bool:
        return contact.follow_up_due(self.today)

    def caller_text(self, c: HelplineContactDTO) -> str:
        """The linked person, else the name given, else anonymous."""
        if c.person_name:
            return c.person_name
        if c.caller_name:
            return c.caller_name
        return self.tr("Anonym") if c.anonymous else self.tr("Okänd person")

    # ---- Qt model ------------------------------------------------------------------------
    def titles(self) -> tuple[str, ...]:
        return (self.tr("Tidpunkt"), self.tr("Kanal"), self.tr("Vem"),
                self.tr("Frågade om"), self.tr("Följs upp"), self.tr("Togs emot av"))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < self.COLUMN_COUNT):
            return self.tr("Klicka för att sortera; klicka igen för att vända ordningen.")
        return super().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        c, column = self.row_at(index), index.column()
        if c is None:
            return None
        due = column == self.FOLLOW_UP and self.is_due(c)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(c, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if due:
                return self.tr("Uppföljningen skulle ha gjorts.") + (
                    f"\n{c.follow_up}" if c.follow_up else "")
            if column == self.ASKED:
                return c.asked or None
            if column == self.FOLLOW_UP:
                return c.follow_up or None
            if column == self.CALLER and c.person_id:
                return self.tr("Kopplad till en person i registret")
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if due:
                return QBrush(DUE)
            if column == self.CALLER and c.anonymous:
                return QBrush(ANONYMOUS)
            return None
        if role == Qt.ItemDataRole.FontRole and due:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def text(self, c: HelplineContactDTO, column: int) -> str:
        if column == self.WHEN:
            return c.contacted_at.strftime("%Y-%m-%d %H:%M")
        if column == self.CHANNEL:
            return channel_label(c.channel)
        if column == self.CALLER:
            return self.caller_text(c)
        if column == self.ASKED:
            return short_text(c.asked)
        if column == self.FOLLOW_UP:
            return date_text(c.follow_up_on)
        if column == self.HANDLED_BY:
            return c.handled_by or ""
        return ""

    def sort_key(self, c: HelplineContactDTO, column: int) -> Any:
        if column == self.WHEN:
            return c.contacted_at
        if column == self.FOLLOW_UP:
            # Contacts without a follow-up day last when ascending (the due ones first).
            return (c.follow_up_on is None, c.follow_up_on or date.max, c.contacted_at)
        return (self.text(c, column).casefold(), c.contacted_at or datetime.min)


class HelplineDueModel(AttentionTableModel):
    """Översikt's list of help-line follow-ups whose day has come, the longest overdue
    first (the service's order); a row opens the contact."""

    kind = "helpline_contact"

    def columns(self) -> Sequence[Column]:
        return (Column(self.tr("Vem"), self._caller),
                Column(self.tr("Kontakt"), lambda c: date_text(c.contacted_at.date())),
                Column(self.tr("Följs upp"), lambda c: date_text(c.follow_up_on)),
                Column(self.tr("Dagar sen"), self._days_late, numeric=True))

    def record_id(self, item: HelplineContactDTO) -> str:
        return item.id

    def _caller(self, c: HelplineContactDTO) -> str:
        return c.person_name or c.caller_name or self.tr("Anonym")

    @staticmethod
    def _days_late(c: HelplineContactDTO) -> str:
        late = (date.today() - c.follow_up_on).days if c.follow_up_on else 0
        return QLocale().toString(late)
